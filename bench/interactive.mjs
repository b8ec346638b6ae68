// Time to interactive, and keypress to search results, in headless Chromium, for the default
// article and a 2 MB article (the book of bench/book.mjs), beside the static pre-rendered page
// as the peer for the first figure (as in bench/time-to-visible.mjs).
//   node bench/interactive.mjs [runs]     (after the native and wasm builds)
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, repoRoot, startServer } from "../tests/web/harness.mjs";
import { makeBook } from "./book.mjs";

const runs = Number(process.argv[2] ?? 7);
writeFileSync(join(repoRoot, "web/dist/bench-2mb.txt"), makeBook(2 * 1024 * 1024));
const staticHtml = (file) => {
  const html = execFileSync(join(repoRoot, "build/native/article-reader"), ["html", file], { encoding: "utf8", maxBuffer: 1 << 30 });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<link rel="stylesheet" href="../page.css"><link rel="stylesheet" href="../article-reader.css"></head>
<body><main class="site-main">${html}</main></body></html>`;
};
writeFileSync(join(repoRoot, "web/dist/bench-static-default.html"), staticHtml(join(repoRoot, "assets/articles/china-japan-security-dialogue.txt")));
writeFileSync(join(repoRoot, "web/dist/bench-static-2mb.html"), staticHtml(join(repoRoot, "web/dist/bench-2mb.txt")));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Interactive: the first frame after the reader's ready event (static page: after DOMContentLoaded).
async function interactive(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const mark = () => requestAnimationFrame(() => (window.__interactiveAt = performance.now()));
    document.addEventListener("article-reader-ready", mark);
    document.addEventListener("DOMContentLoaded", () => { if (!document.querySelector("article-reader")) mark(); });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__interactiveAt !== undefined, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.__interactiveAt);
  return { ms, page, context };
}

// From the keydown of one typed character to the match count changing (includes the 60 ms wait
// for typing to pause).
async function keyToResults(page, query) {
  const input = page.locator("article-reader .ar-search-input");
  await input.fill(query.slice(0, -1));
  await page.waitForTimeout(300);
  const done = page.evaluate(() => new Promise((resolve) => {
    const root = document.querySelector("article-reader").shadowRoot;
    const count = root.querySelector(".ar-search-count");
    let start = 0;
    root.querySelector(".ar-search-input").addEventListener("keydown", () => (start = performance.now()), { once: true });
    new MutationObserver((_, observer) => {
      observer.disconnect();
      resolve(performance.now() - start);
    }).observe(count, { childList: true, characterData: true, subtree: true });
  }));
  await input.press(query.at(-1));
  return done;
}

const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
try {
  for (const [name, query, staticPage] of [["default article", "", "bench-static-default.html"], ["2 MB article", "?article=dist/bench-2mb.txt", "bench-static-2mb.html"]]) {
    const reader = [], statik = [], keys = [];
    for (let i = 0; i < runs; i++) {
      const r = await interactive(browser, `${server.url}${query}`);
      reader.push(r.ms);
      keys.push(await keyToResults(r.page, "hayashi"));
      await r.context.close();
      const s = await interactive(browser, `${server.url}dist/${staticPage}`);
      statik.push(s.ms);
      await s.context.close();
    }
    console.log(`${name}: interactive ${median(reader).toFixed(0)} ms (static page ${median(statik).toFixed(0)} ms, ` +
      `ratio ${(median(reader) / median(statik)).toFixed(2)}); keypress to search results ${median(keys).toFixed(0)} ms; median of ${runs}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
