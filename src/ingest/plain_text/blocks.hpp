// Chunks of plain text -> blocks: paragraphs, lists, quotes, verbatim blocks and rules.
#pragma once

#include <span>
#include <vector>

#include "article/model.hpp"
#include "ingest/plain_text/lines.hpp"

namespace reader::text {

// How the document's paragraphs were wrapped, measured once over the whole text.
struct Wrap {
    bool wrapped = false;  // most lines inside paragraphs end near one width: join them
    size_t width = 0;
};

Wrap detect_wrap(std::span<const Chunk> chunks);

enum class Role { paragraph, list, quote, code, rule };

Role role_of(const Chunk& chunk);

// One ordered-list line alone, such as "1. Introduction": a list item or a numbered heading,
// depending on what follows.
bool is_single_ordered_item(const Chunk& chunk);

// Appends the blocks of `chunk` to `out`. `previous` is the chunk whose blocks `out` ends with, if
// any: a list continues its list, an indented block its indented block. Quotes recurse up to
// `depth` levels.
void append_blocks(const Chunk& chunk, const Chunk* previous, const Wrap& wrap, int depth, std::vector<Block>& out);

}  // namespace reader::text
