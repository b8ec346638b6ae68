#include <doctest/doctest.h>

#include "article/slug.hpp"

using namespace reader;

TEST_CASE("slugs are lower-case words joined by hyphens") {
    CHECK(slugify("China urges Japan to correct wrongdoings") == "china-urges-japan-to-correct-wrongdoings");
    CHECK(slugify("  What's new?  ") == "whats-new");
    CHECK(slugify("Part 2 — “The End”") == "part-2-the-end");
    CHECK(slugify("snake_case and-hyphen") == "snake-case-and-hyphen");
    CHECK(slugify("Ünïcode Café") == "ünïcode-café");
    CHECK(slugify("中日安全对话") == "中日安全对话");
    CHECK(slugify("!!!") == "section");
    CHECK(slugify("") == "section");
}

TEST_CASE("SlugSet de-duplicates in order") {
    SlugSet set;
    CHECK(set.unique("Notes") == "notes");
    CHECK(set.unique("notes") == "notes-2");
    set.reserve("notes-3");
    CHECK(set.unique("Notes!") == "notes-4");
    CHECK(set.unique("???") == "section");
}
