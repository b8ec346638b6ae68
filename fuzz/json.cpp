// Any bytes read as a JSON article model: a model that keeps every invariant, or an error that says
// where ("/path: what" or "line L, column C: ...").
#include <cstddef>
#include <cstdint>

#include "check.hpp"
#include "ingest/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const reader::ReadResult r = reader::read_article(bytes, reader::Format::json);
    if (r.article.has_value() == !r.error.empty()) fuzz::broken("exactly one of article and error must be set", r.error);
    if (r.article) fuzz::check_article(*r.article, "e");
    else if (!fuzz::valid_utf8(r.error)) fuzz::broken("the error message is not valid UTF-8", r.error);
    return 0;
}
