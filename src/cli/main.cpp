// article-reader: the core on the command line, for pre-rendering and scripting.
//   article-reader json FILE|-   the article model (JSON v1) on stdout
//   article-reader html FILE|-   the reading-view HTML on stdout
//   article-reader index DIR     the folder's articles as a list (docs/library.md)
//   article-reader export FILE -o OUT.html   one self-contained HTML file that opens from disk
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "article/json.hpp"
#include "cli/commonmark.hpp"
#include "format/export.hpp"
#include "format/html.hpp"
#include "ingest/read.hpp"
#include "library/index.hpp"

namespace {

using namespace reader;

constexpr const char* usage =
    "usage: article-reader json|html FILE|- [--format text|markdown|json] [--lang TAG] [--dir ltr|rtl]\n"
    "       article-reader commonmark FILE|- [--gfm]   (the CommonMark spec's HTML; see commonmark --help)\n"
    "       article-reader index DIR [--cache FILE]\n"
    "       article-reader export FILE|- -o OUT.html [--format …] [--lang TAG] [--dir ltr|rtl] [--web DIR]\n"
    "       article-reader --version\n"
    "  json   print the article model (JSON v1)\n"
    "  html   print the reading-view HTML\n"
    "  export write one self-contained HTML file (-o - for stdout): the article pre-rendered, readable\n"
    "         with JavaScript off, plus the reader inlined, so that it opens from disk with no server;\n"
    "         --web DIR is the web folder holding article-reader.js, .css and dist/ (default: the source tree's)\n"
    "  index  list the .txt, .md and .json articles under DIR, with titles and reading times (JSON);\n"
    "         --cache FILE keeps what was read there and re-reads only files that changed\n"
    "  FILE   the article; - reads standard input. The format defaults to the file's extension\n"
    "         (.md markdown, .json json, anything else text).\n"
    "  --lang, --dir   override the language and direction guessed from the text's script\n";

struct Args {
    std::string command;
    std::string path;
    std::optional<Format> format;
    ReadOptions read;
    std::string output;  // export: -o FILE
    std::string web = ARTICLE_READER_WEB_DIR;  // export: --web DIR
};

int fail(const std::string& where, const std::string& message) {
    std::fprintf(stderr, "article-reader: %s%s%s\n", where.c_str(), where.empty() ? "" : ": ", message.c_str());
    return 1;
}

int usage_error(const std::string& message) {
    std::fprintf(stderr, "article-reader: %s\n%s", message.c_str(), usage);
    return 2;
}

// Keeps at most the limit in memory: past it, bytes are only counted, so that a huge input is
// refused with its true size without being held.
std::optional<std::string> slurp(const std::string& path, std::string& error) {
    FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::string data;
    std::vector<char> buffer(1 << 16);
    size_t n = 0, total = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) {
        total += n;
        if (total <= max_input_bytes) data.append(buffer.data(), n);
    }
    const bool bad = std::ferror(f) != 0;
    if (f != stdin) std::fclose(f);
    if (bad) error = "read error (is it a directory?)";
    if (total > max_input_bytes) error = too_large_error(total);
    if (!error.empty()) return std::nullopt;
    return data;
}

std::optional<Args> parse_args(int argc, char** argv, std::string& error) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--format") {
            if (i + 1 >= argc) return error = "--format needs a value", std::nullopt;
            args.format = parse_format(argv[++i]);
            if (!args.format) return error = "unknown format \"" + std::string(argv[i]) + "\"", std::nullopt;
        } else if (a == "--lang" || a == "--dir") {
            if (i + 1 >= argc) return error = a + " needs a value", std::nullopt;
            (a == "--lang" ? args.read.lang : args.read.dir) = argv[++i];
        } else if (a == "-o" || a == "--output" || a == "--web") {
            if (i + 1 >= argc) return error = a + (a == "--web" ? " needs a folder" : " needs a file"), std::nullopt;
            (a == "--web" ? args.web : args.output) = argv[++i];
        } else if (args.command.empty()) {
            args.command = a;
        } else if (args.path.empty()) {
            args.path = a;
        } else {
            return error = "unexpected argument \"" + a + "\"", std::nullopt;
        }
    }
    if (args.command != "json" && args.command != "html" && args.command != "export")
        return error = args.command.empty() ? "missing command" : "unknown command \"" + args.command + "\"",
               std::nullopt;
    if (args.path.empty()) return error = "missing FILE (use - for standard input)", std::nullopt;
    if (args.command == "export" && args.output.empty()) return error = "export needs -o FILE (- for standard output)", std::nullopt;
    if (args.command != "export" && !args.output.empty()) return error = "-o is for export only", std::nullopt;
    return args;
}

// Writes `out` to `path` ("-": standard output); on failure, says why in one line.
int write_output(const std::string& path, const std::string& out) {
    if (path == "-") {
        std::fwrite(out.data(), 1, out.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : fail("", "could not write the output");
    }
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return fail(path, std::string("cannot write: ") + std::strerror(errno));
    const bool written = std::fwrite(out.data(), 1, out.size(), f) == out.size();
    const int saved = errno;
    if (std::fclose(f) != 0 || !written) return fail(path, std::string("cannot write: ") + std::strerror(written ? errno : saved));
    return 0;
}

// The three files an exported page carries, from the web folder; "" or the one-line reason.
std::string read_assets(const std::string& web, ExportAssets& assets) {
    const std::string core = web + "/dist/article-reader-core.single.js";
    std::string error;
    std::optional<std::string> text = slurp(core, error);
    if (!text)
        return core + ": " + error + " (build the single-file core with the wasm preset: cmake --build --preset wasm)";
    assets.core_js = std::move(*text);
    for (auto [name, slot] : {std::pair{"/article-reader.js", &assets.element_js}, std::pair{"/article-reader.css", &assets.css}}) {
        text = slurp(web + name, error);
        if (!text) return web + name + ": " + error + " (--web DIR names the folder holding the reader's files)";
        *slot = std::move(*text);
    }
    return "";
}

int run(const Args& args) {
    const std::string where = args.path == "-" ? "<stdin>" : args.path;
    std::string io_error;
    const std::optional<std::string> bytes = slurp(args.path, io_error);
    if (!bytes) return fail(where, io_error);
    const ReadResult read = read_article(*bytes, args.format.value_or(format_for_path(args.path)), args.read);
    for (const std::string& w : read.warnings) std::fprintf(stderr, "article-reader: warning: %s: %s\n", where.c_str(), w.c_str());
    if (!read.article) return fail(where, read.error);
    if (args.command == "export") {
        ExportAssets assets;
        if (const std::string error = read_assets(args.web, assets); !error.empty()) return fail("", error);
        return write_output(args.output, export_html(*read.article, assets));
    }
    // The JSON goes out as it is written: a book's is four times the input, pretty-printed.
    if (args.command == "json") {
        write_json(*read.article, true, [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
    } else {
        const std::string out = render_html(*read.article);
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
    return std::fflush(stdout) == 0 ? 0 : fail("", "could not write the output");
}

int run_index(int argc, char** argv) {
    std::string dir, cache;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--cache") {
            if (i + 1 >= argc) return usage_error("--cache needs a file");
            cache = argv[++i];
        } else if (dir.empty()) {
            dir = a;
        } else {
            return usage_error("unexpected argument \"" + a + "\"");
        }
    }
    if (dir.empty()) return usage_error("index needs a folder");
    LibraryIndex index;
    if (const std::string error = index_library(dir, index, cache); !error.empty()) return fail(dir, error);
    const std::string out = write_library_json(index);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : fail("", "could not write the output");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::fputs(usage, stdout);
        return 0;
    }
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("article-reader %s\n", ARTICLE_READER_VERSION);
        return 0;
    }
    if (argc >= 2 && std::strcmp(argv[1], "index") == 0) return run_index(argc, argv);
    if (argc >= 2 && std::strcmp(argv[1], "commonmark") == 0) return reader::cli::run_commonmark(argc, argv);
    std::string error;
    const std::optional<Args> args = parse_args(argc, argv, error);
    return args ? run(*args) : usage_error(error);
}
