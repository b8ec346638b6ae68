// Which chunks are headings, of what kind, and how deep.
#pragma once

#include <optional>
#include <string_view>

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

// "It was late", "“Nothing to be done”", "and then": a sentence that happens to lack a full stop.
bool reads_as_sentence(std::string_view line);

// Whether a heading of kind `inner` would be a subsection of one of kind `outer`.
bool nests_under(const HeadingCandidate& inner, const HeadingCandidate& outer);

}  // namespace reader::text
