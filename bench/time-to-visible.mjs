// Time from navigation to the first section's text painted, in headless Chromium, for the reader
// page (wasm core + <article-reader>) and for its peer: the same article pre-rendered by the CLI
// into a static HTML file with the same stylesheets, where the browser only parses HTML.
//   node bench/time-to-visible.mjs [runs] [--smoke]      (after ./tests/run.sh or both cmake builds)
// --smoke: one run, to prove the script works (tests/cli/bench-smoke.test.mjs).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, repoRoot, startServer } from "../tests/web/harness.mjs";
import { printTable, staticPage } from "./common.mjs";

const smoke = process.argv.includes("--smoke");
const runs = smoke ? 1 : Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
const article = join(repoRoot, "assets/articles/china-japan-security-dialogue.txt");
writeFileSync(join(repoRoot, "web/dist/bench-static.html"), staticPage(article));

// Both pages are measured the same way: a frame loop started at navigation notes the first frame
// after the first section's first paragraph exists (in the document or in the reader's shadow root).
function watchForText() {
  const find = () =>
    document.querySelector(".ar-section-body p") ??
    document.querySelector("article-reader")?.shadowRoot?.querySelector(".ar-section-body p");
  const tick = () => {
    if (find()) requestAnimationFrame(() => (window.__visibleAt = performance.now()));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function measure(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchForText);
  await page.goto(url);
  await page.waitForFunction(() => window.__visibleAt !== undefined, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => window.__visibleAt);
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
try {
  const reader = [], statik = [];
  await measure(browser, server.url); // warm the server and the browser's caches of neither page
  for (let i = 0; i < runs; i++) {
    reader.push(await measure(browser, server.url));
    statik.push(await measure(browser, `${server.url}dist/bench-static.html`));
  }
  const r = median(reader), s = median(statik);
  console.log(`time to first section visible, median of ${runs} (ms): reader ${r.toFixed(1)}, static ${s.toFixed(1)}`);
  console.log(`ratio reader/static: ${(r / s).toFixed(2)}`);
  printTable(`Time to article visible, headless Chromium, median of ${runs}`,
    [["first section visible: default article (target at most 1.50)", `${r.toFixed(1)} ms`, `static page ${s.toFixed(1)} ms`, (r / s).toFixed(2)]]);
} finally {
  await browser.close();
  await server.stop();
}
