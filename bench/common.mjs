// What the benchmarks share: the median, the static-page peer, and the table every one prints.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The release CLI when it is built (fast for books), else the native one of the test command.
export function cli() {
  const release = join(root, "build/release/article-reader");
  return existsSync(release) ? release : join(root, "build/native/article-reader");
}

// The article pre-rendered by the CLI, with the reader's stylesheets: the page a browser only parses.
export function staticPage(file) {
  const html = execFileSync(cli(), ["html", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<link rel="stylesheet" href="../page.css"><link rel="stylesheet" href="../article-reader.css"></head>
<body><main class="site-main">${html}</main></body></html>`;
}

// Interactive: the first frame after the reader's ready event (static page: after DOMContentLoaded).
// Resolves with the time from navigation and the page, whose context the caller closes.
export async function interactive(browser, url, timeout = 180_000) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const mark = () => requestAnimationFrame(() => (window.__interactiveAt = performance.now()));
    document.addEventListener("article-reader-ready", mark);
    document.addEventListener("DOMContentLoaded", () => { if (!document.querySelector("article-reader")) mark(); });
  });
  await page.goto(url, { timeout });
  await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout });
  const ms = await page.evaluate(() => window.__interactiveAt);
  return { ms, page, context };
}

// A ratio with two decimals, or two significant digits when it is under 0.1 (so 0.004 is not "0.00").
export const ratioLabel = (r) => (r >= 0.1 ? r.toFixed(2) : r.toPrecision(2));

// rows: [figure, article-reader, peer or limit, ratio]
export function printTable(title, rows) {
  const all = [["figure", "article-reader", "peer or limit", "ratio"], ...rows];
  const widths = all[0].map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => `| ${r.map((cell, c) => String(cell).padEnd(widths[c])).join(" | ")} |`;
  console.log(`\n${title}\n${line(all[0])}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

// A benchmark's body, with any failure printed as one line (not the Emscripten runtime's rethrow of
// it, which quotes a whole minified line) and a non-zero exit.
export async function run(name, body) {
  try {
    await body();
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    process.exitCode = 1;
  }
}

// The long measurement of a benchmark, kept in build/bench/NAME.json (NAME-smoke.json for a smoke
// run), so that --replot can redraw its charts and tables from the last run without measuring again.
export async function measuredOrReplotted(name, smoke, measure, report) {
  mkdirSync(join(root, "build/bench"), { recursive: true });
  const saved = join(root, `build/bench/${name}${smoke ? "-smoke" : ""}.json`);
  if (process.argv.includes("--replot")) return report(JSON.parse(readFileSync(saved, "utf8")));
  const results = await measure();
  writeFileSync(saved, JSON.stringify(results));
  return report(results);
}
