// The article model's JSON v1 form: writing it, and reading it back with validation.
#pragma once

#include <functional>
#include <string>
#include <string_view>

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

// The same text, handed to `sink` in order, in pieces of about 64 KB, so that a caller can send it
// on (to a file, to JavaScript) without the whole of it in memory.
using JsonSink = std::function<void(std::string_view piece)>;
void write_json(const Article& article, bool pretty, const JsonSink& sink);

// FNV-1a (32 bits, lower-case hex, no leading zeros) of the compact JSON's UTF-16 code units: what
// web/article-reader.js files a reader's place under. It used to hash the JSON string in
// JavaScript, so places kept in browsers before the core computed it still match.
std::string model_hash(const Article& article);

// Reads a model from parsed JSON (parse_json, article/json_value.hpp). Returns "" on success, or
// "PATH: what" naming the first problem, where PATH is a JSON pointer such as /sections/1/level.
// Section ids missing from the input are filled in from their headings; stats are recomputed from
// the content.
std::string from_json(const JsonValue& json, Article& out);

}  // namespace reader
