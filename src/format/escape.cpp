#include "format/escape.hpp"

#include "article/text.hpp"

namespace reader {

void escape_html(std::string_view text, std::string& out) {
    size_t plain = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char* entity = nullptr;
        switch (text[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&#39;"; break;
            default: continue;
        }
        out.append(text.substr(plain, i - plain));
        out.append(entity);
        plain = i + 1;
    }
    out.append(text.substr(plain));
}

namespace {

bool is_edge_control(char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; }

std::string clean(std::string_view url) {
    size_t begin = 0, end = url.size();
    while (begin < end && is_edge_control(url[begin])) ++begin;
    while (end > begin && is_edge_control(url[end - 1])) --end;
    std::string out;
    for (char c : url.substr(begin, end - begin))
        if (c != '\t' && c != '\n' && c != '\r') out += c;
    return out;
}

}  // namespace

std::optional<std::string> safe_url(std::string_view url) {
    std::string cleaned = clean(url);
    const size_t colon = cleaned.find(':');
    const size_t delimiter = cleaned.find_first_of("/?#");
    if (colon == std::string::npos || (delimiter != std::string::npos && delimiter < colon)) return cleaned;
    // Anything before the first colon is a scheme to some parser; only the three known ones pass.
    const std::string s = lower_ascii(std::string_view(cleaned).substr(0, colon));
    if (s == "http" || s == "https" || s == "mailto") return cleaned;
    return std::nullopt;
}

}  // namespace reader
