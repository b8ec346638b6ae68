#!/usr/bin/env bash
# Installs what article-reader needs from Debian's archive and npm, only when it is missing.
#   scripts/deps.sh build   the toolchain for building and serving the reader
#   scripts/deps.sh test    that, plus Chromium and the npm packages of the browser tests, and clang for fuzz/
#   scripts/deps.sh bench   the build toolchain, plus wrk for bench/serve-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build_packages=(cmake ninja-build g++ python3 emscripten nlohmann-json3-dev doctest-dev)
test_packages=(chromium clang libclang-rt-14-dev wrk)  # clang and its sanitizer runtimes: fuzz/run.sh; wrk: the smoke run of bench/serve-load.sh
bench_packages=(wrk)

case "${1:-build}" in
  build) wanted=("${build_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  bench) wanted=("${build_packages[@]}" "${bench_packages[@]}") ;;
  *) echo "usage: scripts/deps.sh build|test|bench" >&2; exit 2 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "article-reader: missing Debian packages: ${missing[*]}; install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "article-reader: installing ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm packages from the lock file: esbuild for every build (the wasm build minifies the core's JS),
# and playwright-core and axe-core for the browser tests. A build (serve.sh, which the browser tests
# start) only needs esbuild present; the test command also reinstalls when the lock file changed.
command -v npm >/dev/null || { echo "article-reader: npm is missing (Node.js 18 or later is needed)" >&2; exit 1; }
if [ ! -d node_modules/esbuild ] || { [ "${1:-build}" = test ] &&
   { [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; }; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
