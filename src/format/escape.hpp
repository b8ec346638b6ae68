// The only ways article content reaches HTML: text through escape_html, URLs through safe_url.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace reader {

// Appends `text` with & < > " ' replaced by entities, safe in element content and quoted attributes.
void escape_html(std::string_view text, std::string& out);

// The URL policy: http, https, mailto, relative URLs and fragments pass; any other scheme
// (javascript:, data:, vbscript:, file: …) does not. The scheme is judged the way a browser parses
// it: after removing ASCII tab and newlines anywhere and controls and spaces at the edges.
// Returns the cleaned URL to use, or nothing when the URL must stay inert text.
std::optional<std::string> safe_url(std::string_view url);

}  // namespace reader
