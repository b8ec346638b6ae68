#include "format/html.hpp"

#include "format/escape.hpp"

namespace reader {
namespace {

class HtmlWriter {
public:
    explicit HtmlWriter(const HtmlOptions& options, HtmlPartsSink* parts = nullptr) : options_(options), parts_(parts) {}

    std::string take() { return std::move(out_); }

    void article(const Article& a) {
        out_ += "<article class=\"ar-article\" lang=\"";
        text(a.lang);
        out_ += "\" dir=\"";
        text(a.dir);
        out_ += "\">\n";
        header(a);
        if (a.sections.size() >= 2) {
            out_ += "<nav class=\"ar-toc\" aria-label=\"Contents\">\n<p class=\"ar-toc-title\">Contents</p>\n";
            if (parts_) {
                out_ += "<ol>\n";
                for (const Section& s : a.sections) detached_toc_entry(s);
                out_ += "</ol>\n";
            } else {
                toc(a.sections);
            }
            out_ += "</nav>\n";
        }
        if (!a.blocks.empty()) {
            out_ += "<div class=\"ar-lead\">\n";
            blocks(a.blocks);
            out_ += "</div>\n";
        }
        if (parts_) {
            for (const Section& s : a.sections) detached_section(s);
        } else {
            sections(a.sections);
        }
        dropped(a.dropped);
        out_ += "</article>\n";
    }

private:
    const HtmlOptions& options_;
    HtmlPartsSink* parts_;  // when set, each top-level section goes there instead of into out_
    std::string out_;
    int units_ = 0;

    void text(std::string_view s) { escape_html(s, out_); }

    // Elements holding running text carry data-u="N", numbered in document order, which search
    // results (format/search.cpp) point into.
    void unit() {
        out_ += " data-u=\"";
        out_ += std::to_string(units_++);
        out_ += '"';
    }

    void element(const char* tag, const char* cls, std::string_view content, bool is_unit = false) {
        out_ += '<';
        out_ += tag;
        out_ += " class=\"";
        out_ += cls;
        out_ += '"';
        if (is_unit) unit();
        out_ += '>';
        text(content);
        out_ += "</";
        out_ += tag;
        out_ += ">\n";
    }

    void header(const Article& a) {
        out_ += "<header class=\"ar-header\">\n";
        if (!a.title.empty()) element("h1", "ar-title", a.title, true);
        if (a.subtitle) element("p", "ar-subtitle", *a.subtitle, true);
        if (a.byline) element("p", "ar-byline", *a.byline);
        out_ += "<p class=\"ar-meta\">";
        if (a.date) {
            element("time", "ar-date", *a.date);
            out_.pop_back();
            out_ += " · ";
        }
        out_ += "<span class=\"ar-reading-time\">" + std::to_string(a.stats.minutes) + " min read</span> · ";
        out_ += "<span class=\"ar-word-count\">" + std::to_string(a.stats.words) +
                (a.stats.words == 1 ? " word" : " words") + "</span></p>\n";
        out_ += "</header>\n";
    }

    // The table of contents links to the sections by id; the element opens a closed one on arrival.
    void toc(const std::vector<Section>& list) {
        out_ += "<ol>\n";
        for (const Section& s : list) toc_entry(s);
        out_ += "</ol>\n";
    }

    void toc_entry(const Section& s) {
        out_ += "<li><a href=\"#";
        text(s.id);
        out_ += "\">";
        text(s.heading);
        out_ += "</a>";
        if (!s.sections.empty()) {
            out_ += '\n';
            toc(s.sections);
        }
        out_ += "</li>\n";
    }

    // A top-level section's entry in the contents, nested entries included, goes into a string of
    // its own: a book's contents are thousands of entries, which the element puts in by runs.
    void detached_toc_entry(const Section& s) {
        parts_->toc_entry(written_apart([&] { toc_entry(s); }));
    }

    // What `write` writes, in a string of its own; out_ is left as it was.
    template <typename Write>
    std::string written_apart(Write&& write) {
        std::string article;
        std::swap(article, out_);
        write();
        std::swap(article, out_);
        return article;
    }

    // What the reader left out (page chrome, raw HTML), closed until the reader asks for it.
    void dropped(const std::vector<Dropped>& list) {
        if (list.empty()) return;
        out_ += "<details class=\"ar-dropped\"><summary>";
        out_ += std::to_string(list.size()) + (list.size() == 1 ? " passage" : " passages");
        out_ += " left out</summary>\n<ul>\n";
        for (const Dropped& d : list) {
            out_ += "<li><span class=\"ar-dropped-text\">";
            text(d.text);
            out_ += "</span> <span class=\"ar-dropped-reason\">(";
            text(d.reason);
            out_ += ")</span></li>\n";
        }
        out_ += "</ul>\n</details>\n";
    }

    // The section goes into a string of its own, for the element to put in when it is needed; the
    // unit numbers run on as if it were here.
    void detached_section(const Section& s) {
        const int first = units_;
        std::string html = written_apart([&] { section(s); });
        parts_->section({std::move(html), first, units_});
    }

    void sections(const std::vector<Section>& list) {
        for (const Section& s : list) section(s);
    }

    // A copyable link sits beside each section, outside its summary so that no control nests in another.
    void section(const Section& s) {
        const char level = static_cast<char>('0' + s.level);
        out_ += "<div class=\"ar-section-frame\"><a class=\"ar-anchor\" href=\"#";
        text(s.id);
        out_ += "\" title=\"Link to this section\" aria-label=\"Link to section: ";
        text(s.heading);
        out_ += "\">#</a>\n<details class=\"ar-section ar-level-";
        out_ += level;
        out_ += "\" id=\"";
        text(s.id);
        out_ += options_.sections_open ? "\" open>\n" : "\">\n";
        out_ += "<summary class=\"ar-summary\"><h";
        out_ += level;
        out_ += " class=\"ar-heading\"";
        unit();
        out_ += '>';
        text(s.heading);
        out_ += "</h";
        out_ += level;
        out_ += "><span class=\"ar-section-meta\">";
        const int paragraphs = count_paragraphs(s);
        out_ += std::to_string(paragraphs) + (paragraphs == 1 ? " paragraph · " : " paragraphs · ");
        out_ += std::to_string(s.stats.minutes) + " min</span></summary>\n<div class=\"ar-section-body\">\n";
        blocks(s.blocks);
        sections(s.sections);
        out_ += "</div>\n</details>\n</div>\n";
    }

    static int count_paragraphs(const Section& s) {
        int n = 0;
        for (const Block& b : s.blocks) n += b.type == BlockType::paragraph;
        for (const Section& sub : s.sections) n += count_paragraphs(sub);
        return n;
    }

    void blocks(const std::vector<Block>& list) {
        for (const Block& b : list) block(b);
    }

    void block(const Block& b) {
        switch (b.type) {
            case BlockType::paragraph:
                out_ += "<p";
                unit();
                out_ += '>';
                inlines(b.inlines);
                out_ += "</p>\n";
                break;
            case BlockType::list: list(b); break;
            case BlockType::quote:
                out_ += "<blockquote>\n";
                blocks(b.blocks);
                out_ += "</blockquote>\n";
                break;
            case BlockType::code: code_block(b); break;
            case BlockType::rule: out_ += "<hr>\n"; break;
            case BlockType::image:
                out_ += "<figure>";
                image(b.url, b.text, b.title);
                out_ += "</figure>\n";
                break;
            case BlockType::table: table(b); break;
        }
    }

    // Wide tables scroll inside their frame rather than widen the page; each cell is a search unit.
    void table(const Block& b) {
        out_ += "<div class=\"ar-table\"><table>\n<thead>\n";
        row(b, b.head, "th");
        out_ += "</thead>\n";
        if (!b.rows.empty()) {
            out_ += "<tbody>\n";
            for (const auto& r : b.rows) row(b, r, "td");
            out_ += "</tbody>\n";
        }
        out_ += "</table></div>\n";
    }

    void row(const Block& b, const std::vector<std::vector<Inline>>& cells, const char* tag) {
        out_ += "<tr>";
        for (size_t i = 0; i < cells.size(); ++i) {
            out_ += '<';
            out_ += tag;
            if (i < b.align.size() && !b.align[i].empty()) {
                out_ += " class=\"ar-align-";
                text(b.align[i]);
                out_ += '"';
            }
            unit();
            out_ += '>';
            inlines(cells[i]);
            out_ += "</";
            out_ += tag;
            out_ += '>';
        }
        out_ += "</tr>\n";
    }

    void list(const Block& b) {
        if (!b.ordered) {
            out_ += "<ul>\n";
        } else {
            out_ += "<ol";
            if (b.start != 1) out_ += " start=\"" + std::to_string(b.start) + "\"";
            if (b.numbering == "lower-alpha") out_ += " type=\"a\"";
            if (b.numbering == "upper-alpha") out_ += " type=\"A\"";
            out_ += ">\n";
        }
        for (const ListItem& item : b.items) {
            out_ += "<li>";
            if (item.checked) task_box(*item.checked);
            blocks(item.blocks);
            out_ += "</li>\n";
        }
        out_ += b.ordered ? "</ol>\n" : "</ul>\n";
    }

    // A task item's box is a picture with its state as its name, not a form control: the view is
    // read-only, and an unlabelled checkbox would be one more stop for keyboards.
    void task_box(bool checked) {
        out_ += checked ? "<span class=\"ar-task ar-task-done\" role=\"img\" aria-label=\"done\">\u2611</span> "
                        : "<span class=\"ar-task\" role=\"img\" aria-label=\"not done\">\u2610</span> ";
    }

    void code_block(const Block& b) {
        out_ += "<pre><code";
        if (!b.lang.empty()) {
            out_ += " data-lang=\"";
            text(b.lang);
            out_ += '"';
        }
        unit();
        out_ += '>';
        text(b.text);
        out_ += "</code></pre>\n";
    }

    void inlines(const std::vector<Inline>& list) {
        for (const Inline& in : list) inline_element(in);
    }

    void wrap(const char* tag, const std::vector<Inline>& children) {
        out_ += '<';
        out_ += tag;
        out_ += '>';
        inlines(children);
        out_ += "</";
        out_ += tag;
        out_ += '>';
    }

    void inline_element(const Inline& in) {
        switch (in.type) {
            case InlineType::text: text(in.text); break;
            case InlineType::emphasis: wrap("em", in.children); break;
            case InlineType::strong: wrap("strong", in.children); break;
            case InlineType::strikethrough: wrap("del", in.children); break;
            case InlineType::code:
                out_ += "<code>";
                text(in.text);
                out_ += "</code>";
                break;
            case InlineType::link: link(in); break;
            case InlineType::image: image(in.url, in.text, in.title); break;
            case InlineType::line_break: out_ += "<br>\n"; break;
        }
    }

    // A link whose URL fails the policy keeps its text, without the link.
    void link(const Inline& in) {
        const std::optional<std::string> url = safe_url(in.url);
        if (!url) {
            inlines(in.children);
            return;
        }
        out_ += "<a href=\"";
        text(*url);
        if (!in.title.empty()) {
            out_ += "\" title=\"";
            text(in.title);
        }
        out_ += "\">";
        inlines(in.children);
        out_ += "</a>";
    }

    // An image whose URL fails the policy is shown as its alt text.
    void image(std::string_view src, std::string_view alt, std::string_view title) {
        const std::optional<std::string> url = safe_url(src);
        if (!url) {
            text(alt);
            return;
        }
        out_ += "<img src=\"";
        text(*url);
        out_ += "\" alt=\"";
        text(alt);
        if (!title.empty()) {
            out_ += "\" title=\"";
            text(title);
        }
        out_ += "\" loading=\"lazy\" decoding=\"async\">";
    }
};

}  // namespace

std::string render_html(const Article& article, const HtmlOptions& options) {
    HtmlWriter writer(options);
    writer.article(article);
    return writer.take();
}

std::string render_html_parts(const Article& article, const HtmlOptions& options, HtmlPartsSink& sink) {
    HtmlWriter writer(options, &sink);
    writer.article(article);
    return writer.take();
}

HtmlParts render_html_parts(const Article& article, const HtmlOptions& options) {
    struct Collect final : HtmlPartsSink {
        HtmlParts parts;
        void toc_entry(std::string html) override { parts.toc.push_back(std::move(html)); }
        void section(HtmlSection section) override { parts.sections.push_back(std::move(section)); }
    } collect;
    collect.parts.shell = render_html_parts(article, options, collect);
    return std::move(collect.parts);
}

}  // namespace reader
