// The plain-text fixture corpus: every tests/fixtures/text/NAME.txt must read to NAME.json exactly,
// and that JSON must read back to the same model. The same corpus runs natively and in wasm.
#include <doctest/doctest.h>

#include <dirent.h>

#include <algorithm>
#include <string>
#include <vector>

#include "article/json.hpp"
#include "ingest/json.hpp"
#include "ingest/read.hpp"
#include "read_file.hpp"

using namespace reader;

namespace {

std::vector<std::string> fixture_names() {
    std::vector<std::string> names;
    const std::string dir = std::string(ARTICLE_READER_SOURCE_DIR) + "/tests/fixtures/text";
    if (DIR* d = opendir(dir.c_str())) {
        while (const dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") names.push_back(name.substr(0, name.size() - 4));
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("every plain-text fixture reads to its expected model, and round-trips") {
    const std::vector<std::string> names = fixture_names();
    CHECK(names.size() >= 25);
    for (const std::string& name : names) {
        CAPTURE(name);
        const std::string expected = read_source_file("tests/fixtures/text/" + name + ".json");
        REQUIRE_MESSAGE(!expected.empty(), "missing tests/fixtures/text/" << name << ".json");
        const ReadResult r = read_article(read_source_file("tests/fixtures/text/" + name + ".txt"), Format::text);
        REQUIRE(r.article);
        const std::string actual = write_json(*r.article, true);
        // the writer lays JSON out exactly as nlohmann does, so its output is valid JSON, and the compact form is the same data
        CHECK(Json::parse(actual).dump(2) + "\n" == actual);
        CHECK(Json::parse(write_json(*r.article, false)) == Json::parse(actual));
        CHECK_MESSAGE(actual == expected, "update with scripts/update-fixtures.sh after review; got:\n" << actual);
        Article again;
        REQUIRE(read_json_article(actual, again) == "");
        CHECK(again == *r.article);
    }
}
