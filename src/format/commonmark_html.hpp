// The CommonMark tree as the spec's plain HTML: what `article-reader commonmark` prints and the
// conformance test compares. Raw HTML passes through and URLs are not filtered, as in the spec
// (cmark --unsafe); the reading view (html.cpp) is the safe rendering.
#pragma once

#include <string>
#include <string_view>

#include "ingest/markdown/tree.hpp"

namespace reader {

std::string render_commonmark_html(const md::Document& doc);
// The same into `out`, replacing what it held but keeping its capacity, so that a caller that
// renders again and again (the wasm core) does not regrow it each time.
void render_commonmark_html(const md::Document& doc, std::string& out);

// Markdown bytes (any UTF-8, valid or not) to the spec's HTML in `out`. Bytes that need no decoding
// (well-formed, no NUL, no CR, no BOM: nearly every file) are parsed where they are, without a copy.
void commonmark_bytes_to_html(std::string_view bytes, const md::ParseOptions& options, std::string& out);

}  // namespace reader
