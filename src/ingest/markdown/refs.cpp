#include "ingest/markdown/refs.hpp"

#include <algorithm>

#include "ingest/markdown/chars.hpp"
#include "ingest/markdown/scan.hpp"

namespace reader::md {
namespace {

size_t skip_spaces(std::string_view s, size_t pos) {
    while (pos < s.size() && is_space_or_tab(s[pos])) ++pos;
    return pos;
}

// Spaces and tabs with at most one line end among them.
size_t skip_space_one_newline(std::string_view s, size_t pos) {
    pos = skip_spaces(s, pos);
    if (pos < s.size() && s[pos] == '\n') pos = skip_spaces(s, pos + 1);
    return pos;
}

// The end of the line at pos when only spaces and tabs remain on it, else no_match.
size_t line_end_after(std::string_view s, size_t pos) {
    pos = skip_spaces(s, pos);
    if (pos >= s.size()) return pos;
    return s[pos] == '\n' ? pos + 1 : no_match;
}

// One definition at pos; returns its end, or no_match.
size_t read_one(std::string_view s, size_t pos, References& refs) {
    std::string_view label, dest, title;
    size_t p = scan_link_label(s, skip_spaces(s, pos), label);
    if (p == no_match || p >= s.size() || s[p] != ':') return no_match;
    p = skip_space_one_newline(s, p + 1);
    const bool pointy = p < s.size() && s[p] == '<';
    const size_t dest_end = scan_link_destination(s, p, dest);
    if (dest_end == no_match || (dest.empty() && !pointy)) return no_match;
    size_t end = no_match;
    bool has_title = false;
    const size_t title_start = skip_space_one_newline(s, dest_end);
    if (title_start > dest_end) {  // a title must be separated from the destination
        const size_t title_end = scan_link_title(s, title_start, title);
        if (title_end != no_match) {
            end = line_end_after(s, title_end);
            has_title = end != no_match;
        }
    }
    if (!has_title) end = line_end_after(s, dest_end);
    if (end == no_match) return no_match;
    const std::string key = normalize_label(label);
    if (key.empty()) return no_match;
    refs.add(key, Reference{encode_url(unescape(dest)), has_title ? unescape(title) : std::string()});
    return end;
}

}  // namespace

void References::seal() {
    std::stable_sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    entries_.erase(std::unique(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                   entries_.end());
}

const Reference* References::find(std::string_view label) const {
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), label,
                                     [](const auto& entry, std::string_view key) { return entry.first < key; });
    return it != entries_.end() && it->first == label ? &it->second : nullptr;
}

size_t read_reference_definitions(std::string_view text, References& refs) {
    size_t pos = 0;
    while (pos < text.size() && text[pos] == '[') {
        const size_t end = read_one(text, pos, refs);
        if (end == no_match) break;
        pos = end;
    }
    return pos;
}

}  // namespace reader::md
