// The block parser: lines into the document's block structure, following the two-phase strategy of
// the CommonMark spec's appendix. Each line first continues the open blocks it can, then may open
// new ones, then goes to the innermost block that takes text. Inline parsing runs afterwards.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/markdown/chars.hpp"
#include "ingest/markdown/gfm.hpp"
#include "ingest/markdown/inlines.hpp"
#include "ingest/markdown/refs.hpp"
#include "ingest/markdown/scan.hpp"
#include "ingest/markdown/tree.hpp"

namespace reader::md {
namespace {

constexpr int code_indent = 4;
// Block quotes and list items open at most this deep (lists themselves are not counted); deeper markers stay paragraph text. Every
// line walks the open blocks, so without a limit a few kilobytes of "- - - - …" followed by blank
// lines would take quadratic time. Documented in docs/architecture.md.
constexpr int max_nesting = 1000;

enum class Continued { yes, no, line_done };
enum class Started { none, container, leaf };

bool accepts_lines(Kind k) { return k == Kind::paragraph || k == Kind::code_block || k == Kind::html_block; }

bool can_contain(Kind parent, Kind child) {
    switch (parent) {
        case Kind::document: case Kind::block_quote: case Kind::item: return child != Kind::item;
        case Kind::list: return child == Kind::item;
        default: return false;
    }
}

// The line with its tab stops, and where the parser stands in it.
struct Cursor {
    std::string_view line;
    size_t offset = 0;
    int column = 0;
    bool partial_tab = false;  // a tab of which only some columns were consumed
    size_t next_nonspace = 0;
    int next_nonspace_column = 0;
    int indent = 0;
    bool blank = false;
    bool scanned = false;  // next_nonspace is known for this line

    char peek(size_t at) const { return at < line.size() ? line[at] : '\0'; }
    char current() const { return peek(next_nonspace); }
    bool indented() const { return indent >= code_indent; }

    // Reuses the last scan while the cursor has not passed it: continuing a thousand nested
    // list items on one line would otherwise rescan the same indentation a thousand times.
    void find_next_nonspace() {
        if (scanned && next_nonspace >= offset) {
            indent = next_nonspace_column - column;
            return;
        }
        scanned = true;
        const char* const begin = line.data();
        const char* const end = begin + line.size();
        const char* p = begin + offset;
        int cols = column;
        for (; p < end && (*p == ' ' || *p == '\t'); ++p) cols += *p == '\t' ? 4 - cols % 4 : 1;
        const size_t i = static_cast<size_t>(p - begin);
        next_nonspace = i;
        next_nonspace_column = cols;
        indent = cols - column;
        blank = i >= line.size();
    }
    void advance_to_next_nonspace() {
        offset = next_nonspace;
        column = next_nonspace_column;
        partial_tab = false;
    }
    // Advances `count` characters, or `count` columns when a tab may be split.
    void advance(int count, bool columns) {
        while (count > 0 && offset < line.size()) {
            if (line[offset] == '\t') {
                const int to_tab = 4 - column % 4;
                if (columns) {
                    partial_tab = to_tab > count;
                    const int step = to_tab < count ? to_tab : count;
                    column += step;
                    offset += partial_tab ? 0 : 1;
                    count -= step;
                } else {
                    partial_tab = false;
                    column += to_tab;
                    ++offset;
                    --count;
                }
            } else {
                partial_tab = false;
                ++offset;
                ++column;
                --count;
            }
        }
    }
};

// The lines of the open leaf block, gathered in one buffer that keeps its capacity. Written
// through a pointer: in the -Oz wasm std::string's append is a chain of calls, once per line.
class LineBuffer {
public:
    void append(size_t n, char c) {
        if (n > cap_ - size_) grow(n);
        std::memset(data_.get() + size_, c, n);
        size_ += n;
    }
    // The line and its line end: one call, and no memset for a single byte.
    void append_line(const char* p, size_t n) {
        if (n + 1 > cap_ - size_) grow(n + 1);
        if (n) std::memcpy(data_.get() + size_, p, n);  // an empty line's view may have no data pointer
        data_[size_ + n] = '\n';
        size_ += n + 1;
    }
    std::string_view view() const { return {data_.get(), size_}; }
    void clear() { size_ = 0; }

private:
    std::unique_ptr<char[]> data_;
    size_t size_ = 0;
    size_t cap_ = 0;

    void grow(size_t more) {
        const size_t cap = std::max(size_ + more, 2 * cap_ + 256);
        std::unique_ptr<char[]> bigger(new char[cap]);
        if (size_) std::memcpy(bigger.get(), data_.get(), size_);
        data_ = std::move(bigger);
        cap_ = cap;
    }
};

class BlockParser {
public:
    BlockParser(Document& doc, const ParseOptions& options) : doc_(doc), options_(options), tip_(doc.root()) {
        doc.root()->source_line = 1;
    }

    void add_line(std::string_view line) {
        ++line_number_;
        c_ = Cursor{};
        c_.line = line;
        incorporate();
    }

    void finish(size_t input_size) {
        while (tip_) finalize(tip_, line_number_);
        flush_pending();
        refs_.seal();
        InlineContext context{doc_, refs_, options_, 16 * input_size + 100000};
        parse_all_inlines(context);
    }

private:
    Document& doc_;
    const ParseOptions& options_;
    References refs_;
    Cursor c_;
    Node* tip_;
    Node* pending_node_ = nullptr;  // the leaf whose lines are in pending_
    LineBuffer pending_;
    Node* old_tip_ = nullptr;
    Node* last_matched_ = nullptr;
    bool all_closed_ = true;
    int line_number_ = 0;
    int depth_ = 0;  // how many block quotes and items the current line is inside

    // ------------------------------------------------ one line

    void incorporate() {
        old_tip_ = tip_;
        Node* container = doc_.root();
        depth_ = 0;
        while (container->last && container->last->open) {
            Node* child = container->last;
            c_.find_next_nonspace();
            const Continued r = continues(child);
            if (r == Continued::line_done) return;
            if (r == Continued::no) break;
            container = child;
            if (child->kind == Kind::block_quote || child->kind == Kind::item) ++depth_;
        }
        all_closed_ = container == old_tip_;
        last_matched_ = container;
        container = open_new_blocks(container);
        add_text(container);
    }

    Node* open_new_blocks(Node* container) {
        bool leaf = container->kind != Kind::paragraph && accepts_lines(container->kind);
        while (!leaf) {
            c_.find_next_nonspace();
            if (!c_.indented() && !might_start_block(c_.current())) {
                c_.advance_to_next_nonspace();
                break;
            }
            const Started s = start_block(container);
            if (s == Started::none) {
                c_.advance_to_next_nonspace();
                break;
            }
            container = tip_;
            leaf = s == Started::leaf;
        }
        return container;
    }

    // The first characters of block starts, one bit each (all are below 128): a test per line.
    static bool might_start_block(char ch) {
        constexpr uint64_t digits = 0x03FF000000000000ull;  // '0' to '9' are bits 48 to 57
        constexpr uint64_t low = digits | ascii_bit('#') | ascii_bit('*') | ascii_bit('+') | ascii_bit('-') |
                                 ascii_bit(':') | ascii_bit('<') | ascii_bit('=') | ascii_bit('>');
        constexpr uint64_t high = ascii_bit('`') | ascii_bit('~') | ascii_bit('_') | ascii_bit('|');
        return in_ascii_set(ch, low, high);
    }

    void add_text(Node* container) {
        if (!all_closed_ && !c_.blank && tip_->kind == Kind::paragraph) {  // a lazy continuation line
            append_line();
            return;
        }
        close_unmatched();
        if (accepts_lines(container->kind)) {
            append_line();
            if (container->kind == Kind::html_block && container->html_type >= 1 && container->html_type <= 5 &&
                html_block_ends(c_.line.substr(c_.offset), container->html_type))
                finalize(container, line_number_);
        } else if (container->kind == Kind::table) {
            // The delimiter row that made the table was consumed already.
            if (!c_.blank && c_.offset < c_.line.size()) add_table_row(container, c_.line.substr(c_.offset), false);
        } else if (c_.offset < c_.line.size() && !c_.blank) {
            add_child(Kind::paragraph);
            c_.advance_to_next_nonspace();
            append_line();
        }
    }

    // The lines of the open leaf block gather in one buffer that keeps its capacity, and reach the
    // node's literal, in the text arena, in one copy when something needs them: growing every
    // paragraph's own string line by line was the block parser's largest cost. Only the tip takes
    // lines, so at most one node has lines pending.
    void append_line() {
        if (tip_ != pending_node_) {
            flush_pending();
            pending_node_ = tip_;
        }
        if (c_.partial_tab) {  // the rest of a split tab becomes spaces
            ++c_.offset;
            pending_.append(4 - c_.column % 4, ' ');
        }
        const std::string_view rest = c_.line.substr(c_.offset);
        pending_.append_line(rest.data(), rest.size());
    }

    // Called before anything reads or changes a leaf's literal.
    void flush_pending() {
        if (!pending_node_) return;
        pending_node_->literal = doc_.append_text(pending_node_->literal, pending_.view());
        pending_.clear();
        pending_node_ = nullptr;
    }

    void close_unmatched() {
        if (all_closed_) return;
        while (old_tip_ != last_matched_) {
            Node* parent = old_tip_->parent;
            finalize(old_tip_, line_number_ - 1);
            old_tip_ = parent;
        }
        all_closed_ = true;
    }

    Node* add_child(Kind kind) {
        while (!can_contain(tip_->kind, kind)) finalize(tip_, line_number_ - 1);
        Node* n = doc_.make(kind);
        n->source_line = line_number_;
        tip_->append(n);
        tip_ = n;
        return n;
    }

    // ------------------------------------------------ continuation

    Continued continues(Node* n) {
        switch (n->kind) {
            case Kind::block_quote: return continues_quote();
            case Kind::item: return continues_item(n);
            case Kind::code_block: return n->fenced ? continues_fence(n) : continues_indented_code();
            case Kind::html_block: return c_.blank && n->html_type >= 6 ? Continued::no : Continued::yes;
            case Kind::paragraph: case Kind::table: return c_.blank ? Continued::no : Continued::yes;
            case Kind::list: return Continued::yes;
            default: return Continued::no;  // headings, rules
        }
    }

    Continued continues_quote() {
        if (c_.indented() || c_.current() != '>') return Continued::no;
        c_.advance_to_next_nonspace();
        c_.advance(1, false);
        if (is_space_or_tab(c_.peek(c_.offset))) c_.advance(1, true);
        return Continued::yes;
    }

    Continued continues_item(Node* item) {
        if (c_.blank) {
            if (!item->first) return Continued::no;  // an item can begin with at most one blank line
            c_.advance_to_next_nonspace();
            return Continued::yes;
        }
        const int needed = item->marker_offset + item->content_offset;
        if (c_.indent < needed) return Continued::no;
        c_.advance(needed, true);
        return Continued::yes;
    }

    Continued continues_fence(Node* code) {
        if (!c_.indented() && c_.current() == code->fence_char) {
            size_t end = c_.next_nonspace;
            while (end < c_.line.size() && c_.line[end] == code->fence_char) ++end;
            size_t rest = end;
            while (rest < c_.line.size() && is_space_or_tab(c_.line[rest])) ++rest;
            if (static_cast<int>(end - c_.next_nonspace) >= code->fence_length && rest == c_.line.size()) {
                finalize(code, line_number_);
                return Continued::line_done;
            }
        }
        for (int i = code->fence_offset; i > 0 && is_space_or_tab(c_.peek(c_.offset)); --i) c_.advance(1, true);
        return Continued::yes;
    }

    Continued continues_indented_code() {
        if (c_.indented()) {
            c_.advance(code_indent, true);
            return Continued::yes;
        }
        if (c_.blank) {
            c_.advance_to_next_nonspace();
            return Continued::yes;
        }
        return Continued::no;
    }

    // ------------------------------------------------ block starts, in the spec's order of precedence

    Started start_block(Node* container) {
        if (!c_.indented()) {
            if (depth_ < max_nesting)
                if (Started s = start_quote(); s != Started::none) return ++depth_, s;
            if (Started s = start_atx_heading(); s != Started::none) return s;
            if (Started s = start_fence(); s != Started::none) return s;
            if (Started s = start_html(container); s != Started::none) return s;
            if (Started s = start_table(container); s != Started::none) return s;
            if (Started s = start_setext_heading(container); s != Started::none) return s;
            if (Started s = start_rule(); s != Started::none) return s;
            if (depth_ < max_nesting)
                if (Started s = start_item(container); s != Started::none) return ++depth_, s;
            return Started::none;
        }
        if (tip_->kind != Kind::paragraph && !c_.blank) {  // indented code cannot interrupt a paragraph
            c_.advance(code_indent, true);
            close_unmatched();
            add_child(Kind::code_block);
            return Started::leaf;
        }
        return Started::none;
    }

    Started start_quote() {
        if (c_.current() != '>') return Started::none;
        c_.advance_to_next_nonspace();
        c_.advance(1, false);
        if (is_space_or_tab(c_.peek(c_.offset))) c_.advance(1, true);
        close_unmatched();
        add_child(Kind::block_quote);
        return Started::container;
    }

    Started start_atx_heading() {
        const std::string_view line = c_.line;
        size_t p = c_.next_nonspace;
        while (p < line.size() && line[p] == '#') ++p;
        const int level = static_cast<int>(p - c_.next_nonspace);
        if (level < 1 || level > 6 || (p < line.size() && !is_space_or_tab(line[p]))) return Started::none;
        close_unmatched();
        Node* h = add_child(Kind::heading);
        h->level = level;
        h->literal = doc_.keep_text(atx_content(line.substr(p)));
        c_.offset = line.size();
        return Started::leaf;
    }

    // The text of an ATX heading: without the optional closing run of '#' and the spaces around it.
    static std::string_view atx_content(std::string_view s) {
        size_t end = s.size();
        while (end > 0 && is_space_or_tab(s[end - 1])) --end;
        size_t hashes = end;
        while (hashes > 0 && s[hashes - 1] == '#') --hashes;
        if (hashes == 0) return {};
        if (hashes < end && is_space_or_tab(s[hashes - 1])) end = hashes;
        return s.substr(0, end);
    }

    Started start_fence() {
        const std::string_view line = c_.line;
        const char ch = c_.current();
        if (ch != '`' && ch != '~') return Started::none;
        size_t p = c_.next_nonspace;
        while (p < line.size() && line[p] == ch) ++p;
        const int length = static_cast<int>(p - c_.next_nonspace);
        if (length < 3) return Started::none;
        const std::string_view info = line.substr(p);
        if (ch == '`' && info.find('`') != std::string_view::npos) return Started::none;
        close_unmatched();
        Node* code = add_child(Kind::code_block);
        code->fenced = true;
        code->fence_char = ch;
        code->fence_length = length;
        code->fence_offset = c_.indent;
        doc_.extra(code).info = doc_.keep_text(unescape(trim(info)));
        c_.offset = line.size();
        c_.partial_tab = false;  // else append_line steps past the end (fuzz: "-\n-\n\t```")
        return Started::leaf;
    }

    static std::string_view trim(std::string_view s) {
        while (!s.empty() && is_ascii_whitespace(s.front())) s.remove_prefix(1);
        while (!s.empty() && is_ascii_whitespace(s.back())) s.remove_suffix(1);
        return s;
    }

    Started start_html(Node* container) {
        const bool lazy_paragraph = !all_closed_ && !c_.blank && tip_->kind == Kind::paragraph;
        const int kind = html_block_start(c_.line, c_.next_nonspace, container->kind == Kind::paragraph || lazy_paragraph);
        if (kind == 0) return Started::none;
        close_unmatched();
        add_child(Kind::html_block)->html_type = kind;
        return Started::leaf;  // the line itself, indentation included, is added as its content
    }

    Started start_setext_heading(Node* container) {
        if (container->kind != Kind::paragraph) return Started::none;
        const char ch = c_.current();
        if (ch != '=' && ch != '-') return Started::none;
        size_t p = c_.next_nonspace;
        while (p < c_.line.size() && c_.line[p] == ch) ++p;
        while (p < c_.line.size() && is_space_or_tab(c_.line[p])) ++p;
        if (p != c_.line.size()) return Started::none;
        close_unmatched();
        flush_pending();
        take_reference_definitions(container);
        if (container->literal.empty()) return Started::none;  // only definitions: maybe a rule
        container->kind = Kind::heading;
        container->level = ch == '=' ? 1 : 2;
        c_.offset = c_.line.size();
        return Started::leaf;
    }

    Started start_rule() {
        const char ch = c_.current();
        if (ch != '*' && ch != '-' && ch != '_') return Started::none;
        int count = 0;
        for (size_t p = c_.next_nonspace; p < c_.line.size(); ++p) {
            if (c_.line[p] == ch) ++count;
            else if (!is_space_or_tab(c_.line[p])) return Started::none;
        }
        if (count < 3) return Started::none;
        close_unmatched();
        add_child(Kind::thematic_break);
        c_.offset = c_.line.size();
        return Started::leaf;
    }

    Started start_item(Node* container) {
        const std::string_view line = c_.line;
        const size_t marker = c_.next_nonspace;
        size_t p = marker;
        Node data;
        const char ch = c_.current();
        if (ch == '*' || ch == '+' || ch == '-') {
            data.bullet = ch;
            ++p;
        } else {
            long value = 0;
            while (p < line.size() && is_digit(line[p]) && p - marker < 9) value = value * 10 + (line[p++] - '0');
            if (p == marker || p >= line.size() || (line[p] != '.' && line[p] != ')')) return Started::none;
            if (container->kind == Kind::paragraph && value != 1) return Started::none;
            data.ordered = true;
            data.bullet = line[p++];
            data.start = static_cast<int>(value);
        }
        if (p < line.size() && !is_space_or_tab(line[p])) return Started::none;
        if (container->kind == Kind::paragraph && trim(line.substr(p)).empty()) return Started::none;
        const int marker_width = static_cast<int>(p - marker);
        const int marker_offset = c_.indent;
        c_.advance_to_next_nonspace();
        c_.advance(marker_width, true);
        const int spaces_column = c_.column;
        const size_t spaces_offset = c_.offset;
        do c_.advance(1, true);
        while (c_.column - spaces_column < 5 && is_space_or_tab(c_.peek(c_.offset)));
        const bool blank_item = c_.offset >= line.size();
        const int spaces = c_.column - spaces_column;
        int padding = marker_width + spaces;
        if (spaces >= 5 || spaces < 1 || blank_item) {  // content indented 5+ is code: one space belongs to the marker
            padding = marker_width + 1;
            c_.column = spaces_column;
            c_.offset = spaces_offset;
            c_.partial_tab = false;
            if (is_space_or_tab(c_.peek(c_.offset))) c_.advance(1, true);
        }
        close_unmatched();
        if (tip_->kind != Kind::list || !same_list_type(tip_, data)) {
            Node* list = add_child(Kind::list);
            list->ordered = data.ordered;
            list->bullet = data.bullet;
            list->start = data.start;
        }
        Node* item = add_child(Kind::item);
        item->marker_offset = marker_offset;
        item->content_offset = padding;
        return Started::container;
    }

    static bool same_list_type(const Node* list, const Node& data) {
        return list->ordered == data.ordered && list->bullet == data.bullet;
    }

    // GFM: a delimiter row under a paragraph's last line turns that line into a table head.
    Started start_table(Node* container) {
        if (!options_.gfm || container->kind != Kind::paragraph) return Started::none;
        const std::string_view row = c_.line.substr(c_.next_nonspace);
        const std::vector<Align> aligns = parse_delimiter_row(row);
        if (aligns.empty()) return Started::none;
        flush_pending();
        std::string_view content = container->literal;
        content.remove_suffix(1);  // the line end
        const size_t last_start = content.rfind('\n') + 1;  // npos + 1 == 0
        const std::string_view head = content.substr(last_start);
        if (split_table_row(head).size() != aligns.size()) return Started::none;
        if (head.find('|') == std::string_view::npos && row.find('|') == std::string_view::npos) return Started::none;
        const std::string head_text(head);
        close_unmatched();
        container->literal = container->literal.substr(0, last_start);
        if (last_start > 0) take_reference_definitions(container);
        if (container->literal.empty()) {
            Node* parent = container->parent;
            container->unlink();
            tip_ = parent;
        } else {
            finalize(container, line_number_ - 1);
        }
        Node* table = add_child(Kind::table);
        std::string digits;  // one a column
        for (Align a : aligns) digits += static_cast<char>('0' + static_cast<int>(a));
        table->literal = doc_.keep_text(digits);
        add_table_row(table, head_text, true);
        c_.offset = c_.line.size();
        return Started::leaf;
    }

    void add_table_row(Node* table, std::string_view line, bool header) {
        Node* row = doc_.make(Kind::table_row);
        row->open = false;
        row->header = header;
        table->append(row);
        const std::vector<std::string> cells = split_table_row(line);
        for (size_t i = 0; i < table->literal.size(); ++i) {
            Node* cell = doc_.make(Kind::table_cell);
            cell->open = false;
            cell->align = static_cast<Align>(table->literal[i] - '0');
            if (i < cells.size()) cell->literal = doc_.keep_text(cells[i]);
            row->append(cell);
        }
    }

    // ------------------------------------------------ closing blocks

    void take_reference_definitions(Node* paragraph) {
        const size_t used = read_reference_definitions(paragraph->literal, refs_);
        paragraph->literal.remove_prefix(used);
    }

    void finalize(Node* n, int line) {
        if (n == pending_node_) flush_pending();
        Node* parent = n->parent;
        n->open = false;
        n->end_line = line;
        switch (n->kind) {
            case Kind::paragraph:
                take_reference_definitions(n);
                if (n->literal.empty()) n->unlink();
                break;
            case Kind::code_block: finish_code(n); break;
            case Kind::html_block: finish_html(n); break;
            case Kind::list: finish_list(n); break;
            case Kind::item: n->end_line = n->last ? n->last->end_line : n->source_line; break;
            default: break;
        }
        tip_ = parent;
    }

    static bool blank_text(std::string_view s) { return trim(s).empty(); }

    static void finish_code(Node* code) {
        std::string_view& s = code->literal;
        if (code->fenced) {
            s.remove_prefix(s.find('\n') + 1);  // the fence line; its info string is already taken
        } else {  // trailing blank lines are not part of indented code
            size_t keep = 0;
            for (size_t pos = 0; pos < s.size();) {
                const size_t nl = s.find('\n', pos);
                if (!blank_text(s.substr(pos, nl - pos))) keep = nl + 1;
                pos = nl + 1;
            }
            s = s.substr(0, keep);
        }
    }

    // Trailing blank lines and the last line end are not part of the block.
    static void finish_html(Node* html) {
        std::string_view& s = html->literal;
        size_t end = s.size();
        for (;;) {
            size_t j = end;
            while (j > 0 && s[j - 1] == ' ') --j;
            if (j == 0 || s[j - 1] != '\n') break;
            end = j - 1;
        }
        s = s.substr(0, end);
    }

    // A list is loose when any of its items, or any block directly in an item, is followed by a
    // blank line before its next sibling.
    static void finish_list(Node* list) {
        for (Node* item = list->first; item && list->tight; item = item->next) {
            if (item->next && ends_with_gap(item)) list->tight = false;
            for (Node* sub = item->first; sub && list->tight; sub = sub->next)
                if (sub->next && ends_with_gap(sub)) list->tight = false;
        }
        if (list->last) list->end_line = list->last->end_line;
    }

    static bool ends_with_gap(Node* n) { return n->next && n->end_line != n->next->source_line - 1; }

    // ------------------------------------------------ inlines, once the blocks are done

    void parse_all_inlines(InlineContext& context) {
        Walker walker(doc_.root());
        const Node* node = nullptr;
        bool entering = false;
        while (walker.step(node, entering)) {
            Node* n = const_cast<Node*>(node);
            if (!entering) continue;
            if (n->kind == Kind::paragraph && options_.gfm && n->parent->kind == Kind::item && n->parent->first == n)
                mark_task_item(n);
            if (n->kind == Kind::paragraph || n->kind == Kind::heading || n->kind == Kind::table_cell) {
                // The text nodes point into the literal, in the arena, as long as the document lives.
                const std::string_view text = trim(n->literal);
                n->literal = {};
                parse_inlines(n, text, context);
                if (options_.gfm) link_bare_urls(n, doc_);
            }
        }
    }
};

// Splits on LF, CRLF and CR; a final line end does not start another line. A pointer loop, as
// the rest of the hot paths: in the -Oz wasm even string_view's operator[] is a call. The line
// end is looked for eight bytes at a time first.
template <typename F>
void for_each_line(std::string_view text, F&& f) {
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end) {
        const char* e = p;
        for (uint64_t v; end - e >= 8; e += 8) {
            std::memcpy(&v, e, 8);
            if (has_byte(v, '\n') || has_byte(v, '\r')) break;
        }
        while (e < end && *e != '\n' && *e != '\r') ++e;
        f(std::string_view(p, static_cast<size_t>(e - p)));
        if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n') ++e;
        p = e + 1;
    }
}

}  // namespace

void parse(std::string_view markdown, const ParseOptions& options, Document& out) {
    BlockParser parser(out, options);
    for_each_line(markdown, [&](std::string_view line) { parser.add_line(line); });
    parser.finish(markdown.size());
}

}  // namespace reader::md
