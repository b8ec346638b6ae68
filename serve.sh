#!/usr/bin/env bash
# Builds the reader if anything is missing or out of date, then serves it locally.
#   ./serve.sh [FOLDER] [--port N] [--host ADDR] [--quiet]     default http://127.0.0.1:8080/
# FOLDER's .txt, .md and .json articles are the library at /library/ (docs/library.md).
set -euo pipefail
cd "$(dirname "$0")"

for arg in "$@"; do
  case "$arg" in -h|--help) exec python3 scripts/serve.py --help ;; esac
done

scripts/deps.sh build
export NODE_PATH=/usr/share/nodejs
# One build at a time: two serve.sh starting together (parallel tests, a second terminal) would
# otherwise run two ninjas in one build folder and corrupt its log. The server does not hold it.
mkdir -p build
exec 9>build/.serve-build.lock
flock 9
if [ ! -f build/wasm/build.ninja ]; then
  cmake --preset wasm >/dev/null || { echo "serve.sh: configuring the wasm build failed" >&2; exit 1; }
fi
cmake --build --preset wasm --target article_reader_core_text article_reader_core_markdown article_reader_core_single web_shell >/dev/null ||
  { echo "serve.sh: building web/dist/ failed; run 'cmake --build --preset wasm' to see why" >&2; exit 1; }

# The library's index (bundled articles, and FOLDER when given) comes from the release CLI.
if [ ! -f build/release/build.ninja ]; then
  cmake --preset release >/dev/null || { echo "serve.sh: configuring the release build failed" >&2; exit 1; }
fi
cmake --build --preset release --target article-reader >/dev/null ||
  { echo "serve.sh: building build/release/article-reader failed; run 'cmake --build --preset release' to see why" >&2; exit 1; }

exec 9>&-
exec python3 scripts/serve.py "$@"
