// Which chunks are headings, of what kind, and how deep.
#pragma once

#include <optional>

#include "ingest/plain_text/lines.hpp"

namespace reader::text {

// Ordered from the strongest: a document using several kinds nests the weaker under the stronger.
enum class HeadingStyle { equals_underline, all_caps, numbered, dash_underline, plain };

struct HeadingCandidate {
    HeadingStyle style = HeadingStyle::plain;
    int depth = 1;          // numbered: 1 for "2.", 2 for "2.3", 3 for "2.3.1"
    bool is_explicit = false;  // underlined: a heading whatever follows, unless nothing does
};

// A chunk that may be a heading: one short line standing alone (plain, ALL CAPS or numbered), or a
// line underlined with === or ---. Whether it is one depends on what follows (see plain_text.cpp).
std::optional<HeadingCandidate> heading_candidate(const Chunk& chunk);

}  // namespace reader::text
