// The inline parser: a block's raw text into text, emphasis, links, code spans and the rest,
// with the spec's delimiter-stack algorithm.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "ingest/markdown/refs.hpp"
#include "ingest/markdown/tree.hpp"

namespace reader::md {

// A run of * _ or ~ that may open or close emphasis, kept in a doubly linked list over a pool.
struct Delimiter {
    Node* node;  // the text node holding the run
    char ch;
    int count;  // characters left in the run
    int original;
    bool can_open, can_close;
    int prev, next;
};

// A [ or ![ that may open a link or image.
struct Bracket {
    Node* node;
    size_t after;  // where the link text begins
    bool image;
    int delimiters_before;  // the delimiter list's top when the bracket was seen
};

struct InlineContext {
    InlineContext(Document& d, const References& r, const ParseOptions& o, size_t budget)
        : doc(d), refs(r), options(o), reference_budget(budget) {}
    Document& doc;
    const References& refs;
    const ParseOptions& options;
    // Bytes of URL and title that reference links may still copy into the tree: bounds the output
    // of "[x]: <a long URL>" used thousands of times.
    size_t reference_budget;
    // Each block's inline parser empties and reuses these: allocating them afresh for every
    // paragraph showed in the wasm profile.
    std::vector<Delimiter> delimiters;
    std::vector<Bracket> brackets;
    std::vector<std::pair<size_t, size_t>> tick_runs;  // backtick runs as (length, position)
};

// Parses `text` into children of `block`.
void parse_inlines(Node* block, std::string_view text, InlineContext& context);

}  // namespace reader::md
