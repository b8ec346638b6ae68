// The inline parser: a block's raw text into text, emphasis, links, code spans and the rest,
// with the spec's delimiter-stack algorithm.
#pragma once

#include <string_view>

#include "ingest/markdown/refs.hpp"
#include "ingest/markdown/tree.hpp"

namespace reader::md {

struct InlineContext {
    Document& doc;
    const References& refs;
    const ParseOptions& options;
    // Bytes of URL and title that reference links may still copy into the tree: bounds the output
    // of "[x]: <a long URL>" used thousands of times.
    size_t reference_budget;
};

// Parses `text` into children of `block`.
void parse_inlines(Node* block, std::string_view text, InlineContext& context);

}  // namespace reader::md
