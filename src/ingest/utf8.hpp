// Bytes in, valid UTF-8 out: the one place where untrusted bytes become text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reader {

struct Position {
    size_t line = 0;    // 1-based; 0 means "none"
    size_t column = 0;  // 1-based, in code points
};

std::string describe(Position p);  // "line 3, column 7"

struct DecodedText {
    std::string text;        // valid UTF-8 with LF line ends, no BOM and no NUL
    size_t invalid = 0;      // invalid byte sequences, each replaced by one U+FFFD
    Position first_invalid;
    size_t nuls = 0;         // NUL bytes, each replaced by U+FFFD
    Position first_nul;
};

// Decodes as the browser's TextDecoder("utf-8") does: a leading BOM is removed and each maximal
// invalid subpart becomes U+FFFD. CRLF and lone CR become LF; NUL becomes U+FFFD.
DecodedText decode_utf8(std::string_view bytes);

// From `from`, the run of bytes that decoding leaves as they are: well-formed UTF-8 with no NUL
// and no CR. `lines` counts its LFs; `line_start` is where its last line begins.
struct UnchangedRun {
    size_t end = 0;
    size_t lines = 0;
    size_t line_start = 0;
};
UnchangedRun unchanged_run(std::string_view bytes, size_t from);

// Whether decode_utf8(bytes).text == bytes, so that a reader may use the bytes without the copy.
bool decodes_unchanged(std::string_view bytes);

}  // namespace reader
