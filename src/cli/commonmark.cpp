#include "cli/commonmark.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "format/commonmark_html.hpp"
#include "ingest/markdown/tree.hpp"
#include "ingest/read.hpp"
#include "ingest/utf8.hpp"

namespace reader::cli {
namespace {

constexpr const char* usage =
    "usage: article-reader commonmark FILE|- [--gfm] [--each-nul]\n"
    "  prints the CommonMark 0.31.2 HTML of a Markdown file, raw HTML included (like cmark --unsafe)\n"
    "  --gfm       also GitHub's tables, strikethrough, autolinks and task lists\n"
    "  --each-nul  the input is documents separated by NUL bytes; each is rendered alone and its HTML\n"
    "              followed by a NUL (for spec runners: one process for many examples)\n";

bool read_all(const char* path, std::string& data) {
    FILE* f = std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
    if (!f) return false;
    char buffer[1 << 16];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0 && data.size() <= max_input_bytes) data.append(buffer, n);
    const bool ok = std::ferror(f) == 0;
    if (f != stdin) std::fclose(f);
    return ok;
}

std::string render(std::string_view markdown, const md::ParseOptions& options) {
    std::string html;
    commonmark_bytes_to_html(markdown, options, html);
    return html;
}

}  // namespace

int run_commonmark(int argc, char** argv) {
    const char* path = nullptr;
    md::ParseOptions options;
    bool each_nul = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--gfm") == 0) options.gfm = true;
        else if (std::strcmp(argv[i], "--each-nul") == 0) each_nul = true;
        else if (!path) path = argv[i];
        else return std::fputs(usage, stderr), 2;
    }
    if (!path) return std::fputs(usage, stderr), 2;
    std::string data;
    if (!read_all(path, data)) {
        std::fprintf(stderr, "article-reader: %s: %s\n", path, errno ? std::strerror(errno) : "read error");
        return 1;
    }
    if (data.size() > max_input_bytes) {
        std::fprintf(stderr, "article-reader: %s: %s\n", path, too_large_error(data.size()).c_str());
        return 1;
    }
    std::string out;
    if (!each_nul) {
        out = render(data, options);
    } else {
        for (size_t pos = 0; pos <= data.size();) {
            size_t end = data.find('\0', pos);
            if (end == std::string::npos) end = data.size();
            if (end == data.size() && pos == end && pos > 0) break;  // a trailing NUL ends the last document
            out += render(std::string_view(data).substr(pos, end - pos), options);
            out += '\0';
            pos = end + 1;
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace reader::cli
