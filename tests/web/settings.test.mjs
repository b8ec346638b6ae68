// Reading settings: themes, text size, line width and spacing, remembered, and storage failures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

async function open(query = "", setup) {
  const s = await openPage(env.browser);
  if (setup) await s.page.addInitScript(setup);
  await s.page.goto(`${env.server.url}${query}`);
  assert.equal(await settled(s.page), "article");
  s.background = () => s.page.locator("article-reader .ar-root").evaluate((el) => getComputedStyle(el).backgroundColor);
  s.fontSize = () => s.page.locator("article-reader .ar-lead p").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  s.width = () => s.page.locator("article-reader .ar-content").evaluate((el) => el.getBoundingClientRect().width);
  return s;
}

async function choose(page, label) {
  const button = page.locator("article-reader .ar-button", { hasText: "Aa" });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await page.locator("article-reader .ar-settings label", { hasText: label }).click();
}

test("the theme attribute and the theme setting change the colours; auto follows the system", async () => {
  const s = await open();
  assert.equal(await s.background(), "rgb(251, 250, 247)"); // light under a light system
  await s.page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await s.background(), "rgb(23, 23, 26)");
  await s.page.emulateMedia({ colorScheme: "light" });
  await s.page.evaluate(() => document.querySelector("article-reader").setAttribute("theme", "dark"));
  assert.equal(await s.background(), "rgb(23, 23, 26)");
  await choose(s.page, "Sepia");
  assert.equal(await s.background(), "rgb(244, 236, 216)");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("text size, line width and spacing change the layout and are remembered across reloads", async () => {
  const s = await open();
  const [size, width] = [await s.fontSize(), await s.width()];
  await choose(s.page, "Extra large");
  await choose(s.page, "Narrow");
  await choose(s.page, "Loose");
  assert.ok((await s.fontSize()) > size * 1.3, "larger text");
  assert.ok((await s.width()) < width, "narrower lines");
  await s.page.reload();
  await settled(s.page);
  assert.ok((await s.fontSize()) > size * 1.3, "text size remembered");
  assert.ok((await s.width()) < width, "line width remembered");
  assert.equal(await s.page.locator("article-reader .ar-root").getAttribute("data-leading"), "loose");
  await s.context.close();
});

test("the settings panel works from the keyboard and Escape closes it", async () => {
  const s = await open();
  const button = s.page.locator("article-reader .ar-button", { hasText: "Aa" });
  await button.focus();
  await s.page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  // focus lands on the checked theme; arrow keys move through the radio group
  await s.page.keyboard.press("ArrowRight");
  assert.equal(await s.page.locator("article-reader .ar-root").getAttribute("data-theme"), "light");
  await s.page.keyboard.press("Escape");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.ok(await s.page.locator("article-reader .ar-settings").isHidden());
  assert.ok(await button.evaluate((b) => b.matches(":focus")), "focus returns to the button");
  await s.context.close();
});

test("nothing breaks when storage is unavailable", async () => {
  const s = await open("", () => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await choose(s.page, "Dark");
  assert.equal(await s.background(), "rgb(23, 23, 26)");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("the page around the reader follows its theme", async () => {
  const s = await open();
  await choose(s.page, "Dark");
  await s.page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.equal(await s.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), "rgb(23, 23, 26)");
  await s.context.close();
});
