#include "ingest/json.hpp"

#include "article/json.hpp"

namespace reader {
namespace {

// nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error
// while parsing value - invalid literal; last read: 'x'". Keep the position and the reason.
std::string syntax_message(const std::string& what) {
    const std::string marker = "parse error at ";
    const size_t at = what.find(marker);
    std::string rest = at == std::string::npos ? what : what.substr(at + marker.size());
    const size_t colon = rest.find(": ");
    if (colon == std::string::npos) return "JSON syntax error: " + rest;
    return rest.substr(0, colon) + ": JSON syntax error: " + rest.substr(colon + 2);
}

}  // namespace

std::string read_json_article(std::string_view text, Article& out) {
    Json json;
    try {
        json = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        return syntax_message(e.what());
    }
    return from_json(json, out);
}

}  // namespace reader
