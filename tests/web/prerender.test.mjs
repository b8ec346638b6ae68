// The default article pre-rendered into the page (scripts/prerender-page.mjs): painted before the
// element's script or the core has run, then upgraded in place by the element, which keeps the
// very nodes, where they are; and never painted when the page shows another article.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, openPage, settled, startServer, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const firstParagraph = "During the dialogue, the Chinese side expressed its solemn position";

// The first section's first paragraph in the reader's shadow root, if it is there.
const paragraph = () => document.querySelector("#reader")?.shadowRoot?.querySelector(".ar-section-body p") ?? null;

// Holds the element's script back until release() is called, so that the page is seen as parsed.
async function holdElement(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(/\/dist\/article-reader\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test("the first paint shows the first section's text, styled, with no script and no core", async () => {
  const s = await openPage(env.browser);
  await holdElement(s.page); // never released
  const wasm = [];
  await s.page.route(/\.wasm$/, (route) => {
    wasm.push(route.request().url());
    return route.abort();
  });
  await s.page.goto(env.server.url, { waitUntil: "commit" });
  await s.page.waitForFunction(() => performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint"));
  const seen = await s.page.evaluate(() => {
    const p = document.querySelector("#reader").shadowRoot.querySelector(".ar-section-body p");
    const style = getComputedStyle(p);
    return {
      text: p.textContent, defined: Boolean(customElements.get("article-reader")), visibility: getComputedStyle(document.querySelector("#reader")).visibility,
      height: p.getBoundingClientRect().height, font: style.fontFamily, measure: getComputedStyle(p.closest(".ar-content")).maxWidth,
    };
  });
  assert.ok(seen.text.startsWith(firstParagraph), seen.text);
  assert.equal(seen.defined, false, "the element's script has not run");
  assert.equal(seen.visibility, "visible");
  assert.ok(seen.height > 0);
  assert.equal(seen.measure, "640px", "article-reader.css applies inside the shadow root before the first paint");
  assert.deepEqual(s.problems.filter((p) => !/wasm|article-reader\.js/.test(p)), []);
  await s.context.close();
});

test("the element upgrades the pre-rendered article in place: same nodes, same position, then search works", async () => {
  const s = await openPage(env.browser);
  const release = await holdElement(s.page);
  await s.page.goto(env.server.url, { waitUntil: "commit" });
  await s.page.waitForFunction(paragraph);
  const before = await s.page.evaluate(() => {
    const root = document.querySelector("#reader").shadowRoot;
    window.__paragraph = root.querySelector(".ar-section-body p");
    const chrome = (el) => el.outerHTML.replace(/ (aria-controls|style)="[^"]*"/g, "");
    return { top: window.__paragraph.getBoundingClientRect().top, toolbar: chrome(root.querySelector(".ar-toolbar")),
      progress: chrome(root.querySelector(".ar-progress")) };
  });
  release();
  assert.equal(await settled(s.page), "article");
  await s.page.evaluate(() => document.querySelector("#reader").ready);
  const after = await s.page.evaluate(() => {
    const root = document.querySelector("#reader").shadowRoot;
    const p = root.querySelector(".ar-section-body p");
    const chrome = (el) => el.outerHTML.replace(/ (aria-controls|style)="[^"]*"/g, "");
    return { same: p === window.__paragraph, top: p.getBoundingClientRect().top, toolbar: chrome(root.querySelector(".ar-toolbar")),
      progress: chrome(root.querySelector(".ar-progress")), frames: root.querySelectorAll(".ar-root").length };
  });
  assert.equal(after.same, true, "the paragraph painted first is the one the reader shows");
  assert.equal(after.top, before.top, "nothing above the article moved");
  assert.equal(after.toolbar, before.toolbar, "the pre-rendered toolbar is the element's (scripts/prerender-page.mjs mirrors buildShadow)");
  assert.equal(after.progress, before.progress);
  assert.equal(after.frames, 1);
  await s.page.locator("article-reader .ar-search-input").fill("Japan");
  await s.page.waitForFunction(() => /^1 of \d+/.test(document.querySelector("#reader").shadowRoot.querySelector(".ar-search-count").textContent));
  await s.page.locator("article-reader .ar-button[data-action=collapse]").click();
  assert.equal(await s.page.locator("article-reader details.ar-section[open]").count(), 0);
  assert.equal(await s.page.title(), "17th China-Japan security dialogue addresses issues of common concern · article-reader");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("a scroll made before the core is there is kept when the core has read the article", async () => {
  const s = await openPage(env.browser);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await s.page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await s.page.goto(env.server.url);
  await s.page.waitForFunction(() => customElements.get("article-reader"));
  await s.page.evaluate(() => scrollTo(0, 400));
  release();
  await s.page.evaluate(() => document.querySelector("#reader").ready);
  await s.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  assert.equal(await s.page.evaluate(() => scrollY), 400);
  await s.context.close();
});

test("without the core, the pre-rendered article stays, with a note saying why", async () => {
  const s = await openPage(env.browser);
  await s.page.route(/\.wasm$/, (route) => route.abort());
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "error");
  assert.match(await s.page.locator("article-reader .ar-problem").innerText(), /WebAssembly core failed to load[\s\S]*article below is unchanged/);
  assert.ok((await s.page.locator("article-reader .ar-section-body p").first().innerText()).startsWith(firstParagraph));
  await s.context.close();
});

// Every frame from navigation on notes whether the default article's text is painted.
function watchDefaultArticle() {
  window.__defaultPainted = 0;
  const tick = () => {
    const host = document.querySelector("#reader");
    const text = host?.shadowRoot?.querySelector(".ar-section-body p")?.textContent ?? "";
    if (text.startsWith("During the dialogue") && getComputedStyle(host).visibility === "visible" && !host.hidden) window.__defaultPainted++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

test("?article=URL and the library never paint the default article, nor fetch it", async () => {
  const folder = mkdtempSync(join(tmpdir(), "prerender-"));
  writeFileSync(join(folder, "other.txt"), "Another story\n\nIts only paragraph, which is not the default article's.\n");
  const [server, browser] = await Promise.all([startServer([folder]), launchBrowser()]);
  try {
    for (const query of ["?article=library/other.txt", "?view=library"]) {
      const s = await openPage(browser);
      const requested = [];
      s.page.on("request", (request) => requested.push(new URL(request.url()).pathname));
      await s.page.addInitScript(watchDefaultArticle);
      await s.page.goto(`${server.url}${query}`);
      if (query.startsWith("?article")) {
        assert.equal(await settled(s.page), "article");
        assert.match(await s.page.locator("article-reader .ar-article").innerText(), /Its only paragraph/);
      } else {
        await s.page.waitForFunction(() => document.querySelectorAll("#library tbody tr").length > 0);
      }
      await s.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.equal(await s.page.evaluate(() => window.__defaultPainted), 0, `${query}: the default article was painted`);
      assert.ok(!requested.some((path) => path.endsWith("china-japan-security-dialogue.txt")), `${query}: ${requested.join(" ")}`);
      assert.deepEqual(s.problems, []);
      await s.context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});
