// Search in the reading view: where a query occurs in the text the formatter renders.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article/model.hpp"

namespace reader {

// The formatter numbers every element that holds running text, in document order, with
// data-u="N": the title, the subtitle, each heading, paragraph and code block. A match is a span
// of one such unit, in UTF-16 code units of its text as the DOM sees it (textContent).
struct SearchMatch {
    int unit = 0;
    int start = 0;
    int end = 0;
};

inline constexpr size_t max_search_matches = 10000;

// Case-insensitive (Latin, Greek and Cyrillic), and diacritic-insensitive for Latin letters:
// "cafe" finds "Café", "CAFÉ" and "café". Matches do not overlap; past max_search_matches only
// `total` goes on counting.
struct SearchResult {
    std::vector<SearchMatch> matches;
    size_t total = 0;
};

SearchResult search(const Article& article, std::string_view query);

// The text of each unit, in order, exactly as the formatter renders it (for tests and the page).
std::vector<std::string> search_units(const Article& article);

}  // namespace reader
