// The GitHub Flavored Markdown extensions that are not emphasis-like: tables, extended autolinks
// and task list items. Strikethrough lives in the inline parser with the other delimiters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/markdown/tree.hpp"

namespace reader::md {

// The cells of a table row, "| a | b |" → {"a", "b"}; "\|" stays escaped for the inline parser
// to resolve, except that it no longer splits.
std::vector<std::string> split_table_row(std::string_view line);

// A delimiter row, "| :-- | :-: | --: |", as column alignments; empty when the line is not one.
std::vector<Align> parse_delimiter_row(std::string_view line);

// Turns www., http(s):// and e-mail addresses in the text of `block` into links (not inside links).
void link_bare_urls(Node* block, Document& doc);

// "[ ] " or "[x] " at the start of an item's first paragraph: marks the item and removes the box.
void mark_task_item(Node* paragraph);

}  // namespace reader::md
