"""Serves the reader: web/ at / and assets/ at /assets/, on Python's standard-library HTTP server.

Run through ../serve.sh, which builds web/dist/ first.
"""

import argparse
import errno
import http.server
import os
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEB = os.path.join(ROOT, "web")
ASSETS = os.path.join(ROOT, "assets")

# The page needs no eval and no inline script or style; wasm compilation is the one exception.
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: http: https:; connect-src 'self' http: https:; "
    "object-src 'none'; base-uri 'none'"
)

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".json": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


class ReaderHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {"": "application/octet-stream", **TYPES}

    def translate_path(self, path):
        # SimpleHTTPRequestHandler drops "..", empty and drive parts; this only picks the folder.
        url_path = urllib.parse.urlsplit(path).path
        if url_path == "/assets" or url_path.startswith("/assets/"):
            self.directory = ASSETS
            path = path[len("/assets"):] or "/"
        else:
            self.directory = WEB
        return super().translate_path(path)

    def list_directory(self, path):
        self.send_error(404, "Not Found")
        return None

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        # Pages on other origins embed the element: they must be able to fetch its wasm and the
        # bundled articles. Everything served here is public (web/ and assets/), and no cookies
        # or credentials are involved, so any origin may read it.
        self.send_header("Access-Control-Allow-Origin", "*")
        if self.path.split("?")[0].endswith((".html", "/")):
            self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format, *args):
        if not self.server.quiet:
            super().log_message(format, *args)


def main():
    parser = argparse.ArgumentParser(prog="serve.sh", description="Serve article-reader locally.")
    parser.add_argument("--port", type=int, default=8080, help="port (0 picks a free one; default 8080)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args()
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), ReaderHandler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            sys.exit(f"serve.sh: port {args.port} on {args.host} is in use; choose another with --port N")
        sys.exit(f"serve.sh: cannot listen on {args.host}:{args.port}: {e.strerror}")
    server.quiet = args.quiet
    host, port = server.server_address[:2]
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
