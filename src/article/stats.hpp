// Word count and reading time.
#pragma once

#include <string_view>

#include "article/model.hpp"

namespace reader {

// Reading speed in characters a minute, as Firefox's reader view uses it (cpm per language).
int characters_per_minute(std::string_view lang);

// Sets the stats of the article and of every section. Words: runs of non-space characters, except
// that each CJK character counts as one word. Minutes: characters (non-space characters plus one
// per word) over the language's reading speed, rounded to nearest, and at least 1 for any text.
// The title, subtitle and headings count; byline, date and dropped text do not.
void update_stats(Article& article);

}  // namespace reader
