// Malformed JSON models: every one is refused with a specific message that says where, as a JSON
// pointer or a line and column, and nothing crashes or throws (8/8). The same file runs in wasm.
#include <doctest/doctest.h>

#include <string>

#include "ingest/json.hpp"
#include "ingest/read.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

std::string error_of(const std::string& json) {
    const ReadResult r = read_article(json, Format::json);
    CHECK(r.article.has_value() == r.error.empty());
    return r.error;
}

struct Case {
    const char* json;
    const char* error;
};

void check_all(std::initializer_list<Case> cases) {
    for (const Case& c : cases) {
        CAPTURE(c.json);
        CHECK(error_of(c.json) == c.error);
    }
}

const std::string head = R"({"version": 1, "title": "T", )";

}  // namespace

TEST_CASE("truncated JSON: line and column of the end") {
    check_all({
        {R"({)", "line 1, column 2: JSON syntax error: syntax error while parsing object key - unexpected end of input; expected string literal"},
        {R"({"version": 1, "ti)", "line 1, column 19: JSON syntax error: syntax error while parsing object key - invalid string: missing closing quote; last read: '\"ti'; expected string literal"},
        {R"({"version": 1, "title": "T")", "line 1, column 28: JSON syntax error: syntax error while parsing object - unexpected end of input; expected '}'"},
        {R"({"version": 1, "title": "T",)", "line 1, column 29: JSON syntax error: syntax error while parsing object key - unexpected end of input; expected string literal"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "para)", "line 1, column 55: JSON syntax error: syntax error while parsing value - invalid string: missing closing quote; last read: '\"para'"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "paragraph",)", "line 1, column 62: JSON syntax error: syntax error while parsing object key - unexpected end of input; expected string literal"},
    });
}

TEST_CASE("wrong types: the path and what was expected") {
    check_all({
        {R"({"version": true, "title": "T"})", "/version: expected the integer 1"},
        {R"({"version": null, "title": "T"})", "/version: expected the integer 1"},
        {R"({"version": 1, "title": 5})", "/title: expected a string"},
        {R"({"version": 1, "title": "T", "blocks": "x"})", "/blocks: expected an array"},
        {R"({"version": 1, "title": "T", "blocks": [5]})", "/blocks/0: expected an object"},
        {R"({"version": 1, "title": "T", "sections": {}})", "/sections: expected an array"},
        {R"({"version": 1, "title": "T", "sections": [{"heading": 7, "level": 2}]})", "/sections/0/heading: expected a string"},
        {R"({"version": 1, "title": "T", "sections": [{"heading": "H", "level": "2"}]})", "/sections/0/level: expected an integer 1-6"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "paragraph", "inlines": null}]})", "/blocks/0/inlines: expected an array"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "list", "ordered": 1, "items": []}]})", "/blocks/0/ordered: expected true or false"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "list", "ordered": true, "items": [5]}]})", "/blocks/0/items/0: expected an object"},
        {R"({"version": 1, "title": "T", "dropped": {}})", "/dropped: expected an array"},
        {R"({"version": 1, "title": "T", "stats": []})", "/stats: expected an object"},
        {R"([])", "/: expected an object"},
        {R"("text")", "/: expected an object"},
        {R"(null)", "/: expected an object"},
    });
}

TEST_CASE("huge and odd numbers") {
    check_all({
        // beyond a double: nlohmann throws out_of_range with no position (this crashed the CLI)
        {R"({"version": 1e400, "title": "T"})", "line 1, column 13: JSON number out of range: 1e400 is beyond what a double holds"},
        {"{\"version\": 1, \"title\": \"T\",\n  \"sections\": [{\"heading\": \"H\", \"level\": -1e400}]}",
         "line 2, column 42: JSON number out of range: -1e400 is beyond what a double holds"},
        // 2^64 is read as a double; 2^64 - 1 and 2^63 + 2 as unsigned integers
        {R"({"version": 18446744073709551616, "title": "T"})", "/version: expected the integer 1"},
        {R"({"version": 18446744073709551615, "title": "T"})", "/version: unsupported version 18446744073709551615 (this reader reads version 1)"},
        {R"({"version": 1, "title": "T", "sections": [{"heading": "H", "level": 18446744073709551616}]})", "/sections/0/level: expected an integer 1-6"},
        {R"({"version": 1, "title": "T", "sections": [{"heading": "H", "level": 9223372036854775810}]})", "/sections/0/level: expected an integer 1-6"},
        {R"({"version": 1, "title": "T", "stats": {"words": 9223372036854775808}})", "/stats/words: expected a non-negative integer"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "list", "ordered": true, "start": 4294967297, "items": []}]})", "/blocks/0/start: expected an integer 0-999999999"},
        // -0 is the integer 0; 1.0 and 1e9 are not integers, nor is 1.5
        {R"({"version": -0, "title": "T"})", "/version: unsupported version 0 (this reader reads version 1)"},
        {R"({"version": 1.0, "title": "T"})", "/version: expected the integer 1"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "list", "ordered": true, "start": 1e9, "items": []}]})", "/blocks/0/start: expected an integer 0-999999999"},
        {R"({"version": 1, "title": "T", "sections": [{"heading": "H", "level": 1.5}]})", "/sections/0/level: expected an integer 1-6"},
        // the edge of a double, decided without strtod (json_value.cpp): DBL_MAX and just below
        // halfway to 2^1024 are numbers, halfway and above overflow; so does a long fraction of it
        {R"({"version": 1.7976931348623157e308, "title": "T"})", "/version: expected the integer 1"},
        {R"({"version": 179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.99, "title": "T"})", "/version: expected the integer 1"},
        {R"({"version": 1.797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977920e308, "title": "T"})", "line 1, column 13: JSON number out of range: 1.797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977920e308 is beyond what a double holds"},
        {R"({"version": 0.00000017976931348623159e316, "title": "T"})", "line 1, column 13: JSON number out of range: 0.00000017976931348623159e316 is beyond what a double holds"},
        {R"({"version": 17976931348623158e292, "title": "T"})", "/version: expected the integer 1"},
        {R"({"version": 1e-400, "title": "T", "stats": {"words": 0.0e99999999999}})", "/version: expected the integer 1"},
        // not JSON at all
        {R"({"version": NaN, "title": "T"})", "line 1, column 13: JSON syntax error: syntax error while parsing value - invalid literal; last read: '\"version\": N'"},
        {R"({"version": 1, "title": "T", "stats": {"words": Infinity}})", "line 1, column 49: JSON syntax error: syntax error while parsing value - invalid literal; last read: '\"words\": I'"},
    });
}

TEST_CASE("duplicate keys are an error naming the second one") {
    check_all({
        {R"({"version": 1, "title": "T", "title": "U"})", "/title: duplicate key"},
        {R"({"version": 1, "title": "T", "sections": [{"heading": "H", "level": 2}, {"heading": "I", "level": 2, "blocks": [{"type": "rule", "type": "code"}]}]})",
         "/sections/1/blocks/0/type: duplicate key"},
        {R"({"version": 1, "title": "T", "a/b~c": 1, "a/b~c": 2})", "/a~1b~0c: duplicate key"},  // RFC 6901 escapes
        {R"({"version": 1, "title": "T", "blocks": [[], [{"x": 1, "y": [1, {"z": 0, "z": 0}]}]]})", "/blocks/1/0/y/1/z: duplicate key"},
    });
    // the same key in sibling objects is no duplicate
    CHECK(error_of(R"({"version": 1, "title": "T", "dropped": [{"text": "a", "reason": "b"}, {"text": "c", "reason": "d"}]})") == "");
}

TEST_CASE("trailing commas, comments, single quotes, bad escapes and a second value") {
    check_all({
        {R"({"version": 1, "title": "T",})", "line 1, column 29: JSON syntax error: syntax error while parsing object key - unexpected '}'; expected string literal"},
        {R"({"version": 1, "title": "T", "blocks": [{"type": "rule"},]})", "line 1, column 58: JSON syntax error: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"},
        {"// a comment\n{\"version\": 1, \"title\": \"T\"}", "line 1, column 1: JSON syntax error: syntax error while parsing value - invalid literal; last read: '/'"},
        {R"({"version": 1, /* c */ "title": "T"})", "line 1, column 16: JSON syntax error: syntax error while parsing object key - invalid literal; last read: '1, /'; expected string literal"},
        {R"({'version': 1})", "line 1, column 2: JSON syntax error: syntax error while parsing object key - invalid literal; last read: '{''; expected string literal"},
        {R"({"version": 1, "title": "\ud800"})", "line 1, column 32: JSON syntax error: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'"},
        {R"({"version": 1, "title": "a\x"})", "line 1, column 28: JSON syntax error: syntax error while parsing value - invalid string: forbidden character after backslash; last read: '\"a\\x'"},
        {"{\"version\": 1, \"title\": \"T\x01\"}", "line 1, column 27: JSON syntax error: syntax error while parsing value - invalid string: control character U+0001 (SOH) must be escaped to \\u0001; last read: '\"T<U+0001>'"},
        {R"({"version": 1, "title": "T"} {"version": 1})", "line 1, column 30: JSON syntax error: syntax error while parsing value - unexpected '{'; expected end of input"},
    });
}

TEST_CASE("a BOM: one is removed as TextDecoder removes it, a second is text") {
    CHECK(error_of("\xEF\xBB\xBF{\"version\": 1, \"title\": \"T\"}") == "");
    CHECK(error_of("\xEF\xBB\xBF\xEF\xBB\xBF{\"version\": 1, \"title\": \"T\"}") ==
          "line 1, column 1: JSON syntax error: unexpected U+FEFF; expected a JSON value");
    // any other character that starts with 0xEF, which nlohmann took for a broken BOM
    CHECK(error_of("\xEF\xBC\x9B") == "line 1, column 1: JSON syntax error: unexpected U+FF1B; expected a JSON value");
}

TEST_CASE("syntax errors are valid UTF-8 even when nlohmann quotes half a character") {
    CHECK(error_of("{\"version\": 1, \"title\": \xC3\xA9}") ==
          "line 1, column 25: JSON syntax error: syntax error while parsing value - invalid literal; last read: '\"title\": \xEF\xBF\xBD'");
    CHECK(error_of("[\xE2\x80\x9C]") ==
          "line 1, column 2: JSON syntax error: syntax error while parsing value - invalid literal; last read: '[\xEF\xBF\xBD'");
}

TEST_CASE("deep nesting is refused before a tree is built") {
    CHECK(error_of(std::string(10000, '[') + std::string(10000, ']')) ==
          "line 1, column 513: JSON nested deeper than 512 arrays and objects");
    // the model's own { is one level, so the 512th [ is the one too deep
    CHECK(error_of(head + "\"blocks\": " + std::string(10000, '[')) ==
          "line 1, column 551: JSON nested deeper than 512 arrays and objects");
    std::string objects;
    for (int i = 0; i < 600; ++i) objects += "{\"a\":";
    CHECK(error_of(objects + "1" + std::string(600, '}')) == "line 1, column 2561: JSON nested deeper than 512 arrays and objects");
    // brackets inside strings are text, not nesting
    CHECK(error_of(head + "\"byline\": \"" + std::string(1000, '[') + "\\\"" + std::string(1000, '{') + "\"}") == "");
    // 512 levels parse, and the model's own limit (64) names the path
    CHECK(error_of(std::string(512, '[') + std::string(512, ']')) == "/: expected an object");
    std::string quote = R"({"type":"rule"})";
    for (int i = 0; i < 100; ++i) quote = R"({"type":"quote","blocks":[)" + quote + "]}";
    const std::string error = error_of(head + "\"blocks\": [" + quote + "]}");
    CHECK(error.ends_with("/blocks/0/blocks: nested deeper than 64 levels"));
    CHECK(error.starts_with("/blocks/0/blocks/0/blocks/0/"));
}

TEST_CASE("inputs found by fuzzing (tests/fixtures/fuzz/json/)") {
    CHECK(error_of(read_source_file("tests/fixtures/fuzz/json/number-overflow.json")) ==
          "line 10, column 13: JSON number out of range: 1e400 is beyond what a double holds");
    CHECK(error_of(read_source_file("tests/fixtures/fuzz/json/error-message-cut-utf8.json")) ==
          "line 1, column 1: JSON syntax error: unexpected U+FFFD; expected a JSON value");
}
