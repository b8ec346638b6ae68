// The CommonMark parser (src/ingest/markdown/) on its own, with and without GFM, rendered as the
// spec's HTML: never crashes, stays linear (-timeout), and the HTML is valid UTF-8. Its output is
// the spec's unsafe HTML by design, so the reading-view invariants are fuzz_markdown's job.
#include <cstddef>
#include <cstdint>

#include "check.hpp"
#include "format/commonmark_html.hpp"
#include "ingest/markdown/tree.hpp"
#include "ingest/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // The first byte picks the options, so that one corpus covers both.
    reader::md::ParseOptions options;
    options.gfm = (data[0] & 1) != 0;
    const std::string text = reader::decode_utf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)).text;
    reader::md::Document doc;
    reader::md::parse(text, options, doc);
    const std::string html = reader::render_commonmark_html(doc);
    if (!fuzz::valid_utf8(html)) fuzz::broken("the CommonMark HTML is not valid UTF-8", html);
    return 0;
}
