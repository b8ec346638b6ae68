// The article's header lines: byline, date, and the dateline that opens a news story.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace reader::text {

// "By Jane Doe", "Written by …", "Author: …"; at most 100 characters.
bool is_byline(std::string_view line);

// "March 3, 2024", "3 March 2024 10:32 GMT", "2024-03-03", "Updated: Tue 5 Mar 2024".
bool is_date_line(std::string_view line);

// "By Jane Doe | March 3, 2024" -> {"By Jane Doe", "March 3, 2024"}; nothing when not such a pair.
struct BylineAndDate {
    std::string byline, date;
};
std::optional<BylineAndDate> split_byline_date(std::string_view line);

// "WASHINGTON (AP) — The …" -> "WASHINGTON (AP)"; "" when the paragraph opens with no dateline.
std::string find_dateline(std::string_view paragraph);

}  // namespace reader::text
