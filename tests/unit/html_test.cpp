#include <doctest/doctest.h>

#include "format/html.hpp"
#include "format/options.hpp"
#include "ingest/read.hpp"
#include "ingest/json.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

Article default_article() {
    return *read_article(read_source_file("assets/articles/china-japan-security-dialogue.txt"), Format::text).article;
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::string render_json(const std::string& json) {
    Article a;
    REQUIRE(read_json_article(json, a) == "");
    return render_html(a);
}

}  // namespace

TEST_CASE("sections render as open details with their ids, headings and bodies") {
    const std::string html = render_html(default_article());
    CHECK(html.find("<h1 class=\"ar-title\" data-u=\"0\">17th China-Japan security dialogue addresses issues of common concern</h1>") != std::string::npos);
    CHECK(html.find("<div class=\"ar-section-frame\"><a class=\"ar-anchor\" href=\"#china-urges-japan-to-correct-wrongdoings\" "
                    "title=\"Link to this section\" aria-label=\"Link to section: China urges Japan to correct wrongdoings\">#</a>\n"
                    "<details class=\"ar-section ar-level-2\" id=\"china-urges-japan-to-correct-wrongdoings\" open>\n"
                    "<summary class=\"ar-summary\"><h2 class=\"ar-heading\" data-u=\"6\">China urges Japan to correct wrongdoings</h2>"
                    "<span class=\"ar-section-meta\">3 paragraphs · 1 min</span></summary>") != std::string::npos);
    CHECK(count(html, "<details class=\"ar-section") == 2);
    CHECK(count(html, "<p data-u=") == 13);
    CHECK(count(html, " data-u=") == 16);  // title, 13 paragraphs, 2 headings
    CHECK(html.find("<nav class=\"ar-toc\" aria-label=\"Contents\">\n<p class=\"ar-toc-title\">Contents</p>\n<ol>\n"
                    "<li><a href=\"#china-urges-japan-to-correct-wrongdoings\">China urges Japan to correct wrongdoings</a></li>\n"
                    "<li><a href=\"#rejecting-confrontation-and-division\">Rejecting confrontation and division</a></li>\n</ol>\n</nav>") !=
          std::string::npos);
    CHECK(html.find("3 min read") != std::string::npos);
    CHECK(html.find("476 words") != std::string::npos);
    // the dropped line is only in the closed "left out" panel at the end
    const size_t panel = html.find("<details class=\"ar-dropped\"><summary>1 passage left out</summary>");
    REQUIRE(panel != std::string::npos);
    CHECK(html.find("Search Trends") > panel);
    CHECK(html.find("<li><span class=\"ar-dropped-text\">Search Trends</span> <span class=\"ar-dropped-reason\">(trailing site navigation)</span></li>") != std::string::npos);
    CHECK(html.find("Japan&#39;s push for military expansion") != std::string::npos);
}

TEST_CASE("collapsed option closes every section") {
    ViewOptions options;
    REQUIRE(view_options_from_json(R"J({"collapsed": "all", "lang": "en-GB"})J", options) == "");
    CHECK(options.read.lang == "en-GB");
    const std::string html = render_html(default_article(), options.html);
    CHECK(count(html, "<details class=\"ar-section") == 2);
    CHECK(count(html, " open>") == 0);
    CHECK(view_options_from_json(R"J({"collapsed": "some"})J", options) == "/collapsed: expected \"none\" or \"all\"");
    CHECK(view_options_from_json(R"J({"theme": "dark"})J", options) == "/theme: unknown option");
    CHECK(view_options_from_json(R"J({"dir": 1})J", options) == "/dir: expected a string");
    CHECK(view_options_from_json("nope", options) == "/: options must be a JSON object");
}

TEST_CASE("hostile text is escaped everywhere it appears") {
    const std::string evil = R"J(<img src=x onerror=alert(1)>\"'&)J";
    const std::string json = R"J({"version":1,"title":"<script>alert(1)</script>","byline":"<b onmouseover=x>","lang":"en\" onload=\"x",
        "sections":[{"id":"a\"><script>","heading":"<svg onload=alert(1)>","level":2,
          "blocks":[{"type":"code","text":"</code><script>","lang":"\"><x"}]}]})J";
    Article a;
    // the lang attack is stopped by validation; render the rest with a plain lang
    CHECK(read_json_article(json, a) == "/lang: expected a language tag such as \"en\" or \"zh-Hans\"");
    std::string safe = json;
    safe.replace(safe.find(R"J("en\" onload=\"x")J"), std::string(R"J("en\" onload=\"x")J").size(), "\"en\"");
    const std::string html = render_json(safe);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<svg") == std::string::npos);
    CHECK(html.find("<b ") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("id=\"a&quot;&gt;&lt;script&gt;\"") != std::string::npos);
    (void)evil;
}

TEST_CASE("links and images follow the URL policy; no style or event attributes ever") {
    const std::string html = render_json(R"J({"version":1,"title":"T","blocks":[{"type":"paragraph","inlines":[
        {"type":"link","url":"javascript:alert(1)","inlines":[{"type":"text","text":"bad link"}]},
        {"type":"link","url":"https://example.com/?a=1&b=\"2\"","title":"t\"x","inlines":[{"type":"text","text":"good"}]},
        {"type":"image","url":"data:image/svg+xml,<svg onload=alert(1)>","alt":"bad image"},
        {"type":"image","url":"pic.png","alt":"a \"pic\""}]}]})J");
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("data:") == std::string::npos);
    CHECK(html.find("bad link") != std::string::npos);
    CHECK(html.find("bad image") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\" title=\"t&quot;x\">good</a>") != std::string::npos);
    CHECK(html.find("<img src=\"pic.png\" alt=\"a &quot;pic&quot;\" loading=\"lazy\" decoding=\"async\">") != std::string::npos);
    CHECK(html.find("style=") == std::string::npos);
    CHECK(html.find(" on") == std::string::npos);
}

TEST_CASE("every block type renders") {
    const std::string html = render_json(R"J({"version":1,"title":"","blocks":[
        {"type":"list","ordered":true,"start":3,"items":[{"blocks":[{"type":"paragraph","inlines":[{"type":"text","text":"x"}]}]}]},
        {"type":"list","ordered":false,"items":[]},
        {"type":"quote","blocks":[{"type":"rule"}]},
        {"type":"code","text":"a < b","lang":"cpp"},
        {"type":"paragraph","inlines":[{"type":"emphasis","inlines":[{"type":"strong","inlines":[{"type":"code","text":"c"}]}]},{"type":"break"}]}],
        "sections":[{"heading":"Outer","level":2,"sections":[{"heading":"Inner","level":3}]}]})J");
    CHECK(html.find("<h1") == std::string::npos);
    CHECK(html.find("<ol start=\"3\">\n<li><p data-u=\"0\">x</p>\n</li>\n</ol>") != std::string::npos);
    CHECK(html.find("<ul>\n</ul>") != std::string::npos);
    CHECK(html.find("<blockquote>\n<hr>\n</blockquote>") != std::string::npos);
    CHECK(html.find("<pre><code data-lang=\"cpp\" data-u=\"1\">a &lt; b</code></pre>") != std::string::npos);
    CHECK(html.find("<em><strong><code>c</code></strong></em><br>") != std::string::npos);
    CHECK(html.find("<h3 class=\"ar-heading\" data-u=\"4\">Inner</h3>") != std::string::npos);
    CHECK(html.find("ar-toc") == std::string::npos);  // one top-level section needs no contents
    const size_t outer = html.find("id=\"outer\""), inner = html.find("id=\"inner\""), outer_end = html.rfind("</details>");
    CHECK(outer < inner);
    CHECK(inner < outer_end);
}

namespace {

// Puts the contents entries and the sections back where the shell leaves them out, as the
// element does.
std::string reassemble(const HtmlParts& parts) {
    std::string shell = parts.shell;
    if (!parts.toc.empty()) {
        const size_t end = shell.find("</ol>\n</nav>");
        REQUIRE(end != std::string::npos);
        std::string entries;
        for (const std::string& entry : parts.toc) entries += entry;
        shell.insert(end, entries);
    }
    size_t at = shell.find("<details class=\"ar-dropped\">");
    if (at == std::string::npos) at = shell.rfind("</article>");
    REQUIRE(at != std::string::npos);
    std::string out = shell.substr(0, at);
    for (const HtmlSection& s : parts.sections) out += s.html;
    return out + shell.substr(at);
}

}  // namespace

TEST_CASE("the view in parts: top-level sections apart, the same HTML and unit numbers when put back") {
    for (const char* file : {"assets/articles/china-japan-security-dialogue.txt", "tests/fixtures/text/numbered-headings.txt",
                             "tests/fixtures/text/news-with-chrome.txt", "tests/fixtures/markdown/release-notes.md"}) {
        CAPTURE(file);
        const std::string name = file;
        const Format format = name.ends_with(".md") ? Format::markdown : Format::text;
        const Article a = *read_article(read_source_file(file), format).article;
        const HtmlParts parts = render_html_parts(a);
        CHECK(parts.sections.size() == a.sections.size());
        CHECK(reassemble(parts) == render_html(a));
        CHECK(parts.shell.find("ar-section-frame") == std::string::npos);
        // one contents entry per top-level section, in order, and none left in the shell
        CHECK(parts.toc.size() == (a.sections.size() >= 2 ? a.sections.size() : 0));
        const size_t first_item = parts.shell.find("<li>");  // the list of what was left out has items
        if (first_item != std::string::npos && !parts.toc.empty()) CHECK(first_item > parts.shell.find("</nav>"));
        for (size_t i = 0; i < parts.toc.size(); i++) {
            CHECK(parts.toc[i].starts_with("<li><a href=\"#" + a.sections[i].id + "\">"));
            CHECK(parts.toc[i].ends_with("</li>\n"));
        }
        int next = parts.sections.empty() ? 0 : parts.sections[0].first_unit;
        for (const HtmlSection& s : parts.sections) {
            CHECK(s.first_unit == next);  // contiguous, in document order
            CHECK(s.end_unit > s.first_unit);  // at least the heading
            CHECK(count(s.html, " data-u=\"") == static_cast<size_t>(s.end_unit - s.first_unit));
            CHECK(s.html.find(" data-u=\"" + std::to_string(s.first_unit) + "\"") != std::string::npos);
            next = s.end_unit;
        }
    }
}

TEST_CASE("the view in parts of an article without sections is the whole view") {
    Article a;
    REQUIRE(read_json_article(R"({"version":1,"title":"T","blocks":[{"type":"paragraph","inlines":[{"type":"text","text":"x"}]}]})", a) == "");
    const HtmlParts parts = render_html_parts(a);
    CHECK(parts.sections.empty());
    CHECK(parts.toc.empty());
    CHECK(parts.shell == render_html(a));
}
