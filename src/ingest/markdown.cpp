#include "ingest/markdown.hpp"

#include <vector>

#include "article/language.hpp"
#include "article/slug.hpp"
#include "article/stats.hpp"
#include "ingest/markdown/tree.hpp"

namespace reader {
namespace {

using md::Kind;
using md::Node;

// The model nests at most max_nesting (64) levels, counting sections, blocks and inlines. Markdown
// may nest far deeper, so quotes and lists deeper than this are flattened into their parent, and
// emphasis and links deeper than this become their plain text.
constexpr int max_block_depth = 16;
constexpr int max_inline_depth = 16;

// The text of a subtree without markup, as image alt text and headings need: iterative, because
// emphasis can nest tens of thousands deep.
std::string plain_text(const Node* node) {
    std::string out;
    md::Walker walker(node);
    const Node* n = nullptr;
    bool entering = false;
    while (walker.step(n, entering)) {
        if (!entering) continue;
        if (n->kind == Kind::text || n->kind == Kind::code || n->kind == Kind::html_inline) out += n->text;
        else if (n->kind == Kind::soft_break || n->kind == Kind::line_break) out += ' ';
    }
    return out;
}

void add_text(std::vector<Inline>& out, std::string_view text, InlineType type = InlineType::text) {
    if (text.empty()) return;
    if (type == InlineType::text && !out.empty() && out.back().type == InlineType::text) {
        out.back().text += text;  // the parser's runs of text become one inline
        return;
    }
    Inline in;
    in.type = type;
    in.text = std::string(text);
    out.push_back(std::move(in));
}

void convert_inlines(const Node* parent, std::vector<Inline>& out, int depth);

Inline wrapper(InlineType type, const Node* n, int depth) {
    Inline in;
    in.type = type;
    if (type == InlineType::link) {
        in.url = n->url();
        in.title = n->title();
    }
    convert_inlines(n, in.children, depth + 1);
    return in;
}

void convert_inline(const Node* n, std::vector<Inline>& out, int depth) {
    switch (n->kind) {
        case Kind::text: add_text(out, n->text); break;
        case Kind::soft_break: add_text(out, " "); break;  // the reading view wraps lines itself
        case Kind::line_break: out.emplace_back().type = InlineType::line_break; break;
        case Kind::code: add_text(out, n->text, InlineType::code); break;
        case Kind::html_inline: add_text(out, n->text); break;  // raw HTML shows as its source text
        case Kind::emphasis: out.push_back(wrapper(InlineType::emphasis, n, depth)); break;
        case Kind::strong: out.push_back(wrapper(InlineType::strong, n, depth)); break;
        case Kind::strikethrough: out.push_back(wrapper(InlineType::strikethrough, n, depth)); break;
        case Kind::link: out.push_back(wrapper(InlineType::link, n, depth)); break;
        case Kind::image: {
            Inline& image = out.emplace_back();
            image.type = InlineType::image;
            image.text = plain_text(n);
            image.url = n->url();
            image.title = n->title();
            break;
        }
        default: break;
    }
}

void convert_inlines(const Node* parent, std::vector<Inline>& out, int depth) {
    if (depth > max_inline_depth) {
        add_text(out, plain_text(parent));
        return;
    }
    for (const Node* n = parent->first; n; n = n->next) convert_inline(n, out, depth);
}

Block paragraph(const Node* n) {
    Block b;
    convert_inlines(n, b.inlines, 1);
    // An image alone in its paragraph is a figure.
    if (b.inlines.size() == 1 && b.inlines[0].type == InlineType::image) {
        Inline image = std::move(b.inlines[0]);
        b = Block{};
        b.type = BlockType::image;
        b.url = std::move(image.url);
        b.text = std::move(image.text);
        b.title = std::move(image.title);
    }
    return b;
}

const char* align_name(md::Align a) {
    switch (a) {
        case md::Align::left: return "left";
        case md::Align::center: return "center";
        case md::Align::right: return "right";
        default: return "";
    }
}

Block table(const Node* n) {
    Block b;
    b.type = BlockType::table;
    for (const Node* row = n->first; row; row = row->next) {
        std::vector<std::vector<Inline>> cells;
        for (const Node* cell = row->first; cell; cell = cell->next) {
            if (row->header) b.align.push_back(align_name(cell->align));
            convert_inlines(cell, cells.emplace_back(), 1);
        }
        if (row->header) b.head = std::move(cells);
        else b.rows.push_back(std::move(cells));
    }
    return b;
}

Block code(const Node* n) {
    Block b;
    b.type = BlockType::code;
    b.text = n->literal;
    const std::string_view info = n->info();
    b.lang = std::string(info.substr(0, info.find_first_of(" \t")));
    return b;
}

class Converter {
public:
    Article run(const md::Document& doc) {
        const Node* first = doc.root()->first;
        if (first && first->kind == Kind::heading && first->level == 1) {
            article_.title = plain_text(first);
            first = first->next;
        }
        for (const Node* n = first; n; n = n->next) top_level(n);
        const Language language = detect_language(article_);
        article_.lang = language.lang;
        article_.dir = language.dir;
        update_stats(article_);
        return std::move(article_);
    }

private:
    Article article_;
    SlugSet slugs_;
    std::vector<Section*> open_;  // the sections the next block goes into, outermost first

    std::vector<Block>& current() { return open_.empty() ? article_.blocks : open_.back()->blocks; }

    void top_level(const Node* n) {
        if (n->kind == Kind::heading) return section(n);
        blocks_into(n, current(), 1);
    }

    // A later `#` heading is a section like `##`: the title is the one that opens the document.
    void section(const Node* n) {
        const int level = n->level < 2 ? 2 : n->level;
        while (!open_.empty() && open_.back()->level >= level) open_.pop_back();
        std::vector<Section>& siblings = open_.empty() ? article_.sections : open_.back()->sections;
        Section& s = siblings.emplace_back();
        s.heading = plain_text(n);
        s.level = level;
        s.id = slugs_.unique(s.heading);
        open_.push_back(&s);
    }

    void blocks_into(const Node* n, std::vector<Block>& out, int depth) {
        switch (n->kind) {
            case Kind::paragraph: out.push_back(paragraph(n)); break;
            case Kind::heading: out.push_back(heading_in_container(n)); break;
            case Kind::code_block: out.push_back(code(n)); break;
            case Kind::thematic_break: out.emplace_back().type = BlockType::rule; break;
            case Kind::table: out.push_back(table(n)); break;
            case Kind::html_block: article_.dropped.push_back({std::string(n->literal), "raw HTML, not shown"}); break;
            case Kind::block_quote: quote(n, out, depth); break;
            case Kind::list: list(n, out, depth); break;
            default: break;
        }
    }

    // A heading inside a quote or list item cannot be a section: it stays in place, in bold.
    static Block heading_in_container(const Node* n) {
        Block b;
        Inline strong;
        strong.type = InlineType::strong;
        convert_inlines(n, strong.children, 2);
        b.inlines.push_back(std::move(strong));
        return b;
    }

    void children_into(const Node* parent, std::vector<Block>& out, int depth) {
        for (const Node* c = parent->first; c; c = c->next) blocks_into(c, out, depth);
    }

    void quote(const Node* n, std::vector<Block>& out, int depth) {
        if (depth > max_block_depth) return flatten(n, out);
        Block b;
        b.type = BlockType::quote;
        children_into(n, b.blocks, depth + 1);
        out.push_back(std::move(b));
    }

    void list(const Node* n, std::vector<Block>& out, int depth) {
        if (depth > max_block_depth) return flatten(n, out);
        Block b;
        b.type = BlockType::list;
        b.ordered = n->ordered;
        b.start = n->ordered ? n->start : 1;
        for (const Node* item = n->first; item; item = item->next) {
            ListItem& li = b.items.emplace_back();
            if (item->task >= 0) li.checked = item->task == 1;
            children_into(item, li.blocks, depth + 1);
        }
        out.push_back(std::move(b));
    }

    // Past the depth limit, the leaf blocks of a quote or list follow each other in the parent.
    // The walk is iterative: the tree below may be a thousand levels deep.
    void flatten(const Node* root, std::vector<Block>& out) {
        md::Walker walker(root);
        const Node* n = nullptr;
        bool entering = false;
        while (walker.step(n, entering)) {
            if (!entering || n == root) continue;
            switch (n->kind) {
                case Kind::paragraph: case Kind::heading: case Kind::code_block: case Kind::thematic_break:
                case Kind::table: case Kind::html_block:
                    blocks_into(n, out, max_block_depth);
                    break;
                default: break;
            }
        }
    }
};

}  // namespace

Article read_markdown(std::string_view text) {
    md::Document doc;
    md::ParseOptions options;
    options.gfm = true;
    md::parse(text, options, doc);
    return Converter().run(doc);
}

}  // namespace reader
