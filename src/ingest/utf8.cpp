#include "ingest/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace reader {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

// Code points in valid UTF-8: every byte that is not a continuation byte starts one.
size_t code_points(std::string_view text) {
    size_t n = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (const auto* end = p + text.size(); p < end; ++p) n += (*p & 0xC0) != 0x80;
    return n;
}

// The length of a well-formed sequence at p (Unicode Table 3-7), or 0.
size_t sequence_length(const unsigned char* p, const unsigned char* end) {
    const unsigned char b = p[0];
    const auto cont = [&](size_t k, unsigned char lo, unsigned char hi) { return p + k < end && p[k] >= lo && p[k] <= hi; };
    if (b >= 0xC2 && b <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
    if (b >= 0xE0 && b <= 0xEF) {
        const unsigned char lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
        return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        const unsigned char lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
        return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// unchanged_run, stopping once at or past `limit` (a sequence that starts before it is read whole).
UnchangedRun scan_unchanged(std::string_view bytes, size_t from, size_t limit) {
    const auto* const begin = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* const end = begin + bytes.size();
    const unsigned char* p = begin + from;
    const unsigned char* const stop = begin + limit;
    const unsigned char* line_start = p;
    size_t lines = 0;
    while (p < stop) {
        const unsigned char b = *p;
        if (b >= 0x80) {
            const size_t n = sequence_length(p, end);
            if (n == 0) break;
            p += n;
        } else if (b == '\n') {
            ++lines;
            line_start = ++p;
        } else if (b == '\r' || b == 0) {
            break;
        } else {
            ++p;
        }
    }
    return {static_cast<size_t>(p - begin), lines, static_cast<size_t>(line_start - begin)};
}

class Decoder {
public:
    explicit Decoder(DecodedText& out) : out_(out) {}

    void byte_at(std::string_view bytes, size_t& i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (needed_ == 0) {
            lead(i, b);
            return;
        }
        if (b < lower_ || b > upper_) {  // the sequence so far is a maximal invalid subpart
            invalid();
            return;  // `b` is read again as the start of something new
        }
        lower_ = 0x80;
        upper_ = 0xBF;
        if (++seen_ == needed_) {
            out_.text.append(bytes.substr(start_, needed_ + 1));
            advance_column();
            needed_ = seen_ = 0;
        }
        ++i;
    }

    void finish() {
        if (needed_ != 0) invalid();
    }

    // Between sequences and not after a CR, the next run of bytes that decode to themselves is
    // appended in one piece: per-byte appends were most of the decoder's time. Returns the run's end.
    size_t copy_run(std::string_view bytes, size_t i) {
        if (needed_ != 0 || after_cr_) return i;
        const UnchangedRun run = unchanged_run(bytes, i);
        if (run.end == i) return i;
        out_.text.append(bytes.data() + i, run.end - i);
        if (run.lines > 0) at_ = {at_.line + run.lines, 1};
        at_.column += code_points(bytes.substr(run.line_start, run.end - run.line_start));
        return run.end;
    }

private:
    DecodedText& out_;
    size_t needed_ = 0, seen_ = 0, start_ = 0;
    unsigned char lower_ = 0x80, upper_ = 0xBF;
    Position at_{1, 1};
    bool after_cr_ = false;

    void lead(size_t& i, unsigned char b) {
        const bool was_cr = after_cr_;
        after_cr_ = false;
        if (b < 0x80) {
            ascii(b, was_cr);
        } else if (b >= 0xC2 && b <= 0xDF) {
            begin(i, 1);
        } else if (b >= 0xE0 && b <= 0xEF) {
            begin(i, 2);
            if (b == 0xE0) lower_ = 0xA0;
            if (b == 0xED) upper_ = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            begin(i, 3);
            if (b == 0xF0) lower_ = 0x90;
            if (b == 0xF4) upper_ = 0x8F;
        } else {
            invalid();
        }
        ++i;
    }

    void begin(size_t i, size_t needed) {
        start_ = i;
        needed_ = needed;
        seen_ = 0;
    }

    void ascii(unsigned char b, bool was_cr) {
        if (b == '\n' && was_cr) return;  // the LF of a CRLF: the CR already ended the line
        if (b == '\r' || b == '\n') {
            out_.text += '\n';
            after_cr_ = b == '\r';
            at_ = {at_.line + 1, 1};
            return;
        }
        if (b == 0) {
            if (out_.nuls++ == 0) out_.first_nul = at_;
            out_.text.append(replacement);
        } else {
            out_.text += static_cast<char>(b);
        }
        advance_column();
    }

    void invalid() {
        if (out_.invalid++ == 0) out_.first_invalid = at_;
        out_.text.append(replacement);
        advance_column();
        needed_ = seen_ = 0;
        lower_ = 0x80;
        upper_ = 0xBF;
        after_cr_ = false;
    }

    void advance_column() { ++at_.column; }
};

}  // namespace

UnchangedRun unchanged_run(std::string_view bytes, size_t from) { return scan_unchanged(bytes, from, bytes.size()); }

bool decodes_unchanged(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return false;
    // Eight bytes at a time while they are ASCII with no NUL or CR (nearly all of a Markdown file),
    // then the exact check from there to the next such block.
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, crs = ones * '\r';
    const auto has_zero = [](uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    size_t i = 0;
    while (i < bytes.size()) {
        for (uint64_t v; i + 8 <= bytes.size(); i += 8) {
            std::memcpy(&v, bytes.data() + i, 8);
            if ((v & highs) != 0 || has_zero(v) || has_zero(v ^ crs)) break;
        }
        const size_t end = std::min(bytes.size(), i + 16);  // past the block that stopped the fast loop
        const UnchangedRun run = scan_unchanged(bytes, i, end);
        if (run.end < end) return false;
        i = run.end;
    }
    return true;
}

std::string describe(Position p) {
    return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

DecodedText decode_utf8(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    DecodedText out;
    out.text.reserve(bytes.size());
    Decoder decoder(out);
    for (size_t i = 0; i < bytes.size();) {
        i = decoder.copy_run(bytes, i);
        if (i < bytes.size()) decoder.byte_at(bytes, i);
    }
    decoder.finish();
    return out;
}

}  // namespace reader
