// Article -> HTML for the reading view. Sections become native <details> regions, so they collapse
// and expand with no JavaScript at all, and find-in-page can open them.
#pragma once

#include <string>

#include "article/model.hpp"

namespace reader {

struct HtmlOptions {
    bool sections_open = true;  // false: every section starts collapsed
};

// All text goes through escape_html and all URLs through safe_url; no style= or on* attribute is
// ever written.
std::string render_html(const Article& article, const HtmlOptions& options = {});

}  // namespace reader
