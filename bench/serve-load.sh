#!/usr/bin/env bash
# The server under load: wrk, 64 connections for 30 s each on loopback, against
#   ./serve.sh FOLDER     the bundled article, the page, and /library/index.json of a 2,000-article
#                         library (bench/index.mjs makes it), with its stat walk on every request
#   python3 -m http.server, the peer, serving the same bundled article from the same folder
# (Background jobs of a script ignore SIGINT, so they are stopped with SIGTERM.)
# Prints requests/s, socket errors and non-2xx answers for each, and exits non-zero when ours had any.
#   bench/serve-load.sh [seconds] [connections] [--smoke]
# --smoke: 1 s with 8 connections each, on bench/index.mjs --smoke's 100-article library, to prove
# the script works (tests/cli/bench-smoke.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=0
args=()
for arg in "$@"; do
  if [ "$arg" = --smoke ]; then smoke=1; else args+=("$arg"); fi
done
seconds=${args[0]:-30}
connections=${args[1]:-64}
library=build/bench/library
articles=2,000
if [ $smoke -eq 1 ]; then seconds=1 connections=8 library=build/bench/library-smoke articles=100; fi

scripts/deps.sh bench
if [ $smoke -eq 1 ]; then
  [ -d "$library" ] || node bench/index.mjs --smoke >/dev/null
else
  [ -d "$library" ] || node bench/index.mjs 1 >/dev/null
fi

children=()
cleanup() { for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

log=$(mktemp)
./serve.sh "$library" --port 0 --quiet >"$log" 2>&1 &
children+=($!)
for _ in $(seq 1 600); do grep -q "serving on" "$log" && break; sleep 0.2; done
ours=$(sed -nE 's/.*serving on (http:\/\/[^ ]+\/).*/\1/p' "$log")
[ -n "$ours" ] || { cat "$log" >&2; echo "serve-load: serve.sh did not start" >&2; exit 1; }

peer_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$peer_port" --bind 127.0.0.1 --directory "$PWD" >/dev/null 2>&1 &
children+=($!)
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$peer_port/" && break; sleep 0.1; done
peer="http://127.0.0.1:$peer_port/"

failed=0
declare -A rate
# wrk's summary, reduced to: requests/s, requests, socket errors (connect/read/write/timeout), non-2xx
run() {
  local name=$1 url=$2 out rps reqs sock non2xx
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
  rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' <<<"$out")
  reqs=$(sed -nE 's/^ *([0-9]+) requests in .*/\1/p' <<<"$out")
  sock=$(sed -nE 's/.*Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+).*/\1 \2 \3 \4/p' <<<"$out")
  non2xx=$(sed -nE 's/.*Non-2xx or 3xx responses: *([0-9]+).*/\1/p' <<<"$out")
  p50=$(sed -nE 's/^ +50% +([0-9.]+[a-z]+).*/\1/p' <<<"$out")
  p99=$(sed -nE 's/^ +99% +([0-9.]+[a-z]+).*/\1/p' <<<"$out")
  printf '%-44s %9s req/s  %8s requests  p50 %-8s p99 %-8s socket errors (connect read write timeout) %-12s non-2xx %s\n' \
    "$name" "$rps" "$reqs" "$p50" "$p99" "${sock:-0 0 0 0}" "${non2xx:-0}"
  rate[$name]=$rps
  case "$name" in serve.py*) [ -z "$sock" ] && [ -z "$non2xx" ] || failed=1 ;; esac
}

echo "wrk -t2 -c$connections -d${seconds}s on $(nproc) cores, $(date -u +%F)"
run "serve.py: bundled article (3 KB)" "${ours}assets/articles/china-japan-security-dialogue.txt"
run "python3 -m http.server: same article" "${peer}assets/articles/china-japan-security-dialogue.txt"
run "serve.py: / (the page)" "$ours"
run "serve.py: /library/index.json ($articles articles)" "${ours}library/index.json"

# The table every benchmark prints: figure, article-reader, peer or limit, ratio.
row() { printf '| %s | %s | %s | %s |\n' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
article=${rate["serve.py: bundled article (3 KB)"]} peer_rate=${rate["python3 -m http.server: same article"]}
echo
echo "Server under load, wrk -t2 -c$connections -d${seconds}s, requests/s"
row figure article-reader "peer or limit" ratio
row --- --- --- ---
row "requests/s: bundled article (3 KB)" "serve.py $article" "python3 -m http.server $peer_rate" "$(ratio "$article" "$peer_rate")"
row "requests/s: / (the page)" "serve.py ${rate["serve.py: / (the page)"]}" "python3 -m http.server, article $peer_rate" \
  "$(ratio "${rate["serve.py: / (the page)"]}" "$peer_rate")"
row "requests/s: /library/index.json ($articles articles)" "serve.py ${rate["serve.py: /library/index.json ($articles articles)"]}" \
  "python3 -m http.server, article $peer_rate" "$(ratio "${rate["serve.py: /library/index.json ($articles articles)"]}" "$peer_rate")"
exit $failed
