// The readers of one build of the core. Every build has all three except the web cores, which
// each leave out what their formats do not need (src/ingest/readers.cpp).
#pragma once

#include <string>
#include <string_view>

#include "article/model.hpp"
#include "ingest/read.hpp"

namespace reader {

std::string_view format_name(Format format);  // "text" | "markdown" | "json"

// Whether this build reads `format`.
bool has_reader(Format format);

// "" when this build reads `format`, else which formats it does read.
std::string missing_reader(Format format);

// Reads `text` (valid UTF-8, not blank) as `format` into `out`. Returns "" on success, else the
// reader's error, or, for a format this build has no reader for, which formats it reads.
std::string read_format(Format format, std::string_view text, Article& out);

}  // namespace reader
