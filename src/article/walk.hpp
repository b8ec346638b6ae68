// Visiting every piece of text in the model's blocks, in document order.
#pragma once

#include <string_view>
#include <vector>

#include "article/model.hpp"

namespace reader {

// Calls f(text) for each inline's and each block's own text (code, alt text), recursing into
// emphasis, links, quotes, list items and table cells. Headings and titles are the caller's to add.
template <typename F>
void for_each_text(const std::vector<Inline>& inlines, F& f) {
    for (const Inline& in : inlines) {
        f(std::string_view(in.text));
        for_each_text(in.children, f);
    }
}

template <typename F>
void for_each_text(const std::vector<Block>& blocks, F& f) {
    for (const Block& b : blocks) {
        for_each_text(b.inlines, f);
        f(std::string_view(b.text));
        for_each_text(b.blocks, f);
        for (const ListItem& item : b.items) for_each_text(item.blocks, f);
        for (const std::vector<Inline>& cell : b.head) for_each_text(cell, f);
        for (const auto& row : b.rows)
            for (const std::vector<Inline>& cell : row) for_each_text(cell, f);
    }
}

}  // namespace reader
