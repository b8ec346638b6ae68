#include <doctest/doctest.h>

#include "ingest/plain_text.hpp"
#include "ingest/read.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

std::string paragraph_text(const Block& b) {
    std::string s;
    for (const Inline& in : b.inlines) s += in.type == InlineType::line_break ? "\n" : in.text;
    return s;
}

}  // namespace

TEST_CASE("the default article has its exact structure") {
    const std::string bytes = read_source_file("assets/articles/china-japan-security-dialogue.txt");
    REQUIRE(!bytes.empty());
    const ReadResult r = read_article(bytes, Format::text);
    REQUIRE(r.article);
    const Article& a = *r.article;
    CHECK(a.title == "17th China-Japan security dialogue addresses issues of common concern");
    REQUIRE(a.blocks.size() == 5);
    CHECK(paragraph_text(a.blocks[0]).rfind("Chinese Vice Foreign Minister Sun Weidong", 0) == 0);
    CHECK(paragraph_text(a.blocks[1]).find("statement from the Chinese Foreign Ministry.") != std::string::npos);
    REQUIRE(a.sections.size() == 2);
    CHECK(a.sections[0].heading == "China urges Japan to correct wrongdoings");
    CHECK(a.sections[0].id == "china-urges-japan-to-correct-wrongdoings");
    CHECK(a.sections[0].level == 2);
    CHECK(a.sections[0].blocks.size() == 3);
    CHECK(a.sections[1].heading == "Rejecting confrontation and division");
    CHECK(a.sections[1].id == "rejecting-confrontation-and-division");
    CHECK(a.sections[1].blocks.size() == 5);
    CHECK(a.sections[1].sections.empty());
    REQUIRE(a.dropped.size() == 1);
    CHECK(a.dropped[0].text == "Search Trends");
    CHECK(a.dropped[0].reason == "trailing site navigation");
    CHECK(a.stats.words == 476);  // the file's 478 words less the dropped "Search Trends"
    CHECK(a.stats.minutes == 3);
    CHECK(r.warnings.empty());
}

TEST_CASE("a heading must be followed by body text") {
    const Article a = read_plain_text(
        "Title\n\nLead paragraph of the story.\n\nFirst heading\n\nSecond heading\n\nBody of the second.\n");
    REQUIRE(a.sections.size() == 1);
    CHECK(a.sections[0].heading == "Second heading");
    REQUIRE(a.blocks.size() == 2);
    CHECK(paragraph_text(a.blocks[1]) == "First heading");
}

TEST_CASE("a line ending a sentence is not a heading") {
    const Article a = read_plain_text("Title\n\nIt rained.\n\nThen it stopped and the sun came out.\n");
    CHECK(a.sections.empty());
    CHECK(a.blocks.size() == 2);
}

TEST_CASE("long lines are not headings and lines inside a chunk stay one paragraph") {
    const Article a = read_plain_text(
        "Title\n\nA line that goes on and on without any punctuation because it is not a heading at all but a "
        "very long run of words\n\nBody text follows here.\n\n1 Main Street\nSpringfield\n");
    CHECK(a.sections.empty());
    REQUIRE(a.blocks.size() == 3);
    CHECK(paragraph_text(a.blocks[2]) == "1 Main Street\nSpringfield");
}

TEST_CASE("duplicate headings get distinct ids") {
    const Article a = read_plain_text("T\n\nUpdate\n\nOne.\n\nUpdate\n\nTwo.\n\nUpdate\n\nThree.\n");
    REQUIRE(a.sections.size() == 3);
    CHECK(a.sections[0].id == "update");
    CHECK(a.sections[1].id == "update-2");
    CHECK(a.sections[2].id == "update-3");
}

TEST_CASE("several trailing chrome lines are all dropped, in order") {
    const Article a = read_plain_text("T\n\nThe story itself.\n\nShare this\n\nRelated stories\n");
    REQUIRE(a.dropped.size() == 2);
    CHECK(a.dropped[0].text == "Share this");
    CHECK(a.dropped[1].text == "Related stories");
    CHECK(a.blocks.size() == 1);
}

TEST_CASE("an article of short lines is never all dropped") {
    const Article a = read_plain_text("Title\n\nshort line\n");
    CHECK(a.dropped.empty());
    REQUIRE(a.blocks.size() == 1);
}

TEST_CASE("a long first line is not a title") {
    const std::string first(200, 'a');
    const Article a = read_plain_text(first + "\n\nSecond.\n");
    CHECK(a.title.empty());
    CHECK(a.blocks.size() == 2);
}

TEST_CASE("CRLF, CR, BOM, NBSP and zero-width characters at line edges") {
    const ReadResult r =
        read_article("\xEF\xBB\xBFTitle\r\n\r\n\xC2\xA0 Body text here.\xE2\x80\x8B\r\rSecond.\r", Format::text);
    REQUIRE(r.article);
    CHECK(r.article->title == "Title");
    REQUIRE(r.article->blocks.size() == 2);
    CHECK(paragraph_text(r.article->blocks[0]) == "Body text here.");
    CHECK(paragraph_text(r.article->blocks[1]) == "Second.");
}
