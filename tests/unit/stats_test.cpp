#include <doctest/doctest.h>

#include "article/stats.hpp"
#include "ingest/plain_text.hpp"

using namespace reader;

namespace {
Stats stats_of(Article a) {
    update_stats(a);
    return a.stats;
}
}  // namespace

TEST_CASE("words are runs of non-space characters; CJK characters count one each") {
    CHECK(stats_of(read_plain_text("One two  three\n\nfour")).words == 4);
    CHECK(stats_of(read_plain_text("中日安全对话")).words == 6);
    CHECK(stats_of(read_plain_text("Tokyo 东京 talks")).words == 4);
}

TEST_CASE("reading time uses characters a minute for the language, at least one minute") {
    CHECK(characters_per_minute("en") == 987);
    CHECK(characters_per_minute("zh-Hans") == 255);
    CHECK(characters_per_minute("xx") == 987);
    Article a = read_plain_text("Short.");
    CHECK(stats_of(a).minutes == 1);
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "abcdefghi ";  // 10,000 characters
    a = read_plain_text(text);
    CHECK(stats_of(a).minutes == 10);  // 10,000 / 987 = 10.1
    a.lang = "zh";
    CHECK(stats_of(a).minutes == 39);  // 10,000 / 255 = 39.2
    CHECK(stats_of(Article{}).minutes == 0);
}

TEST_CASE("each section has its own stats, which add up to the article's") {
    Article a = read_plain_text("Title here\n\nLead words.\n\nFirst part\n\nOne two three.\n\nSecond part\n\nFour five.\n");
    REQUIRE(a.sections.size() == 2);
    CHECK(a.sections[0].stats.words == 5);  // heading and body
    CHECK(a.sections[1].stats.words == 4);
    CHECK(a.stats.words == 2 + 2 + 5 + 4);
    CHECK(a.sections[0].stats.minutes == 1);
}
