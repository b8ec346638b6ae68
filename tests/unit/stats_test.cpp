#include <doctest/doctest.h>

#include "article/stats.hpp"
#include "ingest/plain_text.hpp"

using namespace reader;

TEST_CASE("words are runs of non-space characters; CJK characters count one each") {
    CHECK(compute_stats(read_plain_text("One two  three\n\nfour")).words == 4);
    CHECK(compute_stats(read_plain_text("中日安全对话")).words == 6);
    CHECK(compute_stats(read_plain_text("Tokyo 东京 talks")).words == 4);
}

TEST_CASE("reading time uses characters a minute for the language, at least one minute") {
    CHECK(characters_per_minute("en") == 987);
    CHECK(characters_per_minute("zh-Hans") == 255);
    CHECK(characters_per_minute("xx") == 987);
    Article a = read_plain_text("Short.");
    CHECK(compute_stats(a).minutes == 1);
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "abcdefghi ";  // 10,000 characters
    a = read_plain_text(text);
    CHECK(compute_stats(a).minutes == 10);  // 10,000 / 987 = 10.1
    a.lang = "zh";
    CHECK(compute_stats(a).minutes == 39);  // 10,000 / 255 = 39.2
    CHECK(compute_stats(Article{}).minutes == 0);
}
