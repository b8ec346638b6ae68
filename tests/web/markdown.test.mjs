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
