#include "ingest/plain_text/blocks.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "article/text.hpp"
#include "ingest/plain_text/autolink.hpp"

namespace reader::text {
namespace {

constexpr int max_quote_depth = 16;
constexpr int max_list_depth = 16;

// ---------------------------------------------------------------- list lines

struct Marker {
    bool ordered = false;
    int number = 1;
    std::string numbering;  // "", "lower-alpha", "upper-alpha"
    size_t text_at = 0;     // where the item's text starts
};

bool is_bullet_line(std::string_view s, size_t& text_at) {
    for (std::string_view bullet : {"- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\xA3 ", "\xE2\x97\xA6 ", "\xE2\x96\xAA ", "\xE2\x80\x93 "}) {
        if (s.size() > bullet.size() && s.substr(0, bullet.size()) == bullet) {
            text_at = bullet.size();
            return true;
        }
    }
    return false;
}

std::optional<Marker> ordered_marker(std::string_view s) {
    Marker m;
    m.ordered = true;
    size_t i = 0;
    const bool paren = !s.empty() && s[0] == '(';
    i += paren;
    if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        int n = 0, digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 9) n = n * 10 + (s[i++] - '0'), ++digits;
        m.number = n;
    } else if (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) {
        const bool lower = s[i] >= 'a';
        m.number = s[i] - (lower ? 'a' : 'A') + 1;
        m.numbering = lower ? "lower-alpha" : "upper-alpha";
        ++i;
    } else {
        return std::nullopt;
    }
    if (i >= s.size()) return std::nullopt;
    const char close = s[i];
    // "1." or "1)" or "(1)"; letters only with a parenthesis, as "a." starts too many sentences
    const bool ok = paren ? close == ')' : (close == ')' || (close == '.' && m.numbering.empty()));
    if (!ok || i + 2 > s.size() || s[i + 1] != ' ' || i + 2 == s.size()) return std::nullopt;
    m.text_at = i + 2;
    return m;
}

std::optional<Marker> list_marker(std::string_view s) {
    Marker m;
    if (is_bullet_line(s, m.text_at)) return m;
    return ordered_marker(s);
}

struct FlatItem {
    int indent = 0;
    Marker marker;
    std::string text;
};

std::vector<FlatItem> flat_items(const Chunk& chunk) {
    std::vector<FlatItem> items;
    for (const Line& line : chunk.lines) {
        if (auto m = list_marker(line.text)) {
            items.push_back({line.indent, *m, std::string(trim_edges(line.text.substr(m->text_at)))});
        } else if (!items.empty()) {
            items.back().text += ' ';
            items.back().text += line.text;
        }
    }
    return items;
}

Block text_paragraph(std::string_view text) {
    Block p;
    append_linked(text, p.inlines);
    return p;
}

bool same_kind(const Block& list, const Marker& m) { return list.ordered == m.ordered && list.numbering == m.numbering; }

// Items at `items[i].indent` or deeper become one list; deeper items nest under the item before.
Block build_list(const std::vector<FlatItem>& items, size_t& i, int depth) {
    Block list;
    list.type = BlockType::list;
    list.ordered = items[i].marker.ordered;
    list.start = items[i].marker.number;
    list.numbering = items[i].marker.numbering;
    const int indent = items[i].indent;
    while (i < items.size() && items[i].indent >= indent) {
        if (items[i].indent > indent && !list.items.empty() && depth < max_list_depth) {
            list.items.back().blocks.push_back(build_list(items, i, depth + 1));
            continue;
        }
        if (!same_kind(list, items[i].marker)) break;
        list.items.emplace_back().blocks.push_back(text_paragraph(items[i].text));
        ++i;
    }
    return list;
}

void append_list(const Chunk& chunk, bool continues_list, std::vector<Block>& out) {
    const std::vector<FlatItem> items = flat_items(chunk);
    size_t i = 0;
    while (i < items.size()) {
        Block list = build_list(items, i, 1);
        if (continues_list && !out.empty() && out.back().type == BlockType::list && same_kind(out.back(), items[0].marker)) {
            for (ListItem& item : list.items) out.back().items.push_back(std::move(item));
        } else {
            out.push_back(std::move(list));
        }
        continues_list = false;
    }
}

// ---------------------------------------------------------------- verbatim blocks

int common_indent(const std::vector<Line>& lines) {
    int indent = 1 << 20;
    for (const Line& line : lines)
        if (!line.text.empty()) indent = std::min(indent, line.indent);
    return indent == 1 << 20 ? 0 : indent;
}

// Removes `columns` of leading white space, a tab counting 4.
std::string_view dedent(std::string_view raw, int columns) {
    size_t i = 0;
    for (int col = 0; i < raw.size() && col < columns; ++i) {
        if (raw[i] == ' ') col += 1;
        else if (raw[i] == '\t') col += 4;
        else break;
    }
    return raw.substr(i);
}

bool is_indented(const Chunk& chunk) {
    return std::all_of(chunk.lines.begin(), chunk.lines.end(), [](const Line& l) { return l.indent >= 4; });
}

// Appends the lines, less `indent` columns, keeping the blank lines between them.
void append_verbatim(const std::vector<Line>& lines, int indent, size_t previous_line, std::string& text) {
    for (const Line& line : lines) {
        if (previous_line != 0)
            for (size_t gap = previous_line; gap < line.number; ++gap) text += '\n';
        text += dedent(line.raw, indent);
        previous_line = line.number;
    }
}

Block code_block(const Chunk& chunk) {
    Block b;
    b.type = BlockType::code;
    append_verbatim(chunk.lines, common_indent(chunk.lines), 0, b.text);
    if (chunk.kind == ChunkKind::fence) b.lang = chunk.info.substr(0, chunk.info.find(' '));
    return b;
}

// An indented block that a blank line interrupted goes on as the same block.
void continue_code_block(const Chunk& previous, const Chunk& chunk, Block& code) {
    append_verbatim(chunk.lines, common_indent(previous.lines), previous.lines.back().number, code.text);
}

bool is_table_line(std::string_view s) {
    return !s.empty() && (s[0] == '|' || s[0] == '+' || s.rfind("\xE2\x94", 0) == 0 || s.rfind("\xE2\x95", 0) == 0);
}

// Columns lined up with runs of spaces: "Name     Age    City".
bool has_column_gap(std::string_view s) { return s.find("   ") != std::string_view::npos; }

bool is_table(const Chunk& chunk) {
    if (chunk.lines.size() < 2) return false;
    bool table = true, columns = chunk.lines.size() >= 3;
    for (const Line& line : chunk.lines) {
        table = table && is_table_line(line.text);
        columns = columns && has_column_gap(line.text);
    }
    return table || columns;
}


// ---------------------------------------------------------------- quotes and paragraphs

bool is_quote(const Chunk& chunk) {
    return std::all_of(chunk.lines.begin(), chunk.lines.end(), [](const Line& l) { return l.text[0] == '>'; });
}

void append_quote(const Chunk& chunk, const Wrap& wrap, int depth, std::vector<Block>& out) {
    std::string inner;
    for (const Line& line : chunk.lines) {
        std::string_view s = line.text.substr(1);
        if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
        inner.append(s);
        inner += '\n';
    }
    Block quote;
    quote.type = BlockType::quote;
    if (depth >= max_quote_depth) {
        quote.blocks.push_back(text_paragraph(inner));
    } else {
        const std::vector<Chunk> chunks = split_chunks(inner);
        for (size_t i = 0; i < chunks.size(); ++i)
            append_blocks(chunks[i], i > 0 ? &chunks[i - 1] : nullptr, wrap, depth + 1, quote.blocks);
    }
    out.push_back(std::move(quote));
}

// Lines much shorter than the wrap width carry meaning (addresses, verse, signatures).
bool keeps_line_breaks(const Chunk& chunk, const Wrap& wrap) {
    if (!wrap.wrapped) return true;
    for (size_t i = 0; i + 1 < chunk.lines.size(); ++i)
        if (width(chunk.lines[i].text) * 10 >= wrap.width * 7) return false;
    return true;
}

bool ends_with_hyphenated_word(std::string_view s) {
    return s.size() >= 2 && s.back() == '-' && ((s[s.size() - 2] >= 'a' && s[s.size() - 2] <= 'z') ||
                                                (s[s.size() - 2] >= 'A' && s[s.size() - 2] <= 'Z'));
}

Block paragraph(const Chunk& chunk, const Wrap& wrap) {
    Block p;
    if (keeps_line_breaks(chunk, wrap)) {
        for (size_t i = 0; i < chunk.lines.size(); ++i) {
            if (i > 0) p.inlines.push_back(Inline{InlineType::line_break, "", "", "", {}});
            append_linked(chunk.lines[i].text, p.inlines);
        }
        return p;
    }
    std::string joined;
    for (const Line& line : chunk.lines) {
        const bool glue = ends_with_hyphenated_word(joined) && !line.text.empty() && line.text[0] >= 'a' && line.text[0] <= 'z';
        if (!joined.empty() && !glue) joined += ' ';
        joined += line.text;
    }
    append_linked(joined, p.inlines);
    return p;
}

// A paragraph that leads into a list without a blank line: "You need:\n- flour\n- eggs".
size_t first_list_line(const Chunk& chunk) {
    for (size_t i = 0; i < chunk.lines.size(); ++i)
        if (list_marker(chunk.lines[i].text)) return i;
    return chunk.lines.size();
}

}  // namespace

size_t first_word_width(std::string_view s) { return width(s.substr(0, s.find(' '))); }

// Wrapped text: lines inside paragraphs end near one width of at least 50 columns, and each ends
// because the next line's first word would not have fitted (within 3 columns of the widest line,
// which may fall short of the real limit). Verse and lists of short lines fail both.
Wrap detect_wrap(std::span<const Chunk> chunks) {
    struct Sample {
        size_t width, next_word;
    };
    std::vector<Sample> samples;
    for (const Chunk& c : chunks) {
        if (c.kind != ChunkKind::lines || c.lines.size() < 2 || role_of(c) != Role::paragraph) continue;
        for (size_t i = 0; i + 1 < c.lines.size(); ++i)
            if (width(c.lines[i].text) >= 40)  // short lines (signatures, addresses) say nothing of wrapping
                samples.push_back({width(c.lines[i].text), first_word_width(c.lines[i + 1].text)});
    }
    Wrap wrap;
    if (samples.size() < 4) return wrap;
    std::vector<size_t> widths;
    for (const Sample& s : samples) widths.push_back(s.width);
    std::sort(widths.begin(), widths.end());
    wrap.width = widths[widths.size() * 9 / 10];
    const auto fits = std::count_if(samples.begin(), samples.end(), [&](const Sample& s) {
        return s.width * 4 >= wrap.width * 3 && s.width + 1 + s.next_word + 3 > wrap.width;
    });
    wrap.wrapped = wrap.width >= 50 && fits * 10 >= static_cast<long>(samples.size()) * 7;
    return wrap;
}

Role role_of(const Chunk& chunk) {
    if (chunk.kind == ChunkKind::fence) return Role::code;
    if (chunk.kind == ChunkKind::underlined) return Role::paragraph;
    if (chunk.lines.size() == 1 && is_rule_line(chunk.lines[0].text)) return Role::rule;
    if (is_quote(chunk)) return Role::quote;
    if (is_indented(chunk) || is_table(chunk)) return Role::code;
    if (first_list_line(chunk) < chunk.lines.size()) {
        // a list when the item lines run to the end of the chunk, after at most one lead-in line
        const size_t first = first_list_line(chunk);
        if (first <= 1) return Role::list;
    }
    return Role::paragraph;
}

bool is_single_ordered_item(const Chunk& chunk) {
    return chunk.kind == ChunkKind::lines && chunk.lines.size() == 1 && ordered_marker(chunk.lines[0].text).has_value();
}

void append_blocks(const Chunk& chunk, const Chunk* previous, const Wrap& wrap, int depth, std::vector<Block>& out) {
    bool continues_list = previous && (role_of(*previous) == Role::list || is_single_ordered_item(*previous));
    switch (role_of(chunk)) {
        case Role::code:
            if (previous && is_indented(*previous) && is_indented(chunk) && !out.empty() && out.back().type == BlockType::code) {
                continue_code_block(*previous, chunk, out.back());
                return;
            }
            out.push_back(code_block(chunk));
            return;
        case Role::rule: {
            Block rule;
            rule.type = BlockType::rule;
            out.push_back(std::move(rule));
            return;
        }
        case Role::quote: append_quote(chunk, wrap, depth, out); return;
        case Role::list: {
            const size_t first = first_list_line(chunk);
            if (first > 0) {
                Chunk lead = chunk;
                lead.lines.resize(first);
                out.push_back(paragraph(lead, wrap));
                continues_list = false;
            }
            Chunk items = chunk;
            items.lines.erase(items.lines.begin(), items.lines.begin() + static_cast<long>(first));
            append_list(items, continues_list, out);
            return;
        }
        case Role::paragraph: out.push_back(paragraph(chunk, wrap)); return;
    }
}

}  // namespace reader::text
