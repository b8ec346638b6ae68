#include "article/slug.hpp"

#include "article/text.hpp"

namespace reader {
namespace {

bool is_separator(char32_t c) { return c == ' ' || c == '-' || c == '_' || c == '\t' || is_unicode_space(c); }

// Punctuation and symbols that carry no meaning in an id: ASCII punctuation, Latin-1 signs,
// General Punctuation (quotes, dashes) and CJK punctuation.
bool is_dropped(char32_t c) {
    if (c < 0x80) return !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z');
    return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) || c == 0xFEFF;
}

// Lower case for ASCII, Latin-1, Greek and Cyrillic capitals: the scripts whose headings mix cases.
char32_t to_lower(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

}  // namespace

std::string slugify(std::string_view heading) {
    std::string slug;
    bool pending_hyphen = false;
    for_each_codepoint(heading, [&](char32_t c) {
        if (is_separator(c)) {
            pending_hyphen = !slug.empty();
            return;
        }
        if (is_dropped(c)) return;
        if (pending_hyphen) slug += '-';
        pending_hyphen = false;
        append_utf8(slug, to_lower(c));
    });
    return slug.empty() ? "section" : slug;
}

std::string SlugSet::unique(std::string_view heading) {
    const std::string base = slugify(heading);
    std::string id = base;
    int& n = next_suffix_.try_emplace(base, 2).first->second;
    while (taken_.count(id) != 0) id = base + "-" + std::to_string(n++);
    taken_.insert(id);
    return id;
}

}  // namespace reader
