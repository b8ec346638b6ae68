// Word count and reading time.
#pragma once

#include <string_view>

#include "article/model.hpp"

namespace reader {

// Reading speed in characters a minute, as Firefox's reader view uses it (cpm per language).
int characters_per_minute(std::string_view lang);

// Words: runs of non-space characters, except that each CJK character counts as one word.
// Minutes: characters (code points of the text, one space between words) over the language's
// reading speed, rounded to nearest, and at least 1 for any article with text.
Stats compute_stats(const Article& article);

}  // namespace reader
