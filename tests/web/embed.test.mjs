// The element embedded on a page of another origin, loaded as a module script, under the host's
// own strict CSP: the script, its stylesheet, the wasm and the article all come from the reader.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

// A host page on its own origin (another port), with the CSP of a strict site that allows the
// reader's origin and nothing else.
function hostServer(html, readerOrigin, extra = "") {
  const csp = `default-src 'none'; script-src ${readerOrigin} 'wasm-unsafe-eval'; style-src ${readerOrigin}; ` +
    `connect-src ${readerOrigin}; img-src ${readerOrigin} data:${extra}`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": csp });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

for (const [type, extra] of [["module", ""], ["text/javascript", ""],
  ["module", "; require-trusted-types-for 'script'; trusted-types article-reader"]]) {
  test(`one ${type} script and one element on another origin, under a strict CSP${extra ? " with Trusted Types" : ""}`, async () => {
    const reader = new URL(env.server.url).origin;
    const host = await hostServer(`<!doctype html><html lang="en"><head><title>Host</title>
<script type="${type}" src="${reader}/dist/article-reader.js"></script></head>
<body><h1>A host page</h1>
<article-reader src="${reader}/assets/articles/china-japan-security-dialogue.txt"></article-reader></body></html>`, reader, extra);
    try {
      const s = await openPage(env.browser);
      await s.page.goto(`http://127.0.0.1:${host.address().port}/`);
      assert.equal(await settled(s.page), "article");
      assert.equal(await s.page.locator("article-reader .ar-title").textContent(),
        "17th China-Japan security dialogue addresses issues of common concern");
      assert.equal(await s.page.locator("article-reader .ar-heading").count(), 2);
      const styled = await s.page.locator("article-reader .ar-root").evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(styled, "rgb(251, 250, 247)", "the reader's stylesheet applied");
      assert.deepEqual(s.problems, [], "no console errors and no CSP violations");
      if (extra) {
        const enforced = await s.page.evaluate(() => {
          try { document.createElement("div").innerHTML = "<b>x</b>"; return false; } catch { return true; }
        });
        assert.ok(enforced, "the host really enforces Trusted Types (this probe logs its own violation)");
      }
      await s.context.close();
    } finally {
      host.close();
    }
  });
}
