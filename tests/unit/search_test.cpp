#include <doctest/doctest.h>

#include <dirent.h>

#include "format/html.hpp"
#include "format/search.hpp"
#include "ingest/json.hpp"
#include "ingest/plain_text.hpp"
#include "ingest/read.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

Article default_article() {
    return *read_article(read_source_file("assets/articles/china-japan-security-dialogue.txt"), Format::text).article;
}

}  // namespace

TEST_CASE("search finds every occurrence, case-insensitively, with unit and UTF-16 offsets") {
    const Article a = default_article();
    const SearchResult r = search(a, "hayashi");
    CHECK(r.total == 4);
    REQUIRE(r.matches.size() == 4);
    const std::vector<std::string> units = search_units(a);
    for (const SearchMatch& m : r.matches) {
        CAPTURE(m.unit);
        CHECK(units[static_cast<size_t>(m.unit)].substr(static_cast<size_t>(m.start), 7) == "Hayashi");  // ASCII: bytes = UTF-16 units
        CHECK(m.end - m.start == 7);
    }
    CHECK(search(a, "  HAYASHI ").total == 4);
    CHECK(search(a, "").total == 0);
    CHECK(search(a, "no such words anywhere").total == 0);
    CHECK(search(a, "china").total == search(a, "China").total);
}

TEST_CASE("search ignores diacritics and counts offsets in UTF-16") {
    const Article a = read_plain_text("Café society\n\nA CAFÉ, a cafe, a cafe\xCC\x81 and 😀 café.\n");
    const SearchResult r = search(a, "cafe");
    CHECK(r.total == 5);
    REQUIRE(r.matches.size() == 5);
    CHECK(r.matches[0].unit == 0);
    CHECK(r.matches[1].unit == 1);
    CHECK(r.matches[1].start == 2);
    CHECK(r.matches[3].end - r.matches[3].start == 5);  // "cafe" plus its combining accent
    CHECK(r.matches[4].start == 31);                    // after the emoji, which is 2 UTF-16 units
    CHECK(search(a, "CAFÉ").total == 5);
    CHECK(search(read_plain_text("Ωμέγα and ΩΜΈΓΑ"), "ωμ").total == 2);
}

TEST_CASE("matches do not overlap, and past the cap only the total counts") {
    CHECK(search(read_plain_text("aaaa"), "aa").total == 2);
    std::string text = "Many\n\n";
    for (int i = 0; i < 12000; ++i) text += "x ";
    const SearchResult r = search(read_plain_text(text), "x");
    CHECK(r.total == 12000);
    CHECK(r.matches.size() == max_search_matches);
}

TEST_CASE("the formatter numbers exactly the units that search sees, on every fixture") {
    const std::string dir = std::string(ARTICLE_READER_SOURCE_DIR) + "/tests/fixtures/text";
    DIR* d = opendir(dir.c_str());
    REQUIRE(d != nullptr);
    int checked = 0;
    while (const dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
        CAPTURE(name);
        Article a;
        REQUIRE(read_json_article(read_source_file("tests/fixtures/text/" + name), a) == "");
        const std::string html = render_html(a);
        const std::vector<std::string> units = search_units(a);
        CHECK(count(html, " data-u=\"") == units.size());
        if (!units.empty()) CHECK(html.find(" data-u=\"" + std::to_string(units.size() - 1) + "\"") != std::string::npos);
        ++checked;
    }
    closedir(d);
    CHECK(checked >= 25);
}
