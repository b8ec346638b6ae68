#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article/json.hpp"

namespace reader {
namespace {

const char* inline_name(InlineType t) {
    switch (t) {
        case InlineType::text: return "text";
        case InlineType::emphasis: return "emphasis";
        case InlineType::strong: return "strong";
        case InlineType::code: return "code";
        case InlineType::link: return "link";
        case InlineType::image: return "image";
        case InlineType::line_break: return "break";
        case InlineType::strikethrough: return "strikethrough";
    }
    return "text";
}

const char* block_name(BlockType t) {
    switch (t) {
        case BlockType::paragraph: return "paragraph";
        case BlockType::list: return "list";
        case BlockType::quote: return "quote";
        case BlockType::code: return "code";
        case BlockType::rule: return "rule";
        case BlockType::image: return "image";
        case BlockType::table: return "table";
    }
    return "paragraph";
}

// Writes JSON as nlohmann's dump(2) or dump() would lay it out, without building a tree first (the
// model can be as large as the input, and a tree of it costs several times its size), into a buffer
// that goes to the sink each time it passes piece_bytes: a book's JSON never has to sit whole in
// memory, nor twice while a growing string copies itself.
class Writer {
public:
    Writer(bool pretty, const JsonSink& sink) : pretty_(pretty), sink_(sink) { out_.reserve(piece_bytes + 1024); }

    void finish() {
        if (!out_.empty()) sink_(out_);
        out_.clear();
    }

    void open(char bracket) {
        out_ += bracket;
        first_.push_back(true);
    }

    void close(char bracket) {
        const bool empty = first_.back();
        first_.pop_back();
        if (!empty) newline();
        out_ += bracket;
    }

    Writer& key(const char* name) {
        separate();
        out_ += '"';
        out_ += name;
        out_ += pretty_ ? "\": " : "\":";
        return *this;
    }

    void item() { separate(); }  // before each element of an array

    void value(std::string_view s) { string(s); }
    void value(const std::string& s) { string(s); }
    void value(const char* s) { string(s); }
    void value(int n) { out_ += std::to_string(n); }
    void value(bool b) { out_ += b ? "true" : "false"; }
    void value(const std::optional<std::string>& s) {
        if (s) string(*s);
        else out_ += "null";
    }

private:
    static constexpr size_t piece_bytes = 64 * 1024;
    bool pretty_;
    const JsonSink& sink_;
    std::string out_;
    std::vector<bool> first_;

    void newline() {
        if (!pretty_) return;
        out_ += '\n';
        out_.append(2 * first_.size(), ' ');
    }

    void separate() {
        if (out_.size() >= piece_bytes) {
            sink_(out_);
            out_.clear();
        }
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        newline();
    }

    void string(std::string_view s) {
        out_ += '"';
        size_t plain = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.substr(plain, i - plain));
            plain = i + 1;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\t': out_ += "\\t"; break;
                case '\r': out_ += "\\r"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                default:  // another control character, as nlohmann's dump() writes it (no printf in the wasm)
                    out_.append("\\u00").append(1, "0123456789abcdef"[c >> 4]).append(1, "0123456789abcdef"[c & 15]);
            }
        }
        out_.append(s.substr(plain));
        out_ += '"';
    }
};

void write_inlines(Writer& w, const std::vector<Inline>& inlines);
void write_blocks(Writer& w, const std::vector<Block>& blocks);

void write_inline(Writer& w, const Inline& in) {
    w.open('{');
    w.key("type").value(inline_name(in.type));
    switch (in.type) {
        case InlineType::text:
        case InlineType::code: w.key("text").value(in.text); break;
        case InlineType::emphasis:
        case InlineType::strong:
        case InlineType::strikethrough: w.key("inlines"), write_inlines(w, in.children); break;
        case InlineType::link:
            w.key("url").value(in.url);
            if (!in.title.empty()) w.key("title").value(in.title);
            w.key("inlines"), write_inlines(w, in.children);
            break;
        case InlineType::image:
            w.key("url").value(in.url);
            w.key("alt").value(in.text);
            if (!in.title.empty()) w.key("title").value(in.title);
            break;
        case InlineType::line_break: break;
    }
    w.close('}');
}

void write_inlines(Writer& w, const std::vector<Inline>& inlines) {
    w.open('[');
    for (const Inline& in : inlines) w.item(), write_inline(w, in);
    w.close(']');
}

void write_list(Writer& w, const Block& b) {
    w.key("ordered").value(b.ordered);
    if (b.ordered) w.key("start").value(b.start);
    if (!b.numbering.empty()) w.key("numbering").value(b.numbering);
    w.key("items");
    w.open('[');
    for (const ListItem& item : b.items) {
        w.item();
        w.open('{');
        if (item.checked) w.key("checked").value(*item.checked);
        w.key("blocks"), write_blocks(w, item.blocks);
        w.close('}');
    }
    w.close(']');
}

void write_cells(Writer& w, const std::vector<std::vector<Inline>>& cells) {
    w.open('[');
    for (const std::vector<Inline>& cell : cells) w.item(), write_inlines(w, cell);
    w.close(']');
}

void write_table(Writer& w, const Block& b) {
    w.key("align");
    w.open('[');
    for (const std::string& a : b.align) w.item(), w.value(a);
    w.close(']');
    w.key("head"), write_cells(w, b.head);
    w.key("rows");
    w.open('[');
    for (const auto& row : b.rows) w.item(), write_cells(w, row);
    w.close(']');
}

void write_block(Writer& w, const Block& b) {
    w.open('{');
    w.key("type").value(block_name(b.type));
    switch (b.type) {
        case BlockType::paragraph: w.key("inlines"), write_inlines(w, b.inlines); break;
        case BlockType::quote: w.key("blocks"), write_blocks(w, b.blocks); break;
        case BlockType::list: write_list(w, b); break;
        case BlockType::code:
            w.key("text").value(b.text);
            if (!b.lang.empty()) w.key("lang").value(b.lang);
            break;
        case BlockType::rule: break;
        case BlockType::image:
            w.key("url").value(b.url);
            w.key("alt").value(b.text);
            if (!b.title.empty()) w.key("title").value(b.title);
            break;
        case BlockType::table: write_table(w, b); break;
    }
    w.close('}');
}

void write_blocks(Writer& w, const std::vector<Block>& blocks) {
    w.open('[');
    for (const Block& b : blocks) w.item(), write_block(w, b);
    w.close(']');
}

void write_stats(Writer& w, const Stats& s) {
    w.open('{');
    w.key("words").value(s.words);
    w.key("minutes").value(s.minutes);
    w.close('}');
}

void write_sections(Writer& w, const std::vector<Section>& sections) {
    w.open('[');
    for (const Section& s : sections) {
        w.item();
        w.open('{');
        w.key("id").value(s.id);
        w.key("heading").value(s.heading);
        w.key("level").value(s.level);
        w.key("blocks"), write_blocks(w, s.blocks);
        w.key("sections"), write_sections(w, s.sections);
        w.key("stats"), write_stats(w, s.stats);
        w.close('}');
    }
    w.close(']');
}

}  // namespace

void write_json(const Article& a, bool pretty, const JsonSink& sink) {
    Writer w(pretty, sink);
    w.open('{');
    w.key("version").value(model_version);
    w.key("title").value(a.title);
    w.key("subtitle").value(a.subtitle);
    w.key("byline").value(a.byline);
    w.key("date").value(a.date);
    w.key("dateline").value(a.dateline);
    w.key("lang").value(a.lang);
    w.key("dir").value(a.dir);
    w.key("blocks"), write_blocks(w, a.blocks);
    w.key("sections"), write_sections(w, a.sections);
    w.key("dropped");
    w.open('[');
    for (const Dropped& d : a.dropped) {
        w.item();
        w.open('{');
        w.key("text").value(d.text);
        w.key("reason").value(d.reason);
        w.close('}');
    }
    w.close(']');
    w.key("stats"), write_stats(w, a.stats);
    w.close('}');
    w.finish();
    if (pretty) sink("\n");
}

std::string write_json(const Article& a, bool pretty) {
    std::string out;
    write_json(a, pretty, [&](std::string_view piece) { out.append(piece); });
    return out;
}

std::string model_hash(const Article& a) {
    uint32_t hash = 0x811c9dc5;
    const auto unit = [&](uint32_t u) { hash = (hash ^ u) * 0x01000193u; };
    uint32_t code = 0;  // the code point being read, and how many continuation bytes it still needs
    int left = 0;
    write_json(a, false, [&](std::string_view piece) {
        for (const char ch : piece) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x80) {
                unit(c);
            } else if (c >= 0xC0) {
                left = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
                code = c & (0x3Fu >> left);
            } else if (code = (code << 6) | (c & 0x3Fu); --left == 0) {
                if (code < 0x10000) {
                    unit(code);
                } else {  // a surrogate pair in UTF-16
                    unit(0xD800 + ((code - 0x10000) >> 10));
                    unit(0xDC00 + ((code - 0x10000) & 0x3FF));
                }
            }
        }
    });
    std::string hex;
    do hex.insert(hex.begin(), "0123456789abcdef"[hash & 15]);
    while (hash >>= 4);
    return hex;
}

}  // namespace reader
