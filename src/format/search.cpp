#include "format/search.hpp"

#include "article/text.hpp"
#include "format/escape.hpp"

namespace reader {
namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), in order; '*' where there is none.
constexpr std::string_view latin_extended_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(latin_extended_a.size() == 0x80);

// One code point, folded for matching; 0 for combining marks, which matching skips.
char32_t fold(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 0x20;
    if (c < 0x80) return c;
    if (c >= 0x300 && c <= 0x36F) return 0;
    if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) {
        // U+00C0..U+00FF; Æ, ×, Þ, ß, æ, ÷, þ keep their own letter
        static constexpr std::string_view latin1 = "aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
        const char base = latin1[c - 0xC0];
        return base == '*' ? c : static_cast<char32_t>(base);
    }
    if (c >= 0x100 && c <= 0x17F) {
        const char base = latin_extended_a[c - 0x100];
        return base == '*' ? c : static_cast<char32_t>(base);
    }
    if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F)) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

// A unit's text folded, with the UTF-16 offset where each folded code point starts and ends.
struct Folded {
    std::u32string text;
    std::vector<int> starts, ends;
};

Folded fold_text(std::string_view s) {
    Folded f;
    int offset = 0;
    for (size_t i = 0; i < s.size();) {
        const char32_t c = next_codepoint(s, i);
        const int units = c >= 0x10000 ? 2 : 1;
        if (const char32_t folded = fold(c); folded != 0) {
            f.text += folded;
            f.starts.push_back(offset);
            f.ends.push_back(offset + units);
        } else if (!f.ends.empty()) {
            f.ends.back() = offset + units;  // a combining mark belongs to the letter before it
        }
        offset += units;
    }
    return f;
}

// Unit texts in the formatter's order; must render exactly what format/html.cpp renders as text.
class UnitCollector {
public:
    std::vector<std::string> units;

    void article(const Article& a) {
        if (!a.title.empty()) units.push_back(a.title);
        if (a.subtitle) units.push_back(*a.subtitle);
        blocks(a.blocks);
        sections(a.sections);
    }

private:
    void sections(const std::vector<Section>& list) {
        for (const Section& s : list) {
            units.push_back(s.heading);
            blocks(s.blocks);
            sections(s.sections);
        }
    }

    void blocks(const std::vector<Block>& list) {
        for (const Block& b : list) {
            switch (b.type) {
                case BlockType::paragraph: {
                    std::string text;
                    inlines(b.inlines, text);
                    units.push_back(std::move(text));
                    break;
                }
                case BlockType::code: units.push_back(b.text); break;
                case BlockType::quote: blocks(b.blocks); break;
                case BlockType::list:
                    for (const ListItem& item : b.items) blocks(item.blocks);
                    break;
                case BlockType::table: table(b); break;
                case BlockType::rule:
                case BlockType::image: break;
            }
        }
    }

    // One unit per cell, head row first, as the formatter numbers them.
    void table(const Block& b) {
        for (const auto& cell : b.head) units.emplace_back(), inlines(cell, units.back());
        for (const auto& row : b.rows)
            for (const auto& cell : row) units.emplace_back(), inlines(cell, units.back());
    }

    static void inlines(const std::vector<Inline>& list, std::string& out) {
        for (const Inline& in : list) {
            switch (in.type) {
                case InlineType::text:
                case InlineType::code: out += in.text; break;
                case InlineType::emphasis:
                case InlineType::strong:
                case InlineType::strikethrough:
                case InlineType::link: inlines(in.children, out); break;
                case InlineType::image:
                    if (!safe_url(in.url)) out += in.text;  // shown as its alt text
                    break;
                case InlineType::line_break: out += '\n'; break;  // the formatter writes "<br>\n"
            }
        }
    }
};

void search_unit(int unit, const Folded& text, const std::u32string& query, SearchResult& result) {
    if (query.size() > text.text.size()) return;
    for (size_t i = 0; i + query.size() <= text.text.size();) {
        if (text.text.compare(i, query.size(), query) != 0) {
            ++i;
            continue;
        }
        if (++result.total <= max_search_matches)
            result.matches.push_back({unit, text.starts[i], text.ends[i + query.size() - 1]});
        i += query.size();
    }
}

}  // namespace

std::vector<std::string> search_units(const Article& article) {
    UnitCollector collector;
    collector.article(article);
    return std::move(collector.units);
}

SearchResult search(const Article& article, std::string_view query) {
    SearchResult result;
    const std::u32string folded_query = fold_text(trim_edges(query)).text;
    if (folded_query.empty()) return result;
    const std::vector<std::string> units = search_units(article);
    for (size_t u = 0; u < units.size(); ++u) search_unit(static_cast<int>(u), fold_text(units[u]), folded_query, result);
    return result;
}

}  // namespace reader
