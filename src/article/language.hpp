// The language and direction of an article, guessed from the scripts its text is written in.
#pragma once

#include <string>
#include <string_view>

#include "article/model.hpp"

namespace reader {

struct Language {
    std::string lang;  // "en", "zh", "ja", "ko", "ar", "he", "ru", "el", "th", "hi"
    std::string dir;   // "ltr" or "rtl"
};

// The script with the most letters decides: Arabic -> ar, Hebrew -> he (both rtl); Han with any
// kana -> ja, Han alone -> zh; Hangul -> ko; Cyrillic -> ru; Greek -> el; Thai -> th; Devanagari
// -> hi. Latin text, or text with no letters, is taken as English: one script cannot tell its
// languages apart, so callers that know better override it.
Language detect_language(const Article& article);

// Letters, digits and hyphens, 1 to 35 characters: the shape of a BCP 47 tag ("en", "zh-Hans").
bool is_language_tag(std::string_view tag);

}  // namespace reader
