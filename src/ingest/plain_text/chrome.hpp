// Page chrome: what a web page put around the article (navigation, share and subscribe prompts,
// related links, advertisements, cookie notices, copyright footers). Rules err towards keeping text:
// a stray line left in is better than a line of the article dropped.
#pragma once

#include <string>

#include "ingest/plain_text/lines.hpp"

namespace reader::text {

enum class Place { leading, body, trailing };

// The reason to drop `chunk` found at `place`, or "" to keep it.
std::string chrome_reason(const Chunk& chunk, Place place);

// "Related stories", "Most read", "More from …": a header after which a page lists other articles.
bool is_related_header(const Chunk& chunk);

}  // namespace reader::text
