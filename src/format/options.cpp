#include "format/options.hpp"

#include <nlohmann/json.hpp>

namespace reader {

std::string view_options_from_json(std::string_view text, ViewOptions& out) {
    if (text.empty()) return "";
    // ordered_json, as the model reader uses: one basic_json instantiation in the wasm, not two
    const auto json = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return "/: options must be a JSON object";
    for (const auto& [key, value] : json.items()) {
        const std::string v = value.is_string() ? value.get<std::string>() : "";
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
