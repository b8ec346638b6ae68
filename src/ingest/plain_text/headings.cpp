#include "ingest/plain_text/headings.hpp"

#include <string_view>

#include "article/text.hpp"

namespace reader::text {
namespace {

constexpr size_t max_chars = 80;
constexpr int max_words = 12;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2.3 Methods", "2.3. Methods", "4) Results": the depth, and where the title text starts.
int arabic_number_depth(std::string_view s, size_t& rest) {
    int depth = 0;
    size_t i = 0;
    while (i < s.size() && is_digit(s[i])) {
        size_t digits = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits;
        if (digits > 3) return 0;
        ++depth;
        if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1])) ++i;
    }
    if (depth == 0) return 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ')')) ++i;
    else if (depth == 1) return 0;  // "1 Intro" is too easily a sentence ("3 people died")
    if (i >= s.size() || s[i] != ' ') return 0;
    rest = i + 1;
    return depth;
}

// "IV. Scope"
bool roman_number(std::string_view s, size_t& rest) {
    size_t i = 0;
    while (i < s.size() && std::string_view("IVXLC").find(s[i]) != std::string_view::npos) ++i;
    if (i == 0 || i > 6 || i + 1 >= s.size() || s[i] != '.' || s[i + 1] != ' ') return false;
    rest = i + 2;
    return true;
}

// "Section 4", "Chapter 2: Results", "Part II", "Article 5", "Appendix A"
bool named_number(std::string_view s, size_t& rest) {
    for (std::string_view word : {"section ", "chapter ", "part ", "article ", "appendix "}) {
        if (!starts_with_ci(s, word)) continue;
        size_t i = word.size();
        const size_t start = i;
        while (i < s.size() && (is_digit(s[i]) || std::string_view("IVXLCABCDEFGH.").find(s[i]) != std::string_view::npos)) ++i;
        if (i == start || (i < s.size() && s[i] != ' ' && s[i] != ':')) return false;
        rest = i;
        return true;
    }
    return false;
}

int numbered_depth(std::string_view s) {
    size_t rest = 0;
    if (const int depth = arabic_number_depth(s, rest); depth > 0) return depth;
    if (roman_number(s, rest) || named_number(s, rest)) return 1;
    return 0;
}

bool is_all_caps(std::string_view s) {
    int upper = 0;
    bool lower = false;
    for_each_codepoint(s, [&](char32_t c) {
        upper += (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
                 (c >= 0x410 && c <= 0x42F);
        lower = lower || (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9) ||
                (c >= 0x430 && c <= 0x44F);
    });
    return upper >= 3 && !lower;
}

// Copyright and licence lines read as short standalone lines but are never headings.
bool is_notice(std::string_view s) {
    return starts_with_ci(s, "copyright") || starts_with_ci(s, "(c) ") || s.rfind("\xC2\xA9", 0) == 0;
}


bool short_enough(std::string_view s) { return width(s) <= max_chars && count_words(s) <= max_words; }

}  // namespace

bool reads_as_sentence(std::string_view s) {
    if (s[0] >= 'a' && s[0] <= 'z') return true;
    for (std::string_view quote : {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB"})
        if (s.substr(0, quote.size()) == quote) return true;
    const std::string words = lower_ascii(s.substr(0, s.find(' ', s.find(' ') + 1)));
    const size_t space = words.find(' ');
    if (space == std::string::npos) return false;
    const std::string_view subject = std::string_view(words).substr(0, space), verb = std::string_view(words).substr(space + 1);
    bool pronoun = false, auxiliary = false;
    for (std::string_view p : {"i", "you", "he", "she", "it", "we", "they", "there", "this", "that"}) pronoun = pronoun || subject == p;
    for (std::string_view v : {"was", "is", "were", "are", "am", "had", "has", "have", "did", "do", "does", "will",
                               "would", "could", "should", "can", "must", "might"})
        auxiliary = auxiliary || verb == v;
    return pronoun && auxiliary;
}

std::optional<HeadingCandidate> heading_candidate(const Chunk& chunk) {
    if (chunk.kind == ChunkKind::fence || chunk.lines.size() != 1) return std::nullopt;
    const std::string_view s = chunk.lines[0].text;
    if (!has_letter_or_digit(s) || !short_enough(s) || is_notice(s)) return std::nullopt;
    if (chunk.kind != ChunkKind::underlined && reads_as_sentence(s)) return std::nullopt;
    if (chunk.kind == ChunkKind::underlined) {
        const auto style = chunk.underline == '=' ? HeadingStyle::equals_underline : HeadingStyle::dash_underline;
        return HeadingCandidate{style, 1, true};
    }
    if (const int depth = numbered_depth(s); depth > 0) {
        // "0. Definitions." is a heading in many licences: allow a full stop after a few words.
        const bool tidy = !ends_sentence(s) || (s.back() == '.' && count_words(s) <= 5);
        if (tidy) return HeadingCandidate{HeadingStyle::numbered, depth, false};
        return std::nullopt;
    }
    if (is_all_caps(s) && (!ends_sentence(s) || s.back() == ':')) return HeadingCandidate{HeadingStyle::all_caps, 1, false};
    if (ends_sentence(s)) return std::nullopt;
    return HeadingCandidate{HeadingStyle::plain, 1, false};
}

bool nests_under(const HeadingCandidate& inner, const HeadingCandidate& outer) {
    if (inner.style == HeadingStyle::numbered && outer.style == HeadingStyle::numbered) return inner.depth > outer.depth;
    return static_cast<int>(inner.style) > static_cast<int>(outer.style);
}

}  // namespace reader::text
