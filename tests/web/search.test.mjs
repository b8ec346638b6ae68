// In-article search: done by the core on the model; matches highlighted and counted, next and
// previous, sections with matches opened.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

async function open(query = "") {
  const s = await openPage(env.browser);
  await s.page.goto(`${env.server.url}${query}`);
  assert.equal(await settled(s.page), "article");
  s.input = s.page.locator("article-reader .ar-search-input");
  s.count = () => s.page.locator("article-reader .ar-search-count").textContent();
  s.waitForCount = (text) => s.page.waitForFunction(
    (t) => document.querySelector("article-reader").shadowRoot.querySelector(".ar-search-count").textContent === t, text);
  s.current = () => s.page.evaluate(() => [...CSS.highlights.get("article-reader-current")].map((r) => r.toString()));
  s.matchCount = () => s.page.evaluate(() => CSS.highlights.get("article-reader-match").size);
  return s;
}

test("typing searches, counts and highlights every match, and opens their sections", async () => {
  const s = await open("?collapsed=all");
  await s.input.fill("hayashi");
  await s.waitForCount("1 of 4");
  assert.equal(await s.matchCount(), 4);
  assert.deepEqual(await s.current(), ["Hayashi"]);
  const states = await s.page.evaluate(() =>
    [...document.querySelector("article-reader").shadowRoot.querySelectorAll("details.ar-section")].map((d) => d.open));
  assert.deepEqual(states, [false, true], "only the section with matches opened");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("Enter, Shift+Enter and the arrow buttons move between matches, wrapping around", async () => {
  const s = await open();
  await s.input.fill("china");
  await s.waitForCount("1 of 11");
  await s.input.press("Enter");
  assert.equal(await s.count(), "2 of 11");
  await s.input.press("Shift+Enter");
  await s.input.press("Shift+Enter");
  assert.equal(await s.count(), "11 of 11");
  await s.page.locator("article-reader .ar-button[aria-label='Next match']").click();
  assert.equal(await s.count(), "1 of 11");
  assert.deepEqual(await s.current(), ["China"]);
  await s.context.close();
});

test("matching ignores case and diacritics, and says when nothing matches", async () => {
  const s = await open();
  await s.page.evaluate(() => document.querySelector("article-reader").load("Café notes\n\nA CAFÉ, a cafe and a café.\n"));
  await s.input.fill("cafe");
  await s.waitForCount("1 of 4");
  assert.deepEqual(await s.current(), ["Café"]);
  await s.input.fill("tea");
  await s.waitForCount("No matches");
  assert.equal(await s.matchCount(), 0);
  await s.input.press("Escape");
  await s.waitForCount("");
  await s.context.close();
});

test("a new article is searched with the query in the box", async () => {
  const s = await open();
  await s.input.fill("sun");
  await s.waitForCount("1 of 4");
  await s.page.evaluate(() => document.querySelector("article-reader").load("Sunny\n\nThe sun came out. Sun!\n"));
  await s.waitForCount("1 of 3");
  await s.page.evaluate(() => document.querySelector("article-reader").load("Rain\n\nNo sunshine today.\n"));
  await s.waitForCount("1 of 1");
  await s.context.close();
});
