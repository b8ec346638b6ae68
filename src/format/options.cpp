#include "format/options.hpp"

#include "article/json_value.hpp"

namespace reader {

std::string view_options_from_json(std::string_view text, ViewOptions& out) {
    if (text.empty()) return "";
    // The page writes this object, flat; 16 levels is plenty and bounds the tree. A repeated key is
    // read again, so the last one wins as it did with nlohmann's DOM (unless an earlier one is wrong).
    JsonValue json;
    if (parse_json(text, json, DuplicateKeys::keep, 16).kind != JsonParseError::Kind::none || !json.is_object())
        return "/: options must be a JSON object";
    for (const auto& [key, value] : json.members()) {
        const std::string v = value.is_string() ? value.as_string() : "";
        if (key == "collapsed") {
            if (v != "none" && v != "all") return "/collapsed: expected \"none\" or \"all\"";
            out.html.sections_open = v == "none";
        } else if (key == "lang" || key == "dir") {
            if (!value.is_string()) return "/" + key + ": expected a string";
            (key == "lang" ? out.read.lang : out.read.dir) = v;
        } else {
            return "/" + key + ": unknown option";
        }
    }
    return "";
}

}  // namespace reader
