#include "ingest/markdown/chars.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "article/text.hpp"

namespace reader::md {
namespace {
#include "ingest/markdown/tables.inc"

constexpr char32_t replacement = 0xFFFD;

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Reads the LEB128 varints of a table in tables.inc, one after another.
class Varints {
public:
    explicit Varints(const unsigned char* at) : at_(at) {}
    char32_t next() {
        char32_t value = 0;
        for (int shift = 0;; shift += 7) {
            const unsigned char b = *at_++;
            value |= static_cast<char32_t>(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
    int next_signed() {  // zigzag: 0, -1, 1, -2, ... are 0, 1, 2, 3, ...
        const char32_t z = next();
        return z % 2 == 0 ? static_cast<int>(z / 2) : -static_cast<int>(z / 2) - 1;
    }

private:
    const unsigned char* at_;
};

struct Range {
    char32_t first, last;
};

const std::vector<Range>& punctuation_ranges() {
    static const std::vector<Range> ranges = [] {
        std::vector<Range> out(punctuation_range_count);
        Varints steps(punctuation_steps);
        char32_t after = 0;  // the code point after the previous range
        for (Range& r : out) {
            r.first = after + steps.next();
            r.last = r.first + steps.next();
            after = r.last + 1;
        }
        return out;
    }();
    return ranges;
}

struct FoldRun {
    char32_t first, count, stride;
    int delta;
};

const std::vector<FoldRun>& fold_runs() {
    static const std::vector<FoldRun> runs = [] {
        std::vector<FoldRun> out(fold_run_count);
        Varints steps(fold_run_steps);
        char32_t previous = 0;
        for (FoldRun& r : out) {
            r.first = previous += steps.next();
            r.count = steps.next();
            r.stride = steps.next();
            r.delta = steps.next_signed();
        }
        return out;
    }();
    return runs;
}

struct MultiFold {
    char32_t from;
    std::string_view to;
};

const std::vector<MultiFold>& multi_folds() {
    static const std::vector<MultiFold> folds = [] {
        std::vector<MultiFold> out(multi_fold_count);
        Varints steps(multi_fold_steps);
        const char* text = reinterpret_cast<const char*>(multi_fold_text);
        char32_t previous = 0;
        for (MultiFold& m : out) {
            m.from = previous += steps.next();
            const size_t length = steps.next();
            m.to = std::string_view(text, length);
            text += length;
        }
        return out;
    }();
    return folds;
}

// The HTML5 named character references, unpacked on the first entity into an open-addressing hash
// table keyed by name (FNV-1a): a lookup is one probe or two, with no per-name allocation.
class EntityTable {
public:
    EntityTable() : slots_(size) {
        Varints steps(entity_steps);
        const std::string_view names(entity_names);
        size_t at = 0;
        char32_t previous = 0;
        for (int group = 0; group < entity_single_count + entity_pair_count; ++group) {
            if (group == entity_single_count) previous = 0;  // the pairs' steps start afresh
            const char32_t first = previous += steps.next();
            const char32_t second = group < entity_single_count ? 0 : steps.next();
            const size_t end = std::min(names.find('\n', at), names.size());
            while (at < end) {
                const size_t space = std::min(names.find(' ', at), end);
                insert(names.substr(at, space - at), first, second);
                at = space + (space < end);
            }
            at = end + 1;
        }
    }

    // Appends what `name` stands for; false when it is no entity.
    bool append(std::string_view name, std::string& out) const {
        for (size_t i = hash(name);; i = (i + 1) % size) {
            const Slot& s = slots_[i];
            if (s.name.empty()) return false;
            if (s.name != name) continue;
            reader::append_utf8(out, s.first);
            if (s.second != 0) reader::append_utf8(out, s.second);
            return true;
        }
    }

private:
    struct Slot {
        std::string_view name;  // into entity_names
        char32_t first = 0, second = 0;
    };
    static constexpr size_t size = 4096;  // a power of two, about twice the 2,125 names
    std::vector<Slot> slots_;

    static size_t hash(std::string_view name) {
        std::uint32_t h = 2166136261u;
        for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        return h % size;
    }

    void insert(std::string_view name, char32_t first, char32_t second) {
        size_t i = hash(name);
        while (!slots_[i].name.empty()) i = (i + 1) % size;
        slots_[i] = Slot{name, first, second};
    }
};

bool lookup_entity(std::string_view name, std::string& out) {
    static const EntityTable table;
    return table.append(name, out);
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
    for (const MultiFold& m : multi_folds())
        if (m.from == cp) return multi = m.to, 0;
    // The runs are sorted by first code point: find the last run starting at or before cp.
    const std::vector<FoldRun>& runs = fold_runs();
    const auto run = std::upper_bound(runs.begin(), runs.end(), cp,
                                      [](char32_t c, const FoldRun& r) { return c < r.first; });
    if (run == runs.begin()) return cp;
    const FoldRun& r = *(run - 1);
    const char32_t offset = cp - r.first;
    if (offset % r.stride == 0 && offset / r.stride < r.count) return static_cast<char32_t>(static_cast<int>(cp) + r.delta);
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
    const std::vector<Range>& ranges = punctuation_ranges();
    const auto r = std::upper_bound(ranges.begin(), ranges.end(), cp,
                                    [](char32_t c, const Range& range) { return c < range.first; });
    return r != ranges.begin() && cp <= (r - 1)->last;
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
    out.reserve(label.size());
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
        // ASCII folds to itself but for A-Z, without the search through the fold tables: every
        // bracket closed in a document with references is looked up, so this is a hot loop.
        if (cp < 0x80) {
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
            continue;
        }
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
