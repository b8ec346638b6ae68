// A JSON article model (v1) -> Article, with syntax and validation errors that say where.
#pragma once

#include <string>
#include <string_view>

#include "article/model.hpp"

namespace reader {

// Returns "" on success, else "line L, column C: JSON syntax error: …" or "/json/path: what".
std::string read_json_article(std::string_view text, Article& out);

}  // namespace reader
