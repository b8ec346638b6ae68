#include "article/stats.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "article/text.hpp"
#include "article/walk.hpp"

namespace reader {
namespace {

class Counter {
public:
    void feed(std::string_view text) {
        for (size_t i = 0; i < text.size();) {
            const auto b = static_cast<unsigned char>(text[i]);
            if (b < 0x80) {  // the common case, without decoding
                ++i;
                ascii(b);
            } else {
                add_codepoint(next_codepoint(text, i));
            }
        }
        in_word_ = false;
    }

    void add(const Counter& other) {
        words_ += other.words_;
        letters_ += other.letters_;
    }

    int words() const { return words_; }
    // Non-space characters plus one separating space per word.
    long long characters() const { return letters_ + words_; }

private:
    int words_ = 0;
    long long letters_ = 0;
    bool in_word_ = false;

    void ascii(unsigned char b) {
        if (b == ' ' || b == '\t' || b == '\n') {
            in_word_ = false;
            return;
        }
        ++letters_;
        words_ += !in_word_;
        in_word_ = true;
    }

    void add_codepoint(char32_t c) {
        if (c == ' ' || c == '\t' || c == '\n' || is_unicode_space(c)) {
            in_word_ = false;
            return;
        }
        ++letters_;
        if (is_cjk(c)) {
            ++words_;
            in_word_ = false;
        } else if (!in_word_) {
            ++words_;
            in_word_ = true;
        }
    }
};

void count_blocks(const std::vector<Block>& blocks, Counter& n) {
    auto feed = [&n](std::string_view text) { n.feed(text); };
    for_each_text(blocks, feed);
}

Stats to_stats(const Counter& n, int cpm) {
    Stats stats;
    stats.words = n.words();
    if (stats.words > 0)
        stats.minutes = std::max(1, static_cast<int>(std::lround(static_cast<double>(n.characters()) / cpm)));
    return stats;
}

// Counts each section into its own counter and into its parents', through `totals`.
void count_sections(std::vector<Section>& sections, Counter& totals, int cpm) {
    for (Section& s : sections) {
        Counter n;
        n.feed(s.heading);
        count_blocks(s.blocks, n);
        count_sections(s.sections, n, cpm);
        s.stats = to_stats(n, cpm);
        totals.add(n);
    }
}

}  // namespace

int characters_per_minute(std::string_view lang) {
    // Firefox reader view's table, from Trauzettel-Klosinski et al. (2012), by primary language subtag.
    static const std::pair<std::string_view, int> speeds[] = {
        {"en", 987}, {"ar", 612}, {"de", 920}, {"es", 1025}, {"fi", 1078}, {"fr", 998},
        {"he", 833}, {"it", 950}, {"ja", 357}, {"nl", 978}, {"pl", 916},  {"pt", 913},  {"ru", 986},
        {"sk", 885}, {"sv", 917}, {"tr", 1054}, {"zh", 255}};
    const std::string_view primary = lang.substr(0, lang.find('-'));
    for (const auto& [code, cpm] : speeds)
        if (code == primary) return cpm;
    return 987;
}

void update_stats(Article& article) {
    const int cpm = characters_per_minute(article.lang);
    Counter n;
    n.feed(article.title);
    if (article.subtitle) n.feed(*article.subtitle);
    count_blocks(article.blocks, n);
    count_sections(article.sections, n, cpm);
    article.stats = to_stats(n, cpm);
}

}  // namespace reader
