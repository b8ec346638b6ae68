// The calibration limit of bench/throughput.mjs (issue 8, target 4): the least a plain-text reader
// in wasm must do, which is to split paragraphs at blank lines and escape &<>" into <p> elements,
// with nothing else (no model, no headings, no JSON). It is its own small module
// (build/wasm/bench/calibration.js, the bench-only target in CMakeLists.txt), never linked into the
// core, built with the same compiler flags as the core, so that the ratio compares the work done and
// not the flags.
//
// Two ways across the boundary, as the core has them:
//   inputBuffer(capacity) + paragraphsInput(length): JS writes UTF-8 with TextEncoder.encodeInto
//     straight into memory this module owns, and decodes the HTML from a view of the module's
//     memory with TextDecoder (the limit);
//   paragraphs(text): plain Embind std::string both ways (for scale).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace {

// A byte buffer kept from call to call, written through a pointer: at the core's -Oz,
// std::string::append is a chain of calls per piece, which would make the limit a test of libc++.
struct Bytes {
    std::unique_ptr<char[]> data;
    size_t size = 0;
    size_t capacity = 0;

    bool reserve(size_t wanted) {
        if (wanted <= capacity) return true;
        const size_t grown = wanted > 2 * capacity ? wanted : 2 * capacity;
        std::unique_ptr<char[]> bigger(new (std::nothrow) char[grown]);
        if (!bigger) return false;
        if (size > 0) std::memcpy(bigger.get(), data.get(), size);
        data = std::move(bigger);
        capacity = grown;
        return true;
    }
};

Bytes input;
Bytes output;

char* put(char* out, std::string_view piece) {
    std::memcpy(out, piece.data(), piece.size());
    return out + piece.size();
}

char* escape(const char* in, const char* end, char* out) {
    for (; in < end; ++in) {
        switch (*in) {
            case '&': out = put(out, "&amp;"); break;
            case '<': out = put(out, "&lt;"); break;
            case '>': out = put(out, "&gt;"); break;
            case '"': out = put(out, "&quot;"); break;
            default: *out++ = *in;
        }
    }
    return out;
}

// Where the paragraph starting at `at` ends: at the next "\n\n", or at the end of the text.
const char* paragraph_end(const char* at, const char* end) {
    while (at < end) {
        const auto* newline = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at)));
        if (!newline) return end;
        if (newline + 1 < end && newline[1] == '\n') return newline;
        at = newline + 1;
    }
    return end;
}

// text -> "<p>…</p>\n" per paragraph, into `output`. False when memory runs out.
bool split_and_escape(std::string_view text) {
    output.size = 0;
    const char* at = text.data();
    const char* end = at + text.size();
    while (at < end) {
        while (at < end && *at == '\n') ++at;  // the blank lines between paragraphs
        if (at == end) break;
        const char* stop = paragraph_end(at, end);
        // Each byte becomes at most 6 ("&quot;"), plus "<p>" and "</p>\n".
        if (!output.reserve(output.size + 6 * static_cast<size_t>(stop - at) + 8)) return false;
        char* out = put(output.data.get() + output.size, "<p>");
        out = put(escape(at, stop, out), "</p>\n");
        output.size = static_cast<size_t>(out - output.data.get());
        at = stop;
    }
    return true;
}

emscripten::val bytes_view(const Bytes& bytes, size_t size) {
    return emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<const unsigned char*>(bytes.data.get())));
}

// A Uint8Array over `capacity` bytes of this module's memory, for TextEncoder.encodeInto; null when
// memory runs out. Valid until the next call.
emscripten::val input_buffer(double capacity) {
    if (!(capacity >= 0) || capacity > 1e9 || !input.reserve(static_cast<size_t>(capacity) + 1))
        return emscripten::val::null();
    input.size = static_cast<size_t>(capacity);
    return bytes_view(input, input.size);
}

// The HTML for the first `length` bytes of that buffer, as a Uint8Array over this module's memory
// for TextDecoder; null when `length` is past the buffer or memory runs out.
emscripten::val paragraphs_input(double length) {
    if (!(length >= 0) || length > static_cast<double>(input.size)) return emscripten::val::null();
    if (!split_and_escape(std::string_view(input.data.get(), static_cast<size_t>(length)))) return emscripten::val::null();
    return bytes_view(output, output.size);
}

std::string paragraphs(const std::string& text) {
    if (!split_and_escape(text)) return {};
    return std::string(output.data.get(), output.size);
}

}  // namespace

EMSCRIPTEN_BINDINGS(calibration) {
    emscripten::function("inputBuffer", &input_buffer);
    emscripten::function("paragraphsInput", &paragraphs_input);
    emscripten::function("paragraphs", &paragraphs);
}
