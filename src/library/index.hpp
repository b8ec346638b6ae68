// A folder of articles as a list: each article's title and stats from the core, or why it was
// skipped. The JSON form is documented in docs/library.md; the server and the page rely on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reader {

struct LibraryEntry {
    std::string path;    // relative to the folder, '/'-separated, valid UTF-8
    std::string title;   // the model's title; the file name without extension when it has none
    int words = 0;
    int minutes = 0;
    std::optional<std::string> date;
    std::string folder;  // the path's folder part, "" at the top
    std::string format;  // "text" | "markdown" | "json"
    uint64_t bytes = 0;
    int64_t mtime = 0;   // Unix seconds
};

struct SkippedFile {
    std::string path;
    std::string reason;
};

struct LibraryIndex {
    std::string root;  // the folder's own name
    std::vector<LibraryEntry> articles;  // sorted by path (bytewise)
    std::vector<SkippedFile> skipped;    // sorted by path (bytewise)
};

// Walks `dir` recursively for .txt, .md and .json files (any letter case) and reads each with
// read_article. Names starting with "." are ignored, files and folders alike. Never throws; returns
// "" on success or why the folder itself cannot be listed. Problems with single files land in
// `skipped`.
//
// With a `cache_path`, what a previous run learnt there is reused for files whose size, times,
// inode and device are unchanged, and the file is rewritten for the next run. Files modified less
// than a second before they were read are not cached (their time stamp cannot prove a later edit).
// A missing, corrupt or foreign cache file is ignored; failing to write it is not an error.
std::string index_library(const std::string& dir, LibraryIndex& out, const std::string& cache_path = "");

// {"version":1,"root":…,"articles":[…],"skipped":[…]}, one entry per line.
std::string write_library_json(const LibraryIndex& index);

}  // namespace reader
