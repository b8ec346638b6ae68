// Small helpers over text that is already valid UTF-8 (the ingest step guarantees that).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reader {

// Decodes one code point at `i` and advances `i` past it. Expects valid UTF-8.
char32_t next_codepoint(std::string_view s, size_t& i);

void append_utf8(std::string& out, char32_t c);

template <typename F>
void for_each_codepoint(std::string_view s, F&& f) {
    for (size_t i = 0; i < s.size();) f(next_codepoint(s, i));
}

size_t count_codepoints(std::string_view s);

std::string lower_ascii(std::string_view s);  // A-Z lower-cased, every other byte kept

// White space beyond ASCII: NBSP, the Unicode spaces, line/paragraph separators, ideographic space.
bool is_unicode_space(char32_t c);

// Characters trimmed from the edges of lines: white space, BOM, and zero-width characters.
bool is_edge_junk(char32_t c);

std::string_view trim_edges(std::string_view line);

// Han, Hiragana, Katakana and Hangul: scripts whose words are counted one character each.
bool is_cjk(char32_t c);

}  // namespace reader
