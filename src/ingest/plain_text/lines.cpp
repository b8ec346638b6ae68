#include "ingest/plain_text/lines.hpp"

#include "article/text.hpp"

namespace reader::text {
namespace {

Line make_line(std::string_view raw, size_t number) {
    size_t end = raw.size();
    while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\t')) --end;
    Line line;
    line.raw = raw.substr(0, end);
    line.text = trim_edges(line.raw);
    line.number = number;
    for (char c : line.raw) {
        if (c == ' ') line.indent += 1;
        else if (c == '\t') line.indent += 4;
        else break;
    }
    return line;
}

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    size_t number = 1;
    for (size_t pos = 0; pos <= text.size(); ++number) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(make_line(text.substr(pos, end - pos), number));
        pos = end + 1;
    }
    return lines;
}

// "```js" or "~~~": the fence characters and their count, or 0 when the line opens no fence.
size_t fence_length(std::string_view s, char& c) {
    if (s.size() < 3 || (s[0] != '`' && s[0] != '~')) return 0;
    c = s[0];
    size_t n = 0;
    while (n < s.size() && s[n] == c) ++n;
    return n >= 3 ? n : 0;
}

bool is_underline(std::string_view s, char c) {
    if (s.size() < 3) return false;
    for (char ch : s)
        if (ch != c) return false;
    return true;
}

// Finds the closing fence for the fence opened at `open`; lines.size() when there is none.
size_t closing_fence(const std::vector<Line>& lines, size_t open, char c, size_t n) {
    for (size_t i = open + 1; i < lines.size(); ++i) {
        char d = 0;
        if (fence_length(lines[i].text, d) >= n && d == c && lines[i].text.find_first_not_of(c) == std::string_view::npos)
            return i;
    }
    return lines.size();
}

class Chunker {
public:
    std::vector<Chunk> chunks;

    void run(const std::vector<Line>& lines) {
        for (size_t i = 0; i < lines.size(); ++i) i = step(lines, i);
    }

private:
    bool open_ = false;

    size_t step(const std::vector<Line>& lines, size_t i) {
        const Line& line = lines[i];
        if (line.text.empty()) {
            open_ = false;
            return i;
        }
        char c = 0;
        if (const size_t n = fence_length(line.text, c); n > 0) {
            const size_t close = closing_fence(lines, i, c, n);
            if (close < lines.size()) return fence(lines, i, close, n);
        }
        if (open_ && chunks.back().lines.size() == 1 && (is_underline(line.text, '=') || is_underline(line.text, '-'))) {
            chunks.back().kind = ChunkKind::underlined;
            chunks.back().underline = line.text[0];
            open_ = false;
            return i;
        }
        if (!open_) chunks.emplace_back();
        chunks.back().lines.push_back(line);
        open_ = true;
        return i;
    }

    size_t fence(const std::vector<Line>& lines, size_t open, size_t close, size_t n) {
        Chunk chunk;
        chunk.kind = ChunkKind::fence;
        chunk.info = std::string(trim_edges(lines[open].text.substr(n)));
        chunk.lines.assign(lines.begin() + static_cast<long>(open) + 1, lines.begin() + static_cast<long>(close));
        chunks.push_back(std::move(chunk));
        open_ = false;
        return close;
    }
};

}  // namespace

std::vector<Chunk> split_chunks(std::string_view text) {
    Chunker chunker;
    chunker.run(split_lines(text));
    return std::move(chunker.chunks);
}

size_t width(std::string_view s) { return count_codepoints(s); }

int count_words(std::string_view s) {
    int words = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\t';
        words += !space && !in_word;
        in_word = !space;
    }
    return words;
}

bool ends_sentence(std::string_view s) {
    if (s.empty()) return false;
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    switch (next_codepoint(s, start)) {
        case '.': case '!': case '?': case ';': case ':': case ',':
        case 0x2026:                            // …
        case 0x3002: case 0xFF01: case 0xFF1F:  // 。！？
        case 0xFF1B: case 0xFF1A: case 0xFF0C:  // ；：，
            return true;
        default:
            return false;
    }
}

bool has_letter_or_digit(std::string_view s) {
    bool found = false;
    for_each_codepoint(s, [&](char32_t c) {
        found = found || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0;
    });
    return found;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; };
    for (size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != lower(prefix[i])) return false;
    return true;
}

bool is_rule_line(std::string_view s) {
    char mark = 0;
    int marks = 0;
    for (char c : s) {
        if (c == ' ') continue;
        if (c != '-' && c != '*' && c != '_' && c != '=') return false;
        if (mark != 0 && c != mark) return false;
        mark = c;
        ++marks;
    }
    return marks >= 3;
}

std::string chunk_text(const Chunk& chunk) {
    std::string out;
    for (const Line& line : chunk.lines) {
        if (!out.empty()) out += '\n';
        out += line.text;
    }
    return out;
}

}  // namespace reader::text
