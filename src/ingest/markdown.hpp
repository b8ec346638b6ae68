// The Markdown reader: CommonMark with GFM tables, strikethrough, autolinks and task lists, into
// the article model. A first-level heading that opens the document is the title; `##` and deeper
// become nested sections. Raw HTML is never passed on (docs/architecture.md, "Markdown").
#pragma once

#include <string_view>

#include "article/model.hpp"

namespace reader {

// `text` is valid UTF-8 (ingest/utf8.hpp). Never throws except std::bad_alloc.
Article read_markdown(std::string_view text);

}  // namespace reader
