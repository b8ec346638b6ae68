// A parsed JSON text as a small tree of the project's own, which the model and option readers walk.
// nlohmann's SAX parser fills it (json_value.cpp), so the wasm holds nlohmann's lexer and parser but
// not its basic_json DOM (docs/architecture.md, "JSON in through nlohmann's SAX parser").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reader {

struct JsonMember;

class JsonValue {
public:
    enum class Type : unsigned char { null, boolean, integer, unsigned_integer, floating, string, array, object };

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::null; }
    bool is_boolean() const { return type_ == Type::boolean; }
    // nlohmann's sense: a number written without fraction or exponent that fits 64 bits
    bool is_number_integer() const { return type_ == Type::integer || type_ == Type::unsigned_integer; }
    bool is_string() const { return type_ == Type::string; }
    bool is_array() const { return type_ == Type::array; }
    bool is_object() const { return type_ == Type::object; }

    bool as_bool() const { return boolean_; }
    // As nlohmann's get<long long>(): an unsigned value above LLONG_MAX wraps around.
    long long as_integer() const { return static_cast<long long>(number_); }
    // The integer as written back by nlohmann's dump(): "18446744073709551615", "-3".
    std::string integer_text() const;
    const std::string& as_string() const { return string_; }

    // Arrays. (A fractional number's value is not kept: nothing the readers accept is fractional.)
    size_t size() const { return elements_.size(); }
    const JsonValue& operator[](size_t i) const { return elements_[i]; }

    // Objects: members in input order. A missing key reads as null.
    const std::vector<JsonMember>& members() const { return members_; }
    const JsonValue* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    const JsonValue& operator[](std::string_view key) const;

private:
    friend class JsonTreeBuilder;
    Type type_ = Type::null;
    bool boolean_ = false;
    std::uint64_t number_ = 0;  // integers, two's complement when negative
    std::string string_;
    std::vector<JsonValue> elements_;
    std::vector<JsonMember> members_;
};

struct JsonMember {
    std::string key;
    JsonValue value;
};

struct JsonParseError {
    enum class Kind : unsigned char { none, syntax, out_of_range, duplicate_key, too_deep, other };
    Kind kind = Kind::none;
    size_t byte = 0;      // syntax: where nlohmann gave up, as its parse_error::byte
    std::string message;  // syntax, out_of_range, other: nlohmann's exception text
    std::string path;     // duplicate_key: JSON pointer of the repeated key, such as /sections/0/id
};

enum class DuplicateKeys : unsigned char { refuse, keep };

// Parses one JSON text (RFC 8259, as nlohmann reads it: no comments, nothing after the value) into
// `out`. Arrays and objects nested deeper than max_depth stop the parse (too_deep), so that the tree
// can never be deeper than that. With DuplicateKeys::keep a repeated key is one more member.
JsonParseError parse_json(std::string_view text, JsonValue& out, DuplicateKeys duplicates, size_t max_depth);

// Whether a JSON number (-?digits[.digits][e[+-]digits]) is beyond a double, so that nlohmann
// reports it out of range: decided exactly, without strtod (json_value.cpp says why).
bool beyond_double(std::string_view number);

}  // namespace reader
