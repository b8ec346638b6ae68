// Every benchmark in bench/, one after another, each printing its table (figure, article-reader,
// peer or limit, ratio) under a "### bench/NAME" line; a summary at the end, and a non-zero exit
// when any of them failed.
//   node bench/all.mjs            the full runs (the better part of an hour on these machines)
//   node bench/all.mjs --smoke    each script's short mode (tests/cli/bench-smoke.test.mjs)
// Only --smoke is passed on: the scripts' other arguments differ (runs, megabytes, seconds).
// Every .mjs and .sh file in bench/ is a benchmark, except the modules below, so that a new script
// is run (and smoke-tested) without being listed here.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "./common.mjs";

const notBenchmarks = new Set([
  "all.mjs",
  "book.mjs", // the books the benchmarks read
  "common.mjs", // the median, the static page, the table
  "peers.mjs", // the contenders of the node benchmarks
  "svg-chart.mjs", // the chart writer of scaling.mjs
  "wasm-contributors.mjs", // a size analysis of a --profiling-funcs build, with no peer to compare
  "core-ab.mjs", // compares two builds of the core named on its command line; no build to compare by default
]);
// Quick ones first; the browser benchmarks last.
const order = ["size.mjs", "memory.mjs", "throughput.mjs", "markdown.mjs", "scaling.mjs", "index.mjs",
  "serve-load.sh", "time-to-visible.mjs", "interactive.mjs", "page-scaling.mjs"];

const smoke = process.argv.includes("--smoke");
const found = readdirSync(join(root, "bench")).filter((f) => /\.(mjs|sh)$/.test(f) && !notBenchmarks.has(f));
const scripts = [...order.filter((f) => found.includes(f)), ...found.filter((f) => !order.includes(f)).sort()];

const results = [];
for (const script of scripts) {
  const command = script.endsWith(".sh") ? ["bash", [join("bench", script)]] : [process.execPath, [join("bench", script)]];
  const args = [...command[1], ...(smoke ? ["--smoke"] : [])];
  console.log(`\n### bench/${script} (${[command[0] === "bash" ? "bash" : "node", ...args].join(" ")})`);
  const start = performance.now();
  const r = spawnSync(command[0], args, { cwd: root, stdio: "inherit" });
  const seconds = (performance.now() - start) / 1000;
  results.push({ script, status: r.status ?? r.signal ?? r.error?.message, seconds });
}

console.log("\n### summary");
for (const { script, status, seconds } of results) {
  console.log(`bench/${script.padEnd(22)} ${status === 0 ? "ok" : `FAILED (${status})`} in ${seconds.toFixed(1)} s`);
}
if (results.some((r) => r.status !== 0)) process.exitCode = 1;
