// Scanners for CommonMark's small grammars: link parts, raw HTML, autolinks, HTML block starts.
// Each takes the text and a position and returns the position just past the match, or npos.
#pragma once

#include <string>
#include <string_view>

namespace reader::md {

inline constexpr size_t no_match = std::string_view::npos;

// Where a failed scan to the end of the text began, per kind of closer: a later scan of the same
// kind from further on cannot succeed either, so it stops at once. This keeps runs of unclosed
// titles or HTML comments linear instead of quadratic.
struct ScanMemo {
    size_t title[3] = {no_match, no_match, no_match};  // '"', '\'', ')'
    size_t html[4] = {no_match, no_match, no_match, no_match};  // comment, processing instruction, declaration, CDATA
};

// Link destination at s[pos]; `dest` gets the raw text (escapes not yet resolved).
size_t scan_link_destination(std::string_view s, size_t pos, std::string_view& dest);
// Link title at s[pos] (its opening quote); `title` gets the raw text between the quotes.
size_t scan_link_title(std::string_view s, size_t pos, std::string_view& title, ScanMemo* memo = nullptr);
// Link label at s[pos] ('['); `label` gets the text between the brackets.
size_t scan_link_label(std::string_view s, size_t pos, std::string_view& label);

// Inline raw HTML at s[pos] ('<').
size_t scan_html_tag(std::string_view s, size_t pos, ScanMemo* memo = nullptr);
// Autolinks at s[pos] ('<'); the URL or address is s[pos + 1, end - 1).
size_t scan_uri_autolink(std::string_view s, size_t pos);
size_t scan_email_autolink(std::string_view s, size_t pos);

// The HTML block kind (1-7) a line starting with '<' at line[pos] opens, or 0. Kind 7 cannot
// interrupt a paragraph, so it is only reported when `in_paragraph` is false.
int html_block_start(std::string_view line, size_t pos, bool in_paragraph);
// Whether `line` ends an HTML block of kind 1-5.
bool html_block_ends(std::string_view line, int kind);

}  // namespace reader::md
