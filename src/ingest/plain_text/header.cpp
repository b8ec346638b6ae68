#include "ingest/plain_text/header.hpp"

#include <array>
#include <vector>

#include "ingest/plain_text/lines.hpp"

namespace reader::text {
namespace {

constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 9> date_words = {"published", "updated", "posted", "last", "date",
                                                        "on", "at", "modified", "created"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::vector<std::string> tokens(std::string_view line) {
    std::vector<std::string> out;
    std::string current;
    for (char c : line) {
        if (c == ' ' || c == ',' || c == '|' || c == '\t') {
            if (!current.empty()) out.push_back(lower_ascii(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(lower_ascii(current));
    return out;
}

bool is_name_of(std::string_view token, const auto& names) {
    std::string t(token);
    while (!t.empty() && (t.back() == '.' || t.back() == ':')) t.pop_back();
    for (std::string_view n : names)
        if (t.size() >= 3 && t.compare(0, 3, n) == 0 && t.size() <= 9) return true;
    return false;
}

bool is_date_word(std::string_view token) {
    std::string t(token);
    while (!t.empty() && t.back() == ':') t.pop_back();
    for (std::string_view w : date_words)
        if (t == w) return true;
    return false;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

// 3, 3rd, 21st: a day of the month.
bool is_day(std::string_view t) {
    size_t n = 0;
    while (n < t.size() && is_digit(t[n])) ++n;
    const std::string_view rest = t.substr(n);
    return n >= 1 && n <= 2 && (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == ".");
}

bool is_year(std::string_view t) {
    if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    return t.size() == 4 && all_digits(t) && (t[0] == '1' || t[0] == '2');
}

// 2024-03-03, 03/03/2024, 3.3.2024
bool is_numeric_date(std::string_view t) {
    int groups = 1, digits = 0;
    char sep = 0;
    for (char c : t) {
        if (is_digit(c)) {
            ++digits;
            continue;
        }
        if ((c != '-' && c != '/' && c != '.') || (sep != 0 && c != sep)) return false;
        sep = c;
        ++groups;
    }
    return groups == 3 && digits >= 6 && digits <= 8;
}

// 10:32, 10:32am, 5pm, am, pm, GMT, EST, UTC+1
bool is_time_token(std::string_view t) {
    if (t == "am" || t == "pm" || t == "a.m." || t == "p.m.") return true;
    if (t.find(':') != std::string_view::npos && is_digit(t[0])) return true;
    if (t.size() <= 4 && t.size() >= 3 && t.back() == 'm' && is_digit(t[0])) return true;
    const std::string_view zone = t.substr(0, t.find_first_of("+-"));
    return zone == "gmt" || zone == "utc" || zone == "bst" || zone == "cet" || zone == "cest" || zone == "est" ||
           zone == "edt" || zone == "pst" || zone == "pdt" || zone == "cst" || zone == "cdt" || zone == "jst" ||
           zone == "ist" || zone == "aest";
}

}  // namespace

bool is_byline(std::string_view line) {
    if (width(line) > 100 || ends_sentence(line)) return false;
    for (std::string_view prefix : {"by ", "written by ", "words by ", "author: ", "reporting by "}) {
        if (!starts_with_ci(line, prefix)) continue;
        const std::string_view rest = line.substr(prefix.size());
        return !rest.empty() && (is_upper(rest[0]) || static_cast<unsigned char>(rest[0]) >= 0x80);
    }
    return false;
}

bool is_date_line(std::string_view line) {
    if (width(line) > 80) return false;
    bool month = false, year = false, numeric = false;
    for (const std::string& t : tokens(line)) {
        if (is_name_of(t, months)) month = true;
        else if (is_year(t)) year = true;
        else if (is_numeric_date(t)) numeric = true;
        else if (!(is_day(t) || is_time_token(t) || is_name_of(t, weekdays) || is_date_word(t) ||
                   t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "\xC2\xB7"))
            return false;
    }
    return numeric || (month && year);
}

std::optional<BylineAndDate> split_byline_date(std::string_view line) {
    for (std::string_view sep : {" | ", " \xC2\xB7 ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", ", "}) {
        const size_t at = line.find(sep);
        if (at == std::string_view::npos) continue;
        const std::string_view left = line.substr(0, at), right = line.substr(at + sep.size());
        if (is_byline(left) && is_date_line(right)) return BylineAndDate{std::string(left), std::string(right)};
    }
    return std::nullopt;
}

std::string find_dateline(std::string_view paragraph) {
    const std::string_view head = paragraph.substr(0, 100);
    for (std::string_view dash : {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - "}) {
        const size_t at = head.find(dash);
        if (at == std::string_view::npos || at < 3) continue;
        const std::string_view prefix = head.substr(0, at);
        // The place is in capitals ("WASHINGTON", "SAN JUAN, Puerto Rico"); what follows a comma or
        // parenthesis may be a date or an agency.
        const std::string_view place = prefix.substr(0, prefix.find_first_of(",("));
        int capitals = 0;
        bool ok = true;
        for (char c : place) {
            capitals += is_upper(c);
            ok = ok && (is_upper(c) || c == ' ' || c == '.' || c == '\'' || c == '-' || static_cast<unsigned char>(c) >= 0x80);
        }
        if (ok && capitals >= 3 && count_words(prefix) <= 8) return std::string(prefix);
        return "";
    }
    return "";
}

}  // namespace reader::text
