#include <doctest/doctest.h>

#include "ingest/read.hpp"

using namespace reader;

namespace {
std::string error_of(std::string_view bytes, Format f = Format::text) { return read_article(bytes, f).error; }
}  // namespace

TEST_CASE("empty and blank input get specific errors") {
    CHECK(error_of("") == "the article is empty (0 bytes)");
    CHECK(error_of(" \n\t\r\n  \n") == "the article has no text: the input is only white space");
    CHECK(error_of("\xEF\xBB\xBF\xC2\xA0\xE2\x80\x8B\n") == "the article has no text: the input is only white space");
    CHECK(error_of("", Format::json) == "the article is empty (0 bytes)");
}

TEST_CASE("binary data is refused with where and why") {
    CHECK(error_of(std::string(4096, '\0')) ==
          "byte 1: this is binary data, not text (4096 of the first 4096 bytes are NUL or control bytes)");
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    CHECK(error_of(std::string(png, sizeof png - 1)) ==
          "byte 7: this is binary data, not text (17 of the first 29 bytes are NUL or control bytes)");
}

TEST_CASE("a few NUL bytes and invalid UTF-8 are repaired, with warnings") {
    std::string text = "Title\n\nGood text with one bad byte \xFF here and a NUL";
    text += '\0';
    text += " there, and more words so that it stays text.\n";
    const ReadResult r = read_article(text, Format::text);
    REQUIRE(r.article);
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0] == "line 3, column 29: invalid UTF-8; 1 invalid byte sequence was replaced with U+FFFD");
    CHECK(r.warnings[1] == "line 3, column 45: 1 NUL byte was replaced with U+FFFD");
    CHECK(r.article->blocks[0].inlines[0].text.find("bad byte \xEF\xBF\xBD here") != std::string::npos);
}

TEST_CASE("a 20 MB text is read whole") {
    std::string big;
    const std::string para = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n";
    while (big.size() < 20 * 1024 * 1024) big += para;
    const ReadResult r = read_article(big, Format::text);
    REQUIRE(r.article);
    CHECK(r.article->blocks.size() == big.size() / para.size());  // a sentence is no title
    CHECK(r.article->stats.words == static_cast<int>(big.size() / para.size()) * 12);
}

TEST_CASE("input over the size limit is refused, not truncated") {
    const std::string huge(max_input_bytes + 1, 'a');
    CHECK(error_of(huge) == "the input is 64.0 MB, over the 64.0 MB limit");
}

TEST_CASE("formats") {
    CHECK(parse_format("text") == Format::text);
    CHECK(parse_format("json") == Format::json);
    CHECK(parse_format("markdown") == Format::markdown);
    CHECK_FALSE(parse_format("html"));
    CHECK(format_for_path("a/b.md") == Format::markdown);
    CHECK(format_for_path("b.json") == Format::json);
    CHECK(format_for_path("notes.txt") == Format::text);
    CHECK(format_for_path("README") == Format::text);
    CHECK(error_of("# Hi", Format::markdown).empty());
}

TEST_CASE("the caller may free its bytes once the core is done with them, and the article is the same") {
    const std::string clean = "A Title\n\nSome text \xE4\xB8\xAD.\n\nA Heading\n\nMore text.\n";
    std::string crlf = clean;
    for (size_t at = 0; (at = crlf.find('\n', at)) != std::string::npos; at += 2) crlf.insert(at, "\r");
    for (const std::string& input : {clean, crlf, "\xEF\xBB\xBF" + clean, clean + "\xFF"}) {
        CAPTURE(input);
        for (const Format format : {Format::text, Format::markdown}) {
            std::string bytes = input;
            int calls = 0;
            const ReadResult r = read_article(bytes, format, {}, [&] {
                ++calls;
                bytes.assign(bytes.size(), '\0');  // as if freed: nothing may read them any more
            });
            CHECK(calls == 1);
            REQUIRE(r.article);
            const ReadResult expected = read_article(input, format);
            CHECK(*r.article == *expected.article);
            CHECK(r.warnings == expected.warnings);
        }
    }
    // read as they are, or from a decoded copy: the same article
    CHECK(*read_article(clean, Format::text).article == *read_article("\xEF\xBB\xBF" + clean, Format::text).article);
    CHECK(*read_article(clean, Format::markdown).article == *read_article(crlf, Format::markdown).article);
    int calls = 0;
    CHECK(read_article("", Format::text, {}, [&] { ++calls; }).error == "the article is empty (0 bytes)");
    CHECK(calls == 0);
}
