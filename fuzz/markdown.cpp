// Any bytes read as Markdown, through read_article as the page and the CLI call it: the
// CommonMark parser, its GFM extensions and the conversion into the article model.
#include <cstddef>
#include <cstdint>

#include "check.hpp"
#include "ingest/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const reader::ReadResult r = reader::read_article(bytes, reader::Format::markdown);
    if (r.article.has_value() == !r.error.empty()) fuzz::broken("exactly one of article and error must be set", r.error);
    if (r.article) fuzz::check_article(*r.article, bytes.substr(0, 8));
    return 0;
}
