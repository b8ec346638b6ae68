// Plain text as lines and chunks: the units every structure rule looks at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article/text.hpp"

namespace reader::text {

struct Line {
    std::string_view raw;   // as written, less trailing white space (keeps indentation)
    std::string_view text;  // less white space, BOM and zero-width characters at both edges
    int indent = 0;         // leading columns, a tab counting 4
    size_t number = 0;      // 1-based line number in the input
};

enum class ChunkKind { lines, fence, underlined };

// Lines between blank lines. A fence (``` or ~~~) is one chunk, blank lines included; a line
// underlined with === or --- is a chunk of its own, the underline kept in `underline`.
struct Chunk {
    ChunkKind kind = ChunkKind::lines;
    std::vector<Line> lines;  // fence: the lines between the fences; underlined: the one text line
    std::string info;         // fence: the info string after the opening fence
    char underline = 0;       // underlined: '=' or '-'
};

std::vector<Chunk> split_chunks(std::string_view text);

// Helpers shared by the rules.
size_t width(std::string_view s);                 // code points
int count_words(std::string_view s);
bool ends_sentence(std::string_view s);           // . ! ? ; : , … and their CJK forms
bool has_letter_or_digit(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);  // ASCII case-insensitive
bool is_rule_line(std::string_view s);            // --- *** ___ * * * and the like, alone
std::string chunk_text(const Chunk& chunk);       // the lines' text joined with newlines

}  // namespace reader::text
