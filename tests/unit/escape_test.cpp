#include <doctest/doctest.h>

#include "format/escape.hpp"

using namespace reader;

namespace {
std::string escaped(std::string_view s) {
    std::string out;
    escape_html(s, out);
    return out;
}
}  // namespace

TEST_CASE("escape_html replaces the five special characters and nothing else") {
    CHECK(escaped("") == "");
    CHECK(escaped("plain text, 漢字") == "plain text, 漢字");
    CHECK(escaped("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(escaped("a & b \"c\"") == "a &amp; b &quot;c&quot;");
    CHECK(escaped("&amp;") == "&amp;amp;");
}

TEST_CASE("the URL policy allows http, https, mailto, relative URLs and fragments") {
    CHECK(safe_url("https://example.com/a?b#c") == "https://example.com/a?b#c");
    CHECK(safe_url("HTTP://EXAMPLE.COM") == "HTTP://EXAMPLE.COM");
    CHECK(safe_url("mailto:someone@example.com") == "mailto:someone@example.com");
    CHECK(safe_url("/assets/a.txt") == "/assets/a.txt");
    CHECK(safe_url("a/b.html") == "a/b.html");
    CHECK(safe_url("#section") == "#section");
    CHECK(safe_url("//example.com/x") == "//example.com/x");
    CHECK(safe_url("/path/with:colon") == "/path/with:colon");
    CHECK(safe_url("  https://example.com  ") == "https://example.com");
}

TEST_CASE("the URL policy refuses every other scheme however it is disguised") {
    for (const char* url : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "\x01javascript:alert(1)",
                            "java\tscript:alert(1)", "java\nscript:alert(1)", "jav\rascript:alert(1)",
                            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
                            "\x7f" "javascript:x", "ja\x01vascript:x"}) {
        CAPTURE(url);
        CHECK_FALSE(safe_url(url));
    }
    CHECK_FALSE(safe_url(std::string_view("javascript\0:x", 13)));
}
