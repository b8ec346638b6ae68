// URLs and e-mail addresses in running text become links.
#pragma once

#include <string_view>
#include <vector>

#include "article/model.hpp"

namespace reader::text {

// Appends `text` to `out` as text inlines, with http(s):// and www. URLs and e-mail addresses as
// link inlines. Trailing punctuation and unbalanced closing brackets stay outside the link.
void append_linked(std::string_view text, std::vector<Inline>& out);

}  // namespace reader::text
