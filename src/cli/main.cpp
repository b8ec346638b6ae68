// article-reader: the core on the command line, for pre-rendering and scripting.
//   article-reader json FILE|-   the article model (JSON v1) on stdout
//   article-reader html FILE|-   the reading-view HTML on stdout
//   article-reader index DIR     the folder's articles as a list (docs/library.md)
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "article/json.hpp"
#include "cli/commonmark.hpp"
#include "format/html.hpp"
#include "ingest/read.hpp"
#include "library/index.hpp"

namespace {

using namespace reader;

constexpr const char* usage =
    "usage: article-reader json|html FILE|- [--format text|markdown|json] [--lang TAG] [--dir ltr|rtl]\n"
    "       article-reader commonmark FILE|- [--gfm]   (the CommonMark spec's HTML; see commonmark --help)\n"
    "       article-reader index DIR [--cache FILE]\n"
    "       article-reader --version\n"
    "  json   print the article model (JSON v1)\n"
    "  html   print the reading-view HTML\n"
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
        } else if (args.command.empty()) {
            args.command = a;
        } else if (args.path.empty()) {
            args.path = a;
        } else {
            return error = "unexpected argument \"" + a + "\"", std::nullopt;
        }
    }
    if (args.command != "json" && args.command != "html")
        return error = args.command.empty() ? "missing command" : "unknown command \"" + args.command + "\"",
               std::nullopt;
    if (args.path.empty()) return error = "missing FILE (use - for standard input)", std::nullopt;
    return args;
}

int run(const Args& args) {
    const std::string where = args.path == "-" ? "<stdin>" : args.path;
    std::string io_error;
    const std::optional<std::string> bytes = slurp(args.path, io_error);
    if (!bytes) return fail(where, io_error);
    const ReadResult read = read_article(*bytes, args.format.value_or(format_for_path(args.path)), args.read);
    for (const std::string& w : read.warnings) std::fprintf(stderr, "article-reader: warning: %s: %s\n", where.c_str(), w.c_str());
    if (!read.article) return fail(where, read.error);
    const std::string out = args.command == "json"
                                ? write_json(*read.article, true)
                                : render_html(*read.article);
    std::fwrite(out.data(), 1, out.size(), stdout);
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
