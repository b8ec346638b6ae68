// embed.html in an iframe on a host of another origin: the host's documented snippet resizes the
// frame to the article, the host's commands work only from the origin the frame names, and
// messages from the frame go only there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import { openPage, repoRoot, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

// The auto-resize snippet exactly as docs/embedding.md gives it.
function documentedSnippet(readerOrigin) {
  const docs = readFileSync(`${repoRoot}/docs/embedding.md`, "utf8");
  const snippet = /<!-- the snippet[^>]*-->\s*```js\n([\s\S]*?)```/.exec(docs)[1];
  return snippet.replace('"https://reader.example"', JSON.stringify(readerOrigin));
}

// A host page on another port: one iframe, the snippet, and a log of what the frame says.
async function hostWithFrame(query) {
  const reader = new URL(env.server.url).origin;
  let server;
  const html = () => `<!doctype html><html lang="en"><head><title>Host</title></head><body>
<h1>A forum post</h1>
<iframe id="frame" title="Article" width="100%" height="300" src="${reader}/embed.html?${query(origin())}"></iframe>
<p id="after">After the frame.</p>
<script>${documentedSnippet(reader)}</script>
<script>window.heard = []; addEventListener("message", (e) => { if (e.origin === ${JSON.stringify(reader)}) heard.push(e.data); });</script>
</body></html>`;
  const origin = () => `http://127.0.0.1:${server.address().port}`;
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const s = await openPage(env.browser);
  await s.page.goto(`${origin()}/`);
  const frame = s.page.frameLocator("#frame");
  await frame.locator("article-reader .ar-article").waitFor({ timeout: 60_000 });
  return { ...s, frame, origin: origin(), close: async () => { await s.context.close(); server.close(); } };
}

const frameHeight = (page) => page.locator("#frame").evaluate((el) => el.clientHeight); // inside its border
const contentHeight = (page) => page.frames()[1].evaluate(() => document.documentElement.getBoundingClientRect().height);
const openSections = (frame) => frame.locator("article-reader details.ar-section[open]").count();
const article = "src=assets/articles/china-japan-security-dialogue.txt";

test("the documented snippet sizes the frame to the article, and follows it as sections close", async () => {
  const h = await hostWithFrame((host) => `${article}&parent=${encodeURIComponent(host)}`);
  try {
    await h.page.waitForFunction(() => document.getElementById("frame").clientHeight > 1000);
    const tall = await frameHeight(h.page);
    assert.ok(Math.abs(tall - await contentHeight(h.page)) <= 1, `frame ${tall}px fits its document`);
    assert.equal(await h.frame.locator("article-reader .ar-title").textContent(),
      "17th China-Japan security dialogue addresses issues of common concern");

    await h.frame.locator("article-reader button", { hasText: "Collapse all" }).click();
    await h.page.waitForFunction((t) => document.getElementById("frame").clientHeight < t - 200, tall);
    const short = await frameHeight(h.page);
    assert.ok(Math.abs(short - await contentHeight(h.page)) <= 1, `frame ${short}px fits its collapsed document`);

    const heard = await h.page.evaluate(() => window.heard);
    const ready = heard.find((m) => m.type === "ready");
    assert.equal(ready.title, "17th China-Japan security dialogue addresses issues of common concern");
    assert.equal(ready.version, 1);
    assert.equal(ready.sections.length, 2);
    assert.ok(heard.some((m) => m.type === "toggle" && m.open === false), "toggles reported");
    assert.deepEqual(h.problems, []);
  } finally {
    await h.close();
  }
});

test("the host's commands work from the origin the frame names", async () => {
  const h = await hostWithFrame((host) => `${article}&theme=sepia&parent=${encodeURIComponent(host)}`);
  try {
    assert.equal(await openSections(h.frame), 2);
    assert.equal(await h.frame.locator("article-reader .ar-root").getAttribute("data-theme"), "sepia");
    const post = (message) => h.page.evaluate((m) => document.getElementById("frame").contentWindow.postMessage(m, "*"), message);
    await post({ source: "article-reader-host", version: 1, type: "collapse-all" });
    await h.page.waitForFunction(() => window.heard.filter((m) => m.type === "toggle").length >= 2);
    assert.equal(await openSections(h.frame), 0);
    await post({ source: "article-reader-host", version: 1, type: "theme", theme: "dark" });
    await h.frame.locator('article-reader .ar-root[data-theme="dark"]').waitFor();
    // not a command, or not this protocol: ignored
    await post({ source: "article-reader-host", version: 1, type: "constructor" });
    await post({ source: "article-reader-host", version: 2, type: "expand-all" });
    await post({ source: "someone-else", version: 1, type: "expand-all" });
    await h.page.waitForTimeout(300);
    assert.equal(await openSections(h.frame), 0);
    assert.deepEqual(h.problems, []);
  } finally {
    await h.close();
  }
});

test("a frame naming another parent obeys nothing from this host and tells it nothing", async () => {
  const h = await hostWithFrame(() => `${article}&parent=${encodeURIComponent("https://other.example")}`);
  try {
    await h.page.evaluate(() => document.getElementById("frame").contentWindow.postMessage(
      { source: "article-reader-host", version: 1, type: "collapse-all" }, "*"));
    await h.page.waitForTimeout(500);
    assert.equal(await openSections(h.frame), 2, "the command was ignored");
    assert.deepEqual(await h.page.evaluate(() => window.heard), [], "no message reached this host");
    assert.equal(await frameHeight(h.page), 300, "so it was not resized");
  } finally {
    await h.close();
  }
});

test("a frame naming no parent reports its height to anyone but takes no commands", async () => {
  const h = await hostWithFrame(() => article);
  try {
    await h.page.waitForFunction(() => window.heard.some((m) => m.type === "height" && m.height > 1000));
    await h.page.evaluate(() => document.getElementById("frame").contentWindow.postMessage(
      { source: "article-reader-host", version: 1, type: "collapse-all" }, "*"));
    await h.page.waitForTimeout(500);
    assert.equal(await openSections(h.frame), 2, "the command was ignored");
  } finally {
    await h.close();
  }
});
