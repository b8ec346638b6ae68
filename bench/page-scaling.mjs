// Time to interactive in headless Chromium against input size, for the reader page and for the
// static-HTML limit (the same book pre-rendered by the CLI, with the same stylesheets: the browser
// only parses and lays out HTML), plain text and Markdown books of bench/book.mjs from 10 kB up.
// Writes a log-log chart (bench/svg-chart.mjs) to docs/charts/page-time.svg, prints the times, the
// slope of each curve and the table of figure, article-reader, peer, ratio.
//   node bench/page-scaling.mjs [runs] [--max-mb N] [--smoke]    (after the release or native and wasm builds)
// Sizes 10 kB, 100 kB, 1 MB, 5 MB, and 20 MB with --max-mb 20 (its static page takes minutes per
// load here, so it is not in the default run). Median of 5 runs, the two pages alternating.
// --smoke: 10 and 100 kB, one run, the chart to build/bench/charts/ (tests/cli/bench-smoke.test.mjs).
// --replot: the chart and tables again from the last run's build/bench/page-scaling.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, repoRoot, startServer } from "../tests/web/harness.mjs";
import { makeBook, makeMarkdownBook } from "./book.mjs";
import { interactive, measuredOrReplotted, median, printTable, ratioLabel, run, staticPage } from "./common.mjs";
import { logLogChart, logLogSlope } from "./svg-chart.mjs";

const smoke = process.argv.includes("--smoke");
const numbers = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const maxAt = process.argv.indexOf("--max-mb");
const maxMb = maxAt > 0 ? Number(process.argv[maxAt + 1]) : 5;
const runs = smoke ? 1 : (maxAt > 0 ? numbers.filter((n) => n !== maxMb)[0] : numbers[0]) ?? 5;
const KB = 1e3, MB = 1e6;
const sizes = smoke ? [10 * KB, 100 * KB] : [10 * KB, 100 * KB, MB, 5 * MB, 20 * MB].filter((b) => b <= maxMb * MB);
const chartDir = join(repoRoot, smoke ? "build/bench/charts" : "docs/charts");
const dist = join(repoRoot, "web/dist");

const sizeLabel = (bytes) => (bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${+(bytes / KB).toFixed(1)} kB`);
const msLabel = (ms) => (ms >= 1000 ? `${+(ms / 1000).toFixed(2)} s` : `${+ms.toFixed(1)} ms`);

// The books and their static pages in web/dist/, which the server serves at dist/.
function writePages(format, make) {
  return sizes.map((bytes) => {
    const name = `bench-scale-${bytes}.${format === "text" ? "txt" : "md"}`;
    writeFileSync(join(dist, name), make(bytes));
    writeFileSync(join(dist, `${name}.static.html`), staticPage(join(dist, name)));
    return { bytes, name };
  });
}

async function measure(browser, server, pages) {
  const reader = [], statik = [];
  for (const { bytes, name } of pages) {
    const r = [], s = [];
    for (let i = 0; i < runs; i++) {
      const a = await interactive(browser, `${server.url}?article=dist/${name}`, 600_000);
      r.push(a.ms);
      await a.context.close();
      const b = await interactive(browser, `${server.url}dist/${name}.static.html`, 600_000);
      s.push(b.ms);
      await b.context.close();
    }
    reader.push([bytes, median(r)]);
    statik.push([bytes, median(s)]);
    process.stderr.write(`  ${name} done\n`);
  }
  return { "article-reader page": reader, "static page (the limit)": statik };
}

function slopeLabel(points) {
  const large = points.filter(([bytes]) => bytes >= MB);
  return `${logLogSlope(points).toFixed(2)} (${large.length >= 2 ? logLogSlope(large).toFixed(2) : "-"})`;
}

async function measureAll() {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const curves = {};
  try {
    for (const [format, make] of [["text", makeBook], ["markdown", makeMarkdownBook]]) {
      process.stderr.write(`${format}\n`);
      curves[format] = await measure(browser, server, writePages(format, make));
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return { runs, sizes, curves };
}

function report({ runs, sizes, curves }) {
  const rows = [];
  const series = [];
  for (const [format, label] of [["text", "plain text"], ["markdown", "Markdown"]]) {
    const ours = curves[format]["article-reader page"], limit = curves[format]["static page (the limit)"];
    console.log(`\n${label}, time to interactive in Chromium, median of ${runs}`);
    console.log(`| page | ${sizes.map(sizeLabel).join(" | ")} | slope, all sizes (1 MB and up) |\n| --- |${" --- |".repeat(sizes.length + 1)}`);
    for (const [name, points] of Object.entries(curves[format])) {
      console.log(`| ${name} | ${points.map(([, ms]) => msLabel(ms)).join(" | ")} | ${slopeLabel(points)} |`);
      series.push({ name: `${name}, ${label}`, points: points.map(([b, ms]) => [b, ms / 1000]), bold: name.startsWith("article-reader") });
    }
    ours.forEach(([bytes, ms], i) => rows.push([`interactive: ${label}, ${sizeLabel(bytes)}`, msLabel(ms), `static page ${msLabel(limit[i][1])}`, ratioLabel(ms / limit[i][1])]));
    rows.push([`${label}: log-log slope, all sizes (1 MB and up)`, slopeLabel(ours), `static page ${slopeLabel(limit)}`, ""]);
  }
  mkdirSync(chartDir, { recursive: true });
  writeFileSync(join(chartDir, "page-time.svg"), logLogChart({
    title: "Time to interactive in headless Chromium against input size", xLabel: "input size (log)",
    yLabel: "time to interactive, median (log)", series, xTick: sizeLabel, yTick: (s) => msLabel(s * 1000),
  }));
  console.log(`wrote ${join(chartDir, "page-time.svg")}`);
  printTable(`Time to interactive against input size, headless Chromium, median of ${runs}, ratio = reader / static page`, rows);
}

await run("bench/page-scaling.mjs", () => measuredOrReplotted("page-scaling", smoke, measureAll, report));
