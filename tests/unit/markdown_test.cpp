// The Markdown reader: CommonMark and GFM into the article model (title, sections, blocks,
// inlines), its raw-HTML policy and its nesting limits.
#include <doctest/doctest.h>

#include <string>

#include "article/json.hpp"
#include "format/html.hpp"
#include "ingest/read.hpp"

using namespace reader;

namespace {

Article md(std::string_view text) {
    ReadResult r = read_article(text, Format::markdown);
    REQUIRE(r.error.empty());
    return *r.article;
}

std::string repeat(std::string_view s, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

// The model read back from JSON through the front door: "" or the error.
std::string from_model_json(std::string_view json, Article& out) {
    ReadResult r = read_article(json, Format::json);
    if (r.article) out = *r.article;
    return r.error;
}

int inline_depth(const std::vector<Inline>& list) {
    int deepest = 0;
    for (const Inline& in : list) deepest = std::max(deepest, 1 + inline_depth(in.children));
    return deepest;
}

int block_depth(const std::vector<Block>& list) {
    int deepest = 0;
    for (const Block& b : list) {
        int d = block_depth(b.blocks);
        for (const ListItem& item : b.items) d = std::max(d, block_depth(item.blocks));
        deepest = std::max(deepest, 1 + d);
    }
    return deepest;
}

}  // namespace

TEST_CASE("a leading # heading is the title; ## and deeper nest as sections") {
    const Article a = md("# Title\n\nLead.\n\n## One\n\nA.\n\n### One.one\n\nB.\n\n## Two\n\n#### Deep\n\n# Later top\n");
    CHECK(a.title == "Title");
    REQUIRE(a.blocks.size() == 1);
    REQUIRE(a.sections.size() == 3);
    CHECK(a.sections[0].heading == "One");
    CHECK(a.sections[0].id == "one");
    REQUIRE(a.sections[0].sections.size() == 1);
    CHECK(a.sections[0].sections[0].level == 3);
    CHECK(a.sections[1].sections[0].heading == "Deep");
    CHECK(a.sections[1].sections[0].level == 4);
    CHECK(a.sections[2].heading == "Later top");  // a later # is a section like ##
    CHECK(a.sections[2].level == 2);
}

TEST_CASE("without a leading # heading there is no title, and setext headings count") {
    const Article a = md("Intro\n\nPart\n----\n\ntext\n");
    CHECK(a.title.empty());
    REQUIRE(a.sections.size() == 1);
    CHECK(a.sections[0].heading == "Part");
}

TEST_CASE("blocks: lists with start and tasks, quotes, code with its language, rules, figures") {
    const Article a = md("3. x\n4. y\n\n- [x] done\n- [ ] not\n\n> q\n\n```cpp extra\nint i;\n```\n\n***\n\n![A *b*](p.png \"T\")\n");
    REQUIRE(a.blocks.size() == 6);
    CHECK(a.blocks[0].ordered);
    CHECK(a.blocks[0].start == 3);
    CHECK(a.blocks[1].items[0].checked == true);
    CHECK(a.blocks[1].items[1].checked == false);
    CHECK(a.blocks[2].type == BlockType::quote);
    CHECK(a.blocks[3].text == "int i;\n");
    CHECK(a.blocks[3].lang == "cpp");
    CHECK(a.blocks[4].type == BlockType::rule);
    CHECK(a.blocks[5].type == BlockType::image);
    CHECK(a.blocks[5].text == "A b");
    CHECK(a.blocks[5].title == "T");
}

TEST_CASE("inlines: emphasis, strong, strikethrough, code, links, breaks and merged text") {
    const Article a = md("a *b* **c** ~~d~~ `e` [f](/g \"h\") i\\\nj\nk");
    const std::vector<Inline>& in = a.blocks[0].inlines;
    REQUIRE(in.size() == 13);
    CHECK(in[1].type == InlineType::emphasis);
    CHECK(in[3].type == InlineType::strong);
    CHECK(in[5].type == InlineType::strikethrough);
    CHECK(in[7].type == InlineType::code);
    CHECK(in[9].type == InlineType::link);
    CHECK(in[9].url == "/g");
    CHECK(in[9].title == "h");
    CHECK(in[10].text == " i");
    CHECK(in[11].type == InlineType::line_break);
    CHECK(in[12].text == "j k");  // a soft line end is a space
}

TEST_CASE("raw HTML: blocks go to dropped, inline tags stay as their escaped source text") {
    const Article a = md("Hi <b>there</b>\n\n<div onclick=\"x()\">\nhidden\n</div>\n\n<!-- note -->\n");
    REQUIRE(a.blocks.size() == 1);
    CHECK(a.blocks[0].inlines[0].text == "Hi <b>there</b>");
    REQUIRE(a.dropped.size() == 2);
    CHECK(a.dropped[0].text == "<div onclick=\"x()\">\nhidden\n</div>");
    CHECK(a.dropped[0].reason == "raw HTML, not shown");
    const std::string html = render_html(a);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("Hi &lt;b&gt;there&lt;/b&gt;") != std::string::npos);
    CHECK(html.find(" onclick=\"") == std::string::npos);
}

TEST_CASE("tables: alignment, head and rows in the model, the view and JSON round trip") {
    const Article a = md("| a | *b* |\n|:-:|--:|\n| 1 | 2 |\n| 3 |\n");
    REQUIRE(a.blocks.size() == 1);
    const Block& t = a.blocks[0];
    CHECK(t.type == BlockType::table);
    CHECK(t.align == std::vector<std::string>{"center", "right"});
    REQUIRE(t.head.size() == 2);
    CHECK(t.head[1][0].type == InlineType::emphasis);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1][1].empty());
    const std::string html = render_html(a);
    CHECK(html.find("<th class=\"ar-align-center\" data-u=\"0\">a</th>") != std::string::npos);
    CHECK(html.find("<td class=\"ar-align-right\" data-u=\"5\"></td>") != std::string::npos);
    Article back;
    CHECK(from_model_json(write_json(a, true), back) == "");
    CHECK(back == a);
}

TEST_CASE("the view: strikethrough as del, task boxes as labelled pictures, unsafe URLs inert, images lazy with alt") {
    const std::string html = render_html(md("~~x~~ [a](javascript:alert(1)) ![](data:x) ![](p.png)\n\n- [x] y\n"));
    CHECK(html.find("<del>x</del>") != std::string::npos);
    CHECK(html.find("javascript") == std::string::npos);
    CHECK(html.find("data:") == std::string::npos);
    CHECK(html.find("<img src=\"p.png\" alt=\"\" loading=\"lazy\"") != std::string::npos);
    CHECK(html.find("role=\"img\" aria-label=\"done\"") != std::string::npos);
}

TEST_CASE("deep nesting is flattened to stay within the model's limit, and round-trips") {
    const Article a = md(repeat("> ", 500) + "quoted\n\n" + repeat("*a ", 3000) + "b" + repeat("*", 3000) + "\n");
    CHECK(block_depth(a.blocks) <= 17);
    CHECK(inline_depth(a.blocks.back().inlines) <= 17);
    CHECK(a.blocks[0].type == BlockType::quote);
    Article back;
    CHECK(from_model_json(write_json(a, false), back) == "");
    CHECK(back == a);
}

TEST_CASE("the checked flag reads back from JSON and is validated") {
    Article a;
    CHECK(from_model_json(R"({"version": 1, "title": "T", "blocks": [{"type": "list", "ordered": false,
        "items": [{"checked": true, "blocks": []}, {"blocks": []}]}]})", a) == "");
    CHECK(a.blocks[0].items[0].checked == true);
    CHECK_FALSE(a.blocks[0].items[1].checked.has_value());
    CHECK(from_model_json(R"({"version": 1, "title": "T", "blocks": [{"type": "list", "ordered": false,
        "items": [{"checked": "yes", "blocks": []}]}]})", a) == "/blocks/0/items/0/checked: expected true or false");
    CHECK(from_model_json(R"({"version": 1, "title": "T", "blocks": [{"type": "table", "align": ["left"],
        "head": [[], []], "rows": []}]})", a) == "/blocks/0/head: expected 1 cells, one per column");
    CHECK(from_model_json(R"({"version": 1, "title": "T", "blocks": [{"type": "table", "align": ["middle"],
        "head": [[]], "rows": []}]})", a) == "/blocks/0/align/0: expected \"\", \"left\", \"center\" or \"right\"");
}
