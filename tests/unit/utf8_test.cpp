#include <doctest/doctest.h>

#include "ingest/utf8.hpp"

#include <string>

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

TEST_CASE("positions count code points across runs copied whole") {
    const char bytes[] = "\xC3\xA9t\xC3\xA9\n\xE2\x82\xAC\xF0\x9F\x98\x80x\xFF\r\n\xC3\xA9\x00";
    const DecodedText d = decode_utf8(std::string_view(bytes, sizeof bytes - 1));
    CHECK(describe(d.first_invalid) == "line 2, column 4");
    CHECK(describe(d.first_nul) == "line 3, column 2");
    CHECK(d.text == "\xC3\xA9t\xC3\xA9\n\xE2\x82\xAC\xF0\x9F\x98\x80x\xEF\xBF\xBD\n\xC3\xA9\xEF\xBF\xBD");
}

TEST_CASE("decodes_unchanged is true exactly when decoding would copy the bytes as they are") {
    for (const std::string_view s : std::initializer_list<std::string_view>{"", "plain\ntext\t", "caf\xC3\xA9 \xF0\x9F\x98\x80", "a\r\nb", "\xEF\xBB\xBFhi",
                                     std::string_view("a\0b", 3), "\xC3", "\xED\xA0\x80", "x\xF4\x90\x80\x80"}) {
        CAPTURE(s);
        CHECK(decodes_unchanged(s) == (decode_utf8(s).text == s && s.substr(0, 3) != "\xEF\xBB\xBF"));
    }
    CHECK(decodes_unchanged("caf\xC3\xA9"));
    // Long enough for the eight-byte loop, with the byte that stops it at every offset.
    for (size_t at = 0; at < 40; ++at) {
        for (const std::string_view odd : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\r", "\xC3", "\xFF", "\xE2\x82"}) {
            std::string s = std::string(at, 'a') + std::string(odd) + std::string(30, 'b');
            CAPTURE(at);
            CAPTURE(odd);
            CHECK(decodes_unchanged(s) == (decode_utf8(s).text == s));
            s.resize(at + odd.size());  // the odd bytes last
            CHECK(decodes_unchanged(s) == (decode_utf8(s).text == s));
        }
        const std::string nul = std::string(at, 'a') + std::string(1, '\0') + "bbbbbbbbbbbbbbbbbbbb";
        CHECK_FALSE(decodes_unchanged(nul));
    }
    CHECK_FALSE(decodes_unchanged("a\rb"));
}
