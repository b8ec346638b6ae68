#include "format/options.hpp"

#include <nlohmann/json.hpp>

namespace reader {

std::string html_options_from_json(std::string_view text, HtmlOptions& out) {
    if (text.empty()) return "";
    const auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return "/: render options must be a JSON object";
    for (const auto& [key, value] : json.items()) {
        if (key != "collapsed") return "/" + key + ": unknown render option";
        const std::string v = value.is_string() ? value.get<std::string>() : "";
        if (v != "none" && v != "all") return "/collapsed: expected \"none\" or \"all\"";
        out.sections_open = v == "none";
    }
    return "";
}

}  // namespace reader
