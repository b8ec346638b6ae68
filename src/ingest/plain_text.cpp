#include "ingest/plain_text.hpp"

#include <optional>
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
           has_letter_or_digit(c.lines[0].text);
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
        end = drop_related_block(begin, end);
        size_t short_lines = 0;
        while (end > begin + 1) {
            const Chunk& c = chunks_[end - 1];
            std::string reason = chrome_reason(c, Place::trailing);
            if (reason.empty() && is_short_trailing_line(c) && short_lines < max_trailing_short_lines) {
                reason = "trailing site navigation";
                ++short_lines;
            }
            if (reason.empty()) break;
            dropped_trailing_.push_back({chunk_text(c), reason});
            --end;
            end = drop_related_block(begin, end);
        }
        return end;
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

    size_t read_header(size_t i) {
        if (i >= chunks_.size() || !is_title_chunk(chunks_[i])) return i;
        const Chunk& title = chunks_[i++];
        article_.title = std::string(title.lines[0].text);
        for (size_t k = 1; k < title.lines.size(); ++k)
            if (!header_line(title.lines[k].text)) article_.subtitle = std::string(title.lines[k].text);
        // A standalone subtitle line, then byline and date lines, each a chunk of its own.
        if (i + 1 < chunks_.size() && !article_.subtitle && is_single_line(chunks_[i]) &&
            !is_header_line(chunks_[i].lines[0].text) && is_single_line(chunks_[i + 1]) &&
            is_header_line(chunks_[i + 1].lines[0].text) && width(chunks_[i].lines[0].text) <= 200)
            article_.subtitle = std::string(chunks_[i++].lines[0].text);
        for (int n = 0; n < 3 && i < chunks_.size() && is_single_line(chunks_[i]) && is_header_line(chunks_[i].lines[0].text); ++n)
            header_line(chunks_[i++].lines[0].text);
        return i;
    }

    // ------------------------------------------------ the body

    // Whether chunk i is a heading: an underlined line followed by anything; a short line followed
    // by body text (not by another heading-like line, and not by the end).
    std::optional<HeadingCandidate> heading_at(size_t i, size_t end) const {
        const auto candidate = heading_candidate(chunks_[i]);
        if (!candidate || i + 1 >= end) return std::nullopt;
        if (candidate->is_explicit) return candidate;
        if (role_of(chunks_[i]) != Role::paragraph && !is_single_ordered_item(chunks_[i])) return std::nullopt;
        const Chunk& next = chunks_[i + 1];
        const bool next_is_heading_like =
            heading_candidate(next) && (role_of(next) == Role::paragraph || is_single_ordered_item(next));
        if (next_is_heading_like) return std::nullopt;
        return candidate;
    }

    void read_body(size_t begin, size_t end) {
        std::vector<Chunk> body(chunks_.begin() + static_cast<long>(begin), chunks_.begin() + static_cast<long>(end));
        wrap_ = detect_wrap(body);
        std::vector<std::optional<HeadingCandidate>> headings(end - begin);
        for (size_t i = begin; i < end; ++i) headings[i - begin] = heading_at(i, end);
        const LevelMap levels = level_map(headings);
        bool after_list = false;
        for (size_t i = begin; i < end; ++i) {
            const Chunk& c = chunks_[i];
            if (std::string reason = chrome_reason(c, Place::body); !reason.empty()) {
                drop(c, reason);
                continue;
            }
            if (const auto& h = headings[i - begin]) {
                open_section(std::string(c.lines[0].text), levels.level(*h));
                after_list = false;
                continue;
            }
            append_blocks(c, wrap_, after_list, 1, current_blocks());
            after_list = role_of(c) == Role::list || is_single_ordered_item(c);
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
