#include "format/export.hpp"

#include "article/json.hpp"
#include "format/escape.hpp"

namespace reader {
namespace {

bool starts_with_nocase(std::string_view text, size_t at, std::string_view lower) {
    if (text.size() - at < lower.size()) return false;
    for (size_t i = 0; i < lower.size(); ++i) {
        char c = text[at + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

// Copies `text`, writing a backslash after the '<' of every "</tag" (any case) and, when asked,
// of every "<!--".
std::string guard_end_tag(std::string_view text, std::string_view end_tag, bool comments) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] != '<') continue;
        if (starts_with_nocase(text, i, end_tag) || (comments && text.substr(i, 4) == "<!--")) out += '\\';
    }
    return out;
}

}  // namespace

std::string inline_script_text(std::string_view js) { return guard_end_tag(js, "</script", true); }

std::string inline_style_text(std::string_view css) { return guard_end_tag(css, "</style", false); }

std::string export_html(const Article& article, const ExportAssets& assets, const HtmlOptions& options) {
    std::string out = "<!doctype html>\n<html lang=\"";
    escape_html(article.lang, out);
    out += "\" dir=\"";
    escape_html(article.dir, out);
    out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    escape_html(article.title.empty() ? std::string_view("Article") : std::string_view(article.title), out);
    out += "</title>\n<meta http-equiv=\"Content-Security-Policy\" content=\"";
    escape_html(export_csp, out);
    out += "\">\n<meta name=\"generator\" content=\"article-reader " ARTICLE_READER_VERSION "\">\n";
    out += "<style data-article-reader>\n";
    out += inline_style_text(assets.css);
    // The page is the reader, edge to edge: no body margin, and its theme down to the window's end.
    out += "</style>\n<style>body{margin:0}article-reader{min-height:100vh}</style>\n<script>\n";
    out += inline_script_text(assets.core_js);
    out += "\n</script>\n<script>\n";
    out += inline_script_text(assets.element_js);
    out += "\n</script>\n</head>\n<body>\n<article-reader><template type=\"application/json\">";
    write_json(article, false, [&](std::string_view piece) { escape_html(piece, out); });
    out += "</template>\n<div class=\"ar-root\" data-theme=\"auto\">\n";
    out += render_html(article, options);
    out += "</div></article-reader>\n</body>\n</html>\n";
    return out;
}

}  // namespace reader
