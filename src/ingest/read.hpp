// The front door of the core: bytes of some format in, an Article or a specific error out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article/model.hpp"

namespace reader {

enum class Format { text, markdown, json };

// Larger inputs are refused with an error rather than risk running out of memory in a browser tab.
inline constexpr size_t max_input_bytes = 64u * 1024 * 1024;

// "the input is 70.2 MB, over the 64.0 MB limit"
std::string too_large_error(size_t bytes);

std::optional<Format> parse_format(std::string_view name);  // "text" | "markdown" | "json"
Format format_for_path(std::string_view path);              // by extension; text when unknown

// What the caller knows better than the guess from the text; "" keeps the guess.
struct ReadOptions {
    std::string lang;  // a language tag, such as "fr"
    std::string dir;   // "ltr" or "rtl"
};

struct ReadResult {
    std::optional<Article> article;  // empty exactly when `error` is set
    std::string error;               // "where: what"
    std::vector<std::string> warnings;  // the article is usable, but something was repaired
};

// Never throws: every failure, including running out of memory, becomes `error`.
ReadResult read_article(std::string_view bytes, Format format, const ReadOptions& options = {});

// The same, for bytes the caller can free once the core no longer needs them: `done_with_bytes` is
// called then (right after decoding when it changed them, else after the read), so that the input
// and a decoded copy of it never both stay for the whole read. It is not called when the input is
// refused before decoding (empty, too large, binary, bad options).
ReadResult read_article(std::string_view bytes, Format format, const ReadOptions& options,
                        const std::function<void()>& done_with_bytes);

}  // namespace reader
