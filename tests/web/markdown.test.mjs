// Markdown in the element: headings become nested collapsible sections, GFM tables, task lists and
// strikethrough render styled, and raw HTML never becomes markup (it is listed as left out).
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const notes = `# Field notes

An *opening* paragraph with ~~old~~ new words and a [link](https://example.org/).

## Tasks

- [x] pack the tent
- [ ] buy stamps

### Gear

| item | weight | count |
| :--- | -----: | :---: |
| stove | 300 g | 1 |
| pegs | 12 g | 14 |

## Raw HTML

<div onclick="alert(1)">a block of raw HTML</div>

Inline <b onmouseover="alert(2)">bold</b> stays text.
`;

test("a Markdown article: nested sections, a styled table, task boxes, strikethrough, no raw HTML", async () => {
  const s = await openPage(env.browser);
  await s.page.addInitScript(() => { window.alert = (m) => { window.alerted = m; }; });
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "article");
  await s.page.locator("article-reader").evaluate((el, text) => el.load(text, { format: "markdown" }), notes);
  await s.page.locator("article-reader .ar-title", { hasText: "Field notes" }).waitFor();

  const headings = await s.page.locator("article-reader .ar-heading").evaluateAll((hs) => hs.map((h) => `${h.tagName} ${h.textContent}`));
  assert.deepEqual(headings, ["H2 Tasks", "H3 Gear", "H2 Raw HTML"]);
  assert.equal(await s.page.locator("article-reader details#tasks details#gear").count(), 1, "### nests inside ##");

  const cells = s.page.locator("article-reader .ar-table td");
  assert.deepEqual(await cells.allTextContents(), ["stove", "300 g", "1", "pegs", "12 g", "14"]);
  assert.equal(await cells.nth(1).evaluate((td) => getComputedStyle(td).textAlign), "right");
  assert.equal(await cells.nth(2).evaluate((td) => getComputedStyle(td).textAlign), "center");
  assert.notEqual(await cells.first().evaluate((td) => getComputedStyle(td).borderTopStyle), "none", "the table is styled");

  const boxes = s.page.locator("article-reader .ar-task");
  assert.deepEqual(await boxes.evaluateAll((b) => b.map((x) => x.getAttribute("aria-label"))), ["done", "not done"]);
  const item = s.page.locator("article-reader li:has(> .ar-task)").first();
  assert.equal(await item.evaluate((li) => getComputedStyle(li).listStyleType), "none", "the box replaces the bullet");
  assert.equal(await s.page.locator("article-reader del").textContent(), "old");

  assert.equal(await s.page.locator("article-reader [onclick], article-reader [onmouseover], article-reader b").count(), 0);
  assert.match(await s.page.locator("article-reader .ar-lead, article-reader .ar-section-body").allTextContents().then((t) => t.join(" ")),
    /Inline <b onmouseover="alert\(2\)">bold<\/b> stays text\./);
  const dropped = await s.page.locator("article-reader .ar-dropped li").allTextContents();
  assert.ok(dropped.some((d) => d.includes("a block of raw HTML")), dropped.join("\n"));
  await s.page.locator("article-reader .ar-dropped summary").click();
  await s.page.locator("article-reader .ar-dropped li").first().hover();
  assert.equal(await s.page.evaluate(() => window.alerted), undefined);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("format=markdown from a .md URL, through the element's src", async () => {
  const s = await openPage(env.browser);
  await s.page.route("**/notes.md", (route) => route.fulfill({ status: 200, contentType: "text/markdown; charset=utf-8", body: notes }));
  await s.page.goto(`${env.server.url}?article=${encodeURIComponent(`${env.server.url}notes.md`)}`);
  assert.equal(await settled(s.page), "article");
  assert.equal(await s.page.locator("article-reader .ar-title").textContent(), "Field notes");
  assert.equal(await s.page.title(), "Field notes · article-reader");
  await s.context.close();
});

// A README's docs/shot.png is beside the README, wherever the page that shows it is.
test("relative links and images resolve against the article's URL, not the page's", async () => {
  const s = await openPage(env.browser);
  const guide = `# Setup guide

Start with ![the wiring diagram](img/wiring.png) and [the FAQ](../faq.md).

## Steps

See [the first step](#steps), [the site](/about.html), [elsewhere](https://example.org/x) and ![a photo](./photos/board.jpg).
`;
  await s.page.route("**/guides/setup/guide.md", (route) => route.fulfill({ status: 200, contentType: "text/markdown", body: guide }));
  await s.page.route("**/{img,photos}/**", (route) => route.fulfill({ status: 404, body: "" }));
  const article = `${env.server.url}guides/setup/guide.md`;
  await s.page.goto(`${env.server.url}?article=${encodeURIComponent(article)}`);
  assert.equal(await settled(s.page), "article");
  const urls = () => s.page.evaluate(() => {
    const root = document.querySelector("article-reader").shadowRoot.querySelector(".ar-article");
    return [...root.querySelectorAll("img")].map((i) => i.getAttribute("src"))
      .concat([...root.querySelectorAll(".ar-section-body a, .ar-intro a, p a")].map((a) => a.getAttribute("href")));
  });
  const base = new URL("guides/setup/", env.server.url).href;
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(new Set(await urls()), new Set([
    `${base}img/wiring.png`, `${base}photos/board.jpg`,
    `${new URL("guides/faq.md", env.server.url).href}`, "#steps", `${origin}/about.html`, "https://example.org/x",
  ]));

  // Text with no URL of its own (pasted, opened, inline) keeps the page's base.
  await s.page.locator("article-reader").evaluate((el, text) => el.load(text, { format: "markdown" }), guide);
  await s.page.locator("article-reader .ar-title", { hasText: "Setup guide" }).waitFor();
  assert.ok((await urls()).includes("img/wiring.png"));
  assert.deepEqual(s.problems.filter((p) => !/404/.test(p)), []);
  await s.context.close();
});
