// Keyboard only: every control of the reader is reachable with Tab and works from the keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

// What has focus, described the way a person would name it.
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return "";
  const text = el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40);
  return `${el.tagName.toLowerCase()}${el.className ? "." + el.className.split(" ")[0] : ""}: ${text}`;
});

test("Tab reaches every control, in reading order", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "article");
  const stops = [];
  for (let i = 0; i < 25; i++) {
    await s.page.keyboard.press("Tab");
    stops.push(await focused(s.page));
  }
  const expected = [
    "input.ar-search-input: Search in the article",
    "button.ar-button: Previous match",
    "button.ar-button: Next match",
    "button.ar-button: Open…",
    "button.ar-button: Expand all",
    "button.ar-button: Collapse all",
    "button.ar-button: Reading settings",
    "a: China urges Japan to correct wrongdoings",
    "a: Rejecting confrontation and division",
    "a.ar-anchor: Link to section: China urges Japan to correct wrongdoings",
    "summary.ar-summary: China urges Japan to correct wrongdoings",
    "a.ar-anchor: Link to section: Rejecting confrontation and division",
    "summary.ar-summary: Rejecting confrontation and division",
    "summary: 1 passage left out",
  ];
  let at = -1;
  for (const stop of expected) {
    const next = stops.findIndex((seen, i) => i > at && seen.startsWith(stop));
    assert.ok(next > at, `"${stop}" comes next in the Tab order; got ${JSON.stringify(stops)}`);
    at = next;
  }
  await s.context.close();
});

test("contents links, the dropped-text panel and search work from the keyboard", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(`${env.server.url}?collapsed=all`);
  assert.equal(await settled(s.page), "article");
  await s.page.locator("article-reader .ar-toc a").nth(1).focus();
  await s.page.keyboard.press("Enter");
  await s.page.waitForFunction(() =>
    document.querySelector("article-reader").shadowRoot.getElementById("rejecting-confrontation-and-division").open);
  await s.page.locator("article-reader .ar-dropped > summary").focus();
  await s.page.keyboard.press("Enter");
  assert.ok(await s.page.locator("article-reader .ar-dropped-text").isVisible());
  await s.page.locator("article-reader .ar-search-input").focus();
  await s.page.keyboard.type("sun");
  await s.page.waitForFunction(() =>
    document.querySelector("article-reader").shadowRoot.querySelector(".ar-search-count").textContent === "1 of 4");
  await s.page.keyboard.press("Enter");
  assert.equal(await s.page.locator("article-reader .ar-search-count").textContent(), "2 of 4");
  await s.context.close();
});

test("nested sections collapse independently", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "article");
  await s.page.evaluate(() => document.querySelector("article-reader").load(
    "Guide\n\n1. Trees\n\nAbout trees.\n\n1.1 Oaks\n\nAbout oaks.\n\n1.2 Limes\n\nAbout limes.\n\n2. Shrubs\n\nAbout shrubs.\n"));
  const isOpen = (id) => s.page.locator(`article-reader [id="${id}"]`).evaluate((d) => d.open);
  await s.page.locator('article-reader [id="11-oaks"] > summary').click();
  assert.deepEqual([await isOpen("1-trees"), await isOpen("11-oaks"), await isOpen("12-limes")], [true, false, true]);
  await s.page.locator('article-reader [id="1-trees"] > summary').click();
  await s.page.locator('article-reader [id="1-trees"] > summary').click();
  assert.deepEqual([await isOpen("1-trees"), await isOpen("11-oaks"), await isOpen("12-limes")], [true, false, true],
    "closing and reopening the parent keeps the child's state");
  await s.context.close();
});
