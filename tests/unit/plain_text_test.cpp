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
        "Title\n\nThe lead.\n\nA line that goes on and on without any punctuation because it is not a heading at all but a "
        "very long run of words\n\nBody text follows here.\n\n1 Main Street\nSpringfield\n");
    CHECK(a.sections.empty());
    REQUIRE(a.blocks.size() == 4);
    CHECK(paragraph_text(a.blocks[3]) == "1 Main Street\nSpringfield");
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

TEST_CASE("2,000 headings each with a body make 2,000 sections, in linear time") {
    std::string text = "Many sections\n\n";
    for (int i = 0; i < 2000; ++i) text += "Part number " + std::to_string(i) + "\n\nBody of part " + std::to_string(i) + ".\n\n";
    const Article a = read_plain_text(text);
    REQUIRE(a.sections.size() == 2000);
    CHECK(a.sections[1999].heading == "Part number 1999");
    CHECK(a.sections[1999].id == "part-number-1999");
    CHECK(a.dropped.empty());
}

TEST_CASE("2,000 heading-like lines and nothing else are all kept as paragraphs") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Heading " + std::to_string(i) + "\n\n";
    const Article a = read_plain_text(text);
    CHECK(a.title == "Heading 0");
    CHECK(a.sections.empty());
    CHECK(a.blocks.size() == 1999);
    CHECK(a.dropped.empty());
}

TEST_CASE("a 10 MB single paragraph is one paragraph, whole") {
    std::string text;
    while (text.size() < 10 * 1024 * 1024) text += "words and more words ";
    text += "end.";
    const Article a = read_plain_text(text);
    REQUIRE(a.blocks.size() == 1);
    CHECK(a.title.empty());
    CHECK(a.blocks[0].inlines.size() == 1);
    CHECK(a.blocks[0].inlines[0].text.size() == text.size());
}

TEST_CASE("lang and dir follow the script, and the caller can override them") {
    CHECK(read_plain_text("مرحبا بكم في المكتبة").dir == "rtl");
    CHECK(read_plain_text("Plain English text.").lang == "en");
    const ReadResult r = read_article("Bonjour à tous.", Format::text, ReadOptions{"fr", ""});
    REQUIRE(r.article);
    CHECK(r.article->lang == "fr");
    CHECK(read_article("x", Format::text, ReadOptions{"not a tag", ""}).error ==
          "lang: expected a language tag such as \"en\" or \"zh-Hans\"");
    CHECK(read_article("x", Format::text, ReadOptions{"", "up"}).error == "dir: expected \"ltr\" or \"rtl\"");
}

TEST_CASE("URLs and e-mail addresses become links; other schemes stay text") {
    const Article a = read_plain_text("T\n\nSee https://example.com/a_(b). Or www.example.org, or mail me@example.com! Not javascript:alert(1).\n");
    const auto& in = a.blocks[0].inlines;
    REQUIRE(in.size() == 7);
    CHECK(in[1].url == "https://example.com/a_(b)");
    CHECK(in[2].text == ". Or ");
    CHECK(in[3].url == "http://www.example.org");
    CHECK(in[5].url == "mailto:me@example.com");
    CHECK(in[6].text == "! Not javascript:alert(1).");
}
