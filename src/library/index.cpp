#include "library/index.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <new>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "ingest/read.hpp"
#include "ingest/utf8.hpp"

namespace reader {
namespace {

namespace fs = std::filesystem;

// Deeper folders than this are listed as skipped rather than walked (bind mounts can loop).
constexpr int max_depth = 64;

struct Candidate {
    std::string rel;
    fs::path full;
    Format format;
};

struct Walk {
    fs::path root;  // canonical
    std::vector<Candidate> candidates;
    std::vector<SkippedFile> skipped;
};

std::optional<Format> article_format(const std::string& name) {
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    std::string ext = name.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (ext == "txt") return Format::text;
    if (ext == "md") return Format::markdown;
    if (ext == "json") return Format::json;
    return std::nullopt;
}

const char* format_name(Format f) {
    switch (f) {
        case Format::text: return "text";
        case Format::markdown: return "markdown";
        case Format::json: return "json";
    }
    return "text";
}

bool inside(const fs::path& root, const fs::path& target) {
    const auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    return r == root.end();
}

std::string join(const std::string& dir, const std::string& name) {
    return dir.empty() ? name : dir + "/" + name;
}

// Returns "" or, for the top folder only, why it cannot be listed; deeper problems are skipped.
std::string walk(Walk& w, const fs::path& dir, const std::string& rel_dir, int depth) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec && depth == 0) return ec.message();
    if (ec) {
        w.skipped.push_back({rel_dir, "the folder cannot be read: " + ec.message()});
        return "";
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        const fs::path& full = it->path();
        const std::string raw = full.filename().string();
        if (raw.empty() || raw[0] == '.') continue;
        const std::string name = decode_utf8(raw).text;
        const std::string rel = join(rel_dir, name);
        const fs::file_status link = it->symlink_status(ec);
        if (ec) {
            w.skipped.push_back({rel, "cannot be examined: " + ec.message()});
            continue;
        }
        const std::optional<Format> format = article_format(raw);
        fs::file_status status = link;
        if (fs::is_symlink(link)) {
            const fs::path target = fs::canonical(full, ec);
            if (ec) {
                if (format) w.skipped.push_back({rel, "a broken symbolic link"});
                continue;
            }
            status = fs::status(target, ec);
            if (!format && !fs::is_directory(status)) continue;
            if (!inside(w.root, target)) {
                w.skipped.push_back({rel, "a symbolic link to outside the folder; not followed"});
                continue;
            }
            if (fs::is_directory(status)) {
                w.skipped.push_back({rel, "a symbolic link to a folder; not followed (its articles are listed under their own path)"});
                continue;
            }
        }
        if (name != raw && (format || fs::is_directory(status))) {
            w.skipped.push_back({rel, "the name is not valid UTF-8"});
        } else if (fs::is_directory(status)) {
            if (depth >= max_depth)
                w.skipped.push_back({rel, "nested deeper than " + std::to_string(max_depth) + " folders; not read"});
            else
                (void)walk(w, full, rel, depth + 1);
        } else if (!format) {
            continue;
        } else if (!fs::is_regular_file(status)) {
            w.skipped.push_back({rel, "not a regular file"});
        } else {
            w.candidates.push_back({rel, full, *format});
        }
    }
    if (ec) w.skipped.push_back({rel_dir, "the folder could not be read to the end: " + ec.message()});
    return "";
}

struct Outcome {
    std::optional<LibraryEntry> entry;
    std::string reason;
};

Outcome fail(std::string reason) {
    Outcome o;
    o.reason = std::move(reason);
    return o;
}

std::string stem(const std::string& rel) {
    std::string name = rel.substr(rel.rfind('/') + 1);
    const size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// O_NONBLOCK: a FIFO that replaced the file after the walk must not hang the index.
Outcome read_one(const Candidate& c) {
    const int fd = ::open(c.full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return fail(std::string("cannot be opened: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail("not a regular file");
    }
    const auto size = static_cast<uint64_t>(st.st_size);
    if (size > max_input_bytes) {
        ::close(fd);
        return fail(too_large_error(size));
    }
    std::string bytes(size, '\0');
    size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return fail(std::string("cannot be read: ") + std::strerror(err));
        }
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    const ReadResult r = read_article(bytes, c.format);
    if (!r.article) return fail(r.error);
    LibraryEntry e;
    e.path = c.rel;
    e.title = r.article->title.empty() ? stem(c.rel) : r.article->title;
    e.words = r.article->stats.words;
    e.minutes = r.article->stats.minutes;
    e.date = r.article->date;
    const size_t slash = c.rel.rfind('/');
    e.folder = slash == std::string::npos ? "" : c.rel.substr(0, slash);
    e.format = format_name(c.format);
    e.bytes = got;
    e.mtime = static_cast<int64_t>(st.st_mtim.tv_sec);
    Outcome o;
    o.entry = std::move(e);
    return o;
}

Outcome read_safely(const Candidate& c) {
    try {
        return read_one(c);
    } catch (const std::bad_alloc&) {
        return fail("out of memory while reading it");
    } catch (const std::exception& e) {
        return fail(std::string("could not be read: ") + e.what());
    }
}

// The files are independent, so they are read on every core; each thread takes the next one.
std::vector<Outcome> read_all(const std::vector<Candidate>& candidates) {
    std::vector<Outcome> outcomes(candidates.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < candidates.size();) outcomes[i] = read_safely(candidates[i]);
    };
    const size_t threads = std::min<size_t>({std::max(1u, std::thread::hardware_concurrency()), 8, candidates.size()});
    std::vector<std::thread> pool;
    try {
        for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    } catch (const std::system_error&) {
        // fewer threads than hoped; the calling thread still reads everything that is left
    }
    work();
    for (std::thread& t : pool) t.join();
    return outcomes;
}

std::string root_name(const std::string& dir) {
    std::error_code ec;
    fs::path p = fs::absolute(dir, ec).lexically_normal();
    if (ec) p = fs::path(dir).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return decode_utf8(p.filename().string()).text;
}

std::string index_unsafe(const std::string& dir, LibraryIndex& out) {
    std::error_code ec;
    Walk w;
    w.root = fs::canonical(dir, ec);
    if (ec) return ec.message();
    if (!fs::is_directory(w.root, ec)) return "not a folder";
    if (std::string error = walk(w, w.root, "", 0); !error.empty()) return error;
    const std::vector<Outcome> outcomes = read_all(w.candidates);
    out = LibraryIndex{};
    out.root = root_name(dir);
    out.skipped = std::move(w.skipped);
    for (size_t i = 0; i < outcomes.size(); ++i) {
        if (outcomes[i].entry)
            out.articles.push_back(std::move(*outcomes[i].entry));
        else
            out.skipped.push_back({w.candidates[i].rel, outcomes[i].reason});
    }
    std::sort(out.articles.begin(), out.articles.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    std::sort(out.skipped.begin(), out.skipped.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return "";
}

std::string dump(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::string index_library(const std::string& dir, LibraryIndex& out) {
    try {
        return index_unsafe(dir, out);
    } catch (const std::bad_alloc&) {
        return "out of memory while listing the folder";
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::string write_library_json(const LibraryIndex& index) {
    using Json = nlohmann::ordered_json;
    std::string out = "{\"version\":1,\"root\":" + dump(Json(index.root)) + ",\"articles\":[";
    const char* sep = "\n";
    for (const LibraryEntry& e : index.articles) {
        Json j;
        j["path"] = e.path;
        j["title"] = e.title;
        j["words"] = e.words;
        j["minutes"] = e.minutes;
        j["date"] = e.date ? Json(*e.date) : Json(nullptr);
        j["folder"] = e.folder;
        j["format"] = e.format;
        j["bytes"] = e.bytes;
        j["mtime"] = e.mtime;
        out += sep + dump(j);
        sep = ",\n";
    }
    out += index.articles.empty() ? "],\"skipped\":[" : "\n],\"skipped\":[";
    sep = "\n";
    for (const SkippedFile& s : index.skipped) {
        Json j;
        j["path"] = s.path;
        j["reason"] = s.reason;
        out += sep + dump(j);
        sep = ",\n";
    }
    out += index.skipped.empty() ? "]}\n" : "\n]}\n";
    return out;
}

}  // namespace reader
