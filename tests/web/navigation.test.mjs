// Contents and reading position: the table of contents, its current section, and the progress bar.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const second = "rejecting-confrontation-and-division";

async function open(query = "", height = 500) {
  const s = await openPage(env.browser);
  await s.page.setViewportSize({ width: 1000, height });
  await s.page.goto(`${env.server.url}${query}`);
  assert.equal(await settled(s.page), "article");
  s.current = () => s.page.evaluate(() =>
    [...document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-toc a[aria-current]")].map((a) => a.textContent));
  s.progress = () => s.page.locator("article-reader .ar-progress").getAttribute("aria-valuenow").then(Number);
  return s;
}

test("the contents list every section, and a click opens a closed one", async () => {
  const s = await open("?collapsed=all");
  const links = s.page.locator("article-reader .ar-toc a");
  assert.deepEqual(await links.allTextContents(), ["China urges Japan to correct wrongdoings", "Rejecting confrontation and division"]);
  await links.nth(1).click();
  await s.page.waitForFunction((id) => document.querySelector("article-reader").shadowRoot.getElementById(id).open, second);
  assert.equal(new URL(s.page.url()).hash, `#${second}`);
  await s.context.close();
});

test("scrolling moves the progress bar and marks the section being read", async () => {
  const s = await open();
  assert.equal(await s.progress(), 0);
  assert.deepEqual(await s.current(), []);
  await s.page.locator(`article-reader #${second}`).evaluate((el) => el.scrollIntoView());
  await s.page.waitForFunction(() =>
    document.querySelector("article-reader").shadowRoot.querySelector(".ar-toc a[aria-current]")?.textContent ===
      "Rejecting confrontation and division");
  const middle = await s.progress();
  assert.ok(middle > 0 && middle < 100, `part way (${middle})`);
  await s.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await s.page.waitForFunction(() => document.querySelector("article-reader").shadowRoot.querySelector(".ar-progress").getAttribute("aria-valuenow") === "100");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("toc=hide hides the contents", async () => {
  const s = await open();
  assert.ok(await s.page.locator("article-reader .ar-toc").isVisible());
  await s.page.evaluate(() => document.querySelector("article-reader").setAttribute("toc", "hide"));
  assert.ok(await s.page.locator("article-reader .ar-toc").isHidden());
  await s.context.close();
});
