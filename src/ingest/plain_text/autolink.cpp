#include "ingest/plain_text/autolink.hpp"

#include <optional>
#include <string>

#include "ingest/plain_text/lines.hpp"

namespace reader::text {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool ends_url(char c) { return c == ' ' || c == '\t' || c == '<' || c == '>' || c == '"' || c == '`'; }

struct Match {
    size_t begin = 0, end = 0;
    std::string url;
};

// Drops trailing punctuation, and closing brackets that have no opening one inside the URL.
size_t trim_url_end(std::string_view s, size_t begin, size_t end) {
    while (end > begin) {
        const char c = s[end - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '*' || c == '_') {
            --end;
            continue;
        }
        if (c == ')' || c == ']') {
            const char open = c == ')' ? '(' : '[';
            int balance = 0;
            for (size_t i = begin; i < end; ++i) balance += (s[i] == open) - (s[i] == c);
            if (balance < 0) {
                --end;
                continue;
            }
        }
        break;
    }
    return end;
}

bool at_word_start(std::string_view s, size_t i) { return i == 0 || !is_alnum(s[i - 1]); }

std::optional<Match> url_at(std::string_view s, size_t i) {
    size_t skip = 0;
    std::string prefix;
    if (starts_with_ci(s.substr(i), "https://")) skip = 8;
    else if (starts_with_ci(s.substr(i), "http://")) skip = 7;
    else if (starts_with_ci(s.substr(i), "www.")) skip = 4, prefix = "http://";
    if (skip == 0 || !at_word_start(s, i)) return std::nullopt;
    size_t end = i + skip;
    while (end < s.size() && !ends_url(s[end])) ++end;
    end = trim_url_end(s, i, end);
    if (end <= i + skip || !is_alnum(s[i + skip])) return std::nullopt;
    return Match{i, end, prefix + std::string(s.substr(i, end - i))};
}

bool is_local_char(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

// name@example.com: the '@' is at `at`.
std::optional<Match> email_around(std::string_view s, size_t at) {
    size_t begin = at;
    while (begin > 0 && is_local_char(s[begin - 1])) --begin;
    while (begin < at && s[begin] == '.') ++begin;
    size_t end = at + 1, last_dot = 0;
    while (end < s.size() && (is_alnum(s[end]) || s[end] == '-' || s[end] == '.')) {
        if (s[end] == '.') last_dot = end;
        ++end;
    }
    while (end > at + 1 && (s[end - 1] == '.' || s[end - 1] == '-')) --end;
    if (begin == at || last_dot <= at + 1 || end - last_dot - 1 < 2) return std::nullopt;
    for (size_t i = last_dot + 1; i < end; ++i)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) return std::nullopt;
    return Match{begin, end, "mailto:" + std::string(s.substr(begin, end - begin))};
}

std::optional<Match> next_match(std::string_view s, size_t from) {
    for (size_t i = from; i < s.size(); ++i) {
        if (s[i] == 'h' || s[i] == 'H' || s[i] == 'w' || s[i] == 'W')
            if (auto m = url_at(s, i)) return m;
        if (s[i] == '@')
            if (auto m = email_around(s, i); m && m->begin >= from) return m;
    }
    return std::nullopt;
}

void append_text(std::string_view text, std::vector<Inline>& out) {
    if (text.empty()) return;
    if (!out.empty() && out.back().type == InlineType::text) {
        out.back().text += text;
        return;
    }
    Inline in;
    in.text = std::string(text);
    out.push_back(std::move(in));
}

}  // namespace

void append_linked(std::string_view text, std::vector<Inline>& out) {
    size_t done = 0;
    while (auto m = next_match(text, done)) {
        append_text(text.substr(done, m->begin - done), out);
        Inline link;
        link.type = InlineType::link;
        link.url = m->url;
        append_text(text.substr(m->begin, m->end - m->begin), link.children);
        out.push_back(std::move(link));
        done = m->end;
    }
    append_text(text.substr(done), out);
}

}  // namespace reader::text
