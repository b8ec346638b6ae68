// The formatter on models built straight from the fuzzer's bytes: any shape the JSON reader accepts
// (levels that deepen, nesting up to the limit), with text and URLs made of hostile pieces. The
// HTML must keep check_html's invariants whatever the model says.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>

#include "article/stats.hpp"
#include "article/text.hpp"
#include "check.hpp"

namespace {

using namespace reader;

class ModelMaker {
public:
    explicit ModelMaker(FuzzedDataProvider& p) : p_(p) {}

    Article article() {
        Article a;
        a.title = text();
        if (p_.ConsumeBool()) a.subtitle = text();
        if (p_.ConsumeBool()) a.byline = text();
        if (p_.ConsumeBool()) a.date = text();
        if (p_.ConsumeBool()) a.lang = p_.PickValueInArray({"en", "ar", "zh-Hans", "x\"y", "<b>"});
        if (p_.ConsumeBool()) a.dir = p_.PickValueInArray({"ltr", "rtl", "\" onload=\"x"});
        a.blocks = blocks(0);
        a.sections = sections(1, 0);
        for (size_t n = p_.ConsumeIntegralInRange<size_t>(0, 3); n > 0; --n) a.dropped.push_back({text(), text()});
        if (p_.ConsumeBool()) update_stats(a);
        return a;
    }

private:
    FuzzedDataProvider& p_;
    int budget_ = 400;  // nodes, so that one input cannot build a model of millions

    bool more(int depth) { return depth < max_nesting && --budget_ > 0 && p_.remaining_bytes() > 0 && p_.ConsumeBool(); }

    // Valid UTF-8 made of pieces that matter to an escaper and a URL policy, plus any code point.
    std::string text() {
        static constexpr const char* pieces[] = {
            "<", ">", "&", "\"", "'", "&amp;", "&#", "&lt;", " ", "\t", "\n", "\r", "" /* NUL */,
            "\x01", "\x7f", "javascript:", "JaVaScRiPt:", "java\tscript:", "vbscript:", "data:", "http:", "https://",
            "mailto:", "//", "#", "?", "/", ":", "on", "onerror=", "style=", "<script>", "</p>", "<img src=x>", "=",
            "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xF0\x9F\x98\x80", "\xC3\xA9", "\xD7\x90", "a", "Z", "0"};
        std::string out;
        for (size_t n = p_.ConsumeIntegralInRange<size_t>(0, 12); n > 0 && p_.remaining_bytes() > 0; --n) {
            const size_t k = p_.ConsumeIntegralInRange<size_t>(0, std::size(pieces));
            if (k < std::size(pieces)) {
                out += k == 12 ? std::string(1, '\0') : std::string(pieces[k]);
                continue;
            }
            char32_t c = p_.ConsumeIntegralInRange<char32_t>(0, 0x10FFFF);
            if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
            append_utf8(out, c);
        }
        return out;
    }

    std::vector<Inline> inlines(int depth) {
        std::vector<Inline> out;
        while (more(depth)) {
            Inline in;
            in.type = static_cast<InlineType>(p_.ConsumeIntegralInRange<int>(0, 7));
            switch (in.type) {
                case InlineType::text:
                case InlineType::code: in.text = text(); break;
                case InlineType::emphasis:
                case InlineType::strong:
                case InlineType::strikethrough: in.children = inlines(depth + 1); break;
                case InlineType::link:
                    in.url = text();
                    in.title = text();
                    in.children = inlines(depth + 1);
                    break;
                case InlineType::image:
                    in.url = text();
                    in.text = text();
                    in.title = text();
                    break;
                case InlineType::line_break: break;
            }
            out.push_back(std::move(in));
        }
        return out;
    }

    std::vector<Block> blocks(int depth) {
        std::vector<Block> out;
        while (more(depth)) {
            Block b;
            b.type = static_cast<BlockType>(p_.ConsumeIntegralInRange<int>(0, 6));
            switch (b.type) {
                case BlockType::paragraph: b.inlines = inlines(depth + 1); break;
                case BlockType::list:
                    b.ordered = p_.ConsumeBool();
                    b.start = p_.ConsumeIntegralInRange<int>(0, 999999999);
                    b.numbering = p_.PickValueInArray({"", "lower-alpha", "upper-alpha"});
                    while (more(depth)) {
                        ListItem item;
                        item.blocks = blocks(depth + 1);
                        if (p_.ConsumeBool()) item.checked = p_.ConsumeBool();
                        b.items.push_back(std::move(item));
                    }
                    break;
                case BlockType::quote: b.blocks = blocks(depth + 1); break;
                case BlockType::code:
                    b.text = text();
                    b.lang = text();
                    break;
                case BlockType::rule: break;
                case BlockType::image:
                    b.url = text();
                    b.text = text();
                    b.title = text();
                    break;
                case BlockType::table: table(b, depth); break;
            }
            out.push_back(std::move(b));
        }
        return out;
    }

    // Every row has one cell per column, as the model requires.
    void table(Block& b, int depth) {
        const size_t columns = p_.ConsumeIntegralInRange<size_t>(1, 4);
        for (size_t c = 0; c < columns; ++c) {
            b.align.push_back(p_.PickValueInArray({"", "left", "center", "right"}));
            b.head.push_back(inlines(depth + 1));
        }
        while (more(depth)) {
            std::vector<std::vector<Inline>> row;
            for (size_t c = 0; c < columns; ++c) row.push_back(inlines(depth + 1));
            b.rows.push_back(std::move(row));
        }
    }

    std::vector<Section> sections(int parent_level, int depth) {
        std::vector<Section> out;
        while (parent_level < 6 && more(depth)) {
            Section s;
            s.id = text();
            s.heading = text();
            s.level = p_.ConsumeIntegralInRange<int>(parent_level + 1, 6);
            s.blocks = blocks(depth + 1);
            s.sections = sections(s.level, depth + 1);
            out.push_back(std::move(s));
        }
        return out;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider provider(data, size);
    const Article a = ModelMaker(provider).article();
    fuzz::check_html(render_html(a, {true}));
    fuzz::check_html(render_html(a, {false}));
    // The writer's JSON is JSON whatever the model holds, and reading it back never crashes.
    const std::string json = write_json(a, false);
    if (!fuzz::valid_utf8(json) || !reader::Json::accept(json)) fuzz::broken("the JSON writer wrote something else", json);
    Article again;
    (void)read_json_article(json, again);
    return 0;
}
