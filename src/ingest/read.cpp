#include "ingest/read.hpp"

#include <new>

#include "article/language.hpp"
#include "article/stats.hpp"
#include "article/text.hpp"
#include "ingest/readers.hpp"
#include "ingest/utf8.hpp"

namespace reader {
namespace {

std::string megabytes(size_t bytes) {
    const size_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

// Text files have next to no NUL or control bytes; images, archives and executables have many.
std::string binary_error(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 8192);
    size_t control = 0, first = std::string_view::npos;
    for (size_t i = 0; i < head.size(); ++i) {
        const auto b = static_cast<unsigned char>(head[i]);
        const bool is_control = b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B;
        if (!is_control) continue;
        ++control;
        if (first == std::string_view::npos) first = i;
    }
    if (control * 10 <= head.size()) return "";
    return "byte " + std::to_string(first + 1) + ": this is binary data, not text (" + std::to_string(control) +
           " of the first " + std::to_string(head.size()) + " bytes are NUL or control bytes)";
}

bool blank(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        if (!trim_edges(text.substr(pos, end - pos)).empty()) return false;
        pos = end + 1;
    }
    return true;
}

std::vector<std::string> repair_warnings(const DecodedText& d) {
    std::vector<std::string> w;
    if (d.invalid > 0)
        w.push_back(describe(d.first_invalid) + ": invalid UTF-8; " + std::to_string(d.invalid) +
                    " invalid byte sequence" + (d.invalid == 1 ? " was" : "s were") + " replaced with U+FFFD");
    if (d.nuls > 0)
        w.push_back(describe(d.first_nul) + ": " + std::to_string(d.nuls) + " NUL byte" +
                    (d.nuls == 1 ? " was" : "s were") + " replaced with U+FFFD");
    return w;
}

void apply(const ReadOptions& options, Article& article) {
    if (!options.dir.empty()) article.dir = options.dir;
    if (options.lang.empty() || options.lang == article.lang) return;
    article.lang = options.lang;
    update_stats(article);  // reading speed depends on the language
}

ReadResult failure(std::string message) {
    ReadResult r;
    r.error = std::move(message);
    return r;
}

// `text` is the decoded input; `decoded` says what decoding repaired.
ReadResult read_decoded(std::string_view text, const DecodedText& decoded, Format format) {
    if (blank(text)) return failure("the article has no text: the input is only white space");
    Article article;
    if (std::string error = read_format(format, text, article); !error.empty()) return failure(error);
    ReadResult r;
    r.article = std::move(article);
    r.warnings = repair_warnings(decoded);
    return r;
}

// Most inputs are valid UTF-8 with LF line ends already: those are read as they are, with no
// decoded copy beside them. Otherwise the copy is made and the bytes are given up at once.
ReadResult decode_and_read(std::string_view bytes, Format format, const std::function<void()>& done_with_bytes) {
    if (decodes_unchanged(bytes)) {
        ReadResult r = read_decoded(bytes, DecodedText{}, format);
        done_with_bytes();
        return r;
    }
    const DecodedText decoded = decode_utf8(bytes);
    done_with_bytes();
    return read_decoded(decoded.text, decoded, format);
}

}  // namespace

std::string too_large_error(size_t bytes) {
    return "the input is " + megabytes(bytes) + ", over the " + megabytes(max_input_bytes) + " limit";
}

std::optional<Format> parse_format(std::string_view name) {
    if (name == "text") return Format::text;
    if (name == "markdown") return Format::markdown;
    if (name == "json") return Format::json;
    return std::nullopt;
}

Format format_for_path(std::string_view path) {
    const size_t dot = path.rfind('.');
    const std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
    if (ext == "md" || ext == "markdown") return Format::markdown;
    if (ext == "json") return Format::json;
    return Format::text;
}

ReadResult read_article(std::string_view bytes, Format format, const ReadOptions& options) {
    return read_article(bytes, format, options, [] {});
}

ReadResult read_article(std::string_view bytes, Format format, const ReadOptions& options,
                        const std::function<void()>& done_with_bytes) {
    if (!options.lang.empty() && !is_language_tag(options.lang))
        return failure("lang: expected a language tag such as \"en\" or \"zh-Hans\"");
    if (!options.dir.empty() && options.dir != "ltr" && options.dir != "rtl") return failure("dir: expected \"ltr\" or \"rtl\"");
    if (bytes.empty()) return failure("the article is empty (0 bytes)");
    if (bytes.size() > max_input_bytes) return failure(too_large_error(bytes.size()));
    if (std::string error = binary_error(bytes); !error.empty()) return failure(error);
#if defined(__cpp_exceptions)
    try {
#endif
        ReadResult r = decode_and_read(bytes, format, done_with_bytes);
        if (r.article) apply(options, *r.article);
        return r;
#if defined(__cpp_exceptions)
    } catch (const std::bad_alloc&) {
        return failure("out of memory while reading a " + megabytes(bytes.size()) + " input");
    }
#endif
}

}  // namespace reader
