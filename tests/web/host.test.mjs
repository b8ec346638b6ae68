// Host pages that do the unexpected: several readers, the script twice, hostile global CSS and
// globals, an element far below the fold, and articles written inside the element.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const story = "assets/articles/china-japan-security-dialogue.txt";

// Serves `body` as a page of the reader's own origin, and counts the core's wasm downloads.
async function host(body, head = "") {
  const s = await openPage(env.browser);
  s.wasmRequests = 0;
  s.page.on("request", (r) => { if (/\/article-reader-core\.[0-9a-f]{16}\.wasm$/.test(r.url())) s.wasmRequests++; });
  await s.page.route(`${env.server.url}host.html`, (route) => route.fulfill({
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><title>Host</title>${head}</head><body>${body}</body></html>`,
  }));
  await s.page.goto(`${env.server.url}host.html`);
  return s;
}

const readersReady = (page, n) => page.waitForFunction((count) =>
  [...document.querySelectorAll("article-reader")].filter((r) => r.shadowRoot.querySelector(".ar-article")).length === count, n);

test("three readers on one page share one core, and loading the script twice is harmless", async () => {
  const s = await host(`<h1>Three</h1>
    <article-reader src="${story}"></article-reader>
    <article-reader id="b"><script type="text/plain">Second reader\n\nWritten inline.</script></article-reader>
    <article-reader id="c"><template>Third reader\n\nFrom a template.</template></article-reader>`,
  `<script src="article-reader.js" defer></script><script src="article-reader.js" defer></script>`);
  await readersReady(s.page, 3);
  assert.equal(s.wasmRequests, 1, "one wasm download and instance for all three");
  assert.equal(await s.page.locator("#b .ar-title").textContent(), "Second reader");
  assert.equal(await s.page.locator("#c .ar-lead p").textContent(), "From a template.");
  assert.equal(await s.page.evaluate(() => customElements.get("article-reader") === window.ArticleReaderElement), true);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("define() registers the element under another tag too", async () => {
  const s = await host(`<h1>Other tag</h1><my-reader src="${story}"></my-reader>`, `<script src="article-reader.js"></script>`);
  await s.page.evaluate(() => { ArticleReaderElement.define("my-reader"); ArticleReaderElement.define("my-reader"); });
  assert.equal(await settled(s.page, "my-reader"), "article");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("hostile global CSS and globals named Module, createModule and define change nothing inside", async () => {
  const measure = (page) => page.locator("article-reader .ar-lead p").first().evaluate((p) => {
    const cs = getComputedStyle(p);
    return { font: cs.fontSize, family: cs.fontFamily, line: cs.lineHeight, display: cs.display, color: cs.color };
  });
  const plain = await host(`<h1>Plain</h1><article-reader src="${story}"></article-reader>`, `<script src="article-reader.js"></script>`);
  await readersReady(plain.page, 1);
  const expected = await measure(plain.page);
  await plain.context.close();
  const hostile = await host(`<h1>Hostile</h1><article-reader src="${story}"></article-reader>`,
    `<link rel="stylesheet" href="data:text/css,*{all:unset!important}body{font-size:40px!important;color:red!important}p{display:inline!important}">
     <script src="data:text/javascript,window.Module={};window.createModule=1;window.define=function(){throw new Error('define')};"></script>
     <script src="article-reader.js"></script>`);
  await readersReady(hostile.page, 1);
  assert.deepEqual(await measure(hostile.page), expected);
  await hostile.context.close();
});

test("a reader far below the fold loads only when it comes near", async () => {
  const s = await host(`<h1>Long page</h1><div style="height:8000px"></div><article-reader src="${story}"></article-reader>`,
    `<script src="article-reader.js"></script>`);
  await s.page.waitForTimeout(1000);
  assert.equal(s.wasmRequests, 0, "nothing loaded for an element 8000 px down");
  await s.page.locator("article-reader").scrollIntoViewIfNeeded();
  await readersReady(s.page, 1);
  assert.equal(s.wasmRequests, 1);
  await s.context.close();
});
