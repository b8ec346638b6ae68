// Invariants every fuzz target asserts on what the core produced. A broken invariant prints what
// and aborts, which libFuzzer reports as a crash and saves the input.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "article/json.hpp"
#include "article/model.hpp"
#include "format/html.hpp"
#include "format/search.hpp"
#include "ingest/json.hpp"

namespace fuzz {

[[noreturn]] inline void broken(const char* what, std::string_view detail = {}) {
    std::fprintf(stderr, "\ninvariant broken: %s\n%.*s\n", what, static_cast<int>(std::min<size_t>(detail.size(), 2000)),
                 detail.data());
    std::abort();
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, nothing truncated.
inline bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b < 0x80) n = 0;
        else if (b >= 0xC2 && b <= 0xDF) n = 1;
        else if (b >= 0xE0 && b <= 0xEF) n = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        else if (b >= 0xF0 && b <= 0xF4) n = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        else return false;
        if (i + n + 1 > s.size()) return false;
        for (size_t k = 1; k <= n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return false;
        }
        i += n + 1;
    }
    return true;
}

inline bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list)
        if (s == x) return true;
    return false;
}

// The five entities escape_html writes, decoded, so that a URL is judged as the browser sees it.
inline std::string unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        bool found = false;
        for (auto [entity, c] : {std::pair{"&amp;", '&'}, std::pair{"&lt;", '<'}, std::pair{"&gt;", '>'},
                                 std::pair{"&quot;", '"'}, std::pair{"&#39;", '\''}}) {
            if (s.substr(i).starts_with(entity)) {
                out += c;
                i += std::string_view(entity).size() - 1;
                found = true;
                break;
            }
        }
        if (!found) broken("an & that is not one of the five entities", s);
    }
    return out;
}

// The browser's view of a URL's scheme, written independently of format/escape.cpp: leading C0
// controls and spaces are stripped, tab and newlines removed anywhere, then an ASCII letter followed
// by letters, digits, + - . and a colon is a scheme.
inline void check_url(std::string_view attribute_value) {
    std::string url = unescape(attribute_value);
    size_t begin = 0;
    while (begin < url.size() && static_cast<unsigned char>(url[begin]) <= 0x20) ++begin;
    std::string s;
    for (char c : url.substr(begin))
        if (c != '\t' && c != '\n' && c != '\r') s += c;
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return;
    size_t i = 1;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
    if (i == s.size() || s[i] != ':') return;
    std::string scheme = s.substr(0, i);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!one_of(scheme, {"http", "https", "mailto"})) broken("a URL with a scheme outside the policy", url);
}

// The reading view's HTML: valid UTF-8; every tag from the formatter's set, balanced; attributes
// from an allowlist (never style or on*), double-quoted, URLs within the policy; text fully escaped.
inline void check_html(std::string_view html) {
    if (!valid_utf8(html)) broken("the HTML is not valid UTF-8");
    std::vector<std::string_view> open;
    size_t i = 0;
    const auto name_at = [&](size_t& k) {
        const size_t start = k;
        while (k < html.size() && (std::isalnum(static_cast<unsigned char>(html[k])) || html[k] == '-')) ++k;
        return html.substr(start, k - start);
    };
    while (i < html.size()) {
        const char c = html[i];
        if (c == '>' || c == '"' || c == '\'') broken("an unescaped > or quote in text", html.substr(i > 200 ? i - 200 : 0, 400));
        if (c == '&') {
            const size_t semi = html.find(';', i);
            if (semi == std::string_view::npos) broken("an & with no entity", html.substr(i, 40));
            unescape(html.substr(i, semi + 1 - i));
        }
        if (c != '<') {
            ++i;
            continue;
        }
        ++i;
        const bool closing = i < html.size() && html[i] == '/';
        if (closing) ++i;
        const std::string_view tag = name_at(i);
        if (!one_of(tag, {"article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "time", "nav", "ol", "ul",
                          "li", "a", "div", "details", "summary", "blockquote", "pre", "code", "hr", "figure", "img",
                          "br", "em", "strong", "del", "s", "table", "thead", "tbody", "tr", "th", "td", "input", "sup",
                          "section", "footer"}))
            broken("an element outside the formatter's set", html.substr(i - tag.size() - 1, 80));
        const bool is_void = one_of(tag, {"br", "hr", "img", "input"});
        if (closing) {
            if (i >= html.size() || html[i] != '>') broken("a malformed end tag", html.substr(i - tag.size() - 2, 80));
            if (open.empty() || open.back() != tag) broken("unbalanced end tag", html.substr(i - tag.size() - 2, 80));
            open.pop_back();
            ++i;
            continue;
        }
        for (;;) {
            while (i < html.size() && html[i] == ' ') ++i;
            if (i >= html.size()) broken("a start tag that never ends", tag);
            if (html[i] == '>') break;
            const size_t attr_at = i;
            const std::string_view attr = name_at(i);
            if (attr.empty()) broken("a malformed attribute", html.substr(attr_at, 80));
            if (attr.starts_with("on") || attr == "style") broken("an on* or style attribute", html.substr(attr_at, 80));
            if (!one_of(attr, {"class", "lang", "dir", "id", "href", "src", "alt", "title", "open", "start", "type",
                               "loading", "decoding", "checked", "disabled", "align", "scope", "colspan", "rowspan", "role"}) &&
                !attr.starts_with("data-") && !attr.starts_with("aria-"))
                broken("an attribute outside the allowlist", html.substr(attr_at, 80));
            if (i < html.size() && html[i] == '=') {
                if (++i >= html.size() || html[i] != '"') broken("an unquoted attribute value", html.substr(attr_at, 80));
                const size_t end = html.find('"', ++i);
                if (end == std::string_view::npos) broken("an attribute value that never ends", html.substr(attr_at, 80));
                const std::string_view value = html.substr(i, end - i);
                if (value.find_first_of("<>'") != std::string_view::npos)
                    broken("an unescaped < > or ' in an attribute value", html.substr(attr_at, 200));
                if (attr == "href" || attr == "src") check_url(value);
                else unescape(value);
                i = end + 1;
            }
        }
        ++i;
        if (!is_void) open.push_back(tag);
    }
    if (!open.empty()) broken("elements left open at the end", open.back());
}

// A reader's model: its JSON is what nlohmann would write, and it reads back to the same model;
// both reading views pass check_html, and every search match points into a numbered unit.
inline void check_article(const reader::Article& a, std::string_view query = "a") {
    const std::string compact = reader::write_json(a, false);
    const std::string pretty = reader::write_json(a, true);
    if (!valid_utf8(compact)) broken("the JSON is not valid UTF-8");
    const auto parsed = reader::Json::parse(pretty, nullptr, false);
    if (parsed.is_discarded()) broken("the JSON writer's output is not JSON", pretty);
    if (parsed.dump(2) + "\n" != pretty) broken("the JSON writer's layout differs from nlohmann's dump(2)", pretty);
    reader::Article again;
    if (const std::string error = reader::read_json_article(compact, again); !error.empty())
        broken("the JSON writer's output does not read back", error + "\n" + compact);
    if (!(again == a)) broken("the JSON writer's output reads back to a different model", compact);
    const std::string open = reader::render_html(a, {true});
    check_html(open);
    check_html(reader::render_html(a, {false}));
    size_t units = 0;
    for (size_t at = open.find(" data-u=\""); at != std::string::npos; at = open.find(" data-u=\"", at + 1)) ++units;
    if (reader::search_units(a).size() != units) broken("search units differ from the data-u elements");
    const reader::SearchResult found = reader::search(a, query);
    if (found.matches.size() > found.total || found.matches.size() > reader::max_search_matches)
        broken("more search matches than counted");
    for (const reader::SearchMatch& m : found.matches)
        if (m.unit < 0 || static_cast<size_t>(m.unit) >= units || m.start < 0 || m.end < m.start)
            broken("a search match outside the units");
}

}  // namespace fuzz
