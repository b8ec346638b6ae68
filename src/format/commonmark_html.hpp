// The CommonMark tree as the spec's plain HTML: what `article-reader commonmark` prints and the
// conformance test compares. Raw HTML passes through and URLs are not filtered, as in the spec
// (cmark --unsafe); the reading view (html.cpp) is the safe rendering.
#pragma once

#include <string>

#include "ingest/markdown/tree.hpp"

namespace reader {

std::string render_commonmark_html(const md::Document& doc);

}  // namespace reader
