// The JavaScript API of the core, and the only file that includes Emscripten headers.
// Every function returns a plain value object; no C++ exception ever reaches JavaScript.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <cstdlib>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>

#include "article/json.hpp"
#include "format/commonmark_html.hpp"
#include "format/export.hpp"
#include "format/html.hpp"
#include "format/options.hpp"
#include "format/search.hpp"
#include "ingest/markdown/tree.hpp"
#include "ingest/read.hpp"
#include "ingest/readers.hpp"
#include "ingest/utf8.hpp"

#if !defined(__cpp_exceptions)
// Called by the new-handler below, when the heap cannot grow.
EM_JS(void, throw_out_of_memory, (), { throw new RangeError("out of memory"); });
#endif

namespace {

using namespace reader;

struct ParseResult {
    std::string json;
    std::string error;
    std::string warnings;  // one per line
};

struct RenderResult {
    std::string html;
    std::string error;
};

struct ViewResult {
    std::string json;
    std::string html;
    std::string error;
    std::string warnings;
    int handle = 0;  // names the article for search(); release(handle) when it is no longer shown
};

// view() with the reading view in parts (format/html.hpp, render_html_parts): `html` is the shell,
// `toc` a JS array of the top-level sections' entries in its contents, `sections` one of the
// top-level sections' HTML and `units` one of [first, end) unit numbers for each, so that the page
// can turn an entry or a section into DOM only when it is needed. The model's JSON is not part of
// it (for a book it is twice the input): `outline` is what the page's ready event tells,
// {title, sections: [{id, heading}]} of the top-level sections, `hash` the model's
// (article/json.hpp, model_hash), and model(handle, receive) gives the JSON when it is asked for.
struct ViewPartsResult {
    std::string html;
    std::string hash;
    emscripten::val outline = emscripten::val::null();
    emscripten::val toc = emscripten::val::array();  // each top-level section's contents entry
    emscripten::val sections = emscripten::val::array();
    emscripten::val units = emscripten::val::array();
    std::string error;
    std::string warnings;
    int handle = 0;
};

struct SearchResultJs {
    std::string matches;  // JSON [[unit, start, end], …]
    int total = 0;
    std::string error;
};

// Articles the page shows, kept so that searching them needs no second parse.
std::map<int, Article> shown;
int next_handle = 1;

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::string format_error(const std::string& format, Format& out) {
    const auto f = parse_format(format);
    if (!f) return "unknown format \"" + format + "\" (expected text, markdown or json)";
    out = *f;
    return "";
}

// What view(), parse() and render() hand to JavaScript is limited, each string on its own: a V8
// string holds at most 2^29 - 24 characters, and a page should not hold gigabytes. The largest
// reading view of a 64 MB input is about 8 times its size (docs/architecture.md, "Limits").
constexpr size_t max_output_bytes = 128u * 1024 * 1024;

// "the reading view would be 132.0 MB, over the 128.0 MB output limit", or "" when within it.
std::string output_error(const char* what, size_t bytes) {
    if (bytes <= max_output_bytes) return "";
    const auto mb = [](size_t n) {
        const size_t tenths = (n * 10 + 512 * 1024) / (1024 * 1024);
        return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
    };
    return std::string(what) + " would be " + mb(bytes) + ", over the " + mb(max_output_bytes) + " output limit";
}

template <typename R>
R failed(std::string error) {
    R r;
    r.error = std::move(error);
    return r;
}

#if !defined(__cpp_exceptions)
// The wasm core is built without C++ exceptions (docs/architecture.md, "Exceptions"), so operator
// new cannot throw bad_alloc, and libc++ would abort() with no message. This handler throws a
// JavaScript RangeError("out of memory") instead, which unwinds the wasm stack to the caller. What
// the interrupted call had allocated stays allocated, so the caller must not use that instance again:
// web/article-reader.js drops it, shows "out of memory while reading…", and makes a fresh one.
[[maybe_unused]] const bool out_of_memory_handler_set = (std::set_new_handler([] { throw_out_of_memory(); }), true);

// Nothing to catch: the core reports every error in its results, and running out of memory is the
// handler's above.
template <typename R, typename F>
R guarded(F&& body) {
    return body();
}
#else
// Runs `body`, turning any exception that escapes the core into the result's error.
template <typename R, typename F>
R guarded(F&& body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        R r;
        r.error = "out of memory: the article is too large to show";
        return r;
    } catch (const std::exception& e) {
        R r;
        r.error = std::string("internal error: ") + e.what();
        return r;
    } catch (...) {
        R r;
        r.error = "internal error";
        return r;
    }
}
#endif

// The format, the options and the read, into `r`. Returns the article, or nothing with `r.error`
// set. `done_with_bytes` as read_article's (ingest/read.hpp).
template <typename R>
std::optional<Article> read_for_view(std::string_view bytes, const std::string& format, const std::string& options_json,
                                     ViewOptions& options, R& r, const std::function<void()>& done_with_bytes = [] {}) {
    Format f = Format::text;
    if (r.error = format_error(format, f); !r.error.empty()) return std::nullopt;
    if (r.error = view_options_from_json(options_json, options); !r.error.empty()) return std::nullopt;
    ReadResult read = read_article(bytes, f, options.read, done_with_bytes);
    r.warnings = join_lines(read.warnings);
    if (!read.article) {
        r.error = read.error;
        return std::nullopt;
    }
    return std::move(read.article);
}

ViewResult view(const std::string& bytes, const std::string& format, const std::string& options_json) {
    return guarded<ViewResult>([&] {
        ViewResult r;
        ViewOptions options;
        std::optional<Article> article = read_for_view(bytes, format, options_json, options, r);
        if (!article) return r;
        r.json = write_json(*article, false);
        if (std::string e = output_error("the article model", r.json.size()); !e.empty()) return failed<ViewResult>(e);
        r.html = render_html(*article, options.html);
        if (std::string e = output_error("the reading view", r.html.size()); !e.empty()) return failed<ViewResult>(e);
        r.handle = next_handle++;
        shown.emplace(r.handle, std::move(*article));
        return r;
    });
}

// {title, sections: [{id, heading}]}: the top-level sections, for the page's ready event.
emscripten::val outline_of(const Article& a) {
    emscripten::val sections = emscripten::val::array();
    for (const Section& s : a.sections) {
        emscripten::val entry = emscripten::val::object();
        entry.set("id", s.id);
        entry.set("heading", s.heading);
        sections.call<void>("push", entry);
    }
    emscripten::val outline = emscripten::val::object();
    outline.set("title", a.title);
    outline.set("sections", sections);
    return outline;
}

// Each contents entry and top-level section goes to JavaScript as soon as it is written, so that
// the core never holds the whole reading view; `bytes` counts them for the output limit.
struct PartsToJs final : HtmlPartsSink {
    ViewPartsResult& r;
    size_t bytes = 0;
    explicit PartsToJs(ViewPartsResult& result) : r(result) {}
    void toc_entry(std::string html) override {
        bytes += html.size();
        r.toc.call<void>("push", html);
    }
    void section(HtmlSection s) override {
        bytes += s.html.size();
        r.sections.call<void>("push", s.html);
        emscripten::val range = emscripten::val::array();
        range.call<void>("push", s.first_unit);
        range.call<void>("push", s.end_unit);
        r.units.call<void>("push", range);
    }
};

ViewPartsResult view_parts_of(std::string_view bytes, const std::string& format, const std::string& options_json,
                              const std::function<void()>& done_with_bytes) {
    return guarded<ViewPartsResult>([&] {
        ViewPartsResult r;
        ViewOptions options;
        std::optional<Article> article = read_for_view(bytes, format, options_json, options, r, done_with_bytes);
        if (!article) return r;
        r.hash = model_hash(*article);
        r.outline = outline_of(*article);
        PartsToJs parts(r);
        r.html = render_html_parts(*article, options.html, parts);
        if (std::string e = output_error("the reading view", parts.bytes + r.html.size()); !e.empty())
            return failed<ViewPartsResult>(e);
        r.handle = next_handle++;
        shown.emplace(r.handle, std::move(*article));
        return r;
    });
}

ViewPartsResult view_parts(const std::string& bytes, const std::string& format, const std::string& options_json) {
    return view_parts_of(bytes, format, options_json, [] {});
}

// The model of a shown article as compact JSON (view()'s `json`), handed to `receive` in pieces of
// about 64 KB, each a Uint8Array of UTF-8 that points into the core's memory and is valid only
// during that call: the whole JSON is never in the core's memory. Returns "" or the error.
std::string model_json(int handle, emscripten::val receive) {
    const auto it = shown.find(handle);
    if (it == shown.end()) return "no article " + std::to_string(handle) + " is shown (released, or never viewed)";
    write_json(it->second, false, [&](std::string_view piece) {
        receive(emscripten::val(emscripten::typed_memory_view(piece.size(), reinterpret_cast<const unsigned char*>(piece.data()))));
    });
    return "";
}

// The model only: no rendering, and nothing kept for search.
ParseResult parse(const std::string& bytes, const std::string& format) {
    return guarded<ParseResult>([&] {
        ParseResult r;
        Format f = Format::text;
        if (r.error = format_error(format, f); !r.error.empty()) return r;
        ReadResult read = read_article(bytes, f);
        r.warnings = join_lines(read.warnings);
        if (read.article) r.json = write_json(*read.article, false);
        else r.error = read.error;
        if (std::string e = output_error("the article model", r.json.size()); !e.empty()) return failed<ParseResult>(e);
        return r;
    });
}

RenderResult render(const std::string& model_json, const std::string& options_json) {
    return guarded<RenderResult>([&] {
        RenderResult r;
        ViewOptions options;
        if (r.error = view_options_from_json(options_json, options); !r.error.empty()) return r;
        ReadResult read = read_article(model_json, Format::json, options.read);
        if (!read.article) {
            r.error = read.error;
            return r;
        }
        r.html = render_html(*read.article, options.html);
        if (std::string e = output_error("the reading view", r.html.size()); !e.empty()) return failed<RenderResult>(e);
        return r;
    });
}

SearchResultJs search_shown(int handle, const std::string& query) {
    return guarded<SearchResultJs>([&] {
        SearchResultJs r;
        const auto it = shown.find(handle);
        if (it == shown.end()) {
            r.error = "no article " + std::to_string(handle) + " is shown (released, or never viewed)";
            return r;
        }
        const SearchResult found = search(it->second, query);
        r.total = static_cast<int>(found.total);
        r.matches = "[";
        for (const SearchMatch& m : found.matches) {
            if (r.matches.size() > 1) r.matches += ',';
            r.matches += '[' + std::to_string(m.unit) + ',' + std::to_string(m.start) + ',' + std::to_string(m.end) + ']';
        }
        r.matches += ']';
        return r;
    });
}

#if !defined(ARTICLE_READER_WITHOUT_EXPORT)
// One self-contained HTML file for an article, as `article-reader export` writes it: the page's
// "Download for offline" passes the three assets it fetched (web/article-reader.js, its CSS and
// dist/article-reader-core.single.js).
RenderResult export_html_js(const std::string& bytes, const std::string& format, const std::string& options_json,
                            const std::string& element_js, const std::string& css, const std::string& core_js) {
    return guarded<RenderResult>([&] {
        RenderResult r;
        Format f = Format::text;
        ViewOptions options;
        if (r.error = format_error(format, f); !r.error.empty()) return r;
        if (r.error = view_options_from_json(options_json, options); !r.error.empty()) return r;
        if (core_js.empty()) return r.error = "the single-file core (dist/article-reader-core.single.js) is empty", r;
        ReadResult read = read_article(bytes, f, options.read);
        if (!read.article) return r.error = read.error, r;
        r.html = export_html(*read.article, ExportAssets{element_js, css, core_js}, options.html);
        if (std::string e = output_error("the exported file", r.html.size()); !e.empty()) return failed<RenderResult>(e);
        return r;
    });
}
#endif

// The CommonMark parser is in the cores that read Markdown only (src/ingest/readers.cpp): in the
// others commonmark() and commonmarkInput() say so, and the linker leaves the parser out.
std::string markdown_missing() {
    const std::string missing = missing_reader(Format::markdown);
    return missing.empty() ? "" : "commonmark: " + missing;
}

void commonmark_to_html([[maybe_unused]] std::string_view bytes, [[maybe_unused]] std::string& html) {
#if !defined(ARTICLE_READER_WITHOUT_MARKDOWN)
    commonmark_bytes_to_html(bytes, md::ParseOptions{}, html);
#endif
}

// The CommonMark spec's HTML for Markdown bytes, raw HTML kept: for spec runners and tools, not
// for showing untrusted input (view() is the safe rendering).
RenderResult commonmark(const std::string& bytes) {
    return guarded<RenderResult>([&] {
        RenderResult r;
        if (bytes.size() > max_input_bytes) return r.error = too_large_error(bytes.size()), r;
        if (std::string e = markdown_missing(); !e.empty()) return r.error = e, r;
        commonmark_to_html(bytes, r.html);
        return r;
    });
}

// The fast way across the boundary, for large inputs. Embind's std::string copies a Uint8Array in
// a JavaScript loop, byte by byte, and scans every string it returns for NUL before decoding it: at
// 2 MB that was a fifth of commonmark()'s time. Instead the page writes UTF-8 straight into the
// core's memory with TextEncoder.encodeInto, and decodes the HTML from it with TextDecoder.
//   const view = core.inputBuffer(3 * text.length);           // the most UTF-8 a JS string can need
//   const { written } = new TextEncoder().encodeInto(text, view);
//   const r = core.commonmarkInput(written);                  // r.html: a Uint8Array, r.error
//   const html = new TextDecoder().decode(r.html);
// Both views point into the core's memory: they are valid only until the next call into the core.
struct BytesResult {
    emscripten::val html = emscripten::val::null();
    std::string error;
};

// malloc, not new: a failure here is a null result, where new would call the new-handler's throw.
struct FreeBytes {
    void operator()(char* p) const { std::free(p); }
};
std::unique_ptr<char, FreeBytes> input_bytes;
size_t input_capacity = 0;
std::string output_html;  // kept, with its capacity, from one call to the next

emscripten::val input_buffer(double capacity) {
    if (!(capacity >= 0) || capacity > static_cast<double>(max_input_bytes) * 3)
        return emscripten::val::null();  // more than any input the core takes (64 MB) could need
    const auto bytes = static_cast<size_t>(capacity);
    if (bytes > input_capacity) {
        input_bytes.reset();  // the old buffer goes first, so that both never need the memory at once
        input_capacity = 0;
        input_bytes.reset(static_cast<char*>(std::malloc(bytes > 0 ? bytes : 1)));
        if (!input_bytes) return emscripten::val::null();
        input_capacity = bytes;
    }
    return emscripten::val(emscripten::typed_memory_view(bytes, reinterpret_cast<unsigned char*>(input_bytes.get())));
}

BytesResult commonmark_input(double length) {
    BytesResult r;
    const RenderResult checked = guarded<RenderResult>([&] {
        RenderResult e;
        if (!(length >= 0) || length > static_cast<double>(input_capacity))
            return e.error = "commonmarkInput(length): length is past the buffer inputBuffer() gave", e;
        const auto bytes = static_cast<size_t>(length);
        if (bytes > max_input_bytes) return e.error = too_large_error(bytes), e;
        if (e.error = markdown_missing(); !e.error.empty()) return e;
        commonmark_to_html(std::string_view(input_bytes.get(), bytes), output_html);
        return e;
    });
    if (!checked.error.empty()) {
        output_html.clear();
        r.error = checked.error;
    }
    r.html = emscripten::val(emscripten::typed_memory_view(output_html.size(), reinterpret_cast<const unsigned char*>(output_html.data())));
    return r;
}

// viewParts() for bytes the page wrote into inputBuffer(), which the core frees as soon as it has
// decoded them: Embind's std::string would hold two more copies of the input for the whole call.
//   core.inputBuffer(bytes.length).set(bytes);
//   const r = core.viewPartsInput(bytes.length, format, options);
ViewPartsResult view_parts_input(double length, const std::string& format, const std::string& options_json) {
    if (!(length >= 0) || length > static_cast<double>(input_capacity))
        return failed<ViewPartsResult>("viewPartsInput(length): length is past the buffer inputBuffer() gave");
    const std::string_view bytes(input_bytes.get(), static_cast<size_t>(length));
    ViewPartsResult r = view_parts_of(bytes, format, options_json, [] {
        input_bytes.reset();
        input_capacity = 0;
    });
    input_bytes.reset();  // also when the input was refused before it was decoded
    input_capacity = 0;
    return r;
}

void release(int handle) { shown.erase(handle); }

std::string version() { return ARTICLE_READER_VERSION; }

// The decoder alone, for the TextDecoder comparison (tests/cli/utf8.test.mjs): its text as a
// Uint8Array, so that JS sees the exact bytes and not a string Embind has decoded again.
emscripten::val decode_utf8_bytes(const std::string& bytes) {
    const std::string text = decode_utf8(bytes).text;
    return emscripten::val::global("Uint8Array")
        .new_(emscripten::typed_memory_view(text.size(), reinterpret_cast<const unsigned char*>(text.data())));
}

}  // namespace

EMSCRIPTEN_BINDINGS(article_reader) {
    using emscripten::value_object;
    value_object<ParseResult>("ParseResult")
        .field("json", &ParseResult::json)
        .field("error", &ParseResult::error)
        .field("warnings", &ParseResult::warnings);
    value_object<BytesResult>("BytesResult").field("html", &BytesResult::html).field("error", &BytesResult::error);
    value_object<RenderResult>("RenderResult").field("html", &RenderResult::html).field("error", &RenderResult::error);
    value_object<ViewResult>("ViewResult")
        .field("json", &ViewResult::json)
        .field("html", &ViewResult::html)
        .field("error", &ViewResult::error)
        .field("warnings", &ViewResult::warnings)
        .field("handle", &ViewResult::handle);
    value_object<ViewPartsResult>("ViewPartsResult")
        .field("html", &ViewPartsResult::html)
        .field("hash", &ViewPartsResult::hash)
        .field("outline", &ViewPartsResult::outline)
        .field("toc", &ViewPartsResult::toc)
        .field("sections", &ViewPartsResult::sections)
        .field("units", &ViewPartsResult::units)
        .field("error", &ViewPartsResult::error)
        .field("warnings", &ViewPartsResult::warnings)
        .field("handle", &ViewPartsResult::handle);
    value_object<SearchResultJs>("SearchResult")
        .field("matches", &SearchResultJs::matches)
        .field("total", &SearchResultJs::total)
        .field("error", &SearchResultJs::error);
    emscripten::function("parse", &parse);
    emscripten::function("render", &render);
    emscripten::function("view", &view);
    emscripten::function("viewParts", &view_parts);
    emscripten::function("viewPartsInput", &view_parts_input);
    emscripten::function("model", &model_json);
    emscripten::function("search", &search_shown);
    emscripten::function("release", &release);
    emscripten::function("commonmark", &commonmark);
    emscripten::function("inputBuffer", &input_buffer);
    emscripten::function("commonmarkInput", &commonmark_input);
#if !defined(ARTICLE_READER_WITHOUT_EXPORT)
    // The page's "Download for offline" makes the file from the model JSON with the text core; the
    // Markdown core, which reads no JSON, leaves the exporter out (CMakeLists.txt, add_web_core).
    emscripten::function("exportHtml", &export_html_js);
#endif
    emscripten::function("version", &version);
    emscripten::function("decodeUtf8", &decode_utf8_bytes);
}
