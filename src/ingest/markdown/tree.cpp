#include "ingest/markdown/tree.hpp"

#include <algorithm>
#include <cstring>

namespace reader::md {

std::string_view Document::append_text(std::string_view have, std::string_view more) {
    if (more.empty()) return have;
    if (!have.empty() && have.data() + have.size() == top_ && more.size() <= left_) {
        std::memcpy(alloc_text(more.size()), more.data(), more.size());  // lands right after `have`
        return {have.data(), have.size() + more.size()};
    }
    char* p = alloc_text(have.size() + more.size());
    if (!have.empty()) std::memcpy(p, have.data(), have.size());
    std::memcpy(p + have.size(), more.data(), more.size());
    return {p, have.size() + more.size()};
}

// At least twice what is asked for, so that a text that keeps growing is copied a bounded number
// of times in all.
void Document::new_text_chunk(size_t need) {
    const size_t size = std::max(text_chunk_size, 2 * need);
    // new char[] leaves the bytes as they are: a std::string's resize would zero them first.
    text_chunks_.emplace_back(new char[size]);
    top_ = text_chunks_.back().get();
    left_ = size;
}

}  // namespace reader::md
