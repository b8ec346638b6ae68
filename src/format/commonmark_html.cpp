#include "format/commonmark_html.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "ingest/utf8.hpp"

namespace reader {
namespace {

using md::Kind;
using md::Node;

// The renderer's output: bytes stored through a pointer into a std::string sized ahead of them.
// In the -Oz wasm every std::string::append is a chain of calls (strlen, capacity, pointer, copy),
// and for the many short pieces of HTML those calls cost more than the copying.
class HtmlOut {
public:
    // Not cleared first: the string is written from its start over what it held, and the resize
    // to its capacity then zeroes only the bytes past the last output, not the whole buffer again
    // (a memset of every output byte on each call, in the wasm profile).
    explicit HtmlOut(std::string& s) : s_(s) { grow(0); }
    void finish() { s_.resize(size_); }

    void put(const char* p, size_t n) {
        if (n == 0) return;  // an empty view may have no data pointer, and memcpy takes none
        if (n > cap_ - size_) grow(n);
        std::memcpy(data_ + size_, p, n);
        size_ += n;
    }
    template <size_t N>
    HtmlOut& operator+=(const char (&literal)[N]) {  // the length is known: no strlen
        put(literal, N - 1);
        return *this;
    }
    HtmlOut& operator+=(std::string_view text) {
        put(text.data(), text.size());
        return *this;
    }
    HtmlOut& operator+=(char c) {
        if (size_ == cap_) grow(1);
        data_[size_++] = c;
        return *this;
    }
    bool empty() const { return size_ == 0; }
    char back() const { return data_[size_ - 1]; }

private:
    std::string& s_;
    char* data_ = nullptr;
    size_t size_ = 0;
    size_t cap_ = 0;

    void grow(size_t more) {
        s_.resize(std::max({s_.capacity(), size_ + more, 2 * cap_}));
        data_ = s_.data();
        cap_ = s_.size();
    }
};

// Whether any of eight bytes is " & < or >. Those are 0x22 and 0x26, 0x3C and 0x3E: pairs one bit
// apart, so each pair is one test for a zero byte once that bit is masked off.
bool has_special(uint64_t v) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t quote_amp = (v ^ ones * 0x22) & ~(ones * 0x04), angles = (v ^ ones * 0x3C) & ~(ones * 0x02);
    return (((quote_amp - ones) & ~quote_amp) | ((angles - ones) & ~angles)) & highs;
}

// The spec's own escaping: & < > and " only. It differs from escape_html (which also escapes ')
// because this output is compared byte for byte with the spec's examples. Eight bytes at a time
// while none of them is special (most text), then byte by byte through the block that has one.
void escape(std::string_view text, HtmlOut& out) {
    // One bit each for " & < >, all below 64: a shift and a mask per byte, then whole runs stored.
    constexpr uint64_t special = 1ull << '"' | 1ull << '&' | 1ull << '<' | 1ull << '>';
    const char* plain = text.data();
    const char* const end = plain + text.size();
    for (const char* p = plain; p < end;) {
        if (end - p >= 8) {
            uint64_t v;
            std::memcpy(&v, p, 8);
            if (!has_special(v)) {
                p += 8;
                continue;
            }
        }
        for (const char* const stop = end - p >= 8 ? p + 8 : end; p < stop; ++p) {
            const auto c = static_cast<unsigned char>(*p);
            if (c >= 64 || !(special >> c & 1)) continue;
            out.put(plain, static_cast<size_t>(p - plain));
            if (c == '&') out += "&amp;";
            else if (c == '<') out += "&lt;";
            else if (c == '>') out += "&gt;";
            else out += "&quot;";
            plain = p + 1;
        }
    }
    out.put(plain, static_cast<size_t>(end - plain));
}

void cr(HtmlOut& out) {
    if (!out.empty() && out.back() != '\n') out += '\n';
}

bool in_tight_list(const Node* paragraph) {
    const Node* item = paragraph->parent;
    return item && item->kind == Kind::item && item->parent && item->parent->tight;
}

const char* align_attribute(md::Align a) {
    switch (a) {
        case md::Align::left: return " align=\"left\"";
        case md::Align::center: return " align=\"center\"";
        case md::Align::right: return " align=\"right\"";
        default: return "";
    }
}

class Renderer {
public:
    explicit Renderer(HtmlOut& out) : out_(out) {}

    void run(const Node* root) {
        md::Walker walker(root);
        const Node* n = nullptr;
        bool entering = false;
        while (walker.step(n, entering)) {
            if (alt_depth_ > 0) alt_text(n, entering);
            else node(n, entering);
        }
    }

private:
    HtmlOut& out_;
    int alt_depth_ = 0;  // inside an image: children are its alt text, without markup

    void alt_text(const Node* n, bool entering) {
        switch (n->kind) {
            case Kind::text: case Kind::code: case Kind::html_inline: escape(n->text, out_); break;
            case Kind::soft_break: case Kind::line_break: out_ += ' '; break;
            case Kind::image:
                if (entering) ++alt_depth_;
                else if (--alt_depth_ == 0) close_image(n);
                break;
            default: break;
        }
    }

    void close_image(const Node* n) {
        out_ += '"';
        if (!n->title().empty()) {
            out_ += " title=\"";
            escape(n->title(), out_);
            out_ += '"';
        }
        out_ += " />";
    }

    void tag(const char* open, const char* close, bool entering) { out_ += entering ? open : close; }

    void node(const Node* n, bool entering) {
        switch (n->kind) {
            case Kind::document: break;
            case Kind::block_quote:
                cr(out_);
                out_ += entering ? "<blockquote>\n" : "</blockquote>\n";
                break;
            case Kind::list: list(n, entering); break;
            case Kind::item:
                if (entering) {
                    cr(out_);
                    out_ += "<li>";
                    if (n->task >= 0) out_ += n->task ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> ";
                } else {
                    out_ += "</li>\n";
                }
                break;
            case Kind::heading:
                if (entering) cr(out_);
                out_ += entering ? "<h" : "</h";
                out_ += static_cast<char>('0' + n->level);
                out_ += entering ? ">" : ">\n";
                break;
            case Kind::code_block: code_block(n); break;
            case Kind::html_block:
                cr(out_);
                out_ += n->literal;
                cr(out_);
                break;
            case Kind::thematic_break:
                cr(out_);
                out_ += "<hr />\n";
                break;
            case Kind::paragraph:
                if (in_tight_list(n)) break;
                if (entering) cr(out_);
                out_ += entering ? "<p>" : "</p>\n";
                break;
            case Kind::table: table(n, entering); break;
            case Kind::table_row:
                if (entering && n->header) out_ += "<thead>\n";
                if (entering && !n->header && n->prev && n->prev->header) out_ += "<tbody>\n";
                out_ += entering ? "<tr>\n" : "</tr>\n";
                if (!entering && n->header) out_ += "</thead>\n";
                break;
            case Kind::table_cell: {
                const bool head = n->parent->header;
                if (entering) {
                    out_ += head ? "<th" : "<td";
                    out_ += align_attribute(n->align);
                    out_ += '>';
                } else {
                    out_ += head ? "</th>\n" : "</td>\n";
                }
                break;
            }
            case Kind::text: escape(n->text, out_); break;
            case Kind::soft_break: out_ += '\n'; break;
            case Kind::line_break: out_ += "<br />\n"; break;
            case Kind::code:
                out_ += "<code>";
                escape(n->text, out_);
                out_ += "</code>";
                break;
            case Kind::html_inline: out_ += n->text; break;
            case Kind::emphasis: tag("<em>", "</em>", entering); break;
            case Kind::strong: tag("<strong>", "</strong>", entering); break;
            case Kind::strikethrough: tag("<del>", "</del>", entering); break;
            case Kind::link: link(n, entering); break;
            case Kind::image:
                out_ += "<img src=\"";
                escape(n->url(), out_);
                out_ += "\" alt=\"";
                ++alt_depth_;  // alt_text() takes over until the image is left
                break;
        }
    }

    void list(const Node* n, bool entering) {
        cr(out_);
        if (!entering) {
            out_ += n->ordered ? "</ol>\n" : "</ul>\n";
        } else if (!n->ordered) {
            out_ += "<ul>\n";
        } else if (n->start == 1) {
            out_ += "<ol>\n";
        } else {
            out_ += "<ol start=\"" + std::to_string(n->start) + "\">\n";
        }
    }

    void code_block(const Node* n) {
        cr(out_);
        out_ += "<pre><code";
        const std::string_view info = n->info();
        const size_t word = info.find_first_of(" \t\n");
        if (!info.empty()) {
            out_ += " class=\"language-";
            escape(info.substr(0, word), out_);
            out_ += '"';
        }
        out_ += '>';
        escape(n->literal, out_);
        out_ += "</code></pre>\n";
    }

    void table(const Node* n, bool entering) {
        cr(out_);
        if (entering) {
            out_ += "<table>\n";
            return;
        }
        if (n->last && !n->last->header) out_ += "</tbody>\n";
        out_ += "</table>\n";
    }

    void link(const Node* n, bool entering) {
        if (!entering) {
            out_ += "</a>";
            return;
        }
        out_ += "<a href=\"";
        escape(n->url(), out_);
        out_ += '"';
        if (!n->title().empty()) {
            out_ += " title=\"";
            escape(n->title(), out_);
            out_ += '"';
        }
        out_ += '>';
    }
};

}  // namespace

void render_commonmark_html(const md::Document& doc, std::string& out) {
    HtmlOut html(out);
    Renderer(html).run(doc.root());
    html.finish();
}

std::string render_commonmark_html(const md::Document& doc) {
    std::string out;
    render_commonmark_html(doc, out);
    return out;
}

void commonmark_bytes_to_html(std::string_view bytes, const md::ParseOptions& options, std::string& out) {
    md::Document doc;
    if (decodes_unchanged(bytes)) {
        md::parse(bytes, options, doc);
    } else {
        const std::string text = decode_utf8(bytes).text;
        md::parse(text, options, doc);
    }
    // The HTML is a little longer than the Markdown: reserving that up front avoids most regrowth.
    out.reserve(bytes.size() + bytes.size() / 4);
    render_commonmark_html(doc, out);
}

}  // namespace reader
