// Rendering options as the browser passes them: a small JSON object.
#pragma once

#include <string>
#include <string_view>

#include "format/html.hpp"

namespace reader {

// `json` is "" or an object such as {"collapsed": "all"}; "collapsed" is "none" (default) or "all".
// Returns "" on success, else "/key: what".
std::string html_options_from_json(std::string_view json, HtmlOptions& out);

}  // namespace reader
