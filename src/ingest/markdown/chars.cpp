#include "ingest/markdown/chars.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "article/text.hpp"

namespace reader::md {
namespace {
#include "ingest/markdown/tables.inc"

constexpr char32_t replacement = 0xFFFD;

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

int bucket(char first) {
    if (first >= 'A' && first <= 'Z') return first - 'A';
    if (first >= 'a' && first <= 'z') return 26 + first - 'a';
    return -1;
}

// Scans the names that share `name`'s first letter; appends the value when one matches.
bool lookup_entity(std::string_view name, std::string& out) {
    const int b = bucket(name.front());
    if (b < 0) return false;
    for (size_t p = entity_buckets[b], end = entity_buckets[b + 1]; p < end;) {
        size_t q = p;
        while (static_cast<unsigned char>(entity_data[q]) > 8) ++q;  // the length byte ends the name
        const size_t value_length = static_cast<unsigned char>(entity_data[q]);
        if (std::string_view(entity_data + p, q - p) == name) {
            out.append(entity_data + q + 1, value_length);
            return true;
        }
        p = q + 1 + value_length;
    }
    return false;
}

size_t numeric_entity(std::string_view s, size_t i, std::string& out) {
    size_t j = i + 2;  // after "&#"
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    const size_t digits_begin = j, max_digits = hex ? 6 : 7;
    char32_t cp = 0;
    while (j < s.size() && j - digits_begin < max_digits && (hex ? is_hex(s[j]) : is_digit(s[j]))) {
        const char c = s[j++];
        cp = cp * (hex ? 16 : 10) + (is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    if (j == digits_begin || j >= s.size() || s[j] != ';') return 0;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement;
    reader::append_utf8(out, cp);
    return j + 1 - i;
}

char32_t fold_one(char32_t cp, std::string& multi) {
    for (const MultiFold& m : multi_folds)
        if (m.from == cp) return multi = m.to, 0;
    // fold_runs is sorted by first code point: find the last run starting at or before cp.
    const FoldRun* run = std::upper_bound(std::begin(fold_runs), std::end(fold_runs), cp,
                                          [](char32_t c, const FoldRun& r) { return c < r.first; });
    if (run == std::begin(fold_runs)) return cp;
    --run;
    const char32_t offset = cp - run->first;
    if (offset % run->stride == 0 && offset / run->stride < run->count) return cp + run->delta;
    return cp;
}

bool url_safe(char c) {
    return is_alnum(c) || std::strchr(";/?:@&=+$,-_.!~*'()#", c) != nullptr;
}

}  // namespace

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

char32_t decode_at(std::string_view s, size_t i, size_t& length) {
    const auto b = static_cast<unsigned char>(s[i]);
    length = 1;
    if (b < 0x80) return b;
    const size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return replacement;
    char32_t cp = b & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if (!continuation(c)) return replacement;
        cp = (cp << 6) | (c & 0x3F);
    }
    length = n;
    return cp;
}

char32_t decode_before(std::string_view s, size_t i) {
    if (i == 0) return '\n';
    size_t start = i - 1;
    while (start > 0 && i - start < 4 && continuation(static_cast<unsigned char>(s[start]))) --start;
    size_t length = 0;
    const char32_t cp = decode_at(s, start, length);
    return start + length == i ? cp : replacement;
}

bool is_unicode_whitespace(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_unicode_punctuation(char32_t cp) {
    if (cp < 0x80) return is_ascii_punct(static_cast<char>(cp));
    const Range* r = std::upper_bound(std::begin(punctuation_ranges), std::end(punctuation_ranges), cp,
                                      [](char32_t c, const Range& range) { return c < range.first; });
    return r != std::begin(punctuation_ranges) && cp <= (r - 1)->last;
}

size_t decode_entity(std::string_view s, size_t i, std::string& out) {
    if (i + 1 >= s.size() || s[i] != '&') return 0;
    if (s[i + 1] == '#') return numeric_entity(s, i, out);
    size_t j = i + 1;
    while (j < s.size() && j - i <= 32 && is_alnum(s[j])) ++j;
    if (j == i + 1 || j >= s.size() || s[j] != ';') return 0;
    if (!lookup_entity(s.substr(i + 1, j - i - 1), out)) return 0;
    return j + 1 - i;
}

std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out += s[i + 1];
            i += 2;
        } else if (s[i] == '&') {
            const size_t n = decode_entity(s, i, out);
            if (n == 0) out += '&';
            i += n == 0 ? 1 : n;
        } else {
            out += s[i++];
        }
    }
    return out;
}

std::string normalize_label(std::string_view label) {
    std::string out;
    bool pending_space = false;
    for (size_t i = 0; i < label.size();) {
        size_t length = 0;
        const char32_t cp = decode_at(label, i, length);
        i += length;
        if (is_unicode_whitespace(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        std::string multi;
        const char32_t folded = fold_one(cp, multi);
        if (multi.empty()) reader::append_utf8(out, folded);
        else out += multi;
    }
    return out;
}

std::string encode_url(std::string_view url) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size());
    for (size_t i = 0; i < url.size(); ++i) {
        const char c = url[i];
        if (c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2])) {
            out += c;
        } else if (c != '%' && url_safe(c)) {
            out += c;
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += '%';
            out += hex[b >> 4];
            out += hex[b & 15];
        }
    }
    return out;
}

}  // namespace reader::md
