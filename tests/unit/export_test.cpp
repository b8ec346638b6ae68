#include <doctest/doctest.h>

#include "format/export.hpp"
#include "ingest/read.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

Article article_from(const std::string& text) { return *read_article(text, Format::text).article; }

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

const ExportAssets assets{"/* element */ window.x = '</script>';", ".ar-root { color: red; }", "var createArticleReaderCore;"};

}  // namespace

TEST_CASE("inlined scripts cannot end their element or open a comment state, in any case") {
    CHECK(inline_script_text("a = '</script>'; b = '</SCRIPT >'; c = '<!-- x'; d = '</Script'") ==
          "a = '<\\/script>'; b = '<\\/SCRIPT >'; c = '<\\!-- x'; d = '<\\/Script'");
    CHECK(inline_script_text("if (a < b && c </scrip) x = '<!-'") == "if (a < b && c </scrip) x = '<!-'");
    CHECK(inline_script_text("<") == "<");
    CHECK(inline_style_text("a::after { content: '</style>' } /* </STYLE */ <!--") ==
          "a::after { content: '<\\/style>' } /* <\\/STYLE */ <!--");
}

TEST_CASE("an exported file carries the pre-rendered article, the model and the assets") {
    const Article a = *read_article(read_source_file("assets/articles/china-japan-security-dialogue.txt"), Format::text).article;
    const std::string html = export_html(a, assets);
    CHECK(html.rfind("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">", 0) == 0);
    CHECK(html.find("<title>17th China-Japan security dialogue addresses issues of common concern</title>") != std::string::npos);
    CHECK(html.find(std::string("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;")) != std::string::npos);
    CHECK(html.find("<style data-article-reader>\n.ar-root { color: red; }</style>") != std::string::npos);
    CHECK(html.find("window.x = '<\\/script>';") != std::string::npos);
    CHECK(count(html, "</script") == 2);
    CHECK(count(html, "<script>") == 2);
    CHECK(html.find("<article-reader><template type=\"application/json\">{&quot;version&quot;:1,") != std::string::npos);
    CHECK(html.find("<div class=\"ar-root\" data-theme=\"auto\">\n<article class=\"ar-article\"") != std::string::npos);
    CHECK(count(html, "<details class=\"ar-section") == 2);
    CHECK(html.find(" style=") == std::string::npos);
    CHECK(html.ends_with("</body>\n</html>\n"));
}

TEST_CASE("hostile text is escaped in the title, the model and the fallback") {
    const std::string html = export_html(article_from("<script>alert(1)</script>\n\nBody & </template> <!-- x\n"), assets);
    CHECK(html.find("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>") != std::string::npos);
    CHECK(count(html, "<script>") == 2);
    CHECK(count(html, "</template>") == 1);
    CHECK(html.find("alert(1)</script>") == std::string::npos);
    CHECK(html.find("<!--") == std::string::npos);
}

TEST_CASE("an untitled article gets a placeholder title") {
    Article a = article_from("Just one line of text.\n");
    a.title.clear();
    CHECK(export_html(a, assets).find("<title>Article</title>") != std::string::npos);
}
