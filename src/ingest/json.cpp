#include "ingest/json.hpp"

#include <algorithm>

#include "article/json.hpp"
#include "article/text.hpp"

namespace reader {
namespace {

// nlohmann reports the byte where it gave up, which after a bad token is often the newline that
// ended it ("line 4, column 0"). Report the line and column of that byte instead, in code points.
std::string position_of(std::string_view text, size_t byte) {
    const size_t offset = std::min(byte == 0 ? 0 : byte - 1, text.size());
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] != '\n') continue;
        ++line;
        line_start = i + 1;
    }
    return "line " + std::to_string(line) + ", column " +
           std::to_string(count_codepoints(text.substr(line_start, offset - line_start)) + 1);
}

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while parsing
// value - invalid literal; last read: 'x'" -> the reason after the position.
std::string reason_of(const std::string& what) {
    const size_t at = what.find(": ", what.find("parse error"));
    return at == std::string::npos ? what : what.substr(at + 2);
}

}  // namespace

std::string read_json_article(std::string_view text, Article& out) {
    Json json;
    try {
        json = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        const std::string reason = reason_of(e.what());
        const bool at_end = reason.find("unexpected end of input") != std::string::npos;
        return position_of(text, at_end ? text.size() + 1 : e.byte) + ": JSON syntax error: " + reason;
    }
    return from_json(json, out);
}

}  // namespace reader
