#include "ingest/plain_text.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "article/language.hpp"
#include "article/slug.hpp"
#include "article/stats.hpp"
#include "ingest/plain_text/blocks.hpp"
#include "ingest/plain_text/chrome.hpp"
#include "ingest/plain_text/headings.hpp"
#include "ingest/plain_text/header.hpp"
#include "ingest/plain_text/lines.hpp"

namespace reader {
namespace {

using namespace text;

constexpr size_t max_title_chars = 150;
constexpr size_t max_trailing_short_lines = 3;   // more such lines are more likely a list or verse
constexpr size_t max_related_links = 15;
constexpr size_t max_related_link_chars = 120;
constexpr size_t max_chrome_line_chars = 60;

bool is_single_line(const Chunk& c) { return c.kind == ChunkKind::lines && c.lines.size() == 1; }

// "Search Trends": a short line with no sentence punctuation that nothing but its like follows.
bool is_short_trailing_line(const Chunk& c) {
    return is_single_line(c) && width(c.lines[0].text) <= max_chrome_line_chars && !ends_sentence(c.lines[0].text) &&
           has_letter_or_digit(c.lines[0].text) && !reads_as_sentence(c.lines[0].text);
}

class PlainTextReader {
public:
    explicit PlainTextReader(std::string_view text) : chunks_(split_chunks(text)) {}

    Article read() {
        size_t begin = skip_leading_chrome();
        begin = read_header(begin);
        const size_t end = find_trailing_chrome(begin);
        std::vector<Dropped> trailing(dropped_trailing_.rbegin(), dropped_trailing_.rend());
        read_body(begin, end);
        for (Dropped& d : trailing) article_.dropped.push_back(std::move(d));
        finish();
        return std::move(article_);
    }

private:
    std::vector<Chunk> chunks_;
    Article article_;
    std::vector<Dropped> dropped_trailing_;  // collected from the end backwards
    Wrap wrap_;
    SlugSet slugs_;
    std::vector<size_t> open_sections_;  // path of indices from article_.sections to the current section

    void drop(const Chunk& c, std::string reason) { article_.dropped.push_back({chunk_text(c), std::move(reason)}); }

    // ------------------------------------------------ the edges

    size_t skip_leading_chrome() {
        size_t i = 0;
        while (i + 1 < chunks_.size()) {
            const std::string reason = chrome_reason(chunks_[i], Place::leading);
            if (reason.empty()) break;
            drop(chunks_[i++], reason);
        }
        return i;
    }

    size_t find_trailing_chrome(size_t begin) {
        size_t end = chunks_.size();
        const size_t short_run = droppable_short_lines(begin);
        size_t short_lines = 0;
        while (end > begin + 1) {
            const Chunk& c = chunks_[end - 1];
            std::string reason = chrome_reason(c, Place::trailing);
            if (reason.empty()) {
                if (const size_t header = drop_related_block(begin, end); header < end) {
                    end = header;
                    continue;
                }
            }
            if (reason.empty() && is_short_trailing_line(c) && short_lines < short_run) {
                reason = "trailing site navigation";
                ++short_lines;
            }
            if (reason.empty()) break;
            dropped_trailing_.push_back({chunk_text(c), reason});
            --end;
        }
        return end;
    }

    // How many short lines at the very end are chrome: a run of at most three that follows body
    // text, but not a sign-off ("Yours faithfully,") whose next line is a signature, and not a
    // longer run, which is more likely a list or verse.
    size_t droppable_short_lines(size_t begin) const {
        size_t run = 0;
        while (chunks_.size() - run > begin && is_short_trailing_line(chunks_[chunks_.size() - 1 - run])) ++run;
        if (run == 0 || run > max_trailing_short_lines || chunks_.size() - run <= begin) return 0;
        const Chunk& before = chunks_[chunks_.size() - 1 - run];
        if (before.kind == ChunkKind::lines && chunk_text(before).back() == ',') return 0;
        return run;
    }

    // "Related stories" followed only by a few headline-length lines: all of it is chrome.
    size_t drop_related_block(size_t begin, size_t end) {
        for (size_t header = end; header-- > begin + 1 && end - header <= max_related_links + 1;) {
            const Chunk& c = chunks_[header];
            if (is_related_header(c)) {
                for (size_t i = end; i > header; --i) dropped_trailing_.push_back({chunk_text(chunks_[i - 1]), "related links"});
                return header;
            }
            const bool headline = is_single_line(c) && width(c.lines[0].text) <= max_related_link_chars;
            if (!headline && role_of(c) != Role::list) return end;
        }
        return end;
    }

    // ------------------------------------------------ title, subtitle, byline, date

    bool header_line(std::string_view line) {
        if (auto both = split_byline_date(line)) {
            article_.byline = both->byline;
            article_.date = both->date;
            return true;
        }
        if (is_byline(line) && !article_.byline) return article_.byline = std::string(line), true;
        if (is_date_line(line) && !article_.date) return article_.date = std::string(line), true;
        return false;
    }

    bool is_header_line(std::string_view line) const {
        return split_byline_date(line) || is_byline(line) || is_date_line(line);
    }

    // "Title\nSubtitle\nBy Jane Doe\nMarch 3, 2024" as one chunk: every line after the title is a
    // byline or date, but for one subtitle line right after the title.
    bool is_title_chunk(const Chunk& c) const {
        if (c.kind == ChunkKind::fence || c.lines.size() > 4 || width(c.lines[0].text) > max_title_chars) return false;
        if (c.kind == ChunkKind::underlined) return true;
        const std::string_view first = c.lines[0].text;
        if (ends_sentence(first) && first.back() != '?' && first.back() != '!') return false;
        if (is_header_line(c.lines[0].text) || role_of(c) != Role::paragraph) return false;
        for (size_t i = 1; i < c.lines.size(); ++i)
            if (!is_header_line(c.lines[i].text) && !(i == 1 && c.lines.size() > 2 && width(c.lines[1].text) <= 200))
                return false;
        return true;
    }

    // A line of its own under the title: a subtitle when a byline or date follows it, or when it
    // reads as a sentence-long subhead (seven words or more) rather than as a section heading.
    bool is_standalone_subtitle(const Chunk& c, const Chunk& next) const {
        if (!is_single_line(c) || role_of(c) != Role::paragraph) return false;
        const std::string_view line = c.lines[0].text;
        if (is_header_line(line) || width(line) > 200 || ends_sentence(line)) return false;
        return (is_single_line(next) && is_header_line(next.lines[0].text)) || count_words(line) >= 7;
    }

    size_t read_header(size_t i) {
        if (i >= chunks_.size() || !is_title_chunk(chunks_[i])) return i;
        const Chunk& title = chunks_[i++];
        article_.title = std::string(title.lines[0].text);
        for (size_t k = 1; k < title.lines.size(); ++k)
            if (!header_line(title.lines[k].text)) article_.subtitle = std::string(title.lines[k].text);
        if (i + 1 < chunks_.size() && !article_.subtitle && is_standalone_subtitle(chunks_[i], chunks_[i + 1]))
            article_.subtitle = std::string(chunks_[i++].lines[0].text);
        for (int n = 0; n < 3 && i < chunks_.size() && is_single_line(chunks_[i]) && is_header_line(chunks_[i].lines[0].text); ++n)
            header_line(chunks_[i++].lines[0].text);
        return i;
    }

    // ------------------------------------------------ the body

    // Whether chunk i is a heading: an underlined line followed by anything; a short line followed
    // by body text or by a heading that nests under it, but not by its like, and not by the end.
    std::optional<HeadingCandidate> heading_at(size_t i, size_t end) const {
        const auto candidate = heading_candidate(chunks_[i]);
        if (!candidate || i + 1 >= end) return std::nullopt;
        if (candidate->is_explicit) return candidate;
        if (role_of(chunks_[i]) != Role::paragraph && !is_single_ordered_item(chunks_[i])) return std::nullopt;
        const Chunk& next = chunks_[i + 1];
        const auto after = heading_candidate(next);
        if (!after || (role_of(next) != Role::paragraph && !is_single_ordered_item(next))) return candidate;
        return nests_under(*after, *candidate) ? candidate : std::nullopt;
    }

    void read_body(size_t begin, size_t end) {
        wrap_ = detect_wrap(std::span<const Chunk>(chunks_).subspan(begin, end - begin));
        std::vector<std::optional<HeadingCandidate>> headings(end - begin);
        for (size_t i = begin; i < end; ++i) headings[i - begin] = heading_at(i, end);
        const LevelMap levels = level_map(headings);
        const Chunk* previous = nullptr;  // the chunk whose blocks the current container ends with
        for (size_t i = begin; i < end; ++i) {
            // Only the chunk before is looked at again: the lines of those before it go, so that
            // their memory serves the model (for a book, the lines take half the input's size).
            if (i >= begin + 2) chunks_[i - 2].lines = {};
            const Chunk& c = chunks_[i];
            if (std::string reason = chrome_reason(c, Place::body); !reason.empty()) {
                drop(c, reason);
                previous = nullptr;
                continue;
            }
            if (const auto& h = headings[i - begin]) {
                open_section(std::string(c.lines[0].text), levels.level(*h));
                previous = nullptr;
                continue;
            }
            append_blocks(c, previous, wrap_, 1, current_blocks());
            previous = &c;
        }
    }

    // Heading styles present in the document, strongest first, get levels 2, 3, 4 …; numbered
    // headings nest by their numbering depth from their style's level.
    struct LevelMap {
        int base[5] = {0, 0, 0, 0, 0};
        int level(const HeadingCandidate& h) const {
            const int l = base[static_cast<int>(h.style)] + (h.style == HeadingStyle::numbered ? h.depth - 1 : 0);
            return l > 6 ? 6 : l;
        }
    };

    static LevelMap level_map(const std::vector<std::optional<HeadingCandidate>>& headings) {
        bool present[5] = {false, false, false, false, false};
        for (const auto& h : headings)
            if (h) present[static_cast<int>(h->style)] = true;
        LevelMap map;
        int next = 2;
        for (int s = 0; s < 5; ++s)
            if (present[s]) map.base[s] = next++;
        return map;
    }

    Section& section_at(size_t depth) {
        Section* s = &article_.sections[open_sections_[0]];
        for (size_t d = 1; d <= depth; ++d) s = &s->sections[open_sections_[d]];
        return *s;
    }

    std::vector<Block>& current_blocks() {
        return open_sections_.empty() ? article_.blocks : section_at(open_sections_.size() - 1).blocks;
    }

    void open_section(std::string heading, int level) {
        while (!open_sections_.empty() && section_at(open_sections_.size() - 1).level >= level) open_sections_.pop_back();
        std::vector<Section>& siblings =
            open_sections_.empty() ? article_.sections : section_at(open_sections_.size() - 1).sections;
        Section s;
        s.id = slugs_.unique(heading);
        s.heading = std::move(heading);
        s.level = level;
        siblings.push_back(std::move(s));
        open_sections_.push_back(siblings.size() - 1);
    }

    // ------------------------------------------------ derived facts

    void finish() {
        const std::vector<Block>& first = article_.blocks.empty() && !article_.sections.empty()
                                              ? article_.sections[0].blocks
                                              : article_.blocks;
        if (!first.empty() && first[0].type == BlockType::paragraph && !first[0].inlines.empty() &&
            first[0].inlines[0].type == InlineType::text)
            if (std::string dateline = find_dateline(first[0].inlines[0].text); !dateline.empty())
                article_.dateline = dateline;
        const Language language = detect_language(article_);
        article_.lang = language.lang;
        article_.dir = language.dir;
        update_stats(article_);
    }
};

}  // namespace

Article read_plain_text(std::string_view text) { return PlainTextReader(text).read(); }

}  // namespace reader
