#include "article/language.hpp"

#include <array>

#include "article/text.hpp"
#include "article/walk.hpp"

namespace reader {
namespace {

enum Script { latin, han, kana, hangul, arabic, hebrew, cyrillic, greek, thai, devanagari, script_count };

int script_of(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F)) return latin;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF)) return han;
    if (c >= 0x3040 && c <= 0x30FF) return kana;
    if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)) return hangul;
    if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0x8A0 && c <= 0x8FF) ||
        (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
        return arabic;
    if ((c >= 0x590 && c <= 0x5FF) || (c >= 0xFB1D && c <= 0xFB4F)) return hebrew;
    if (c >= 0x400 && c <= 0x4FF) return cyrillic;
    if (c >= 0x370 && c <= 0x3FF) return greek;
    if (c >= 0xE00 && c <= 0xE7F) return thai;
    if (c >= 0x900 && c <= 0x97F) return devanagari;
    return -1;
}

using Counts = std::array<long long, script_count>;

void count(std::string_view s, Counts& n) {
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {  // ASCII: only letters count, all Latin
            ++i;
            n[latin] += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
        } else if (const int script = script_of(next_codepoint(s, i)); script >= 0) {
            ++n[static_cast<size_t>(script)];
        }
    }
}

void count_sections(const std::vector<Section>& sections, Counts& n) {
    auto add = [&n](std::string_view text) { count(text, n); };
    for (const Section& s : sections) {
        count(s.heading, n);
        for_each_text(s.blocks, add);
        count_sections(s.sections, n);
    }
}

}  // namespace

bool is_language_tag(std::string_view tag) {
    bool ok = !tag.empty() && tag.size() <= 35;
    for (char c : tag) ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-');
    return ok;
}

Language detect_language(const Article& article) {
    Counts n{};
    auto add = [&n](std::string_view text) { count(text, n); };
    count(article.title, n);
    for_each_text(article.blocks, add);
    count_sections(article.sections, n);
    // Japanese mixes kanji and kana: any real share of kana makes Han text Japanese.
    if (n[kana] * 20 > n[han] + n[kana] && n[kana] > 0) n[kana] += n[han], n[han] = 0;
    size_t best = latin;
    for (size_t s = 0; s < script_count; ++s)
        if (n[s] > n[best]) best = s;
    static constexpr std::array<const char*, script_count> langs = {"en", "zh", "ja", "ko", "ar", "he", "ru", "el", "th", "hi"};
    return {langs[best], best == arabic || best == hebrew ? "rtl" : "ltr"};
}

}  // namespace reader
