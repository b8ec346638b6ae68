#!/usr/bin/env bash
# fuzz/run.sh SECONDS [TARGET...]: builds the libFuzzer targets (the fuzz preset, build/fuzz) and runs
# each for SECONDS, one after another: plain_text, json, html, markdown and commonmark unless TARGETs
# are named. Each run uses -timeout=5 (per input) and -rss_limit_mb=2048, keeps its growing corpus in
# build/fuzz/corpus/TARGET and is seeded from tests/fixtures/, fuzz/seeds/TARGET/ and, for the
# Markdown targets, the CommonMark spec's 652 examples (npm commonmark-spec, written out by this script). A crash, leak,
# timeout or out-of-memory fails the target; its input is saved in build/fuzz/artifacts/TARGET/.
# Prints one line per target (executions, coverage) and "# pass N" / "# fail N" for tests/run.sh.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "usage: fuzz/run.sh SECONDS [plain_text|json|html|markdown ...]" >&2
  exit 2
fi
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(plain_text json html markdown commonmark)

werror=OFF
[ "${CI:-}" = true ] && werror=ON
if ! { cmake --preset fuzz -DARTICLE_READER_WERROR=$werror >/dev/null && cmake --build --preset fuzz; }; then
  echo "FAILED: building the fuzz preset"
  echo "# pass 0"
  echo "# fail 1"
  exit 1
fi

# The spec's examples as seed files; fuzz_commonmark reads its first byte as the options ('1': GFM).
spec=build/fuzz/spec-seeds
if [ -f node_modules/commonmark-spec/index.js ] && [ ! -d $spec/commonmark ]; then
  node -e '
    const fs = require("fs"), dir = process.argv[1];
    fs.mkdirSync(dir + "/markdown", { recursive: true });
    fs.mkdirSync(dir + "/commonmark", { recursive: true });
    for (const t of require("./node_modules/commonmark-spec").tests) {
      fs.writeFileSync(`${dir}/markdown/${t.number}.md`, t.markdown);
      fs.writeFileSync(`${dir}/commonmark/${t.number}.md`, (t.number % 2 ? "1" : "0") + t.markdown);
    }' $spec
fi

pass=0 fail=0
for t in "${targets[@]}"; do
  binary=build/fuzz/fuzz/fuzz_$t
  if [ ! -x "$binary" ]; then
    echo "fuzz_$t: no such target"
    fail=$((fail + 1))
    continue
  fi
  corpus=build/fuzz/corpus/$t artifacts=build/fuzz/artifacts/$t log=build/fuzz/logs/$t.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seeds=()
  [ "$t" != html ] && seeds+=(tests/fixtures)
  [ -d "fuzz/seeds/$t" ] && seeds+=("fuzz/seeds/$t")
  [ -d "$spec/$t" ] && seeds+=("$spec/$t")
  flags=(-max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ -f "fuzz/$t.dict" ] && flags+=(-dict="fuzz/$t.dict")
  start=$(date +%s)
  "$binary" "${flags[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1
  status=$?
  took=$(($(date +%s) - start))
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
  last=$(grep -aE '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  corp=$(sed -nE 's/.* corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$last")
  summary="${runs:-?} executions in ${took} s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}"
  if [ $status -eq 0 ]; then
    echo "fuzz_$t: ok, $summary"
    pass=$((pass + 1))
  else
    echo "fuzz_$t: FAILED (exit $status), $summary; log $log"
    grep -aE 'invariant broken|ERROR: |SUMMARY: |Test unit written to' -A1 "$log" | head -12
    fail=$((fail + 1))
  fi
done
echo "# pass $pass"
echo "# fail $fail"
[ $fail -eq 0 ]
