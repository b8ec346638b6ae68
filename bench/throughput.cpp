// Native throughput of plain text -> reading-view HTML, against a calibration loop that only
// splits paragraphs and escapes them (the least any formatter must do).
//   build/release/throughput_bench FILE [runs]    (bench/throughput.mjs runs it)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "format/escape.hpp"
#include "format/html.hpp"
#include "ingest/read.hpp"

namespace {

std::string slurp(const char* path) {
    std::string data;
    if (FILE* f = std::fopen(path, "rb")) {
        char buffer[1 << 16];
        size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
        std::fclose(f);
    }
    return data;
}

std::string calibration(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (size_t pos = 0; pos < text.size();) {
        size_t end = text.find("\n\n", pos);
        if (end == std::string::npos) end = text.size();
        out += "<p>";
        reader::escape_html(std::string_view(text).substr(pos, end - pos), out);
        out += "</p>\n";
        pos = end + 2;
    }
    return out;
}

std::string reading_view(const std::string& text) {
    const reader::ReadResult r = reader::read_article(text, reader::Format::text);
    return r.article ? reader::render_html(*r.article) : r.error;
}

template <typename F>
double median_seconds(F&& work, int runs, size_t& sink) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        sink += work().size();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: throughput_bench FILE [runs]\n");
        return 2;
    }
    const std::string text = slurp(argv[1]);
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
    size_t sink = 0;
    const double mb = static_cast<double>(text.size()) / (1024 * 1024);
    const double reader_s = median_seconds([&] { return reading_view(text); }, runs, sink);
    const double calibration_s = median_seconds([&] { return calibration(text); }, runs, sink);
    std::printf("native: %.2f MB, reader %.1f MB/s, calibration %.1f MB/s, reader/calibration %.2f (output %zu)\n", mb,
                mb / reader_s, mb / calibration_s, calibration_s / reader_s, sink);
    return 0;
}
