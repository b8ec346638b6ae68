// Article -> one self-contained HTML file: the pre-rendered reading view (readable with JavaScript
// off, sections still collapsible as <details>), the article model for the element, and the
// element, its CSS and the single-file wasm core inlined, so that the file opens from disk
// (file://) with no server. The CLI's `export` and the page's "Download for offline" share it.
#pragma once

#include <string>
#include <string_view>

#include "article/model.hpp"
#include "format/html.hpp"

namespace reader {

// The web assets the file carries, as text: web/article-reader.js, web/article-reader.css and
// web/dist/article-reader-core.single.js (the core linked with -sSINGLE_FILE).
struct ExportAssets {
    std::string element_js;
    std::string css;
    std::string core_js;
};

// The file's Content-Security-Policy: inline scripts and styles only (the file has no
// neighbours), wasm compilation, images, and connect-src data: because emscripten 3.1.6's
// single-file core first fetch()es its own data: URL (refused, it would fall back to atob, but
// Chromium reports the refusal as a CSP violation). base-uri 'none' as on the served page.
inline constexpr std::string_view export_csp =
    "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: http: https:; connect-src data:; base-uri 'none'";

// Text made safe to place between <script> and </script>: every "</script" (any case) becomes
// "<\/script" and every "<!--" becomes "<\!--", so the HTML parser can neither end the element
// early nor enter its escaped states. Both rewrites mean the same in JavaScript strings, template
// literals, comments and non-Unicode regular expressions, which is where such text occurs.
std::string inline_script_text(std::string_view js);

// Text made safe to place between <style> and </style>: "</style" (any case) becomes "<\/style",
// the same text to CSS inside strings and comments.
std::string inline_style_text(std::string_view css);

// The whole file. All article text goes through escape_html (the title, the model in its
// <template>) or the formatter (the fallback); no style= or on* attribute is written.
std::string export_html(const Article& article, const ExportAssets& assets, const HtmlOptions& options = {});

}  // namespace reader
