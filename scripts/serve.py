"""Serves the reader on Python's standard-library HTTP server: web/ at /, assets/ at /assets/ and,
given a folder, that folder's articles at /library/, listed at /library/index.json.

Run through ../serve.sh, which builds web/dist/ and the release CLI (the library's indexer) first.
docs/library.md describes the endpoints and the index; docs/architecture.md why this server.
"""

import argparse
import email.utils
import errno
import hashlib
import http.server
import io
import ipaddress
import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEB = os.path.join(ROOT, "web")
ASSETS = os.path.join(ROOT, "assets")
BUNDLED = os.path.join(ASSETS, "articles")
CLI = os.environ.get("ARTICLE_READER_CLI", os.path.join(ROOT, "build", "release", "article-reader"))

# The page needs no eval and no inline script or style; wasm compilation is the one exception.
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: http: https:; connect-src 'self' http: https:; "
    "object-src 'none'; base-uri 'none'"
)

# scripts/hash-core.mjs's content-hashed names for the cores' wasm (article-reader-core-text.<hash>.wasm, …).
IMMUTABLE = re.compile(r"/dist/article-reader-core-[a-z]+\.[0-9a-f]{16}\.wasm$")

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
}

# What the index lists, and so all the articles that /library/ serves from the chosen folder.
ARTICLE_EXTENSIONS = (".txt", ".md", ".json")
# Besides them, the raster images that Markdown articles show from beside them (![a](shot.png)).
# Not SVG: one opened on its own would run its scripts with this server's origin.
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
MAX_DEPTH = 64  # as src/library/index.cpp
# A request's line and headers together: far above what a browser sends (a few KB), far below the
# standard library's own bound of 100 headers of 64 KB each.
HEAD_LIMIT = 64 * 1024


class Library:
    """One folder's index from `article-reader index`, re-made when a stat walk sees a change."""

    def __init__(self, folder, base, cache=None, cli=CLI):
        self.folder = os.path.realpath(folder)
        self.base = base  # the URL path that the entries' paths are relative to
        self.cache = cache  # the indexer's --cache file: only changed files are read again
        self.cli = cli
        self.lock = threading.Lock()
        self.signature = None
        self.index = None
        self.checked = 0.0  # time.monotonic() when the last completed check started

    # Everything the index depends on: names, types, sizes, times and inodes of every entry that is
    # not hidden, and of the targets of symbolic links. Folder links are not followed (the CLI
    # does not follow them either).
    def _signature(self):
        sig = []
        stack = [(self.folder, 0)]
        while stack:
            folder, depth = stack.pop()
            try:
                with os.scandir(folder) as entries:
                    for e in entries:
                        if e.name.startswith("."):
                            continue
                        try:
                            st = e.stat(follow_symlinks=False)
                            item = (e.path, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
                            if stat.S_ISLNK(st.st_mode):
                                try:
                                    t = os.stat(e.path)
                                    item += (os.path.realpath(e.path), t.st_mode, t.st_size, t.st_mtime_ns, t.st_ctime_ns)
                                except OSError as err:
                                    item += (err.errno,)
                            elif stat.S_ISDIR(st.st_mode) and depth < MAX_DEPTH:
                                stack.append((e.path, depth + 1))
                        except OSError as err:
                            item = (e.path, err.errno)
                        sig.append(item)
            except OSError as err:
                sig.append((folder, err.errno))
        sig.sort(key=lambda item: item[0])
        return sig

    def current(self):
        """The index as a dict, re-made first when anything changed. Raises RuntimeError.

        A check that started after this request arrived is as good as one of its own, so requests
        that queue behind one walk share the next: under load there is one walk per batch, not one
        per request, and no answer is older than its request."""
        arrived = time.monotonic()
        with self.lock:
            if self.index is not None and self.checked >= arrived:
                return self.index
            started = time.monotonic()
            sig = self._signature()
            if sig != self.signature or self.index is None:
                self.index = self._run()
                self.signature = sig
            self.checked = started
            return self.index

    def _run(self):
        try:
            command = [self.cli, "index", self.folder] + (["--cache", self.cache] if self.cache else [])
            r = subprocess.run(command, capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise RuntimeError(f"the indexer {self.cli} could not run: {e}") from None
        if r.returncode != 0:
            raise RuntimeError(r.stderr.decode("utf-8", "replace").strip() or f"the indexer exited {r.returncode}")
        index = json.loads(r.stdout)
        result = {"version": index["version"], "root": index["root"], "base": self.base}
        result["articles"] = index["articles"]
        result["skipped"] = index["skipped"]
        return result


class Libraries:
    """The page's library: the chosen folder at /library/ with the bundled articles beside it, or
    the bundled articles alone."""

    def __init__(self, folder, cache_dir=None):
        def cache(path):  # one file per folder, kept across restarts and shared by servers of it
            if not cache_dir:
                return None
            return os.path.join(cache_dir, hashlib.blake2b(os.path.realpath(path).encode(), digest_size=8).hexdigest() + ".json")
        self.bundled = Library(BUNDLED, "/assets/articles/", cache(BUNDLED))
        self.folder = Library(folder, "/library/", cache(folder)) if folder else None
        self.served = (None, None, None)  # (folder index, bundled index, (bytes, etag))

    def encoded(self):
        """The list as served: JSON bytes and their ETag, encoded again only when an index changed."""
        folder = self.folder.current() if self.folder else None
        bundled = self.bundled.current()
        cached_folder, cached_bundled, body = self.served
        if body is None or cached_folder is not folder or cached_bundled is not bundled:
            data = json.dumps(self.body(folder, bundled), ensure_ascii=False, separators=(",", ":")).encode()
            body = (data, '"' + hashlib.blake2b(data, digest_size=16).hexdigest() + '"')
            self.served = (folder, bundled, body)
        return body

    @staticmethod
    def body(folder, bundled):
        if folder is None:
            return bundled
        index = dict(folder)
        # /library/index.json is this list, so a file of that name at the top cannot be served.
        if any(a["path"] == "index.json" for a in index["articles"]):
            index["articles"] = [a for a in index["articles"] if a["path"] != "index.json"]
            index["skipped"] = sorted(index["skipped"] + [{"path": "index.json", "reason":
                "its URL, /library/index.json, is the library's own index; rename the file to read it"}],
                key=lambda s: s["path"])
        index["bundled"] = bundled
        return index


class Refused(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status


def split_path(raw):
    """The request target's path as decoded segments, or Refused. Each segment is decoded once,
    after splitting, so %2f and %5c cannot make separators; anything that could climb out of a
    folder, or names a hidden file, is refused rather than normalised away."""
    target = raw.split("?", 1)[0].split("#", 1)[0]
    if target.startswith(("http://", "https://")):
        target = "/" + target.split("/", 3)[3] if target.count("/") >= 3 else "/"
    if not target.startswith("/"):
        raise Refused(400)
    parts = target[1:].split("/")
    segments = []
    for i, part in enumerate(parts):
        data = urllib.parse.unquote_to_bytes(part)
        if not data:
            if i == len(parts) - 1:
                continue  # the trailing slash of a folder
            raise Refused(403)  # "//": an absolute path in disguise
        if b"\0" in data or b"/" in data or b"\\" in data or data.startswith(b"."):
            raise Refused(403)
        try:
            segments.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise Refused(404) from None
    return segments


def within(root, path):
    """The real path of `path` when it is `root` or inside it, else Refused(403)."""
    real = os.path.realpath(path)
    if real != root and not real.startswith(root + os.sep):
        raise Refused(403)
    return real


def etag_of(st):
    return f'"{st.st_size:x}-{st.st_mtime_ns:x}"'


def not_modified(headers, etag, mtime):
    """RFC 9110: If-None-Match wins over If-Modified-Since (weak comparison for GET)."""
    inm = headers.get("If-None-Match")
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        return "*" in tags or etag in tags
    ims = headers.get("If-Modified-Since")
    if ims is not None and mtime is not None:
        try:
            since = email.utils.parsedate_to_datetime(ims)
        except (TypeError, ValueError, IndexError):
            return False
        return since is not None and since.tzinfo is not None and int(mtime) <= since.timestamp()
    return False


class HeadTooLarge(Exception):
    pass


class HeadBudget:
    """The connection's reader while one request's headers are read: HEAD_LIMIT bytes in all."""

    def __init__(self, reader, left):
        self.reader, self.left = reader, left

    def readline(self, size=-1):
        line = self.reader.readline(self.left + 1 if size < 0 else min(size, self.left + 1))
        self.left -= len(line)
        if self.left < 0:
            raise HeadTooLarge()
        return line


class ReaderHandler(http.server.SimpleHTTPRequestHandler):
    # HTTP/1.1 keeps connections alive; every response below has a Content-Length, or no body.
    protocol_version = "HTTP/1.1"
    # An idle kept-alive connection gives its thread back after this many seconds.
    timeout = 30
    # What a refusal of an unreadable request line (400, 505) is sent as: HTTP/0.9, the standard
    # library's default, would send the error page with no status line at all.
    default_request_version = "HTTP/1.0"
    # The head and the body go out in two writes. With Nagle's algorithm the second waits for the
    # ACK of the first, which the client delays by up to 40 ms: every request after the first on a
    # kept-alive connection took 40-48 ms (docs/benchmarks.md, "Server under load").
    disable_nagle_algorithm = True
    extensions_map = {"": "application/octet-stream", **TYPES}

    def parse_request(self):
        reader = self.rfile
        self.rfile = HeadBudget(reader, HEAD_LIMIT - len(self.raw_requestline))
        try:
            return super().parse_request()
        except HeadTooLarge:
            self.send_error(431, f"Request headers over {HEAD_LIMIT // 1024} KB in all")
            return False
        finally:
            self.rfile = reader

    def translate_path(self, path):
        raise AssertionError("send_head resolves paths itself")

    def resolve(self):
        """("index", None) for /library/index.json, or ("file", real path). Raises Refused."""
        segments = split_path(self.path)
        libraries = self.server.libraries
        if segments[:1] == ["library"]:
            if segments[1:] == ["index.json"]:
                return "index", None
            if not libraries.folder or len(segments) < 2:
                raise Refused(404)
            root, rest = libraries.folder.folder, segments[1:]
            if not rest[-1].lower().endswith(ARTICLE_EXTENSIONS + IMAGE_EXTENSIONS):
                raise Refused(404)
        elif segments[:1] == ["assets"]:
            root, rest = self.server.assets, segments[1:]
        else:
            root, rest = self.server.web, segments
        real = within(root, os.path.join(root, *rest))
        if os.path.isdir(real):
            # Only the top folder is a page; no other is listed or answers with an index.html of
            # its own (web/dist/ holds the built page, which is served at / alone).
            if real != self.server.web:
                raise Refused(404)
            real = within(root, os.path.join(real, "index.html"))
        return "file", self.prerendered(real)

    def prerendered(self, real):
        """The reader's page as the build wrote it, its default article pre-rendered
        (scripts/prerender-page.mjs), in place of web/index.html when there is one."""
        if real != os.path.join(self.server.web, "index.html"):
            return real
        built = os.path.join(self.server.web, "dist", "index.html")
        return within(self.server.web, built) if os.path.isfile(built) else real

    def send_head(self):
        try:
            kind, path = self.resolve()
        except Refused as r:
            self.send_error(r.status)
            return None
        if kind == "index":
            return self.send_index()
        try:
            # O_NONBLOCK: opening a FIFO named like an article must not hang this thread.
            f = os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb")
        except OSError:
            self.send_error(404)
            return None
        try:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                f.close()
                self.send_error(404)
                return None
            return self.send_body(f, st.st_size, self.guess_type(path), etag_of(st), st.st_mtime)
        except Exception:
            f.close()
            raise

    def send_index(self):
        try:
            body, etag = self.server.libraries.encoded()
        except (RuntimeError, ValueError, KeyError) as e:
            body = json.dumps({"error": str(e)}).encode()
            self.send_response(503)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return self.send_body(io.BytesIO(body), len(body), TYPES[".json"], etag, None)

    def send_body(self, f, size, content_type, etag, mtime):
        last_modified = email.utils.formatdate(mtime, usegmt=True) if mtime is not None else None
        if not_modified(self.headers, etag, mtime):
            f.close()
            self.send_response(304)
            self.send_header("ETag", etag)
            if last_modified:
                self.send_header("Last-Modified", last_modified)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(size))
        self.send_header("ETag", etag)
        if last_modified:
            self.send_header("Last-Modified", last_modified)
        self.end_headers()
        return f

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", cache_control(getattr(self, "path", "")))
        # Pages on other origins embed the element: they must be able to fetch its wasm and the
        # bundled articles. Everything served here is public (web/ and assets/), and no cookies
        # or credentials are involved, so any origin may read it.
        self.send_header("Access-Control-Allow-Origin", "*")
        # A request refused before its line was understood (400, 414, 505) has no path yet.
        if getattr(self, "path", "").split("?")[0].endswith((".html", "/")):
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format, *args):
        if not self.server.quiet:
            super().log_message(format, *args)


def cache_control(path):
    # Each core's wasm has its content's hash in its name (scripts/hash-core.mjs): a new build is a
    # new URL, so caches may keep this one for a year without asking. Everything else is
    # revalidated on each use (ETag, Last-Modified), so an edit shows at once.
    if IMMUTABLE.search(path.split("?")[0]):
        return "public, max-age=31536000, immutable"
    return "no-cache"


class ReaderServer(http.server.ThreadingHTTPServer):
    # The standard library listens with a backlog of 5; 64 clients connecting at once overflow it
    # and see resets and timeouts (docs/benchmarks.md, "Server under load").
    request_queue_size = 1024
    daemon_threads = True

    def shutdown_request(self, request):
        # A request refused half-read (a 414 or 431) leaves bytes unread; closing over them makes
        # the kernel reset the connection, and the client would lose the answer. Read what has
        # already arrived first (at most 1 MB, never waiting).
        try:
            request.shutdown(socket.SHUT_WR)
            request.setblocking(False)
            for _ in range(16):
                if not request.recv(65536):
                    break
        except OSError:
            pass
        self.close_request(request)

    def handle_error(self, request, client_address):
        # A client that hangs up mid-answer is routine (a closed tab, wrk stopping), not a traceback.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def main():
    parser = argparse.ArgumentParser(prog="serve.sh", description="Serve article-reader locally.")
    parser.add_argument("folder", nargs="?", help="a folder of articles (.txt, .md, .json) to serve as the library")
    parser.add_argument("--port", type=int, default=8080, help="port (0 picks a free one; default 8080)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args()
    if args.folder and not os.path.isdir(args.folder):
        sys.exit(f"serve.sh: {args.folder} is not a folder")
    try:
        if ":" in args.host:  # an IPv6 address such as ::1
            ReaderServer.address_family = socket.AF_INET6
        server = ReaderServer((args.host, args.port), ReaderHandler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            sys.exit(f"serve.sh: port {args.port} on {args.host} is in use; choose another with --port N")
        sys.exit(f"serve.sh: cannot listen on {args.host}:{args.port}: {e.strerror}")
    server.quiet = args.quiet
    server.web = os.path.realpath(WEB)
    server.assets = os.path.realpath(ASSETS)
    cache_dir = os.path.join(ROOT, "build", "library-cache")
    try:
        os.makedirs(cache_dir, exist_ok=True)
        for old in os.scandir(cache_dir):  # folders not served for a week (or gone) lose theirs
            if old.stat().st_mtime < time.time() - 7 * 86400:
                os.remove(old.path)
    except OSError:
        cache_dir = None  # every change then re-reads the whole folder, which is slower but right
    server.libraries = Libraries(args.folder, cache_dir)
    # SIGTERM (kill, a script's cleanup) ends the server as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        index = server.libraries.folder.current() if args.folder else None  # index now: the first visit does not wait
        server.libraries.encoded()
        if args.folder:
            print(f"article-reader: library {server.libraries.folder.folder}: {len(index['articles'])} articles, "
                  f"{len(index['skipped'])} skipped", flush=True)
    except (RuntimeError, ValueError, KeyError) as e:
        print(f"serve.sh: warning: the library cannot be listed: {e}", file=sys.stderr, flush=True)
    host, port = server.server_address[:2]
    if not loopback(host):
        what = "the reader and your library folder" if args.folder else "the reader"
        print(f"serve.sh: warning: listening on {host}, not loopback: anyone who can reach this machine on the "
              f"network can read {what}", file=sys.stderr, flush=True)
    shown = f"[{host}]" if ":" in host else host
    print(f"article-reader: serving on http://{shown}:{port}/ (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\narticle-reader: stopped", flush=True)
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
