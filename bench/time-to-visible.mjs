// Time from navigation to the first section's text painted, in headless Chromium, for the reader
// page (wasm core + <article-reader>) and for its peer: the same article pre-rendered by the CLI
// into a static HTML file with the same stylesheets, where the browser only parses HTML.
//   node bench/time-to-visible.mjs [runs]      (after ./tests/run.sh or both cmake builds)
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, repoRoot, startServer } from "../tests/web/harness.mjs";

const runs = Number(process.argv[2] ?? 15);
const article = join(repoRoot, "assets/articles/china-japan-security-dialogue.txt");
const articleHtml = execFileSync(join(repoRoot, "build/native/article-reader"), ["html", article], { encoding: "utf8" });
writeFileSync(
  join(repoRoot, "web/dist/bench-static.html"),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<link rel="stylesheet" href="../page.css"><link rel="stylesheet" href="../article-reader.css"></head>
<body><main class="site-main">${articleHtml}</main></body></html>`,
);

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
} finally {
  await browser.close();
  await server.stop();
}
