// Any bytes read as plain text: never crashes, and whatever article comes out keeps every invariant.
#include <cstddef>
#include <cstdint>

#include "check.hpp"
#include "ingest/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const reader::ReadResult r = reader::read_article(bytes, reader::Format::text);
    if (r.article.has_value() == !r.error.empty()) fuzz::broken("exactly one of article and error must be set", r.error);
    if (r.article) fuzz::check_article(*r.article, bytes.substr(0, 8));
    return 0;
}
