#include "ingest/markdown/scan.hpp"

#include <algorithm>
#include <array>

#include "ingest/markdown/chars.hpp"

namespace reader::md {
namespace {

// Deeper parentheses in a bare destination fail the link: the spec allows a limit, and without one
// "[a](b(((…" would rescan to the end of the paragraph for every bracket.
constexpr int max_destination_parens = 32;
constexpr size_t max_label_chars = 999;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool starts_with_nocase(std::string_view s, size_t pos, std::string_view prefix) {
    if (s.size() - std::min(pos, s.size()) < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[pos + i]) != prefix[i]) return false;
    return true;
}

size_t skip_whitespace(std::string_view s, size_t pos) {
    while (pos < s.size() && is_ascii_whitespace(s[pos])) ++pos;
    return pos;
}

size_t scan_tag_name(std::string_view s, size_t pos) {
    if (pos >= s.size() || !is_alpha(s[pos])) return no_match;
    ++pos;
    while (pos < s.size() && (is_alnum(s[pos]) || s[pos] == '-')) ++pos;
    return pos;
}

size_t scan_attribute_value(std::string_view s, size_t pos) {
    if (pos >= s.size()) return no_match;
    if (s[pos] == '"' || s[pos] == '\'') {
        const size_t close = s.find(s[pos], pos + 1);
        return close == std::string_view::npos ? no_match : close + 1;
    }
    const size_t begin = pos;
    while (pos < s.size() && !is_ascii_whitespace(s[pos]) && std::string_view("\"'=<>`").find(s[pos]) == std::string_view::npos)
        ++pos;
    return pos == begin ? no_match : pos;
}

// One attribute, with its leading white space; no_match when there is none.
size_t scan_attribute(std::string_view s, size_t pos) {
    const size_t name = skip_whitespace(s, pos);
    if (name == pos || name >= s.size()) return no_match;
    const char c = s[name];
    if (!is_alpha(c) && c != '_' && c != ':') return no_match;
    size_t end = name + 1;
    while (end < s.size() && (is_alnum(s[end]) || s[end] == '_' || s[end] == '.' || s[end] == ':' || s[end] == '-')) ++end;
    const size_t eq = skip_whitespace(s, end);
    if (eq >= s.size() || s[eq] != '=') return end;
    const size_t value = scan_attribute_value(s, skip_whitespace(s, eq + 1));
    return value == no_match ? end : value;
}

size_t scan_open_tag(std::string_view s, size_t pos) {
    size_t p = scan_tag_name(s, pos + 1);
    if (p == no_match) return no_match;
    for (size_t next; (next = scan_attribute(s, p)) != no_match;) p = next;
    p = skip_whitespace(s, p);
    if (p < s.size() && s[p] == '/') ++p;
    return p < s.size() && s[p] == '>' ? p + 1 : no_match;
}

size_t scan_close_tag(std::string_view s, size_t pos) {
    size_t p = scan_tag_name(s, pos + 2);
    if (p == no_match) return no_match;
    p = skip_whitespace(s, p);
    return p < s.size() && s[p] == '>' ? p + 1 : no_match;
}

// Finds `closer` at or after `from`; remembers a miss in `memo_slot` so that no later scan repeats it.
size_t find_closer(std::string_view s, size_t from, std::string_view closer, size_t* memo_slot) {
    if (memo_slot && *memo_slot != no_match && from >= *memo_slot) return no_match;
    const size_t at = s.find(closer, from);
    if (at == std::string_view::npos) {
        if (memo_slot) *memo_slot = std::min(*memo_slot, from);
        return no_match;
    }
    return at + closer.size();
}

size_t* slot(ScanMemo* memo, int i) { return memo ? &memo->html[i] : nullptr; }

constexpr std::array<std::string_view, 62> block_tags = {
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
    "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "title", "tr", "track", "ul"};

constexpr std::array<std::string_view, 4> raw_tags = {"pre", "script", "style", "textarea"};

bool tag_boundary(std::string_view s, size_t pos) {
    return pos >= s.size() || is_ascii_whitespace(s[pos]) || s[pos] == '>' || (s[pos] == '/' && pos + 1 < s.size() && s[pos + 1] == '>');
}

bool only_whitespace_after(std::string_view s, size_t pos) { return skip_whitespace(s, pos) >= s.size(); }

}  // namespace

size_t scan_link_destination(std::string_view s, size_t pos, std::string_view& dest) {
    if (pos < s.size() && s[pos] == '<') {
        for (size_t p = pos + 1; p < s.size(); ++p) {
            const char c = s[p];
            if (c == '\\' && p + 1 < s.size() && is_ascii_punct(s[p + 1])) ++p;
            else if (c == '>') return dest = s.substr(pos + 1, p - pos - 1), p + 1;
            else if (c == '<' || is_line_end(c)) return no_match;
        }
        return no_match;
    }
    int depth = 0;
    size_t p = pos;
    for (; p < s.size(); ++p) {
        const char c = s[p];
        if (c == '\\' && p + 1 < s.size() && is_ascii_punct(s[p + 1])) ++p;
        else if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) break;
        else if (c == '(' && ++depth > max_destination_parens) return no_match;
        else if (c == ')' && depth-- == 0) break;
    }
    if (p == pos || depth > 0) return no_match;
    dest = s.substr(pos, p - pos);
    return p;
}

size_t scan_link_title(std::string_view s, size_t pos, std::string_view& title, ScanMemo* memo) {
    if (pos >= s.size()) return no_match;
    const char open = s[pos];
    const char close = open == '(' ? ')' : open;
    const int kind = open == '"' ? 0 : open == '\'' ? 1 : open == '(' ? 2 : -1;
    if (kind < 0) return no_match;
    if (memo && memo->title[kind] != no_match && pos >= memo->title[kind]) return no_match;
    for (size_t p = pos + 1; p < s.size(); ++p) {
        const char c = s[p];
        if (c == '\\' && p + 1 < s.size() && is_ascii_punct(s[p + 1])) ++p;
        else if (c == close) return title = s.substr(pos + 1, p - pos - 1), p + 1;
        else if (open == '(' && c == '(') return no_match;
    }
    if (memo) memo->title[kind] = std::min(memo->title[kind], pos);
    return no_match;
}

size_t scan_link_label(std::string_view s, size_t pos, std::string_view& label) {
    if (pos >= s.size() || s[pos] != '[') return no_match;
    bool has_text = false;
    for (size_t p = pos + 1; p < s.size() && p - pos - 1 <= max_label_chars; ++p) {
        const char c = s[p];
        if (c == '\\' && p + 1 < s.size() && is_ascii_punct(s[p + 1])) {
            ++p;
            has_text = true;
        } else if (c == '[') {
            return no_match;
        } else if (c == ']') {
            if (!has_text || p - pos - 1 > max_label_chars) return no_match;
            label = s.substr(pos + 1, p - pos - 1);
            return p + 1;
        } else if (!is_ascii_whitespace(c)) {
            has_text = true;
        }
    }
    return no_match;
}

size_t scan_html_tag(std::string_view s, size_t pos, ScanMemo* memo) {
    if (pos + 1 >= s.size() || s[pos] != '<') return no_match;
    const char c = s[pos + 1];
    if (is_alpha(c)) return scan_open_tag(s, pos);
    if (c == '/') return scan_close_tag(s, pos);
    if (c == '?') return find_closer(s, pos + 2, "?>", slot(memo, 1));
    if (c != '!') return no_match;
    if (s.substr(pos, 4) == "<!--") {
        if (s.substr(pos, 5) == "<!-->") return pos + 5;
        if (s.substr(pos, 6) == "<!--->") return pos + 6;
        return find_closer(s, pos + 4, "-->", slot(memo, 0));
    }
    if (s.substr(pos, 9) == "<![CDATA[") return find_closer(s, pos + 9, "]]>", slot(memo, 3));
    if (pos + 2 < s.size() && is_alpha(s[pos + 2])) return find_closer(s, pos + 3, ">", slot(memo, 2));
    return no_match;
}

size_t scan_uri_autolink(std::string_view s, size_t pos) {
    size_t p = pos + 1;
    if (p >= s.size() || !is_alpha(s[p])) return no_match;
    while (p < s.size() && (is_alnum(s[p]) || s[p] == '+' || s[p] == '.' || s[p] == '-')) ++p;
    const size_t scheme = p - pos - 1;
    if (scheme < 2 || scheme > 32 || p >= s.size() || s[p] != ':') return no_match;
    for (++p; p < s.size(); ++p) {
        const auto c = static_cast<unsigned char>(s[p]);
        if (c == '>') return p + 1;
        if (c <= 0x20 || c == '<' || c == 0x7F) return no_match;
    }
    return no_match;
}

size_t scan_email_autolink(std::string_view s, size_t pos) {
    size_t p = pos + 1;
    const std::string_view local_chars = ".!#$%&'*+/=?^_`{|}~-";
    while (p < s.size() && (is_alnum(s[p]) || local_chars.find(s[p]) != std::string_view::npos)) ++p;
    if (p == pos + 1 || p >= s.size() || s[p] != '@') return no_match;
    ++p;
    for (;;) {  // labels: alphanumeric at both ends, hyphens inside, at most 63 characters
        const size_t begin = p;
        while (p < s.size() && (is_alnum(s[p]) || s[p] == '-') && p - begin < 63) ++p;
        if (p == begin || s[begin] == '-' || s[p - 1] == '-') return no_match;
        if (p < s.size() && s[p] == '.') ++p;
        else break;
    }
    return p < s.size() && s[p] == '>' ? p + 1 : no_match;
}

int html_block_start(std::string_view line, size_t pos, bool in_paragraph) {
    if (pos >= line.size() || line[pos] != '<') return 0;
    for (std::string_view tag : raw_tags)
        if (starts_with_nocase(line, pos + 1, tag) && tag_boundary(line, pos + 1 + tag.size()) &&
            (pos + 1 + tag.size() >= line.size() || line[pos + 1 + tag.size()] != '/'))
            return 1;
    if (line.substr(pos, 4) == "<!--") return 2;
    if (line.substr(pos, 2) == "<?") return 3;
    if (line.substr(pos, 9) == "<![CDATA[") return 5;
    if (line.substr(pos, 2) == "<!" && pos + 2 < line.size() && is_alpha(line[pos + 2])) return 4;
    const size_t name = pos + 1 + (pos + 1 < line.size() && line[pos + 1] == '/');
    const size_t name_end = scan_tag_name(line, name);
    if (name_end != no_match) {
        std::string lowered;
        for (size_t i = name; i < name_end; ++i) lowered += lower(line[i]);
        if (std::find(block_tags.begin(), block_tags.end(), lowered) != block_tags.end() && tag_boundary(line, name_end))
            return 6;
    }
    if (in_paragraph) return 0;
    const size_t tag = line[pos + 1] == '/' ? scan_close_tag(line, pos) : scan_open_tag(line, pos);
    if (tag == no_match || !only_whitespace_after(line, tag)) return 0;
    for (std::string_view t : raw_tags)  // kind 1 tags never open kind 7, even when not a kind 1 start
        if (starts_with_nocase(line, name, t) && name + t.size() == name_end) return 0;
    return 7;
}

bool html_block_ends(std::string_view line, int kind) {
    std::string lowered;
    switch (kind) {
        case 1:
            for (char c : line) lowered += lower(c);
            for (std::string_view t : raw_tags)
                if (lowered.find("</" + std::string(t) + ">") != std::string::npos) return true;
            return false;
        case 2: return line.find("-->") != std::string_view::npos;
        case 3: return line.find("?>") != std::string_view::npos;
        case 4: return line.find('>') != std::string_view::npos;
        case 5: return line.find("]]>") != std::string_view::npos;
        default: return false;
    }
}

}  // namespace reader::md
