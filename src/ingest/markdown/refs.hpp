// Link reference definitions: "[label]: destination 'title'" at the start of a paragraph.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reader::md {

struct Reference {
    std::string url;    // percent-encoded
    std::string title;  // escapes and entities resolved
};

// Definitions by normalized label. They are collected while blocks are parsed and sorted once
// before inlines look them up: one array and binary search, where a tree of hundreds of thousands
// of nodes would cost an allocation each and scatter the lookups over memory.
class References {
public:
    void add(std::string label, Reference ref) { entries_.emplace_back(std::move(label), std::move(ref)); }
    void seal();  // sorts; of several definitions of one label, the first wins
    const Reference* find(std::string_view label) const;
    bool empty() const { return entries_.empty(); }

private:
    std::vector<std::pair<std::string, Reference>> entries_;
};

// Reads the definitions at the start of a paragraph's text into `refs` and returns how many
// bytes they took (0 when the paragraph does not start with one).
size_t read_reference_definitions(std::string_view text, References& refs);

}  // namespace reader::md
