// Article -> HTML for the reading view. Sections become native <details> regions, so they collapse
// and expand with no JavaScript at all, and find-in-page can open them.
#pragma once

#include <string>
#include <vector>

#include "article/model.hpp"

namespace reader {

struct HtmlOptions {
    bool sections_open = true;  // false: every section starts collapsed
};

// All text goes through escape_html and all URLs through safe_url; no style= or on* attribute is
// ever written.
std::string render_html(const Article& article, const HtmlOptions& options = {});

}  // namespace reader

namespace reader {

// The reading view in pieces, for a page that turns sections into DOM only when they are needed:
// `shell` is render_html's output without the top-level sections (header, contents, lead, what
// was left out), and sections[i] is the i-th top-level section's whole frame, nested sections
// included. Put back in order where they belong (before the `ar-dropped` details, else before
// `</article>`), they give render_html's text. The data-u unit numbers are render_html's, so
// search results (format/search.hpp) point into the same units: sections[i] holds units
// [first_unit, end_unit).
struct HtmlSection {
    std::string html;
    int first_unit = 0;
    int end_unit = 0;
};

// toc[i] is the i-th top-level section's entry in the contents (`<li>…</li>`, nested entries
// included); the shell's contents list is empty, and the entries, in order, go at its end (before
// the shell's first `</ol>\n</nav>`). An article with fewer than two sections has no contents.
struct HtmlParts {
    std::string shell;
    std::vector<HtmlSection> sections;
    std::vector<std::string> toc;
};

HtmlParts render_html_parts(const Article& article, const HtmlOptions& options = {});

// The same, each contents entry and section handed to `sink` as soon as it is written, so that a
// caller can pass it on and free it (a book's reading view need never be whole in memory). Returns
// the shell.
struct HtmlPartsSink {
    virtual void toc_entry(std::string html) = 0;
    virtual void section(HtmlSection section) = 0;

protected:
    ~HtmlPartsSink() = default;
};
std::string render_html_parts(const Article& article, const HtmlOptions& options, HtmlPartsSink& sink);

}  // namespace reader
