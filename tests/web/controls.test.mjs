// The `controls` attribute: a host chooses which toolbar controls its readers get.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

// The toolbar controls a reader can see, by their data-control names.
const visibleControls = (page) => page.locator("article-reader").evaluate((el) => {
  const toolbar = el.shadowRoot.querySelector(".ar-toolbar");
  if (toolbar.checkVisibility() === false) return [];
  return [...new Set([...toolbar.querySelectorAll("[data-control]")].filter((c) => c.checkVisibility()).map((c) => c.dataset.control))];
});

test("all controls by default; a list picks some; none hides the toolbar; changes apply at once", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "article");
  assert.deepEqual(await visibleControls(s.page), ["search", "open", "expand", "settings"]);
  assert.equal(await s.page.locator("article-reader").evaluate((el) => el.controls), "search open expand settings");

  await s.page.locator("article-reader").evaluate((el) => { el.controls = "settings search"; });
  assert.deepEqual(await visibleControls(s.page), ["search", "settings"]);
  assert.equal(await s.page.locator("article-reader").getAttribute("controls"), "settings search", "reflected");

  await s.page.locator("article-reader button[data-action=settings]").click();
  assert.ok(await s.page.locator("article-reader .ar-settings").isVisible());
  await s.page.locator("article-reader").evaluate((el) => el.setAttribute("controls", "none"));
  assert.deepEqual(await visibleControls(s.page), []);
  assert.equal(await s.page.locator("article-reader .ar-settings").isVisible(), false, "an open settings panel closes with its button");

  await s.page.locator("article-reader").evaluate((el) => el.removeAttribute("controls"));
  assert.deepEqual(await visibleControls(s.page), ["search", "open", "expand", "settings"]);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("expand and collapse show only for an article with sections, whatever controls says", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "article");
  await s.page.locator("article-reader").evaluate((el) => el.load("A title\n\nOne paragraph and nothing else."));
  assert.deepEqual(await visibleControls(s.page), ["search", "open", "settings"]);
  await s.context.close();
});
