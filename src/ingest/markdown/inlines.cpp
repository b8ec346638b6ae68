#include "ingest/markdown/inlines.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/markdown/chars.hpp"
#include "ingest/markdown/scan.hpp"

namespace reader::md {
namespace {

constexpr size_t max_label_chars = 999;
constexpr int none = -1;

// The characters that may start inline syntax (~ only with GFM), as one bit each: the scan
// for the end of plain text is the inline parser's innermost loop, and in the -Oz wasm the
// switch it had, in a member function of its own, was a call per character.
constexpr uint64_t special_below_64 = ascii_bit('\n') | ascii_bit('!') | ascii_bit('&') | ascii_bit('*') | ascii_bit('<');
constexpr uint64_t special_from_64 = ascii_bit('\\') | ascii_bit('`') | ascii_bit('_') | ascii_bit('[') | ascii_bit(']');

class InlineParser {
public:
    InlineParser(Node* block, std::string_view text, InlineContext& context)
        : block_(block), s_(text), ctx_(context) {
        delimiters_.clear();
        brackets_.clear();
        tick_runs_.clear();
    }

    void parse() {
        while (pos_ < s_.size()) parse_one();
        process_emphasis(none);
    }

private:
    Node* block_;
    std::string_view s_;
    InlineContext& ctx_;
    size_t pos_ = 0;
    Node* mergeable_ = nullptr;
    // Where mergeable_'s text ends in s_ while it is a view of s_ alone; npos once it is in the arena.
    size_t merge_end_ = std::string_view::npos;
    std::vector<Delimiter>& delimiters_ = ctx_.delimiters;
    int top_ = none;  // the last delimiter in the list
    std::vector<Bracket>& brackets_ = ctx_.brackets;
    // Brackets below this index were open when a link formed: they can no longer make links
    // (links do not nest). A watermark instead of a flag on each keeps this constant time.
    size_t inactive_below_ = 0;
    ScanMemo memo_;
    // Every backtick run as (length, position), sorted: a code span's closer is found by binary
    // search instead of a scan, so runs of unmatched backticks stay linear.
    std::vector<std::pair<size_t, size_t>>& tick_runs_ = ctx_.tick_runs;
    bool ticks_indexed_ = false;

    // ------------------------------------------------ nodes

    Node* add(Kind kind) {
        Node* n = ctx_.doc.make(kind);
        block_->append(n);
        return n;
    }

    bool merging() const { return mergeable_ && block_->last == mergeable_; }

    // Plain text, s_[from, from + length), extends the text node before it, so that a run of
    // literal characters is one node. While the run is one stretch of s_ the node is a view of it;
    // an escape or entity in between moves it into the arena, where it grows in place.
    void add_text(size_t from, size_t length) {
        if (!merging()) {
            mergeable_ = add_marker(from, length);
            merge_end_ = from + length;
        } else if (merge_end_ == from) {
            std::string_view& text = mergeable_->text;
            text = std::string_view(text.data(), text.size() + length);
            merge_end_ += length;
        } else {
            mergeable_->text = ctx_.doc.append_text(mergeable_->text, std::string_view(s_.data() + from, length));
            merge_end_ = std::string_view::npos;
        }
    }

    // Text that is not in s_ (a decoded entity): copied into the arena.
    void add_decoded(std::string_view text) {
        if (!merging()) mergeable_ = add(Kind::text);
        mergeable_->text = ctx_.doc.append_text(mergeable_->text, text);
        merge_end_ = std::string_view::npos;
    }

    // A text node of its own: a delimiter run or bracket that emphasis or links may consume.
    Node* add_marker(size_t from, size_t length) {
        Node* n = add(Kind::text);
        n->text = std::string_view(s_.data() + from, length);
        mergeable_ = nullptr;
        return n;
    }

    const uint64_t special_high_ = special_from_64 | (ctx_.options.gfm ? ascii_bit('~') : 0);


    void parse_one() {
        const char c = s_[pos_];
        switch (c) {
            case '\n': newline(); break;
            case '\\': backslash(); break;
            case '`': code_span(); break;
            case '*': case '_': delimiter_run(); break;
            case '~':
                if (ctx_.options.gfm) delimiter_run();
                else add_text(pos_++, 1);
                break;
            case '[': open_bracket(false); break;
            case '!':
                if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '[') open_bracket(true);
                else add_text(pos_++, 1);
                break;
            case ']': close_bracket(); break;
            case '<': angle(); break;
            case '&': entity(); break;
            default: plain_text(); break;
        }
    }

    void plain_text() {
        const char* const begin = s_.data() + pos_;
        const char* const end = s_.data() + s_.size();
        const char* p = begin;
        while (p < end && !in_ascii_set(*p, special_below_64, special_high_)) ++p;
        const size_t from = pos_;
        pos_ = static_cast<size_t>(p - s_.data());
        add_text(from, pos_ - from);
    }

    // A line end: a hard break after two spaces, else a soft one; spaces around it are dropped.
    void newline() {
        ++pos_;
        bool hard = false;
        if (Node* last = block_->last; last && last->kind == Kind::text && !last->text.empty() &&
                                       last->text.back() == ' ') {
            const size_t keep = last->text.find_last_not_of(' ') + 1;  // npos + 1 == 0
            hard = last->text.size() - keep >= 2;
            last->text = last->text.substr(0, keep);
        }
        add(hard ? Kind::line_break : Kind::soft_break);
        while (pos_ < s_.size() && is_space_or_tab(s_[pos_])) ++pos_;
    }

    void backslash() {
        ++pos_;
        if (pos_ < s_.size() && s_[pos_] == '\n') {
            ++pos_;
            add(Kind::line_break);
            while (pos_ < s_.size() && is_space_or_tab(s_[pos_])) ++pos_;
        } else if (pos_ < s_.size() && is_ascii_punct(s_[pos_])) {
            add_text(pos_++, 1);
        } else {
            add_text(pos_ - 1, 1);  // the backslash itself
        }
    }

    void entity() {
        std::string decoded;
        const size_t n = decode_entity(s_, pos_, decoded);
        if (n == 0) {
            add_text(pos_++, 1);
            return;
        }
        add_decoded(decoded);
        pos_ += n;
    }

    // ------------------------------------------------ code spans

    void index_backtick_runs() {
        ticks_indexed_ = true;
        for (size_t p = 0; p < s_.size();) {
            if (s_[p] != '`') {
                ++p;
                continue;
            }
            const size_t begin = p;
            while (p < s_.size() && s_[p] == '`') ++p;
            tick_runs_.emplace_back(p - begin, begin);
        }
        std::sort(tick_runs_.begin(), tick_runs_.end());
    }

    // The first run of exactly `length` backticks starting at or after `from`, or no_match.
    size_t find_tick_run(size_t length, size_t from) {
        if (!ticks_indexed_) index_backtick_runs();
        const auto it = std::lower_bound(tick_runs_.begin(), tick_runs_.end(), std::make_pair(length, from));
        return it != tick_runs_.end() && it->first == length ? it->second : no_match;
    }

    void code_span() {
        const size_t begin = pos_;
        while (pos_ < s_.size() && s_[pos_] == '`') ++pos_;
        const size_t length = pos_ - begin;
        const size_t close = find_tick_run(length, pos_);
        if (close == no_match) {
            add_text(begin, length);
            return;
        }
        std::string_view content = s_.substr(pos_, close - pos_);
        if (content.find('\n') != std::string_view::npos) {  // line ends become spaces, in a copy
            char* copy = ctx_.doc.alloc_text(content.size());
            std::replace_copy(content.begin(), content.end(), copy, '\n', ' ');
            content = std::string_view(copy, content.size());
        }
        const bool all_spaces = content.find_first_not_of(' ') == std::string_view::npos;
        if (content.size() >= 2 && content.front() == ' ' && content.back() == ' ' && !all_spaces)
            content = content.substr(1, content.size() - 2);
        add(Kind::code)->text = content;
        pos_ = close + length;
    }

    // ------------------------------------------------ < autolinks and raw HTML

    void angle() {
        size_t end = scan_uri_autolink(s_, pos_);
        bool email = false;
        if (end == no_match) email = (end = scan_email_autolink(s_, pos_)) != no_match;
        if (end != no_match) {
            const std::string_view target = s_.substr(pos_ + 1, end - pos_ - 2);
            Node* link = add(Kind::link);
            ctx_.doc.extra(link).url = ctx_.doc.keep_text(encode_url(email ? "mailto:" + std::string(target) : std::string(target)));
            Node* text = ctx_.doc.make(Kind::text);
            text->text = target;
            link->append(text);
            pos_ = end;
            return;
        }
        end = scan_html_tag(s_, pos_, &memo_);
        if (end != no_match) {
            add(Kind::html_inline)->text = s_.substr(pos_, end - pos_);
            pos_ = end;
            return;
        }
        add_text(pos_++, 1);
    }

    // ------------------------------------------------ emphasis

    void delimiter_run() {
        const char c = s_[pos_];
        const size_t begin = pos_;
        while (pos_ < s_.size() && s_[pos_] == c) ++pos_;
        const int count = static_cast<int>(pos_ - begin);
        Node* text = add_marker(begin, pos_ - begin);
        if (c == '~' && count > 2) return;  // GFM strikethrough takes one or two tildes

        size_t length = 0;
        const char32_t before = decode_before(s_, begin);
        const char32_t after = pos_ < s_.size() ? decode_at(s_, pos_, length) : U'\n';
        const bool before_space = is_unicode_whitespace(before), after_space = is_unicode_whitespace(after);
        const bool before_punct = is_unicode_punctuation(before), after_punct = is_unicode_punctuation(after);
        const bool left = !after_space && (!after_punct || before_space || before_punct);
        const bool right = !before_space && (!before_punct || after_space || after_punct);
        bool can_open = left, can_close = right;
        if (c == '_') {  // intraword underscores are not emphasis
            can_open = left && (!right || before_punct);
            can_close = right && (!left || after_punct);
        }
        if (!can_open && !can_close) return;
        delimiters_.push_back({text, c, count, count, can_open, can_close, top_, none});
        const int index = static_cast<int>(delimiters_.size()) - 1;
        if (top_ != none) delimiters_[top_].next = index;
        top_ = index;
    }

    void remove_delimiter(int d) {
        Delimiter& x = delimiters_[d];
        if (x.prev != none) delimiters_[x.prev].next = x.next;
        if (x.next != none) delimiters_[x.next].prev = x.prev;
        else top_ = x.prev;
    }

    static int bottom_slot(const Delimiter& closer) {
        const int ch = closer.ch == '*' ? 0 : closer.ch == '_' ? 1 : 2;
        return ch * 6 + (closer.can_open ? 3 : 0) + closer.original % 3;
    }

    // The spec's "process emphasis": pairs closers with openers above `bottom` into emphasis,
    // strong emphasis and strikethrough. openers_bottom keeps each search from rescanning what
    // an earlier one already ruled out, which keeps it linear.
    void process_emphasis(int bottom) {
        int openers_bottom[18];
        std::fill(std::begin(openers_bottom), std::end(openers_bottom), bottom);
        int closer = bottom == none ? first_delimiter() : delimiters_[bottom].next;
        while (closer != none) {
            if (!delimiters_[closer].can_close) {
                closer = delimiters_[closer].next;
                continue;
            }
            const int slot = bottom_slot(delimiters_[closer]);
            const int opener = find_opener(closer, openers_bottom[slot], bottom);
            if (opener != none) {
                closer = match(opener, closer);
                continue;
            }
            const int next = delimiters_[closer].next;
            openers_bottom[slot] = delimiters_[closer].prev;
            if (!delimiters_[closer].can_open) remove_delimiter(closer);
            closer = next;
        }
        while (top_ != bottom && top_ != none) remove_delimiter(top_);
    }

    int first_delimiter() const {
        int d = top_;
        while (d != none && delimiters_[d].prev != none) d = delimiters_[d].prev;
        return d;
    }

    int find_opener(int closer, int stop, int bottom) const {
        const Delimiter& c = delimiters_[closer];
        for (int o = c.prev; o != none && o != bottom && o != stop; o = delimiters_[o].prev) {
            const Delimiter& d = delimiters_[o];
            if (d.ch != c.ch || !d.can_open) continue;
            if (c.ch == '~') {
                if (d.count == c.count) return o;
                continue;
            }
            // The rule of three: a run that can both open and close pairs only when the lengths allow.
            const bool odd = (c.can_open || d.can_close) && c.original % 3 != 0 && (d.original + c.original) % 3 == 0;
            if (!odd) return o;
        }
        return none;
    }

    // Wraps the nodes between opener and closer; returns the closer to continue with.
    int match(int opener, int closer) {
        Delimiter& o = delimiters_[opener];
        Delimiter& c = delimiters_[closer];
        const int use = o.ch == '~' ? o.count : (o.count >= 2 && c.count >= 2 ? 2 : 1);
        o.count -= use;
        c.count -= use;
        o.node->text = o.node->text.substr(0, o.count);
        c.node->text = c.node->text.substr(0, c.count);
        const Kind kind = o.ch == '~' ? Kind::strikethrough : use == 2 ? Kind::strong : Kind::emphasis;
        Node* wrap = ctx_.doc.make(kind);
        for (Node* n = o.node->next; n && n != c.node;) {
            Node* next = n->next;
            n->unlink();
            wrap->append(n);
            n = next;
        }
        c.node->insert_before(wrap);
        for (int d = o.next; d != closer && d != none;) {  // delimiters inside are spent
            const int next = delimiters_[d].next;
            remove_delimiter(d);
            d = next;
        }
        if (o.count == 0) {
            o.node->unlink();
            remove_delimiter(opener);
        }
        if (c.count == 0) {
            const int next = c.next;
            c.node->unlink();
            remove_delimiter(closer);
            return next;
        }
        return closer;
    }

    // ------------------------------------------------ links and images

    void open_bracket(bool image) {
        const size_t length = image ? 2 : 1;
        Node* text = add_marker(pos_, length);
        pos_ += length;
        brackets_.push_back({text, pos_, image, top_});
    }

    bool active(size_t index) const { return index >= inactive_below_ || brackets_[index].image; }

    void pop_bracket() {
        brackets_.pop_back();
        inactive_below_ = std::min(inactive_below_, brackets_.size());
    }

    void close_bracket() {
        const size_t close = pos_++;
        if (brackets_.empty()) {
            add_text(close, 1);
            return;
        }
        if (!active(brackets_.size() - 1)) {
            pop_bracket();
            add_text(close, 1);
            return;
        }
        const Bracket opener = brackets_.back();
        std::string url, title;
        if (!inline_target(url, title) && !reference_target(opener, close, url, title)) {
            pop_bracket();
            pos_ = close + 1;
            add_text(close, 1);
            return;
        }
        make_link(opener, std::move(url), std::move(title));
    }

    size_t skip_whitespace(size_t p) const {
        while (p < s_.size() && is_ascii_whitespace(s_[p])) ++p;
        return p;
    }

    // "(destination 'title')" after the ]; leaves pos_ after it on success.
    bool inline_target(std::string& url, std::string& title) {
        if (pos_ >= s_.size() || s_[pos_] != '(') return false;
        size_t p = skip_whitespace(pos_ + 1);
        std::string_view dest, raw_title;
        bool has_title = false;
        if (p < s_.size() && s_[p] != ')') {
            const size_t dest_end = scan_link_destination(s_, p, dest);
            if (dest_end == no_match) return false;
            p = skip_whitespace(dest_end);
            if (p > dest_end) {
                const size_t title_end = scan_link_title(s_, p, raw_title, &memo_);
                if (title_end != no_match) {
                    has_title = true;
                    p = skip_whitespace(title_end);
                }
            }
        }
        if (p >= s_.size() || s_[p] != ')') return false;
        url = encode_url(unescape(dest));
        title = has_title ? unescape(raw_title) : std::string();
        pos_ = p + 1;
        return true;
    }

    // [text][label], [text][] or [text]; leaves pos_ after it on success.
    bool reference_target(const Bracket& opener, size_t close, std::string& url, std::string& title) {
        if (ctx_.refs.empty()) return false;
        std::string_view label;
        const size_t after = scan_link_label(s_, pos_, label);
        const bool full = after != no_match && !label.empty();
        if (!full) {  // collapsed or shortcut: the link text is the label
            if (close - opener.after > max_label_chars) return false;
            label = s_.substr(opener.after, close - opener.after);
        }
        const Reference* ref = ctx_.refs.find(normalize_label(label));
        if (!ref) return false;
        const size_t cost = ref->url.size() + ref->title.size();
        if (cost > ctx_.reference_budget) return false;
        ctx_.reference_budget -= cost;
        url = ref->url;
        title = ref->title;
        const bool collapsed = s_.substr(pos_, 2) == "[]";
        if (full) pos_ = after;
        else if (collapsed) pos_ += 2;
        return true;
    }

    void make_link(const Bracket& opener, std::string url, std::string title) {
        Node* link = ctx_.doc.make(opener.image ? Kind::image : Kind::link);
        Node::Extra& extra = ctx_.doc.extra(link);
        extra.url = ctx_.doc.keep_text(url);
        extra.title = ctx_.doc.keep_text(title);
        for (Node* n = opener.node->next; n;) {
            Node* next = n->next;
            n->unlink();
            link->append(n);
            n = next;
        }
        block_->append(link);
        process_emphasis(opener.delimiters_before);
        opener.node->unlink();
        const bool image = opener.image;
        pop_bracket();
        if (!image) inactive_below_ = brackets_.size();
    }
};

}  // namespace

void parse_inlines(Node* block, std::string_view text, InlineContext& context) {
    InlineParser(block, text, context).parse();
}

}  // namespace reader::md
