#include "ingest/plain_text.hpp"

#include <string>
#include <vector>

#include "article/slug.hpp"
#include "article/stats.hpp"
#include "article/text.hpp"

namespace reader {
namespace {

constexpr size_t max_title_chars = 150;
constexpr size_t max_heading_chars = 80;
constexpr int max_heading_words = 12;
constexpr size_t max_chrome_chars = 60;

// Consecutive non-blank lines.
using Chunk = std::vector<std::string_view>;

std::vector<Chunk> split_chunks(std::string_view text) {
    std::vector<Chunk> chunks;
    bool in_chunk = false;
    for (size_t pos = 0; pos <= text.size();) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim_edges(text.substr(pos, end - pos));
        if (line.empty()) {
            in_chunk = false;
        } else {
            if (!in_chunk) chunks.emplace_back();
            chunks.back().push_back(line);
            in_chunk = true;
        }
        pos = end + 1;
    }
    return chunks;
}

char32_t last_codepoint(std::string_view s) {
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return next_codepoint(s, start);
}

bool ends_sentence(std::string_view line) {
    switch (last_codepoint(line)) {
        case '.': case '!': case '?': case ';': case ':': case ',':
        case 0x2026:                                // …
        case 0x3002: case 0xFF01: case 0xFF1F:      // 。！？
        case 0xFF1B: case 0xFF1A: case 0xFF0C:      // ；：，
            return true;
        default:
            return false;
    }
}

int count_words(std::string_view line) {
    int words = 0;
    bool in_word = false;
    for (char c : line) {
        const bool space = c == ' ' || c == '\t';
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

bool has_letter_or_digit(std::string_view line) {
    bool found = false;
    for_each_codepoint(line, [&](char32_t c) {
        found = found || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
    });
    return found;
}

bool is_short_standalone(const Chunk& chunk, size_t max_chars) {
    return chunk.size() == 1 && count_codepoints(chunk[0]) <= max_chars && !ends_sentence(chunk[0]) &&
           has_letter_or_digit(chunk[0]);
}

bool heading_candidate(const Chunk& chunk) {
    return is_short_standalone(chunk, max_heading_chars) && count_words(chunk[0]) <= max_heading_words;
}

Block paragraph(const Chunk& chunk) {
    Block b;
    b.type = BlockType::paragraph;
    for (size_t i = 0; i < chunk.size(); ++i) {
        if (i > 0) b.inlines.push_back(Inline{InlineType::line_break, "", "", "", {}});
        b.inlines.push_back(Inline{InlineType::text, std::string(chunk[i]), "", "", {}});
    }
    return b;
}

// How many chunks at the end are page chrome: short lines that nothing but other such lines follow.
size_t trailing_chrome(const std::vector<Chunk>& chunks, size_t body_begin) {
    size_t n = 0;
    while (chunks.size() - n > body_begin && is_short_standalone(chunks[chunks.size() - 1 - n], max_chrome_chars)) ++n;
    return chunks.size() - n == body_begin ? 0 : n;  // never call the whole body chrome
}

}  // namespace

Article read_plain_text(std::string_view text) {
    const std::vector<Chunk> chunks = split_chunks(text);
    Article article;
    size_t begin = 0;
    if (!chunks.empty() && chunks[0].size() == 1 && count_codepoints(chunks[0][0]) <= max_title_chars) {
        article.title = std::string(chunks[0][0]);
        begin = 1;
    }
    const size_t end = chunks.size() - trailing_chrome(chunks, begin);
    for (size_t i = end; i < chunks.size(); ++i)
        article.dropped.push_back({std::string(chunks[i][0]), "trailing site navigation"});

    SlugSet slugs;
    for (size_t i = begin; i < end; ++i) {
        if (heading_candidate(chunks[i]) && i + 1 < end && !heading_candidate(chunks[i + 1])) {
            Section s;
            s.heading = std::string(chunks[i][0]);
            s.id = slugs.unique(s.heading);
            article.sections.push_back(std::move(s));
            continue;
        }
        auto& blocks = article.sections.empty() ? article.blocks : article.sections.back().blocks;
        blocks.push_back(paragraph(chunks[i]));
    }
    update_stats(article);
    return article;
}

}  // namespace reader
