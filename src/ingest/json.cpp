#include "ingest/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "article/json.hpp"
#include "article/text.hpp"
#include "ingest/utf8.hpp"

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
// value - invalid literal; last read: 'x'" -> the reason after the position. nlohmann quotes the
// bytes it read raw, which can end inside a multi-byte character; that part becomes U+FFFD so that
// the message is valid UTF-8.
std::string reason_of(const std::string& what) {
    const size_t at = what.find(": ", what.find("parse error"));
    return decode_utf8(at == std::string::npos ? what : what.substr(at + 2)).text;
}

std::string codepoint_name(char32_t c) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string digits;
    for (; c > 0 || digits.size() < 4; c >>= 4) digits.insert(digits.begin(), hex[c & 0xF]);
    return "U+" + digits;
}

// Arrays and objects nested deeper than max_json_depth are refused before parsing (64 MB of "["
// would take gigabytes), at the first bracket too deep: its byte offset, or npos.
size_t too_deep_at(std::string_view text) {
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_json_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

// nlohmann reports out_of_range, with no position, for a number beyond a double ("1e400"); find
// the first number token outside strings that overflows, so that the message can say where.
size_t overflowing_number_at(std::string_view text) {
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9')) continue;
        size_t end = i;
        while (end < text.size() && std::string_view("+-.eE0123456789").find(text[end]) != std::string_view::npos) ++end;
        if (beyond_double(text.substr(i, end - i))) return i;
        i = end - 1;
    }
    return std::string_view::npos;
}

}  // namespace

std::string read_json_article(std::string_view text, Article& out) {
    // nlohmann skips a BOM and takes any other leading 0xEF byte for a broken one ("invalid BOM");
    // the decoder has already removed the one BOM TextDecoder removes, so whatever is left is text.
    if (!text.empty() && static_cast<unsigned char>(text[0]) >= 0x80) {
        size_t end = 0;
        const char32_t c = next_codepoint(text, end);
        return "line 1, column 1: JSON syntax error: unexpected " + codepoint_name(c) + "; expected a JSON value";
    }
    if (const size_t at = too_deep_at(text); at != std::string_view::npos)
        return position_of(text, at + 1) + ": JSON nested deeper than " + std::to_string(max_json_depth) +
               " arrays and objects";
    JsonValue json;
    const JsonParseError e = parse_json(text, json, DuplicateKeys::refuse, max_json_depth);
    switch (e.kind) {
        case JsonParseError::Kind::none: break;
        case JsonParseError::Kind::duplicate_key: return e.path + ": duplicate key";
        case JsonParseError::Kind::syntax: {
            const std::string reason = reason_of(e.message);
            const bool at_end = reason.find("unexpected end of input") != std::string::npos;
            return position_of(text, at_end ? text.size() + 1 : e.byte) + ": JSON syntax error: " + reason;
        }
        case JsonParseError::Kind::out_of_range: {
            const size_t at = overflowing_number_at(text);
            if (at == std::string_view::npos) return "JSON number out of range";
            const size_t end = text.find_first_not_of("+-.eE0123456789", at);
            return position_of(text, at + 1) + ": JSON number out of range: " +
                   std::string(text.substr(at, end - at)) + " is beyond what a double holds";
        }
        case JsonParseError::Kind::too_deep:  // too_deep_at found it first
            return "JSON nested deeper than " + std::to_string(max_json_depth) + " arrays and objects";
        case JsonParseError::Kind::other: return std::string("JSON error: ") + reason_of(e.message);
    }
    return from_json(json, out);
}

}  // namespace reader
