#!/usr/bin/env bash
# Every test of article-reader, from a fresh machine: installs what is missing, builds both presets,
# then runs the doctest suite natively and as wasm under node, the CLI tests, the browser tests and a
# 60-second run of each fuzz target.
# Ends with one line "N passed, N failed"; exits non-zero when anything failed or did not run.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

passed=0 failed=0
log_dir=build/test-logs
step() { printf '\n=== %s\n' "$*"; }
broken() { echo "FAILED: $1"; failed=$((failed + 1)); }

# Adds a suite's counts from its output: doctest's "test cases: N | P passed | F failed" or node's
# "# pass P" / "# fail F". A suite that printed no counts, or exited non-zero with none failed, is
# itself one failure.
count() {
  local name=$1 status=$2 file=$3 p f
  p=$(sed 's/\x1b\[[0-9;]*m//g' "$file" | sed -nE 's/.*test cases: *[0-9]+ \| *([0-9]+) passed.*/\1/p; s/^# pass ([0-9]+)$/\1/p' | tail -1)
  f=$(sed 's/\x1b\[[0-9;]*m//g' "$file" | sed -nE 's/.*test cases:.*\| *([0-9]+) failed.*/\1/p; s/^# fail ([0-9]+)$/\1/p' | tail -1)
  if [ -z "$p" ] || [ -z "$f" ]; then broken "$name printed no test counts"; return; fi
  passed=$((passed + p)) failed=$((failed + f))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then broken "$name exited $status"; fi
  echo "$name: $p passed, $f failed"
}

suite() {
  local name=$1; shift
  step "$name"
  "$@" 2>&1 | tee "$log_dir/$name.log"
  count "$name" "${PIPESTATUS[0]}" "$log_dir/$name.log"
}

step "dependencies"
scripts/deps.sh test || { broken "installing dependencies"; echo "0 passed, $failed failed"; exit 1; }

werror=OFF
[ "${CI:-}" = true ] && werror=ON
built=1
for preset in native wasm; do
  step "build: $preset"
  if ! { cmake --preset "$preset" -DARTICLE_READER_WERROR=$werror >/dev/null && cmake --build --preset "$preset"; }; then
    broken "build of the $preset preset"
    built=0
  fi
done
# serve.sh indexes the library with the release CLI; building it here keeps the browser tests'
# first server start inside their time limit. Without -Werror: the native preset already makes
# warnings errors on the same sources, and g++ 12 at -O3 reports false -Wrestrict overlaps inside
# libstdc++'s string code (GCC bug 105329) that -O0 does not.
step "build: release CLI"
if ! { cmake --preset release -DARTICLE_READER_WERROR=OFF >/dev/null && cmake --build --preset release --target article-reader; }; then
  broken "build of the release CLI"
  built=0
fi
mkdir -p "$log_dir"

if [ $built -eq 1 ]; then
  suite unit-native build/native/unit_tests --no-colors=true
  suite unit-wasm node --no-experimental-fetch build/wasm/unit_tests_wasm.js --no-colors=true
  suite cli node --test tests/cli/
  suite browser node --test --test-concurrency=1 tests/web/
fi
# libFuzzer targets under clang with ASan and UBSan, 60 s each; fuzz/run.sh builds build/fuzz itself.
suite fuzz fuzz/run.sh 60

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
