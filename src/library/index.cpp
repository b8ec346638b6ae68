#include "library/index.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <system_error>
#include <thread>
#include <unordered_map>

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

// What identifies a file's content without reading it, for the cache.
struct FileKey {
    uint64_t size = 0, inode = 0, device = 0;
    int64_t mtime_ns = 0, ctime_ns = 0;

    bool operator==(const FileKey&) const = default;
};

FileKey key_of(const struct stat& st) {
    return {static_cast<uint64_t>(st.st_size), static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_dev),
            st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec, st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec};
}

struct Outcome {
    std::optional<LibraryEntry> entry;
    std::string reason;
    FileKey key;
    bool cacheable = false;  // the outcome follows from the content, and the content had settled
};

using Cache = std::unordered_map<std::string, Outcome>;  // by path

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

int64_t now_ns() {
    struct timespec ts {};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

Outcome from_content(const Candidate& c, const std::string& bytes, const struct stat& st);

// O_NONBLOCK: a FIFO that replaced the file after the walk must not hang the index.
Outcome read_one(const Candidate& c, const Cache& cache) {
    if (struct stat st {}; !cache.empty() && ::stat(c.full.c_str(), &st) == 0) {
        const auto hit = cache.find(c.rel);
        if (hit != cache.end() && hit->second.key == key_of(st)) return hit->second;
    }
    const int64_t started = now_ns();
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
    Outcome o = from_content(c, bytes, st);
    o.key = key_of(st);
    o.cacheable = got == size && started - o.key.mtime_ns >= 1000000000LL && started - o.key.ctime_ns >= 1000000000LL;
    return o;
}

Outcome from_content(const Candidate& c, const std::string& bytes, const struct stat& st) {
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
    e.bytes = bytes.size();
    e.mtime = static_cast<int64_t>(st.st_mtim.tv_sec);
    Outcome o;
    o.entry = std::move(e);
    return o;
}

Outcome read_safely(const Candidate& c, const Cache& cache) {
    try {
        return read_one(c, cache);
    } catch (const std::bad_alloc&) {
        return fail("out of memory while reading it");
    } catch (const std::exception& e) {
        return fail(std::string("could not be read: ") + e.what());
    }
}

// The files are independent, so they are read on every core; each thread takes the next one.
std::vector<Outcome> read_all(const std::vector<Candidate>& candidates, const Cache& cache) {
    std::vector<Outcome> outcomes(candidates.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < candidates.size();) outcomes[i] = read_safely(candidates[i], cache);
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

using Json = nlohmann::ordered_json;

std::string slurp(const std::string& path) {
    std::string data;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return data;
    char buffer[1 << 16];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) data.append(buffer, n);
    std::fclose(f);
    return data;
}

// The cache is this module's own file: {"version":1,"folder":…,"files":[{"path","key":[…],
// "entry":{…} | "reason":…}]}. Anything unexpected in it means starting afresh.
Cache load_cache(const std::string& path, const fs::path& root) {
    Cache cache;
    try {
        const Json j = Json::parse(slurp(path), nullptr, false);
        if (j.is_discarded() || !j.is_object() || j.value("version", 0) != 1 || j.value("folder", "") != root.string()) return {};
        for (const Json& f : j.at("files")) {
            Outcome o;
            const Json& k = f.at("key");
            o.key = {k.at(0).get<uint64_t>(), k.at(1).get<uint64_t>(), k.at(2).get<uint64_t>(), k.at(3).get<int64_t>(),
                     k.at(4).get<int64_t>()};
            o.cacheable = true;
            if (f.contains("reason")) {
                o.reason = f.at("reason").get<std::string>();
            } else {
                const Json& e = f.at("entry");
                LibraryEntry entry;
                entry.path = f.at("path").get<std::string>();
                entry.title = e.at("title").get<std::string>();
                entry.words = e.at("words").get<int>();
                entry.minutes = e.at("minutes").get<int>();
                if (!e.at("date").is_null()) entry.date = e.at("date").get<std::string>();
                entry.folder = e.at("folder").get<std::string>();
                entry.format = e.at("format").get<std::string>();
                entry.bytes = e.at("bytes").get<uint64_t>();
                entry.mtime = e.at("mtime").get<int64_t>();
                o.entry = std::move(entry);
            }
            cache[f.at("path").get<std::string>()] = std::move(o);
        }
    } catch (const std::exception&) {
        return {};
    }
    return cache;
}

Json entry_json(const LibraryEntry& e) {
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
    return j;
}

std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Written next to its final name and renamed over it, so a reader never sees half a cache.
void save_cache(const std::string& path, const fs::path& root, const std::vector<Candidate>& candidates,
                const std::vector<Outcome>& outcomes) {
    Json files = Json::array();
    for (size_t i = 0; i < outcomes.size(); ++i) {
        const Outcome& o = outcomes[i];
        if (!o.cacheable) continue;
        Json f;
        f["path"] = candidates[i].rel;
        f["key"] = Json::array({o.key.size, o.key.inode, o.key.device, o.key.mtime_ns, o.key.ctime_ns});
        if (o.entry)
            f["entry"] = entry_json(*o.entry);
        else
            f["reason"] = o.reason;
        files.push_back(std::move(f));
    }
    const std::string text = dump(Json{{"version", 1}, {"folder", root.string()}, {"files", std::move(files)}});
    const std::string temp = path + ".tmp" + std::to_string(::getpid());
    FILE* f = std::fopen(temp.c_str(), "wb");
    if (f == nullptr) return;
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) == 0 && written && std::rename(temp.c_str(), path.c_str()) == 0) return;
    std::remove(temp.c_str());
}

std::string index_unsafe(const std::string& dir, LibraryIndex& out, const std::string& cache_path) {
    std::error_code ec;
    Walk w;
    w.root = fs::canonical(dir, ec);
    if (ec) return ec.message();
    if (!fs::is_directory(w.root, ec)) return "not a folder";
    if (std::string error = walk(w, w.root, "", 0); !error.empty()) return error;
    std::sort(w.candidates.begin(), w.candidates.end(), [](const auto& x, const auto& y) { return x.rel < y.rel; });
    const Cache cache = cache_path.empty() ? Cache{} : load_cache(cache_path, w.root);
    const std::vector<Outcome> outcomes = read_all(w.candidates, cache);
    if (!cache_path.empty()) save_cache(cache_path, w.root, w.candidates, outcomes);
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

}  // namespace

std::string index_library(const std::string& dir, LibraryIndex& out, const std::string& cache_path) {
    try {
        return index_unsafe(dir, out, cache_path);
    } catch (const std::bad_alloc&) {
        return "out of memory while listing the folder";
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::string write_library_json(const LibraryIndex& index) {
    std::string out = "{\"version\":1,\"root\":" + dump(Json(index.root)) + ",\"articles\":[";
    const char* sep = "\n";
    for (const LibraryEntry& e : index.articles) {
        out += sep + dump(entry_json(e));
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
