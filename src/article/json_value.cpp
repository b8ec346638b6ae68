#include "article/json_value.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace reader {

std::string JsonValue::integer_text() const {
    if (type_ == Type::unsigned_integer) return std::to_string(number_);
    return std::to_string(static_cast<long long>(number_));
}

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const JsonMember& m : members_)
        if (m.key == key) return &m.value;
    return nullptr;
}

const JsonValue& JsonValue::operator[](std::string_view key) const {
    static const JsonValue null_value;
    const JsonValue* v = find(key);
    return v ? *v : null_value;
}

namespace {

// RFC 6901: "~" and "/" in a key are written "~0" and "~1" in a JSON pointer.
std::string pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

}  // namespace

// nlohmann's SAX interface (https://json.nlohmann.me/api/json_sax/): each event adds to the tree.
// Containers are appended to their parent when they open, so the stack's pointers stay valid: only
// the innermost open container grows.
class JsonTreeBuilder {
public:
    using Json = nlohmann::json;

    JsonTreeBuilder(JsonValue& root, DuplicateKeys duplicates, size_t max_depth)
        : root_(root), duplicates_(duplicates), max_depth_(max_depth) {}

    JsonParseError error;

    bool null() { return add(JsonValue::Type::null), true; }
    bool boolean(bool b) { return add(JsonValue::Type::boolean).boolean_ = b, true; }
    bool number_integer(Json::number_integer_t n) {
        return add(JsonValue::Type::integer).number_ = static_cast<std::uint64_t>(n), true;
    }
    bool number_unsigned(Json::number_unsigned_t n) { return add(JsonValue::Type::unsigned_integer).number_ = n, true; }
    bool number_float(Json::number_float_t, const Json::string_t&) { return add(JsonValue::Type::floating), true; }
    bool string(Json::string_t& s) { return add(JsonValue::Type::string).string_ = std::move(s), true; }
    bool binary(Json::binary_t&) { return add(JsonValue::Type::null), true; }  // never sent for JSON text

    bool start_object(size_t) { return open(JsonValue::Type::object); }
    bool start_array(size_t) { return open(JsonValue::Type::array); }
    bool end_object() { return stack_.pop_back(), true; }
    bool end_array() { return stack_.pop_back(), true; }

    bool key(Json::string_t& k) {
        Frame& top = stack_.back();
        std::vector<JsonMember>& members = top.container->members_;
        if (duplicates_ == DuplicateKeys::refuse && !unique(top, k)) {
            error.kind = JsonParseError::Kind::duplicate_key;
            error.path = path() + "/" + pointer_token(k);
            return false;
        }
        members.push_back(JsonMember{std::move(k), JsonValue()});
        return true;
    }

    bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& e) {
        // ids: parse_error 1xx, out_of_range 4xx (a number beyond a double)
        const int kind = e.id / 100 % 100;
        error.kind = kind == 1   ? JsonParseError::Kind::syntax
                     : kind == 4 ? JsonParseError::Kind::out_of_range
                                 : JsonParseError::Kind::other;
        error.byte = position;
        error.message = e.what();
        return false;
    }

private:
    struct Frame {
        JsonValue* container;
        std::set<std::string> keys;  // large objects only: small ones are searched in place
    };
    static constexpr size_t linear_keys = 16;

    JsonValue& root_;
    DuplicateKeys duplicates_;
    size_t max_depth_;
    std::vector<Frame> stack_;

    JsonValue& add(JsonValue::Type type) {
        JsonValue* v = &root_;
        if (!stack_.empty()) {
            JsonValue& top = *stack_.back().container;
            v = top.type_ == JsonValue::Type::array ? &top.elements_.emplace_back() : &top.members_.back().value;
        }
        v->type_ = type;
        return *v;
    }

    bool open(JsonValue::Type type) {
        if (stack_.size() >= max_depth_) {
            error.kind = JsonParseError::Kind::too_deep;
            return false;
        }
        stack_.push_back(Frame{&add(type), {}});
        return true;
    }

    bool unique(Frame& top, const std::string& k) {
        const std::vector<JsonMember>& members = top.container->members_;
        if (members.size() < linear_keys) {
            for (const JsonMember& m : members)
                if (m.key == k) return false;
            return true;
        }
        if (top.keys.empty())
            for (const JsonMember& m : members) top.keys.insert(m.key);
        return top.keys.insert(k).second;
    }

    // The JSON pointer of the object being read: each open array's element is its last.
    std::string path() const {
        std::string out;
        for (size_t i = 0; i + 1 < stack_.size(); ++i) {
            const JsonValue& c = *stack_[i].container;
            out += "/" + (c.type_ == JsonValue::Type::array ? std::to_string(c.elements_.size() - 1)
                                                              : pointer_token(c.members_.back().key));
        }
        return out;
    }
};

// 2^1024 - 2^970, half an ulp past DBL_MAX: a number at or above it rounds to infinity.
bool beyond_double(std::string_view number) {
    static constexpr std::string_view limit =
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864"
        "1669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985557136"
        "6959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
    size_t i = !number.empty() && number[0] == '-';
    const auto digit = [&] { return i < number.size() && number[i] >= '0' && number[i] <= '9'; };
    std::string digits;    // the significant digits, leading zeros dropped
    long long point = 0;   // the value is 0.digits x 10^point
    for (bool fraction = false; digit() || (i < number.size() && number[i] == '.'); ++i) {
        if (number[i] == '.') {
            fraction = true;
            continue;
        }
        if (!digits.empty() || number[i] != '0') digits += number[i];
        if (!fraction) ++point;      // an integer digit moves the point right,
        if (digits.empty()) --point;  // a leading zero does not, or moves it left after the point
    }
    if (digits.empty()) return false;  // zero
    if (i < number.size() && (number[i] == 'e' || number[i] == 'E')) {
        const bool negative = ++i < number.size() && number[i] == '-';
        if (i < number.size() && (number[i] == '-' || number[i] == '+')) ++i;
        long long exponent = 0;
        for (; digit(); ++i) exponent = std::min(exponent * 10 + (number[i] - '0'), 1'000'000'000LL);
        point += negative ? -exponent : exponent;
    }
    const auto places = static_cast<long long>(limit.size());
    if (point != places) return point > places;
    for (size_t k = 0; k < std::max(digits.size(), limit.size()); ++k) {
        const char d = k < digits.size() ? digits[k] : '0', l = k < limit.size() ? limit[k] : '0';
        if (d != l) return d > l;
    }
    return true;  // exactly halfway rounds to even, which is 2^1024
}

}  // namespace reader

// nlohmann's lexer, specialised for our input below in the two places where it calls libc:
// std::strtod for a number with a fraction or exponent, and std::snprintf to quote a control
// character in a syntax error. In wasm those two pulled in musl's strtod, which computes in 128-bit
// long double (soft-float), and printf's formatter with its floating-point conversions: about 22 KB
// of code, 7 KB gzip (docs/benchmarks.md, "4/8: the size work"). Everything else is nlohmann's.
namespace {

// The text as nlohmann's lexer reads it: a byte at a time, then EOF. Our own type rather than
// nlohmann's iterator_input_adapter, so that the lexer specialised below is used by this file alone.
struct JsonBytes {
    using char_type = char;
    const char* at;
    const char* end;
    std::char_traits<char>::int_type get_character() {
        return at != end ? std::char_traits<char>::to_int_type(*at++) : std::char_traits<char>::eof();
    }
};

// Near the number's value (exact for up to 15 significant digits), and infinite exactly when
// beyond_double: the tree keeps no floating-point values, so only the overflow decision must be
// exact (parser.hpp turns an infinite value into out_of_range 406).
double approximate_double(const char* number) {
    if (reader::beyond_double(number)) return *number == '-' ? -HUGE_VAL : HUGE_VAL;
    const char* p = number + (*number == '-');
    double mantissa = 0;
    long long scale = 0;
    for (bool fraction = false; (*p >= '0' && *p <= '9') || *p == '.'; ++p) {
        if (*p == '.') fraction = true;
        else if (mantissa < 1e17) mantissa = mantissa * 10 + (*p - '0'), scale -= fraction;
        else scale += !fraction;
    }
    long long exponent = 0;
    if (*p == 'e' || *p == 'E') {
        const bool negative = *++p == '-';
        if (*p == '-' || *p == '+') ++p;
        for (; *p >= '0' && *p <= '9'; ++p) exponent = std::min(exponent * 10 + (*p - '0'), 1'000'000'000LL);
        scale += negative ? -exponent : exponent;
    }
    for (; scale > 0 && mantissa != 0; --scale) mantissa = std::min(mantissa * 10, DBL_MAX);
    for (; scale < 0 && mantissa != 0; ++scale) mantissa /= 10;
    return *number == '-' ? -mantissa : mantissa;
}

}  // namespace

using JsonLexer = nlohmann::detail::lexer<nlohmann::json, JsonBytes>;

// g++ wants the primary template's nonnull(2) repeated (-Wmissing-attributes); clang counts an
// out-of-class member's parameters from `this` and would put it on `f`, so it gets none.
#if defined(__GNUC__) && !defined(__clang__)
#define LEXER_STRTOF_ATTRIBUTES __attribute__((nonnull(2)))
#else
#define LEXER_STRTOF_ATTRIBUTES
#endif

template <>
LEXER_STRTOF_ATTRIBUTES void JsonLexer::strtof(double& f, const char* str, char** endptr) noexcept {
    f = approximate_double(str);
    *endptr = const_cast<char*>(str) + std::strlen(str);
}

// As nlohmann's: the token, each control character written <U+001F>.
template <>
std::string JsonLexer::get_token_string() const {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : token_string) {
        const auto b = static_cast<unsigned char>(c);
        if (b > 0x1F) out += c;
        else out.append("<U+00").append(1, hex[b >> 4]).append(1, hex[b & 15]).append(1, '>');
    }
    return out;
}

namespace reader {

JsonParseError parse_json(std::string_view text, JsonValue& out, DuplicateKeys duplicates, size_t max_depth) {
    out = JsonValue();
    JsonTreeBuilder builder(out, duplicates, max_depth);
    // The parser alone, not basic_json::sax_parse, whose run-time format switch would also
    // instantiate the CBOR, MessagePack, UBJSON, BJData and BSON readers.
    nlohmann::detail::parser<nlohmann::json, JsonBytes>(JsonBytes{text.data(), text.data() + text.size()}, nullptr,
                                                        true, false)
        .sax_parse(&builder, true);
    return builder.error;
}

}  // namespace reader
