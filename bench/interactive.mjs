// Time to interactive, and keypress to search results, in headless Chromium, for the default
// article and two 5 MB books (plain text and Markdown, bench/book.mjs), beside the same article
// pre-rendered by the CLI into a static page with the same stylesheets (the browser only parses
// HTML) as the peer.
//   node bench/interactive.mjs [runs] [--smoke]     (after the native or release and wasm builds)
// --smoke: one run each on 200 KB books, to prove the script works (tests/cli/bench-smoke.test.mjs).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, repoRoot, startServer } from "../tests/web/harness.mjs";
import { makeBook, makeMarkdownBook } from "./book.mjs";
import { interactive, median, printTable, staticPage } from "./common.mjs";

const smoke = process.argv.includes("--smoke");
const runs = smoke ? 1 : Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const bookBytes = smoke ? 200 * 1024 : 5 * 1024 * 1024;
const mb = (bookBytes / 1024 / 1024).toFixed(bookBytes < 1024 * 1024 ? 1 : 0);
const dist = join(repoRoot, "web/dist");
writeFileSync(join(dist, "bench-book.txt"), makeBook(bookBytes));
writeFileSync(join(dist, "bench-book.md"), makeMarkdownBook(bookBytes));
writeFileSync(join(dist, "bench-static-default.html"), staticPage(join(repoRoot, "assets/articles/china-japan-security-dialogue.txt")));
writeFileSync(join(dist, "bench-static-book-txt.html"), staticPage(join(dist, "bench-book.txt")));
writeFileSync(join(dist, "bench-static-book-md.html"), staticPage(join(dist, "bench-book.md")));

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

const articles = [
  ["default article (3 KB)", "", "bench-static-default.html"],
  [`${mb} MB book, plain text`, "?article=dist/bench-book.txt", "bench-static-book-txt.html"],
  [`${mb} MB book, Markdown`, "?article=dist/bench-book.md", "bench-static-book-md.html"],
];
const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
const rows = [];
try {
  for (const [name, query, staticFile] of articles) {
    const reader = [], statik = [], keys = [];
    for (let i = 0; i < runs; i++) {
      const r = await interactive(browser, `${server.url}${query}`);
      reader.push(r.ms);
      keys.push(await keyToResults(r.page, "hayashi"));
      await r.context.close();
      const s = await interactive(browser, `${server.url}dist/${staticFile}`);
      statik.push(s.ms);
      await s.context.close();
    }
    rows.push([`interactive: ${name}`, `${median(reader).toFixed(0)} ms`, `static page ${median(statik).toFixed(0)} ms`,
      (median(reader) / median(statik)).toFixed(2)]);
    rows.push([`keypress to search results: ${name}`, `${median(keys).toFixed(0)} ms`, "", ""]);
  }
} finally {
  await browser.close();
  await server.stop();
}
printTable(`Time to interactive, headless Chromium, median of ${runs}`, rows);
