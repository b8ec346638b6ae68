// Inputs the fuzzers found (tests/fixtures/fuzz/FORMAT/), each read as the fuzz target read it:
// no crash and no exception, exactly one of article and error, and an article that survives the
// JSON round trip. Their exact messages are pinned where the bug was (malformed_json_test.cpp).
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <string>
#include <vector>

#include "article/json.hpp"
#include "format/commonmark_html.hpp"
#include "format/html.hpp"
#include "ingest/json.hpp"
#include "ingest/markdown/tree.hpp"
#include "ingest/read.hpp"
#include "ingest/utf8.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

std::vector<std::string> files_in(const std::string& relative) {
    std::vector<std::string> names;
    if (DIR* d = opendir((std::string(ARTICLE_READER_SOURCE_DIR) + "/" + relative).c_str())) {
        while (const dirent* e = readdir(d))
            if (e->d_name[0] != '.') names.push_back(relative + "/" + e->d_name);
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("every input the fuzzers found reads without a crash") {
    size_t seen = 0;
    for (auto [dir, format] : {std::pair{"text", Format::text}, std::pair{"json", Format::json},
                               std::pair{"markdown", Format::markdown}}) {
        for (const std::string& path : files_in(std::string("tests/fixtures/fuzz/") + dir)) {
            CAPTURE(path);
            ++seen;
            const ReadResult r = read_article(read_source_file(path), format);
            REQUIRE(r.article.has_value() == r.error.empty());
            if (!r.article) continue;
            CHECK_FALSE(render_html(*r.article).empty());
            Article again;
            REQUIRE(read_json_article(write_json(*r.article, false), again) == "");
            CHECK(again == *r.article);
        }
    }
    CHECK(seen >= 2);
}

TEST_CASE("the Markdown inputs the fuzzers found parse, with and without GFM") {
    size_t seen = 0;
    for (const std::string& path : files_in("tests/fixtures/fuzz/markdown")) {
        CAPTURE(path);
        ++seen;
        const std::string text = decode_utf8(read_source_file(path)).text;
        for (bool gfm : {false, true}) {
            md::Document doc;
            md::ParseOptions options;
            options.gfm = gfm;
            md::parse(text, options, doc);  // threw std::out_of_range (a fence after a split tab)
            CHECK_FALSE(render_commonmark_html(doc).empty());
        }
    }
    CHECK(seen >= 2);
    // a fence in the second empty item, after the tab split by the item's indent: a code block
    md::Document doc;
    md::parse("-\n-\n\t```o\n", {}, doc);
    CHECK(render_commonmark_html(doc) == "<ul>\n<li></li>\n<li>\n<pre><code class=\"language-o\"></code></pre>\n</li>\n</ul>\n");
}
