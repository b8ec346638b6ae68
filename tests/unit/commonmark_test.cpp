// The CommonMark parser and its spec HTML beyond the spec's own examples (tests/cli/commonmark.test.mjs
// runs those): the GFM extensions, the limits, and the parts that need tables.
#include <doctest/doctest.h>

#include <string>

#include "format/commonmark_html.hpp"
#include "ingest/markdown/chars.hpp"
#include "ingest/markdown/tree.hpp"

using namespace reader;

namespace {

std::string html(std::string_view markdown, bool gfm = false) {
    md::Document doc;
    md::ParseOptions options;
    options.gfm = gfm;
    md::parse(markdown, options, doc);
    return render_commonmark_html(doc);
}

std::string repeat(std::string_view s, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

size_t count(const std::string& haystack, std::string_view needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("GFM is off unless asked for: tables, tildes and bare URLs stay text") {
    CHECK(html("a | b\n--|--\n") == "<p>a | b\n--|--</p>\n");
    CHECK(html("~~x~~ www.example.com") == "<p>~~x~~ www.example.com</p>\n");
    CHECK(html("- [x] done") == "<ul>\n<li>[x] done</li>\n</ul>\n");
}

TEST_CASE("GFM tables: alignment, escaped pipes, short and long rows, the end of the table") {
    CHECK(html("| a | b | c |\n|:--|:-:|--:|\n| 1 | `x\\|y` |\n| 4 | 5 | 6 | 7 |\n\nafter", true) ==
          "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"center\">b</th>\n<th align=\"right\">c</th>\n"
          "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"center\"><code>x|y</code></td>\n"
          "<td align=\"right\"></td>\n</tr>\n<tr>\n<td align=\"left\">4</td>\n<td align=\"center\">5</td>\n"
          "<td align=\"right\">6</td>\n</tr>\n</tbody>\n</table>\n<p>after</p>\n");
    // The head row is the paragraph's last line; a head with another cell count is no table.
    CHECK(html("intro\n| a |\n| - |", true) == "<p>intro</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n");
    CHECK(html("| a | b |\n| - |", true) == "<p>| a | b |\n| - |</p>\n");
    // A block start ends the table.
    CHECK(html("| a |\n| - |\n> q", true) ==
          "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n<blockquote>\n<p>q</p>\n</blockquote>\n");
}

TEST_CASE("GFM strikethrough takes one or two tildes, matched in length") {
    CHECK(html("~~a~~ ~b~ ~~c~ ~~~d~~~", true) == "<p><del>a</del> <del>b</del> ~~c~ ~~~d~~~</p>\n");
}

TEST_CASE("GFM autolinks: www, http(s) and e-mail, without trailing punctuation or unbalanced parentheses") {
    CHECK(html("see www.example.com/a_(b). and https://x.org/p?q=1, or me@mail.example.org.", true) ==
          "<p>see <a href=\"http://www.example.com/a_(b)\">www.example.com/a_(b)</a>. and "
          "<a href=\"https://x.org/p?q=1\">https://x.org/p?q=1</a>, or "
          "<a href=\"mailto:me@mail.example.org\">me@mail.example.org</a>.</p>\n");
    CHECK(html("(www.example.com)", true) == "<p>(<a href=\"http://www.example.com\">www.example.com</a>)</p>\n");
    CHECK(html("[www.example.com](/x) wwwexample", true) == "<p><a href=\"/x\">www.example.com</a> wwwexample</p>\n");
}

TEST_CASE("GFM task list items") {
    CHECK(html("- [ ] to do\n- [x] done\n- [y] not a box", true) ==
          "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> to do</li>\n"
          "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n<li>[y] not a box</li>\n</ul>\n");
}

TEST_CASE("block quotes and list items nest at most 1000 deep; deeper markers are text") {
    const std::string out = html(repeat("> ", 1200) + "a");
    CHECK(count(out, "<blockquote>") == 1000);
    CHECK(out.find("<p>" + repeat("&gt; ", 199) + "&gt; a</p>") != std::string::npos);
}

TEST_CASE("reference links copy at most a budget of URL bytes: output stays bounded") {
    const std::string url(10000, 'x');
    const std::string input = "[a]: /" + url + "\n\n" + repeat("[a] ", 1000);
    const std::string out = html(input);
    // The budget is 16 times the input plus 100 KB: 324 KB here, 32 of the 10 KB URLs, not 1000.
    CHECK(count(out, "<a href=") == 32);
    CHECK(out.size() < 16 * input.size() + 100000 + 2 * input.size());
}

TEST_CASE("NUL-free input is what the parser sees; entities map through the HTML5 table") {
    CHECK(html("&copy; &CounterClockwiseContourIntegral; &fjlig; &#0; &#x110000; &nosuch;") ==
          "<p>\xc2\xa9 \xe2\x88\xb3 fj \xef\xbf\xbd \xef\xbf\xbd &amp;nosuch;</p>\n");
}

TEST_CASE("link labels match under Unicode case folding") {
    CHECK(md::normalize_label("  \xe1\xba\x9e  Stra\xc3\x9f" "e ") == "ss strasse");
    CHECK(md::normalize_label("\xce\x91\xce\x92\xce\x93") == "\xce\xb1\xce\xb2\xce\xb3");
    CHECK(html("[\xe1\xba\x9e]\n\n[SS]: /u") == "<p><a href=\"/u\">\xe1\xba\x9e</a></p>\n");
}

TEST_CASE("line ends: LF, CRLF and CR alike") {
    CHECK(html("- a\n- b\r- c\r\n- d") == "<ul>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n<li>d</li>\n</ul>\n");
}
