// Section ids: stable slugs of headings, unique within one article.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace reader {

// "China urges Japan to correct wrongdoings" -> "china-urges-japan-to-correct-wrongdoings".
// Latin, Greek and Cyrillic capitals are lower-cased, letters of other scripts kept, punctuation dropped, and runs of
// spaces, hyphens and underscores become one hyphen. An empty result becomes "section".
std::string slugify(std::string_view heading);

class SlugSet {
public:
    // The slug of `heading`, with "-2", "-3" … appended when that slug is already taken.
    std::string unique(std::string_view heading);
    void reserve(const std::string& id) { taken_.insert(id); }

private:
    std::set<std::string> taken_;
    std::map<std::string, int> next_suffix_;  // per slug, where to resume counting: linear for many repeats
};

}  // namespace reader
