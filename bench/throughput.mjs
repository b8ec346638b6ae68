// Throughput of plain text -> reading-view HTML on the 5 MB book of bench/book.mjs (issue 8,
// target 4: the wasm view() at least 0.8x the calibration limit), each beside peers in the same run:
//   wasm, under node, all from the same JS string to an HTML string (bench/peers.mjs):
//     article-reader view(), the calibration limit (bench/calibration.cpp: split at blank lines,
//     escape &<>", through TextEncoder.encodeInto into its memory and TextDecoder out), the same
//     calibration through plain Embind std::string (for scale), and the Firefox reader view peer
//     (split on blank lines into <p> in JS), with the structure each one finds;
//   native: the C++ reader against the C++ calibration loop of bench/throughput.cpp.
// Run:  cmake --preset release && cmake --build --preset release     (native; else build/native's)
//       cmake --preset wasm && cmake --build --preset wasm           (the core and the calibration)
//       node bench/throughput.mjs [runs] [--smoke]
// --smoke: one run on a 200 KB book, to prove the script works (tests/cli/bench-smoke.test.mjs).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeBook } from "./book.mjs";
import { printTable, ratioLabel, root, run } from "./common.mjs";
import { loadWasm, plainTextContenders, structureOf, timeInterleaved } from "./peers.mjs";

const smoke = process.argv.includes("--smoke");
const runs = smoke ? 1 : Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 7);
const book = makeBook(smoke ? 200 * 1024 : 5 * 1024 * 1024);
const mb = book.length / (1024 * 1024);
const rate = (seconds) => `${(mb / seconds).toFixed(1)} MB/s`;

// The native pair, from the release build when there is one (the test command builds only the
// native preset's, a Debug build with sanitizers, whose figures say only that it runs).
function native() {
  const release = join(root, "build/release/throughput_bench");
  const binary = existsSync(release) ? release : join(root, "build/native/throughput_bench");
  if (!existsSync(binary)) throw new Error(`${binary} is missing: cmake --preset release && cmake --build --preset release`);
  mkdirSync(join(root, "build/bench"), { recursive: true });
  const bookPath = join(root, "build/bench/throughput-book.txt");
  writeFileSync(bookPath, book);
  const out = execFileSync(binary, [bookPath, String(runs)], { encoding: "utf8" });
  const m = /reader ([\d.]+) MB\/s, calibration ([\d.]+) MB\/s, reader\/calibration ([\d.]+)/.exec(out);
  if (!m) throw new Error(`unexpected output of ${binary}: ${out}`);
  const build = binary === release ? "release" : "Debug + sanitizers";
  return [`native (${build}): read_article + render_html`, `${m[1]} MB/s`, `C++ calibration loop ${m[2]} MB/s`, m[3]];
}

await run("bench/throughput.mjs", async () => {
  const { core, calibration } = await loadWasm();
  const contenders = plainTextContenders(core, calibration);
  const text = book.toString("utf8");
  const { seconds, cpu, html } = timeInterleaved(contenders, text, runs);
  if (html["calibration limit (encodeInto, TextDecoder)"] !== html["calibration, Embind std::string"])
    throw new Error("the calibration's two boundaries gave different HTML");

  const reader = seconds["article-reader view()"];
  const limit = seconds["calibration limit (encodeInto, TextDecoder)"];
  const embind = seconds["calibration, Embind std::string"];
  const firefox = seconds["Firefox reader view peer (JS)"];
  const ratio = (peer, ours) => ratioLabel(peer / ours); // ours / peer in speed
  const rows = [
    ["wasm view(), target 4 (at least 0.80), by wall time", rate(reader), `calibration limit ${rate(limit)}`, ratio(limit, reader)],
    // CPU time as well: on these shared machines wall time also measures the other engineers' work.
    ["wasm view(), target 4, by CPU time", rate(cpu["article-reader view()"]), `calibration limit ${rate(cpu["calibration limit (encodeInto, TextDecoder)"])}`,
      ratio(cpu["calibration limit (encodeInto, TextDecoder)"], cpu["article-reader view()"])],
    ["wasm view() against the calibration through Embind std::string", rate(reader), `calibration, Embind ${rate(embind)}`, ratio(embind, reader)],
    ["the calibration: Embind std::string against the limit", `Embind ${rate(embind)}`, `limit ${rate(limit)}`, ratio(limit, embind)],
    ["wasm view() against the Firefox reader view peer", rate(reader), `Firefox peer ${rate(firefox)}`, ratio(firefox, reader)],
  ];
  const ours = structureOf(html["article-reader view()"]);
  const theirs = structureOf(html["Firefox reader view peer (JS)"]);
  for (const key of ["sections", "headings", "lists", "paragraphs"]) {
    rows.push([`${key} found`, String(ours[key]), `Firefox peer ${theirs[key]}`, theirs[key] ? ratioLabel(ours[key] / theirs[key]) : "-"]);
  }
  rows.push(native());
  printTable(`Plain text -> HTML throughput, ${mb.toFixed(2)} MB book (MB = 2^20 bytes), median of ${runs}, node ${process.version}`, rows);
});
