// The options of one reading view, as the browser passes them: a small JSON object.
#pragma once

#include <string>
#include <string_view>

#include "format/html.hpp"
#include "ingest/read.hpp"

namespace reader {

struct ViewOptions {
    ReadOptions read;
    HtmlOptions html;
};

// `json` is "" or an object with any of "collapsed" ("none" or "all"), "lang" and "dir".
// Returns "" on success, else "/key: what".
std::string view_options_from_json(std::string_view json, ViewOptions& out);

}  // namespace reader
