// Link reference definitions: "[label]: destination 'title'" at the start of a paragraph.
#pragma once

#include <string>
#include <string_view>
#include <map>

namespace reader::md {

struct Reference {
    std::string url;    // percent-encoded
    std::string title;  // escapes and entities resolved
};

// Keyed by the normalized label; the first definition of a label wins.
using References = std::map<std::string, Reference, std::less<>>;

// Reads the definitions at the start of a paragraph's text into `refs` and returns how many
// bytes they took (0 when the paragraph does not start with one).
size_t read_reference_definitions(std::string_view text, References& refs);

}  // namespace reader::md
