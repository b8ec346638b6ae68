// The article model's JSON v1 form: writing it, and reading it back with validation.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "article/json_value.hpp"
#include "article/model.hpp"

namespace reader {

// For tests and tools that check the writer against nlohmann's own dump(); the core reads JSON
// into a JsonValue (article/json_value.hpp) and never instantiates basic_json.
using Json = nlohmann::ordered_json;

inline constexpr int model_version = 1;
// Deeper nesting than this (sections, lists, quotes, inlines) is refused rather than recursed into.
inline constexpr int max_nesting = 64;

// The model as JSON v1: pretty (two-space indent, a final newline) for people, or compact.
std::string write_json(const Article& article, bool pretty);

// Reads a model from parsed JSON (parse_json, article/json_value.hpp). Returns "" on success, or
// "PATH: what" naming the first problem, where PATH is a JSON pointer such as /sections/1/level.
// Section ids missing from the input are filled in from their headings; stats are recomputed from
// the content.
std::string from_json(const JsonValue& json, Article& out);

}  // namespace reader
