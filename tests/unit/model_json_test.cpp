#include <doctest/doctest.h>

#include "article/json.hpp"
#include "ingest/json.hpp"
#include "ingest/read.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

// The error for `text` read as a JSON model ("" when it reads).
std::string model_error(const std::string& text) {
    Article a;
    return read_json_article(text, a);
}

std::string with(const std::string& fields) {
    return R"({"version": 1, "title": "T")" + std::string(fields.empty() ? "" : ", ") + fields + "}";
}

}  // namespace

TEST_CASE("JSON round trip of the default article is lossless") {
    const ReadResult first = read_article(read_source_file("assets/articles/china-japan-security-dialogue.txt"), Format::text);
    REQUIRE(first.article);
    const std::string json = write_json(*first.article, false);
    Article second;
    REQUIRE(read_json_article(json, second) == "");
    CHECK(second == *first.article);
    CHECK(write_json(second, false) == json);
}

TEST_CASE("every block and inline type survives the round trip") {
    const std::string json = R"({"version":1,"title":"All","byline":"By A. Writer","date":"2024-01-02","lang":"fr","dir":"rtl",
      "blocks":[
        {"type":"paragraph","inlines":[{"type":"text","text":"a"},{"type":"emphasis","inlines":[{"type":"text","text":"b"}]},
          {"type":"strong","inlines":[{"type":"code","text":"c"}]},{"type":"break"},
          {"type":"link","url":"https://example.com/","title":"t","inlines":[{"type":"text","text":"d"}]},
          {"type":"image","url":"i.png","alt":"e","title":"f"}]},
        {"type":"list","ordered":true,"start":3,"items":[{"blocks":[{"type":"paragraph","inlines":[]}]}]},
        {"type":"list","ordered":false,"items":[]},
        {"type":"quote","blocks":[{"type":"rule"}]},
        {"type":"code","text":"x < y","lang":"cpp"},
        {"type":"image","url":"p.jpg","alt":"g"}],
      "sections":[{"id":"one","heading":"One","level":2,"blocks":[],"sections":[{"heading":"Two","level":3}]}],
      "dropped":[{"text":"Menu","reason":"site navigation"}],
      "stats":{"words":1,"minutes":1}})";
    Article a;
    REQUIRE(read_json_article(json, a) == "");
    CHECK(a.byline == "By A. Writer");
    CHECK(a.dir == "rtl");
    CHECK(a.sections[0].sections[0].id == "two");  // filled in from the heading
    Article b;
    REQUIRE(read_json_article(write_json(a, false), b) == "");
    CHECK(write_json(b, true) == write_json(a, true));
    CHECK(a == b);
}

TEST_CASE("stats are recomputed, not trusted") {
    Article a;
    REQUIRE(read_json_article(with(R"("stats": {"words": 9999, "minutes": 77})"), a) == "");
    CHECK(a.stats.words == 1);
    CHECK(a.stats.minutes == 1);
}

TEST_CASE("validation errors name the path and what was expected") {
    CHECK(model_error("[]") == "/: expected an object");
    CHECK(model_error(R"({"title": "T"})") == "/: missing key \"version\"");
    CHECK(model_error(R"({"version": 2, "title": "T"})") == "/version: unsupported version 2 (this reader reads version 1)");
    CHECK(model_error(R"({"version": "1", "title": "T"})") == "/version: expected the integer 1");
    CHECK(model_error(R"({"version": 1})") == "/: missing key \"title\"");
    CHECK(model_error(with(R"("colour": "red")")) == "/colour: unknown key");
    CHECK(model_error(with(R"("title2": 1)")) == "/title2: unknown key");
    // JSON Pointer escapes, so the path names the key and not a nested one.
    CHECK(model_error(with(R"("a/b~c": 1)")) == "/a~1b~0c: unknown key");
    CHECK(model_error(with(R"("byline": 3)")) == "/byline: expected a string or null");
    CHECK(model_error(with(R"("dir": "up")")) == "/dir: expected \"ltr\" or \"rtl\"");
    CHECK(model_error(with(R"("lang": "")")) == "/lang: expected a language tag such as \"en\" or \"zh-Hans\"");
    CHECK(model_error(with(R"("blocks": {})")) == "/blocks: expected an array");
    CHECK(model_error(with(R"("blocks": [{"type": "figure"}])")) ==
          "/blocks/0/type: unknown block type \"figure\" (expected paragraph, list, quote, code, rule, image or table)");
    CHECK(model_error(with(R"("blocks": [{"type": "paragraph"}])")) == "/blocks/0: missing key \"inlines\"");
    CHECK(model_error(with(R"("blocks": [{"type": "paragraph", "inlines": [{"type": "text", "text": 5}]}])")) ==
          "/blocks/0/inlines/0/text: expected a string");
    CHECK(model_error(with(R"("blocks": [{"type": "paragraph", "inlines": [{"type": "blink"}]}])")) ==
          "/blocks/0/inlines/0/type: unknown inline type \"blink\" (expected text, emphasis, strong, strikethrough, code, link, image or break)");
    CHECK(model_error(with(R"("blocks": [{"type": "list", "ordered": "yes", "items": []}])")) ==
          "/blocks/0/ordered: expected true or false");
    CHECK(model_error(with(R"("sections": [{"heading": "A", "level": 2}, {"heading": "B", "level": 7}])")) ==
          "/sections/1/level: expected an integer 1-6");
    CHECK(model_error(with(R"("sections": [{"heading": "A", "level": 3, "sections": [{"heading": "B", "level": 2}]}])")) ==
          "/sections/0/sections/0/level: expected a level deeper than its parent section's 3");
    CHECK(model_error(with(R"("sections": [{"id": "a", "heading": "A", "level": 2}, {"id": "a", "heading": "B", "level": 2}])")) ==
          "/sections/1/id: duplicate id \"a\"");
    CHECK(model_error(with(R"("dropped": [{"text": "x"}])")) == "/dropped/0: missing key \"reason\"");
    CHECK(model_error(with(R"("stats": {"words": -1})")) == "/stats/words: expected a non-negative integer");
}

TEST_CASE("ids that are missing never collide with given ones") {
    Article a;
    REQUIRE(read_json_article(with(R"("sections": [{"heading": "Intro", "level": 2}, {"id": "intro", "heading": "X", "level": 2}])"), a) == "");
    CHECK(a.sections[0].id == "intro-2");
    CHECK(a.sections[1].id == "intro");
}

TEST_CASE("nesting deeper than the limit is refused, not recursed into") {
    std::string json = R"({"type":"paragraph","inlines":[]})";
    for (int i = 0; i < max_nesting + 5; ++i) json = R"({"type":"quote","blocks":[)" + json + "]}";
    const std::string error = model_error(with(R"("blocks": [)" + json + "]"));
    CHECK(error.find("nested deeper than 64 levels") != std::string::npos);
}

TEST_CASE("JSON syntax errors carry line and column") {
    CHECK(model_error("{\n  \"version\": 1,\n  \"title\": tru\n}") ==
          "line 3, column 15: JSON syntax error: syntax error while parsing value - invalid literal; last read: '\"title\": tru<U+000A>'");
    CHECK(model_error("{\"version\": 1,") ==
          "line 1, column 15: JSON syntax error: syntax error while parsing object key - unexpected end of input; expected string literal");
}

TEST_CASE("the writer escapes quotes, backslashes and control characters as JSON requires") {
    Article a;
    a.title = "q\" b\\ n\n t\t c\x01 e\x7f \xE2\x80\x94";
    const std::string json = write_json(a, false);
    CHECK(json.find(R"("title":"q\" b\\ n\n t\t c\u0001 e)" "\x7f" " \xE2\x80\x94\"") != std::string::npos);
    Article back;
    REQUIRE(read_json_article(json, back) == "");
    CHECK(back.title == a.title);
}

TEST_CASE("the JSON in pieces is the JSON, and its hash is the page's old hash of the JSON string") {
    const ReadResult read = read_article(read_source_file("assets/articles/china-japan-security-dialogue.txt"), Format::text);
    REQUIRE(read.article);
    for (const bool pretty : {false, true}) {
        std::string joined;
        size_t pieces = 0;
        write_json(*read.article, pretty, [&](std::string_view piece) {
            CHECK(!piece.empty());
            joined += piece;
            ++pieces;
        });
        CHECK(joined == write_json(*read.article, pretty));
        CHECK(pieces >= 1);
    }
    // What web/article-reader.js computed from the JSON string with FNV-1a over charCodeAt(): a
    // code point past the BMP counts as its two surrogates.
    Article a;
    a.title = "Emoji \xF0\x9F\x98\x80 \xE4\xB8\xAD\xE6\x96\x87 \xC3\xA9";
    REQUIRE(write_json(a, false) ==
            R"({"version":1,"title":"Emoji 😀 中文 é","subtitle":null,"byline":null,"date":null,"dateline":null,)"
            R"("lang":"en","dir":"ltr","blocks":[],"sections":[],"dropped":[],"stats":{"words":0,"minutes":0}})");
    CHECK(model_hash(a) == "40219338");
}

TEST_CASE("a large model's JSON comes in pieces of about 64 KB") {
    Article a;
    a.title = "Big";
    for (int i = 0; i < 4000; ++i) {
        Block b;
        b.inlines.push_back(Inline{InlineType::text, std::string(100, 'a' + i % 26), "", "", {}});
        a.blocks.push_back(std::move(b));
    }
    std::vector<size_t> sizes;
    write_json(a, false, [&](std::string_view piece) { sizes.push_back(piece.size()); });
    CHECK(sizes.size() >= 6);
    for (size_t n : sizes) CHECK(n <= 66 * 1024);
}
