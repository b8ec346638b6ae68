// Which readers a build of the core has, and the one switch over formats that calls them. It is
// compiled apart from the rest of the core so that each web core (CMakeLists.txt: one per format
// group, docs/architecture.md "A core per format") can leave readers out with a definition and
// the linker drops them whole: ARTICLE_READER_WITHOUT_TEXT, _MARKDOWN and _JSON. Natively, in the
// tests, the fuzzers and the single-file core, nothing is left out.
#include "ingest/readers.hpp"

#if !defined(ARTICLE_READER_WITHOUT_JSON)
#include "ingest/json.hpp"
#endif
#if !defined(ARTICLE_READER_WITHOUT_MARKDOWN)
#include "ingest/markdown.hpp"
#endif
#if !defined(ARTICLE_READER_WITHOUT_TEXT)
#include "ingest/plain_text.hpp"
#endif

namespace reader {

std::string_view format_name(Format format) {
    switch (format) {
        case Format::text: return "text";
        case Format::markdown: return "markdown";
        case Format::json: return "json";
    }
    return "";
}

bool has_reader(Format format) {
    switch (format) {
#if !defined(ARTICLE_READER_WITHOUT_TEXT)
        case Format::text: return true;
#endif
#if !defined(ARTICLE_READER_WITHOUT_MARKDOWN)
        case Format::markdown: return true;
#endif
#if !defined(ARTICLE_READER_WITHOUT_JSON)
        case Format::json: return true;
#endif
        default: return false;
    }
}

std::string read_format(Format format, std::string_view text, Article& out) {
    switch (format) {
#if !defined(ARTICLE_READER_WITHOUT_TEXT)
        case Format::text: out = read_plain_text(text); return "";
#endif
#if !defined(ARTICLE_READER_WITHOUT_MARKDOWN)
        case Format::markdown: out = read_markdown(text); return "";
#endif
#if !defined(ARTICLE_READER_WITHOUT_JSON)
        case Format::json: return read_json_article(text, out);
#endif
        default: return missing_reader(format);
    }
}

// "this build of the core reads text and json, not markdown": for a page that loaded the wrong core.
std::string missing_reader(Format format) {
    if (has_reader(format)) return "";
    std::string has;
    for (const Format f : {Format::text, Format::markdown, Format::json}) {
        if (!has_reader(f)) continue;
        if (!has.empty()) has += " and ";
        has += format_name(f);
    }
    return "this build of the core reads " + has + ", not " + std::string(format_name(format)) +
           " (web/article-reader.js loads the core for each format)";
}

}  // namespace reader
