// Host pages that do the unexpected: several readers, the script twice, hostile global CSS and
// globals, an element far below the fold, and articles written inside the element.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const story = "assets/articles/china-japan-security-dialogue.txt";

// Serves `body` as a page of the reader's own origin, and counts each core's wasm downloads
// (s.wasm.text, s.wasm.markdown) and the instances its factory makes (coresMade() in the page).
async function host(body, head = "") {
  const s = await openPage(env.browser);
  s.wasm = { text: 0, markdown: 0 };
  s.page.on("request", (r) => {
    const core = /\/article-reader-core-(\w+)\.[0-9a-f]{16}\.wasm$/.exec(r.url())?.[1];
    if (core) s.wasm[core]++;
  });
  await s.page.route("**/dist/article-reader-core-*.js", async (route) => {
    const core = /article-reader-core-(\w+)\.js$/.exec(new URL(route.request().url()).pathname)[1];
    const factory = `createArticleReader${core[0].toUpperCase()}${core.slice(1)}Core`;
    const body = `${await (await route.fetch()).text()}
{ const made = ${factory};
  ${factory} = (o) => { const n = (globalThis.made ??= {}); n.${core} = (n.${core} ?? 0) + 1; return made(o); }; }`;
    await route.fulfill({ status: 200, contentType: "text/javascript", body });
  });
  s.instances = () => s.page.evaluate(() => globalThis.made ?? {});
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
  assert.deepEqual(s.wasm, { text: 1, markdown: 0 }, "one download of the text core's wasm for all three, none of the Markdown core's");
  assert.deepEqual(await s.instances(), { text: 1 }, "one instance of the text core for all three");
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

test("a Markdown reader loads only the Markdown core; a page with both formats loads each core once", async () => {
  const markdown = await host(`<article-reader id="m"><script type="text/markdown"># Notes\n\n## First\n\nSome *text*.</script></article-reader>`,
    `<script src="article-reader.js" defer></script>`);
  await readersReady(markdown.page, 1);
  assert.equal(await markdown.page.locator("#m em").textContent(), "text");
  assert.deepEqual(markdown.wasm, { text: 0, markdown: 1 });
  assert.deepEqual(await markdown.instances(), { markdown: 1 });
  assert.deepEqual(markdown.problems, []);
  await markdown.context.close();

  const mixed = await host(`<article-reader src="${story}"></article-reader>
    <article-reader id="m1" format="markdown"><template># One\n\n## A part\n\n- an item</template></article-reader>
    <article-reader id="j"><script type="application/json">{"version": 1, "title": "A model", "blocks": [{"type": "paragraph", "inlines": [{"type": "text", "text": "From JSON."}]}]}</script></article-reader>
    <article-reader id="m2"><script type="text/markdown"># Two\n\n> quoted</script></article-reader>`,
  `<script src="article-reader.js" defer></script>`);
  await readersReady(mixed.page, 4);
  assert.equal((await mixed.page.locator("#m1 li").textContent()).trim(), "an item");
  assert.equal(await mixed.page.locator("#j .ar-title").textContent(), "A model");
  assert.equal((await mixed.page.locator("#m2 blockquote").textContent()).trim(), "quoted");
  assert.deepEqual(mixed.wasm, { text: 1, markdown: 1 });
  assert.deepEqual(await mixed.instances(), { text: 1, markdown: 1 });
  assert.deepEqual(mixed.problems, []);
  await mixed.context.close();
});

test("a reader far below the fold loads only when it comes near", async () => {
  const s = await host(`<h1>Long page</h1><div style="height:8000px"></div><article-reader src="${story}"></article-reader>`,
    `<script src="article-reader.js"></script>`);
  await s.page.waitForTimeout(1000);
  assert.deepEqual(s.wasm, { text: 0, markdown: 0 }, "nothing loaded for an element 8000 px down");
  await s.page.locator("article-reader").scrollIntoViewIfNeeded();
  await readersReady(s.page, 1);
  assert.deepEqual(s.wasm, { text: 1, markdown: 0 });
  await s.context.close();
});
