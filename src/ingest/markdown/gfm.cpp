#include "ingest/markdown/gfm.hpp"

#include "ingest/markdown/chars.hpp"

namespace reader::md {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_ascii_whitespace(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_whitespace(s.back())) s.remove_suffix(1);
    return s;
}

bool escaped(std::string_view s, size_t i) {
    size_t backslashes = 0;
    while (i > backslashes && s[i - backslashes - 1] == '\\') ++backslashes;
    return backslashes % 2 == 1;
}

// The row without its outer pipes, split at the unescaped ones.
std::vector<std::string_view> raw_cells(std::string_view line) {
    line = trim(line);
    if (!line.empty() && line.front() == '|') line.remove_prefix(1);
    if (!line.empty() && line.back() == '|' && !escaped(line, line.size() - 1)) line.remove_suffix(1);
    std::vector<std::string_view> cells;
    size_t begin = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && (line[i] != '|' || escaped(line, i))) continue;
        cells.push_back(trim(line.substr(begin, i - begin)));
        begin = i + 1;
    }
    return cells;
}

bool url_boundary_before(std::string_view s, size_t i) {
    if (i == 0) return true;
    const char c = s[i - 1];
    return is_ascii_whitespace(c) || c == '*' || c == '_' || c == '~' || c == '(';
}

bool starts_with_nocase(std::string_view s, size_t i, std::string_view prefix) {
    if (s.size() - i < prefix.size()) return false;
    for (size_t k = 0; k < prefix.size(); ++k)
        if ((s[i + k] | 0x20) != prefix[k]) return false;
    return true;
}

// A domain at s[i]: labels of alphanumerics, '-' and '_' separated by periods, no underscore in
// the last two. Returns its end, or npos.
size_t scan_domain(std::string_view s, size_t i, bool need_period) {
    size_t p = i, periods = 0, underscore_in_last = 0, underscore_in_previous = 0;
    while (p < s.size()) {
        const char c = s[p];
        if (c == '.' && p + 1 < s.size() && (is_alnum(s[p + 1]) || s[p + 1] == '-' || s[p + 1] == '_') && p > i) {
            ++periods;
            underscore_in_previous = underscore_in_last;
            underscore_in_last = 0;
        } else if (c == '_') {
            ++underscore_in_last;
        } else if (!is_alnum(c) && c != '-' && static_cast<unsigned char>(c) < 0x80) {
            break;
        }
        ++p;
    }
    if (p == i || (need_period && periods == 0) || underscore_in_last || underscore_in_previous) return std::string_view::npos;
    return p;
}

// Trailing punctuation, unbalanced ')' and an entity-like "&name;" are not part of a bare URL.
size_t trim_url_end(std::string_view s, size_t begin, size_t end) {
    for (;;) {
        const char c = s[end - 1];
        if (std::string_view("?!.,:*_~'\"").find(c) != std::string_view::npos) {
            --end;
        } else if (c == ')') {
            int balance = 0;
            for (size_t k = begin; k < end; ++k) balance += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0;
            if (balance >= 0) break;
            --end;
        } else if (c == ';') {
            size_t k = end - 1;
            while (k > begin && is_alnum(s[k - 1])) --k;
            if (k > begin && k < end - 1 && s[k - 1] == '&') end = k - 1;
            else break;
        } else {
            break;
        }
        if (end <= begin) return begin;
    }
    return end;
}

struct Found {
    size_t begin = std::string_view::npos, end = 0;
    std::string url;
};

Found find_web_url(std::string_view s, size_t i) {
    Found f;
    size_t host = std::string_view::npos;
    std::string prefix;
    if (starts_with_nocase(s, i, "www.")) host = i, prefix = "http://";
    else if (starts_with_nocase(s, i, "http://")) host = i + 7;
    else if (starts_with_nocase(s, i, "https://")) host = i + 8;
    if (host == std::string_view::npos || !url_boundary_before(s, i)) return f;
    const size_t domain_end = scan_domain(s, host, true);
    if (domain_end == std::string_view::npos) return f;
    size_t end = domain_end;
    while (end < s.size() && !is_ascii_whitespace(s[end]) && s[end] != '<') ++end;
    end = trim_url_end(s, i, end);
    if (end <= host) return f;
    f.begin = i;
    f.end = end;
    f.url = prefix + std::string(s.substr(i, end - i));
    return f;
}

bool email_local_char(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '+' || c == '-'; }

Found find_email(std::string_view s, size_t at, size_t floor) {
    Found f;
    size_t begin = at;
    while (begin > floor && email_local_char(s[begin - 1])) --begin;
    if (begin == at) return f;
    size_t end = at + 1, periods = 0;
    while (end < s.size() && (is_alnum(s[end]) || s[end] == '-' || s[end] == '_' || s[end] == '.')) {
        if (s[end] == '.') ++periods;
        ++end;
    }
    while (end > at + 1 && s[end - 1] == '.') --end, --periods;
    if (periods == 0 || end == at + 1 || s[end - 1] == '-' || s[end - 1] == '_') return f;
    f.begin = begin;
    f.end = end;
    f.url = "mailto:" + std::string(s.substr(begin, end - begin));
    return f;
}

// Splits the text node at each bare URL; returns the last node it leaves in place of `text`.
Node* link_in_text(Node* text, Document& doc) {
    const std::string_view s = text->text;  // in the document's keeping: the new nodes point into it
    size_t done = 0;  // text before this stays in the nodes already placed
    Node* last = text;
    for (size_t i = 0; i < s.size(); ++i) {
        Found f;
        const char c = s[i];
        if (c == 'w' || c == 'W' || c == 'h' || c == 'H') f = find_web_url(s, i);
        else if (c == '@') f = find_email(s, i, done);
        if (f.begin == std::string_view::npos) continue;
        last->text = s.substr(done, f.begin - done);
        Node* link = doc.make(Kind::link);
        doc.extra(link).url = doc.keep_text(encode_url(f.url));
        Node* label = doc.make(Kind::text);
        label->text = s.substr(f.begin, f.end - f.begin);
        link->append(label);
        Node* after = doc.make(Kind::text);
        if (last->next) last->next->insert_before(link), link->next->insert_before(after);
        else last->parent->append(link), last->parent->append(after);
        last = after;
        done = f.end;
        i = f.end - 1;
    }
    last->text = s.substr(done);
    return last;
}

void merge_text_runs(Node* parent, Document& doc) {
    for (Node* n = parent->first; n; n = n->next)
        while (n->kind == Kind::text && n->next && n->next->kind == Kind::text) {
            Node* next = n->next;
            n->text = doc.append_text(n->text, next->text);
            next->unlink();
        }
}

}  // namespace

std::vector<std::string> split_table_row(std::string_view line) {
    std::vector<std::string> out;
    for (std::string_view cell : raw_cells(line)) {
        std::string text;
        for (size_t i = 0; i < cell.size(); ++i) {
            if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '|') continue;  // \| is a literal pipe
            text += cell[i];
        }
        out.push_back(std::move(text));
    }
    return out;
}

std::vector<Align> parse_delimiter_row(std::string_view line) {
    std::vector<Align> aligns;
    for (std::string_view cell : raw_cells(line)) {
        const bool left = !cell.empty() && cell.front() == ':';
        const bool right = cell.size() > 1 && cell.back() == ':';
        const std::string_view dashes = cell.substr(left, cell.size() - left - right);
        if (dashes.empty() || dashes.find_first_not_of('-') != std::string_view::npos) return {};
        aligns.push_back(left && right ? Align::center : left ? Align::left : right ? Align::right : Align::none);
    }
    return aligns;
}

void link_bare_urls(Node* block, Document& doc) {
    std::vector<Node*> pending{block};  // an explicit stack: emphasis may nest deeply
    while (!pending.empty()) {
        Node* parent = pending.back();
        pending.pop_back();
        merge_text_runs(parent, doc);
        for (Node* n = parent->first; n; n = n->next) {
            if (n->kind == Kind::text) n = link_in_text(n, doc);
            else if (n->kind == Kind::emphasis || n->kind == Kind::strong || n->kind == Kind::strikethrough)
                pending.push_back(n);
        }
    }
}

void mark_task_item(Node* paragraph) {
    const std::string_view s = paragraph->literal;
    if (s.size() < 4 || s[0] != '[' || s[2] != ']' || !is_space_or_tab(s[3])) return;
    if (s[1] != ' ' && s[1] != 'x' && s[1] != 'X') return;
    if (trim(s.substr(4)).empty()) return;
    paragraph->parent->task = s[1] == ' ' ? 0 : 1;
    paragraph->literal.remove_prefix(4);
}

}  // namespace reader::md
