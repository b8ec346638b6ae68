// The CommonMark document tree: what the Markdown parser builds and the renderers walk.
// Nodes live in one arena owned by the Document and link to each other with plain pointers, so that
// neither building, walking nor freeing a deeply nested document recurses.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace reader::md {

enum class Kind : uint8_t {
    // blocks
    document, block_quote, list, item, code_block, html_block, paragraph, heading, thematic_break,
    table, table_row, table_cell,
    // inlines
    text, soft_break, line_break, code, html_inline, emphasis, strong, strikethrough, link, image,
};

enum class Align : uint8_t { none, left, center, right };

struct Node {
    Kind kind = Kind::document;
    Node* parent = nullptr;
    Node* first = nullptr;
    Node* last = nullptr;
    Node* prev = nullptr;
    Node* next = nullptr;

    // Code block: its content; HTML block: its source; table: its column alignments, a digit
    // (Align) each. While blocks are parsed, the raw text of a paragraph, heading or table cell,
    // until the inline parser replaces it by children. In the Document's text arena, like every
    // string of the tree: the nodes own nothing, so freeing the tree is freeing its chunks.
    std::string_view literal;
    // Text, code span, inline HTML: the characters. They point into the block's text or into the
    // text arena when they had to be changed or joined: an allocation per text node was the
    // largest cost of the parse after the -Oz code itself.
    std::string_view text;
    struct Extra {
        std::string_view url;    // link, image
        std::string_view title;  // link, image
        std::string_view info;   // code block: the info string
    };
    // Only links, images and code blocks have one (Document::extra): keeps the many text nodes small.
    Extra* extra = nullptr;
    std::string_view url() const { return extra ? extra->url : std::string_view(); }
    std::string_view title() const { return extra ? extra->title : std::string_view(); }
    std::string_view info() const { return extra ? extra->info : std::string_view(); }

    int level = 0;          // heading: 1-6
    int start = 1;          // ordered list
    char bullet = 0;        // list: '-', '+', '*'; ordered: '.' or ')'
    bool ordered = false;   // list
    bool tight = true;      // list
    bool fenced = false;    // code block
    bool header = false;    // table row: the head row
    Align align = Align::none;  // table cell
    int8_t task = -1;       // item: -1 not a task, 0 unchecked, 1 checked

    // Block parsing state, unused once the document is finished.
    bool open = true;
    bool last_line_blank = false;
    bool setext_possible = false;
    char fence_char = 0;
    int fence_length = 0;
    int fence_offset = 0;
    int html_type = 0;
    int marker_offset = 0;   // item: columns before the marker
    int content_offset = 0;  // item: columns from the marker to the content
    int source_line = 0;     // the first line of a block
    int end_line = 0;        // the last line of a closed block: a gap before the next sibling makes a list loose

    void append(Node* child) {
        child->parent = this;
        child->prev = last;
        child->next = nullptr;
        if (last) last->next = child;
        else first = child;
        last = child;
    }
    void insert_before(Node* child) {  // child becomes this node's previous sibling
        child->parent = parent;
        child->prev = prev;
        child->next = this;
        if (prev) prev->next = child;
        else if (parent) parent->first = child;
        prev = child;
    }
    void unlink() {
        if (prev) prev->next = next;
        else if (parent) parent->first = next;
        if (next) next->prev = prev;
        else if (parent) parent->last = prev;
        parent = prev = next = nullptr;
    }
};

// Owns every node, in fixed-size chunks that never move, so pointers stay valid.
class Document {
public:
    Document() { root_ = make(Kind::document); }
    Node* make(Kind kind) {
        if (used_ == chunk_size) {
            // new Node[] runs the constructors only; make_unique<Node[]> would first zero the whole
            // chunk as well, which showed as a memset in the wasm profile.
            chunks_.emplace_back();
            chunks_.back().reset(new Node[chunk_size]);
            used_ = 0;
        }
        Node* n = &chunks_.back()[used_++];
        n->kind = kind;
        return n;
    }
    Node* root() const { return root_; }

    // `n` fresh bytes in the text arena, valid as long as the Document.
    char* alloc_text(size_t n) {
        if (n > left_) new_text_chunk(n);
        char* p = top_;
        top_ += n;
        left_ -= n;
        return p;
    }
    std::string_view keep_text(std::string_view s) { return append_text({}, s); }
    // `have` followed by `more`, in the arena. When `have` is the arena's last text and there is
    // room, `more` goes right after it and nothing is copied again, so that text grown piece by
    // piece (a run of literal characters and escapes, a paragraph's lines) stays linear.
    std::string_view append_text(std::string_view have, std::string_view more);
    // The node's link, image or code block fields, made on first use.
    // In the text arena too (a few bytes more, to align it): nothing to free one by one.
    Node::Extra& extra(Node* n) {
        if (!n->extra) {
            constexpr size_t align = alignof(Node::Extra);
            const auto at = reinterpret_cast<uintptr_t>(alloc_text(sizeof(Node::Extra) + align - 1));
            n->extra = new (reinterpret_cast<void*>((at + align - 1) & ~(align - 1))) Node::Extra();
        }
        return *n->extra;
    }

private:
    static constexpr size_t chunk_size = 256;
    static constexpr size_t text_chunk_size = 64 * 1024;
    std::vector<std::unique_ptr<Node[]>> chunks_;
    size_t used_ = chunk_size;
    Node* root_;
    std::vector<std::unique_ptr<char[]>> text_chunks_;  // each at least 64 KB
    char* top_ = nullptr;
    size_t left_ = 0;

    void new_text_chunk(size_t need);
};

// Depth-first walk with an event for entering and leaving each node that can have children.
class Walker {
public:
    explicit Walker(const Node* root) : root_(root), next_(root) {}
    // Returns false when done; otherwise sets node and entering.
    bool step(const Node*& node, bool& entering) {
        if (!next_) return false;
        node = next_;
        entering = next_entering_;
        if (entering && node->first) {
            next_ = node->first;
            next_entering_ = true;
        } else if (entering && !is_container(node->kind)) {
            advance_from(node);
        } else if (entering) {
            next_entering_ = false;  // an empty container: leave it next
        } else {
            advance_from(node);
        }
        return true;
    }
    static bool is_container(Kind k) {
        switch (k) {
            case Kind::document: case Kind::block_quote: case Kind::list: case Kind::item: case Kind::paragraph:
            case Kind::heading: case Kind::table: case Kind::table_row: case Kind::table_cell: case Kind::emphasis:
            case Kind::strong: case Kind::strikethrough: case Kind::link: case Kind::image:
                return true;
            default:
                return false;
        }
    }

private:
    const Node* root_;
    const Node* next_;
    bool next_entering_ = true;

    void advance_from(const Node* node) {
        if (node == root_) next_ = nullptr;
        else if (node->next) next_ = node->next, next_entering_ = true;
        else next_ = node->parent, next_entering_ = false;
    }
};

struct ParseOptions {
    bool gfm = false;  // tables, strikethrough, extended autolinks and task lists
};

// Parses UTF-8 Markdown (any line ends; NUL already replaced or not) into a tree. Never throws
// except std::bad_alloc. Time is linear in the input; see docs/architecture.md for the limits.
void parse(std::string_view markdown, const ParseOptions& options, Document& out);

}  // namespace reader::md
