// Characters as CommonMark sees them: classes, UTF-8 steps, entities, label folding, URL encoding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace reader::md {

// A bit for an ASCII character, within its half (0-63 or 64-127): sets of syntax characters as two
// 64-bit masks, tested without a table. Always inlined: the -Oz wasm otherwise makes the test a
// call, in loops that run once per character.
constexpr uint64_t ascii_bit(char c) { return uint64_t{1} << (static_cast<unsigned char>(c) & 63); }
[[gnu::always_inline]] constexpr bool in_ascii_set(char ch, uint64_t low, uint64_t high) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 64 ? (low >> c & 1) != 0 : c < 128 && (high >> (c - 64) & 1) != 0;
}

// Whether any of the eight bytes in `v` (read with memcpy) is `c`: scans that look for a few
// characters step over eight bytes at once while none of them is there. Inlined, as above.
[[gnu::always_inline]] constexpr bool has_byte(uint64_t v, char c) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t x = v ^ (ones * static_cast<unsigned char>(c));
    return ((x - ones) & ~x & highs) != 0;
}

inline bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }
inline bool is_line_end(char c) { return c == '\n' || c == '\r'; }
// Spaces, tabs, line ends and form feed: the "whitespace" of link syntax.
inline bool is_ascii_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_punct(char c);

// The code point at s[i] (U+FFFD for a malformed sequence) and its length in bytes.
char32_t decode_at(std::string_view s, size_t i, size_t& length);
// The code point that ends just before s[i]; U+000A when i is 0 (start of input counts as a line end).
char32_t decode_before(std::string_view s, size_t i);

bool is_unicode_whitespace(char32_t cp);
bool is_unicode_punctuation(char32_t cp);  // general categories P and S

// "&amp;", "&#35;", "&#x22;" at s[i]: appends what it stands for and returns its length, or 0.
size_t decode_entity(std::string_view s, size_t i, std::string& out);

// Backslash escapes and entities resolved, as link destinations, titles and info strings need.
std::string unescape(std::string_view s);

// A link label for matching: trimmed, inner white space collapsed to one space, Unicode case folded.
std::string normalize_label(std::string_view label);

// Percent-encodes what is not safe in an href, keeping existing %XX escapes.
std::string encode_url(std::string_view url);

}  // namespace reader::md
