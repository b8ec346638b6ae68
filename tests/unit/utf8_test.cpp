#include <doctest/doctest.h>

#include "ingest/utf8.hpp"

using namespace reader;

// Expected outputs are what the browser's TextDecoder("utf-8") gives for the same bytes.
TEST_CASE("invalid UTF-8 becomes U+FFFD exactly as TextDecoder does") {
    const std::string fffd = "\xEF\xBF\xBD";
    struct Case {
        std::string in, out;
    };
    for (const Case& c : std::initializer_list<Case>{
             {"abc", "abc"},
             {"\xC3\xA9", "\xC3\xA9"},
             {"\xC0\xAF", fffd + fffd},              // overlong: C0 is never valid, AF is a lone continuation
             {"\xED\xA0\x80", fffd + fffd + fffd},   // a surrogate: ED allows 80-9F only
             {"\xF0\x9F\x98", fffd},                 // truncated 4-byte sequence: one maximal subpart
             {"\xF0\x9F\x98" "a", fffd + "a"},
             {"\xE2\x82", fffd},
             {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},  // above U+10FFFF
             {"\xFF\xFE", fffd + fffd},
             {"a\x80" "b", "a" + fffd + "b"},
             {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
         }) {
        CAPTURE(c.in);
        CHECK(decode_utf8(c.in).text == c.out);
    }
}

TEST_CASE("decoding reports where the first invalid byte and NUL are") {
    const char bytes[] = "ok\nab\xFFz\x00\xFE";
    const DecodedText d = decode_utf8(std::string_view(bytes, sizeof bytes - 1));
    CHECK(d.invalid == 2);
    CHECK(describe(d.first_invalid) == "line 2, column 3");
    CHECK(d.nuls == 1);
    CHECK(describe(d.first_nul) == "line 2, column 5");
}

TEST_CASE("line ends and the BOM") {
    CHECK(decode_utf8("a\r\nb\rc\n\r\nd").text == "a\nb\nc\n\nd");
    CHECK(decode_utf8("\xEF\xBB\xBFhi").text == "hi");
    CHECK(decode_utf8("hi\xEF\xBB\xBF").text == "hi\xEF\xBB\xBF");  // only a leading BOM is a BOM
    const DecodedText d = decode_utf8("a\r\n\r\nb\xFF");
    CHECK(describe(d.first_invalid) == "line 3, column 2");
}
