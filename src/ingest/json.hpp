// A JSON article model (v1) -> Article, with syntax and validation errors that say where.
#pragma once

#include <string>
#include <string_view>

#include "article/model.hpp"

namespace reader {

// JSON text nested deeper than this is refused before it is parsed. A model nested to the model's
// own limit (max_nesting, 64) needs at most 4 JSON levels a step, so 512 never refuses a valid model.
inline constexpr size_t max_json_depth = 512;

// Returns "" on success, else "line L, column C: JSON syntax error: …" or "/json/path: what".
std::string read_json_article(std::string_view text, Article& out);

}  // namespace reader
