#include "article/json_value.hpp"

#include <set>
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

JsonParseError parse_json(std::string_view text, JsonValue& out, DuplicateKeys duplicates, size_t max_depth) {
    out = JsonValue();
    JsonTreeBuilder builder(out, duplicates, max_depth);
    // The parser alone, not basic_json::sax_parse, whose run-time format switch would also
    // instantiate the CBOR, MessagePack, UBJSON, BJData and BSON readers.
    auto input = nlohmann::detail::input_adapter(text.data(), text.data() + text.size());
    nlohmann::detail::parser<nlohmann::json, decltype(input)>(std::move(input), nullptr, true, false)
        .sax_parse(&builder, true);
    return builder.error;
}

}  // namespace reader
