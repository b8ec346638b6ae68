// Test helper: the bytes of a file in the source tree (works natively and under node's NODERAWFS).
#pragma once

#include <cstdio>
#include <string>

inline std::string read_source_file(const std::string& relative) {
    const std::string path = std::string(ARTICLE_READER_SOURCE_DIR) + "/" + relative;
    std::string data;
    if (FILE* f = std::fopen(path.c_str(), "rb")) {
        char buffer[65536];
        size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, n);
        std::fclose(f);
    }
    return data;
}
