// Plain text (a news story saved from a web page, notes, a press release) -> Article.
#pragma once

#include <string_view>

#include "article/model.hpp"

namespace reader {

// Infers the structure of `text` (valid UTF-8, LF line ends):
// - the title is the first line when it stands alone and is short;
// - a heading is a short line standing alone between blank lines, without sentence-ending
//   punctuation, and followed by body text;
// - short standalone lines at the very end, with no body text after them, are page chrome
//   ("Search Trends", "Share this") and go to `dropped`;
// - everything else is paragraphs, one per blank-line-separated chunk, its line breaks kept.
// Expects at least one non-blank line.
Article read_plain_text(std::string_view text);

}  // namespace reader
