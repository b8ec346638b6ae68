// Time against input size, from 10 KB to 20 MB, for article-reader's wasm core and its peers under
// node, all from the same JS string to an HTML string (bench/peers.mjs), on the books of
// bench/book.mjs cut to each size:
//   plain text: view(), the calibration limit (encodeInto and TextDecoder), the calibration through
//               Embind std::string, and the Firefox reader view peer;
//   Markdown:   commonmarkInput() and view(), md4w, markdown-it, marked, commonmark.js.
// Writes log-log line charts (bench/svg-chart.mjs) to docs/charts/, prints the times, the slope of
// each curve (1 is linear growth) and the table of figure, article-reader, peer, ratio. CPU time,
// not wall time, makes the charts (see measure()); both are printed.
//   node bench/scaling.mjs [runs] [--smoke]      (after cmake --build --preset wasm)
//   node bench/scaling.mjs --replot [--smoke]    the charts and tables again from the last run's
//                                                build/bench/scaling.json
// --smoke: 10 KB and 100 KB, one run, charts to build/bench/charts/ (tests/cli/bench-smoke.test.mjs).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeBook, makeMarkdownBook } from "./book.mjs";
import { measuredOrReplotted, printTable, ratioLabel, root, run } from "./common.mjs";
import { loadWasm, markdownContenders, plainTextContenders, timeInterleaved } from "./peers.mjs";
import { logLogChart, logLogSlope } from "./svg-chart.mjs";

const smoke = process.argv.includes("--smoke");
const runs = smoke ? 1 : Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const KB = 1e3, MB = 1e6; // decimal, so that the chart's powers of ten fall on round sizes
const sizes = smoke ? [10 * KB, 100 * KB] : [10 * KB, 100 * KB, MB, 5 * MB, 20 * MB];
const chartDir = join(root, smoke ? "build/bench/charts" : "docs/charts");

const sizeLabel = (bytes) => (bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : bytes >= KB ? `${+(bytes / KB).toFixed(1)} kB` : `${bytes} B`);
const timeLabel = (s) => (s >= 1 ? `${+s.toFixed(2)} s` : s >= 1e-3 ? `${+(s * 1e3).toFixed(2)} ms` : `${+(s * 1e6).toFixed(1)} µs`);

// Small inputs take well under a millisecond, so they get more runs (the median of up to 200) and
// a warm-up call; from 1 MB a call takes seconds on these machines, so at most 3 runs and none.
const runsFor = (bytes) => (bytes >= MB ? Math.min(runs, 3) : Math.min(200, Math.max(runs, Math.ceil((runs * MB) / bytes / 4))));

// Median times per contender at each size, { wall: { name: [[bytes, seconds], …] }, cpu: {…} }.
// The charts and ratios use CPU time: at load averages of 10-16 on two cores, wall time mostly
// measures the scheduler (a 20 MB view() took 6x its CPU time in wall time).
function measure(contenders, make) {
  const curves = { wall: {}, cpu: {} };
  for (const name of Object.keys(contenders)) curves.wall[name] = [], curves.cpu[name] = [];
  for (const bytes of sizes) {
    const text = make(bytes).toString("utf8");
    const length = Buffer.byteLength(text);
    const { seconds, cpu } = timeInterleaved(contenders, text, runsFor(bytes), { warmUp: bytes < MB });
    for (const name of Object.keys(contenders)) {
      curves.wall[name].push([length, seconds[name]]);
      curves.cpu[name].push([length, cpu[name]]);
    }
    process.stderr.write(`  ${sizeLabel(bytes)} done\n`);
  }
  return curves;
}

// Slope over every size, and over 1 MB and up where fixed costs no longer count.
function slopes(points) {
  const large = points.filter(([bytes]) => bytes >= MB);
  return { all: logLogSlope(points), large: large.length >= 2 ? logLogSlope(large) : NaN };
}

function printTimes(title, curves) {
  console.log(`\n${title}`);
  console.log(`| implementation | ${sizes.map(sizeLabel).join(" | ")} | slope, all sizes | slope, 1 MB and up |`);
  console.log(`| --- |${" --- |".repeat(sizes.length + 2)}`);
  for (const [name, points] of Object.entries(curves)) {
    const { all, large } = slopes(points);
    console.log(`| ${name} | ${points.map(([, s]) => timeLabel(s)).join(" | ")} | ${all.toFixed(2)} | ${Number.isNaN(large) ? "-" : large.toFixed(2)} |`);
  }
}

function chart(file, title, curves, ours) {
  const series = Object.entries(curves).map(([name, points]) => ({ name, points, bold: ours.includes(name) }));
  const svg = logLogChart({ title, xLabel: "input size (log)", yLabel: "CPU time, median (log)", series, xTick: sizeLabel, yTick: timeLabel });
  mkdirSync(chartDir, { recursive: true });
  writeFileSync(join(chartDir, file), svg);
  console.log(`wrote ${join(chartDir, file)}`);
}

// Rows of the common table: at the largest size, our first contender against each peer (speed
// ratio, peer time / ours), and both curves' slopes; then the slopes of our other contenders.
function rows(format, curves, ours) {
  const at = (name) => curves[name].at(-1)[1];
  const slope = (name) => {
    const { all, large } = slopes(curves[name]);
    return `slope ${all.toFixed(2)} (${Number.isNaN(large) ? "-" : large.toFixed(2)})`;
  };
  const largest = sizeLabel(sizes.at(-1));
  const out = [];
  for (const peer of Object.keys(curves).filter((name) => !ours.includes(name))) {
    out.push([`${format}, ${largest}: CPU time`, `${ours[0]} ${timeLabel(at(ours[0]))}`, `${peer} ${timeLabel(at(peer))}`, ratioLabel(at(peer) / at(ours[0]))]);
    out.push([`${format}: log-log slope, all sizes (1 MB and up)`, `${ours[0]} ${slope(ours[0])}`, `${peer} ${slope(peer)}`, ""]);
  }
  for (const name of ours.slice(1)) {
    out.push([`${format}, ${largest}: CPU time`, `${name} ${timeLabel(at(name))}`, `${ours[0]} ${timeLabel(at(ours[0]))}`, ratioLabel(at(ours[0]) / at(name))]);
    out.push([`${format}: log-log slope, all sizes (1 MB and up)`, `${name} ${slope(name)}`, "", ""]);
  }
  return out;
}

async function measureAll() {
  const { core, markdownCore, calibration } = await loadWasm();
  const counts = sizes.map(runsFor);
  process.stderr.write("plain text\n");
  const plain = measure(plainTextContenders(core, calibration), makeBook);
  process.stderr.write("Markdown\n");
  // commonmark() differs from commonmarkInput() only by its boundary, which plain text shows already.
  const markdownPeers = await markdownContenders(markdownCore);
  delete markdownPeers["article-reader commonmark()"];
  const markdown = measure(markdownPeers, makeMarkdownBook);
  return { runsNote: `median of ${Math.min(...counts)} to ${Math.max(...counts)} runs by size`, node: process.version, plain, markdown };
}

function report({ runsNote, node, plain, markdown }) {
  printTimes(`Plain text, CPU time against size, ${runsNote}`, plain.cpu);
  printTimes(`Plain text, wall time against size, ${runsNote}`, plain.wall);
  chart("plain-text-time.svg", "Plain text to HTML under node: CPU time against input size", plain.cpu, ["article-reader view()"]);
  printTimes(`Markdown, CPU time against size, ${runsNote}`, markdown.cpu);
  printTimes(`Markdown, wall time against size, ${runsNote}`, markdown.wall);
  const ours = ["article-reader commonmarkInput()", "article-reader view()"];
  chart("markdown-time.svg", "Markdown to HTML under node: CPU time against input size", markdown.cpu, ours);
  printTable(`CPU time against input size (${sizes.map(sizeLabel).join(", ")}), node ${node}, ratio = peer time / ours`,
    [...rows("plain text", plain.cpu, ["article-reader view()"]), ...rows("Markdown", markdown.cpu, ours)]);
}

await run("bench/scaling.mjs", () => measuredOrReplotted("scaling", smoke, measureAll, report));
