#include "ingest/utf8.hpp"

namespace reader {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

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

    // Copies the run of ASCII from `i` that needs no decision (no CR, LF or NUL) in one append.
    // Most text is such runs, and byte-at-a-time appends made decoding a tenth of reading a book.
    void plain_run(std::string_view bytes, size_t& i) {
        if (needed_ != 0) return;
        size_t end = i;
        while (end < bytes.size() && plain(static_cast<unsigned char>(bytes[end]))) ++end;
        if (end == i) return;
        out_.text.append(bytes.substr(i, end - i));
        at_.column += end - i;
        after_cr_ = false;
        i = end;
    }

    void finish() {
        if (needed_ != 0) invalid();
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

    static bool plain(unsigned char b) { return b != 0 && b < 0x80 && b != '\r' && b != '\n'; }
};

}  // namespace

std::string describe(Position p) {
    return "line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

DecodedText decode_utf8(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    DecodedText out;
    out.text.reserve(bytes.size());
    Decoder decoder(out);
    for (size_t i = 0; i < bytes.size();) {
        decoder.plain_run(bytes, i);
        if (i < bytes.size()) decoder.byte_at(bytes, i);
    }
    decoder.finish();
    return out;
}

}  // namespace reader
