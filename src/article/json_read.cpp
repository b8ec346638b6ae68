#include "article/json.hpp"

#include <cctype>
#include <initializer_list>
#include <set>
#include <utility>

#include "article/language.hpp"
#include "article/slug.hpp"
#include "article/stats.hpp"

namespace reader {
namespace {

// Walks the input, remembering the JSON pointer of the value being read, and stops at the first
// problem so that the message names exactly one place.
class ModelReader {
public:
    std::string error;

    bool article(const JsonValue& j, Article& a) {
        if (!object(j, "", {"version", "title", "subtitle", "byline", "date", "dateline", "lang", "dir", "blocks",
                            "sections", "dropped", "stats"}))
            return false;
        if (!version(j)) return false;
        if (!required_string(j, "", "title", a.title)) return false;
        for (auto [key, field] : {std::pair{"subtitle", &a.subtitle}, std::pair{"byline", &a.byline},
                                  std::pair{"date", &a.date}, std::pair{"dateline", &a.dateline}})
            if (!nullable_string(j, "", key, *field)) return false;
        if (!lang(j, a.lang) || !dir(j, a.dir)) return false;
        if (j.contains("blocks") && !blocks(j["blocks"], "/blocks", a.blocks, 1)) return false;
        if (j.contains("sections") && !sections(j["sections"], "/sections", a.sections, 0, 1)) return false;
        if (j.contains("dropped") && !dropped(j["dropped"], a.dropped)) return false;
        return !j.contains("stats") || stats_shape(j["stats"], "/stats");
    }

private:
    std::set<std::string> ids_;

    // A key as one JSON Pointer token (RFC 6901): "~" and "/" in it would otherwise read as syntax.
    static std::string pointer_token(const std::string& key) {
        std::string token;
        for (char c : key) token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        return token;
    }

    bool fail(const std::string& path, const std::string& what) {
        error = (path.empty() ? "/" : path) + ": " + what;
        return false;
    }

    bool object(const JsonValue& j, const std::string& path, std::initializer_list<const char*> allowed) {
        if (!j.is_object()) return fail(path, "expected an object");
        for (const auto& [key, value] : j.members()) {
            bool known = false;
            for (const char* k : allowed) known = known || key == k;
            if (!known) return fail(path + "/" + pointer_token(key), "unknown key");
        }
        return true;
    }

    bool depth_ok(const std::string& path, int depth) {
        return depth <= max_nesting || fail(path, "nested deeper than " + std::to_string(max_nesting) + " levels");
    }

    bool version(const JsonValue& j) {
        if (!j.contains("version")) return fail("", "missing key \"version\"");
        const JsonValue& v = j["version"];
        if (!v.is_number_integer()) return fail("/version", "expected the integer 1");
        if (v.as_integer() != model_version)
            return fail("/version", "unsupported version " + v.integer_text() + " (this reader reads version 1)");
        return true;
    }

    bool required_string(const JsonValue& j, const std::string& path, const char* key, std::string& out) {
        if (!j.contains(key)) return fail(path, std::string("missing key \"") + key + "\"");
        return string(j[key], path + "/" + key, out);
    }

    bool optional_string(const JsonValue& j, const std::string& path, const char* key, std::string& out) {
        return !j.contains(key) || string(j[key], path + "/" + key, out);
    }

    bool string(const JsonValue& j, const std::string& path, std::string& out) {
        if (!j.is_string()) return fail(path, "expected a string");
        out = j.as_string();
        return true;
    }

    bool nullable_string(const JsonValue& j, const std::string& path, const char* key, std::optional<std::string>& out) {
        if (!j.contains(key) || j[key].is_null()) return true;
        if (!j[key].is_string()) return fail(path + "/" + key, "expected a string or null");
        out = j[key].as_string();
        return true;
    }

    bool lang(const JsonValue& j, std::string& out) {
        if (!optional_string(j, "", "lang", out)) return false;
        return is_language_tag(out) || fail("/lang", "expected a language tag such as \"en\" or \"zh-Hans\"");
    }

    bool dir(const JsonValue& j, std::string& out) {
        if (!optional_string(j, "", "dir", out)) return false;
        return out == "ltr" || out == "rtl" || fail("/dir", "expected \"ltr\" or \"rtl\"");
    }

    bool array(const JsonValue& j, const std::string& path) {
        return j.is_array() || fail(path, "expected an array");
    }

    bool blocks(const JsonValue& j, const std::string& path, std::vector<Block>& out, int depth) {
        if (!depth_ok(path, depth) || !array(j, path)) return false;
        out.resize(j.size());
        for (size_t i = 0; i < j.size(); ++i)
            if (!block(j[i], path + "/" + std::to_string(i), out[i], depth)) return false;
        return true;
    }

    bool block(const JsonValue& j, const std::string& path, Block& b, int depth) {
        std::string type;
        if (!j.is_object()) return fail(path, "expected an object");
        if (!required_string(j, path, "type", type)) return false;
        if (type == "paragraph") {
            b.type = BlockType::paragraph;
            return object(j, path, {"type", "inlines"}) && required_inlines(j, path, b.inlines, depth);
        }
        if (type == "quote") {
            b.type = BlockType::quote;
            return object(j, path, {"type", "blocks"}) && required_blocks(j, path, b.blocks, depth + 1);
        }
        if (type == "list") return list(j, path, b, depth);
        if (type == "table") return table(j, path, b, depth);
        if (type == "code") {
            b.type = BlockType::code;
            return object(j, path, {"type", "text", "lang"}) && required_string(j, path, "text", b.text) &&
                   optional_string(j, path, "lang", b.lang);
        }
        if (type == "rule") {
            b.type = BlockType::rule;
            return object(j, path, {"type"});
        }
        if (type == "image") {
            b.type = BlockType::image;
            return object(j, path, {"type", "url", "alt", "title"}) && required_string(j, path, "url", b.url) &&
                   required_string(j, path, "alt", b.text) && optional_string(j, path, "title", b.title);
        }
        return fail(path + "/type",
                    "unknown block type \"" + type + "\" (expected paragraph, list, quote, code, rule, image or table)");
    }

    bool required_blocks(const JsonValue& j, const std::string& path, std::vector<Block>& out, int depth) {
        if (!j.contains("blocks")) return fail(path, "missing key \"blocks\"");
        return blocks(j["blocks"], path + "/blocks", out, depth);
    }

    bool list(const JsonValue& j, const std::string& path, Block& b, int depth) {
        b.type = BlockType::list;
        if (!object(j, path, {"type", "ordered", "start", "numbering", "items"})) return false;
        if (!optional_string(j, path, "numbering", b.numbering)) return false;
        if (!b.numbering.empty() && b.numbering != "lower-alpha" && b.numbering != "upper-alpha")
            return fail(path + "/numbering", "expected \"lower-alpha\" or \"upper-alpha\"");
        if (!j.contains("ordered") || !j["ordered"].is_boolean()) return fail(path + "/ordered", "expected true or false");
        b.ordered = j["ordered"].as_bool();
        if (j.contains("start")) {
            const JsonValue& s = j["start"];
            if (!s.is_number_integer() || s.as_integer() < 0 || s.as_integer() > 999999999)
                return fail(path + "/start", "expected an integer 0-999999999");
            b.start = static_cast<int>(s.as_integer());
        }
        if (!j.contains("items")) return fail(path, "missing key \"items\"");
        const JsonValue& items = j["items"];
        if (!array(items, path + "/items")) return false;
        b.items.resize(items.size());
        for (size_t i = 0; i < items.size(); ++i) {
            std::string item_path = path + "/items/" + std::to_string(i);
            if (!object(items[i], item_path, {"checked", "blocks"}) ||
                !required_blocks(items[i], item_path, b.items[i].blocks, depth + 1))
                return false;
            if (items[i].contains("checked")) {
                if (!items[i]["checked"].is_boolean()) return fail(item_path + "/checked", "expected true or false");
                b.items[i].checked = items[i]["checked"].as_bool();
            }
        }
        return true;
    }

    // A table: {align: [one per column], head: [cells], rows: [[cells]]}, each cell an array of inlines.
    bool table(const JsonValue& j, const std::string& path, Block& b, int depth) {
        b.type = BlockType::table;
        if (!object(j, path, {"type", "align", "head", "rows"})) return false;
        for (const char* key : {"align", "head", "rows"})
            if (!j.contains(key)) return fail(path, std::string("missing key \"") + key + "\"");
        if (!array(j["align"], path + "/align")) return false;
        b.align.resize(j["align"].size());
        for (size_t i = 0; i < b.align.size(); ++i) {
            const std::string at = path + "/align/" + std::to_string(i);
            if (!string(j["align"][i], at, b.align[i])) return false;
            if (b.align[i] != "" && b.align[i] != "left" && b.align[i] != "center" && b.align[i] != "right")
                return fail(at, "expected \"\", \"left\", \"center\" or \"right\"");
        }
        if (!cells(j["head"], path + "/head", b.head, b.align.size(), depth)) return false;
        const JsonValue& rows = j["rows"];
        if (!array(rows, path + "/rows")) return false;
        b.rows.resize(rows.size());
        for (size_t i = 0; i < rows.size(); ++i)
            if (!cells(rows[i], path + "/rows/" + std::to_string(i), b.rows[i], b.align.size(), depth)) return false;
        return true;
    }

    bool cells(const JsonValue& j, const std::string& path, std::vector<std::vector<Inline>>& out, size_t columns, int depth) {
        if (!array(j, path)) return false;
        if (j.size() != columns)
            return fail(path, "expected " + std::to_string(columns) + " cells, one per column");
        out.resize(j.size());
        for (size_t i = 0; i < j.size(); ++i)
            if (!inlines(j[i], path + "/" + std::to_string(i), out[i], depth + 1)) return false;
        return true;
    }

    bool required_inlines(const JsonValue& j, const std::string& path, std::vector<Inline>& out, int depth) {
        if (!j.contains("inlines")) return fail(path, "missing key \"inlines\"");
        return inlines(j["inlines"], path + "/inlines", out, depth + 1);
    }

    bool inlines(const JsonValue& j, const std::string& path, std::vector<Inline>& out, int depth) {
        if (!depth_ok(path, depth) || !array(j, path)) return false;
        out.resize(j.size());
        for (size_t i = 0; i < j.size(); ++i)
            if (!inline_value(j[i], path + "/" + std::to_string(i), out[i], depth)) return false;
        return true;
    }

    bool inline_value(const JsonValue& j, const std::string& path, Inline& in, int depth) {
        std::string type;
        if (!j.is_object()) return fail(path, "expected an object");
        if (!required_string(j, path, "type", type)) return false;
        if (type == "text" || type == "code") {
            in.type = type == "text" ? InlineType::text : InlineType::code;
            return object(j, path, {"type", "text"}) && required_string(j, path, "text", in.text);
        }
        if (type == "emphasis" || type == "strong" || type == "strikethrough") {
            in.type = type == "emphasis" ? InlineType::emphasis
                      : type == "strong" ? InlineType::strong
                                         : InlineType::strikethrough;
            return object(j, path, {"type", "inlines"}) && required_inlines(j, path, in.children, depth);
        }
        if (type == "link") {
            in.type = InlineType::link;
            return object(j, path, {"type", "url", "title", "inlines"}) && required_string(j, path, "url", in.url) &&
                   optional_string(j, path, "title", in.title) && required_inlines(j, path, in.children, depth);
        }
        if (type == "image") {
            in.type = InlineType::image;
            return object(j, path, {"type", "url", "alt", "title"}) && required_string(j, path, "url", in.url) &&
                   required_string(j, path, "alt", in.text) && optional_string(j, path, "title", in.title);
        }
        if (type == "break") {
            in.type = InlineType::line_break;
            return object(j, path, {"type"});
        }
        return fail(path + "/type", "unknown inline type \"" + type +
                                        "\" (expected text, emphasis, strong, strikethrough, code, link, image or break)");
    }

    bool sections(const JsonValue& j, const std::string& path, std::vector<Section>& out, int parent_level, int depth) {
        if (!depth_ok(path, depth) || !array(j, path)) return false;
        out.resize(j.size());
        for (size_t i = 0; i < j.size(); ++i)
            if (!section(j[i], path + "/" + std::to_string(i), out[i], parent_level, depth)) return false;
        return true;
    }

    bool section(const JsonValue& j, const std::string& path, Section& s, int parent_level, int depth) {
        if (!object(j, path, {"id", "heading", "level", "blocks", "sections", "stats"})) return false;
        if (j.contains("stats") && !stats_shape(j["stats"], path + "/stats")) return false;
        if (!required_string(j, path, "heading", s.heading)) return false;
        if (!level(j, path, parent_level, s.level) || !section_id(j, path, s.id)) return false;
        if (j.contains("blocks") && !blocks(j["blocks"], path + "/blocks", s.blocks, depth + 1)) return false;
        return !j.contains("sections") || sections(j["sections"], path + "/sections", s.sections, s.level, depth + 1);
    }

    bool level(const JsonValue& j, const std::string& path, int parent_level, int& out) {
        if (!j.contains("level")) return fail(path, "missing key \"level\"");
        const JsonValue& l = j["level"];
        if (!l.is_number_integer() || l.as_integer() < 1 || l.as_integer() > 6)
            return fail(path + "/level", "expected an integer 1-6");
        out = static_cast<int>(l.as_integer());
        if (out <= parent_level)
            return fail(path + "/level", "expected a level deeper than its parent section's " +
                                             std::to_string(parent_level));
        return true;
    }

    bool section_id(const JsonValue& j, const std::string& path, std::string& out) {
        if (!j.contains("id")) return true;  // filled in from the heading once every given id is known
        if (!string(j["id"], path + "/id", out)) return false;
        if (out.empty() || out.find_first_of(" \t\n\r\f") != std::string::npos)
            return fail(path + "/id", "expected a non-empty id without spaces");
        if (!ids_.insert(out).second) return fail(path + "/id", "duplicate id \"" + out + "\"");
        return true;
    }

    bool dropped(const JsonValue& j, std::vector<Dropped>& out) {
        if (!array(j, "/dropped")) return false;
        out.resize(j.size());
        for (size_t i = 0; i < j.size(); ++i) {
            std::string path = "/dropped/" + std::to_string(i);
            if (!object(j[i], path, {"text", "reason"}) || !required_string(j[i], path, "text", out[i].text) ||
                !required_string(j[i], path, "reason", out[i].reason))
                return false;
        }
        return true;
    }

    // Stats are derived from the content, so input values are checked for shape and then recomputed.
    bool stats_shape(const JsonValue& j, const std::string& path) {
        if (!object(j, path, {"words", "minutes"})) return false;
        for (const char* key : {"words", "minutes"})
            if (j.contains(key) && !(j[key].is_number_integer() && j[key].as_integer() >= 0))
                return fail(path + "/" + key, "expected a non-negative integer");
        return true;
    }
};

void fill_missing_ids(std::vector<Section>& sections, SlugSet& slugs) {
    for (Section& s : sections) {
        if (s.id.empty()) s.id = slugs.unique(s.heading);
        fill_missing_ids(s.sections, slugs);
    }
}

void reserve_ids(const std::vector<Section>& sections, SlugSet& slugs) {
    for (const Section& s : sections) {
        if (!s.id.empty()) slugs.reserve(s.id);
        reserve_ids(s.sections, slugs);
    }
}

}  // namespace

std::string from_json(const JsonValue& json, Article& out) {
    Article a;
    ModelReader reader;
    if (!reader.article(json, a)) return reader.error;
    SlugSet slugs;
    reserve_ids(a.sections, slugs);
    fill_missing_ids(a.sections, slugs);
    update_stats(a);
    out = std::move(a);
    return "";
}

}  // namespace reader
