#include "ingest/plain_text/chrome.hpp"

#include <string_view>

namespace reader::text {
namespace {

struct Phrase {
    std::string_view text;    // lower case
    std::string_view reason;
    bool anywhere;            // also dropped in the middle of the body, not only at its edges
};

constexpr std::string_view navigation = "site navigation";
constexpr std::string_view share = "share prompt";
constexpr std::string_view subscribe = "subscribe prompt";
constexpr std::string_view related = "related links";
constexpr std::string_view advert = "advertisement";
constexpr std::string_view comments = "comments prompt";

// Whole lines, compared without case and without trailing punctuation.
constexpr Phrase phrases[] = {
    {"skip to content", navigation, true}, {"skip to main content", navigation, true},
    {"skip to navigation", navigation, true}, {"menu", navigation, false}, {"main menu", navigation, false},
    {"navigation", navigation, false}, {"search", navigation, false}, {"sign in", navigation, false},
    {"log in", navigation, false}, {"login", navigation, false}, {"register", navigation, false},
    {"home", navigation, false}, {"back to top", navigation, true}, {"top of page", navigation, true},
    {"share", share, true}, {"share this", share, true}, {"share this article", share, true},
    {"share this story", share, true}, {"share this page", share, true}, {"tweet", share, false},
    {"email this", share, true}, {"print this page", share, true}, {"copy link", share, true},
    {"facebook", share, false}, {"twitter", share, false}, {"linkedin", share, false}, {"whatsapp", share, false},
    {"reddit", share, false}, {"pinterest", share, false},
    {"subscribe", subscribe, false}, {"subscribe now", subscribe, true}, {"sign up", subscribe, false},
    {"sign up for our newsletter", subscribe, true}, {"subscribe to our newsletter", subscribe, true},
    {"newsletter", subscribe, false}, {"follow us", subscribe, true}, {"get the app", subscribe, true},
    {"related", related, false}, {"related stories", related, false}, {"related articles", related, false},
    {"related content", related, false}, {"related news", related, false}, {"more stories", related, false},
    {"read more", related, false}, {"read next", related, false}, {"recommended", related, false},
    {"recommended for you", related, false}, {"you may also like", related, false},
    {"you might also like", related, false}, {"most popular", related, false}, {"most read", related, false},
    {"trending", related, false}, {"trending now", related, false}, {"top stories", related, false},
    {"latest news", related, false}, {"more on this story", related, false},
    {"advertisement", advert, true}, {"advertisements", advert, true}, {"sponsored", advert, false},
    {"sponsored content", advert, true}, {"story continues below advertisement", advert, true},
    {"article continues below advertisement", advert, true}, {"continue reading below", advert, true},
    {"scroll to continue with content", advert, true}, {"ad", advert, false},
    {"for immediate release", "release label", false}, {"press release", "release label", false},
    {"news release", "release label", false}, {"###", "end mark", false}, {"-30-", "end mark", false},
    {"ends", "end mark", false},
    {"comments", comments, false}, {"leave a comment", comments, false}, {"show comments", comments, false},
    {"view comments", comments, false}, {"join the conversation", comments, false},
};

// Lines that start so are chrome at the edges whatever follows ("Share on Facebook", "Tags: …").
constexpr Phrase prefixes[] = {
    {"share on ", share, true},     {"share via ", share, true},     {"follow us on ", subscribe, true},
    {"read more: ", related, false}, {"related: ", related, false},  {"see also: ", related, false},
    {"more from ", related, false}, {"tags: ", navigation, false},  {"filed under: ", navigation, false},
    {"topics: ", navigation, false},
};

std::string normalised(std::string_view line) {
    std::string s = lower_ascii(line);
    while (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == '>' || s.back() == ' ')) s.pop_back();
    return s;
}

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

std::string phrase_reason(const Chunk& chunk, Place place) {
    if (chunk.kind != ChunkKind::lines || chunk.lines.size() != 1) return "";
    const std::string line = normalised(chunk.lines[0].text);
    for (const Phrase& p : phrases)
        if (line == p.text && (p.anywhere || place != Place::body)) return std::string(p.reason);
    const std::string raw = lower_ascii(chunk.lines[0].text);
    for (const Phrase& p : prefixes)
        if (raw.rfind(p.text, 0) == 0 && width(raw) <= 120 && (p.anywhere || place != Place::body))
            return std::string(p.reason);
    return "";
}

// "Home | World | Asia", "Home > News > Politics": three or more short items between separators.
bool is_breadcrumb(const Chunk& chunk) {
    if (chunk.kind != ChunkKind::lines || chunk.lines.size() != 1) return false;
    const std::string_view line = chunk.lines[0].text;
    for (std::string_view sep : {" | ", " > ", " » ", " / ", " · ", " • "}) {
        int items = 1;
        bool short_items = true;
        size_t start = 0;
        for (size_t at = line.find(sep); at != std::string_view::npos; at = line.find(sep, start)) {
            short_items = short_items && count_words(line.substr(start, at - start)) <= 3;
            start = at + sep.size();
            ++items;
        }
        short_items = short_items && count_words(line.substr(start)) <= 3;
        if (items >= 3 && short_items) return true;
    }
    return false;
}

bool is_cookie_notice(const Chunk& chunk) {
    const std::string text = lower_ascii(chunk_text(chunk));
    return width(text) <= 500 && contains(text, "cookie") &&
           (contains(text, "accept") || contains(text, "consent") || contains(text, "we use") ||
            contains(text, "privacy"));
}

bool is_copyright_footer(const Chunk& chunk) {
    const std::string text = lower_ascii(chunk_text(chunk));
    return chunk.lines.size() <= 2 && width(text) <= 250 &&
           (text.rfind("\xC2\xA9", 0) == 0 || text.rfind("(c) ", 0) == 0 || text.rfind("copyright", 0) == 0 ||
            contains(text, "all rights reserved"));
}

}  // namespace

std::string chrome_reason(const Chunk& chunk, Place place) {
    if (chunk.kind == ChunkKind::fence) return "";
    if (std::string reason = phrase_reason(chunk, place); !reason.empty()) return reason;
    if (place == Place::body) return "";
    if (is_breadcrumb(chunk)) return std::string(navigation);
    if (is_cookie_notice(chunk)) return "cookie notice";
    if (place == Place::trailing && is_copyright_footer(chunk)) return "copyright footer";
    return "";
}

bool is_related_header(const Chunk& chunk) {
    return chrome_reason(chunk, Place::trailing) == related;
}

}  // namespace reader::text
