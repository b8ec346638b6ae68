#include "article/text.hpp"

namespace reader {

char32_t next_codepoint(std::string_view s, size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t c = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    ++i;
    for (; extra > 0 && i < s.size(); --extra, ++i) c = (c << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

size_t count_codepoints(std::string_view s) {
    size_t n = 0;
    for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return out;
}

bool is_unicode_space(char32_t c) {
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_edge_junk(char32_t c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || is_unicode_space(c) || c == 0xFEFF ||
           c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060;
}

std::string_view trim_edges(std::string_view line) {
    size_t begin = 0;
    while (begin < line.size()) {
        size_t next = begin;
        if (!is_edge_junk(next_codepoint(line, next))) break;
        begin = next;
    }
    size_t end = line.size();
    while (end > begin) {
        size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
        size_t probe = start;
        if (!is_edge_junk(next_codepoint(line, probe))) break;
        end = start;
    }
    return line.substr(begin, end - begin);
}

bool is_cjk(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) ||    // Hiragana, Katakana
           (c >= 0x3400 && c <= 0x4DBF) ||    // CJK Extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
           (c >= 0xAC00 && c <= 0xD7AF) ||    // Hangul syllables
           (c >= 0xF900 && c <= 0xFAFF) ||    // CJK Compatibility Ideographs
           (c >= 0x20000 && c <= 0x3FFFF);    // Supplementary ideographic planes
}

}  // namespace reader
