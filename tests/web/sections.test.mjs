// Sections in the browser: expand and collapse all, the collapsed policy, fragments, find-in-page
// (through text fragments) and printing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const first = "china-urges-japan-to-correct-wrongdoings";
const second = "rejecting-confrontation-and-division";

async function open(query = "", { width = 1000 } = {}) {
  const s = await openPage(env.browser);
  await s.page.setViewportSize({ width, height: 800 });
  await s.page.goto(`${env.server.url}${query}`);
  assert.equal(await settled(s.page), "article");
  s.isOpen = (id) => s.page.locator(`article-reader #${id}`).evaluate((d) => d.open);
  return s;
}

test("Expand all and Collapse all work by mouse and keyboard", async () => {
  const s = await open();
  await s.page.locator("article-reader .ar-button", { hasText: "Collapse all" }).click();
  assert.deepEqual([await s.isOpen(first), await s.isOpen(second)], [false, false]);
  const expand = s.page.locator("article-reader .ar-button", { hasText: "Expand all" });
  await expand.focus();
  await s.page.keyboard.press("Enter");
  assert.deepEqual([await s.isOpen(first), await s.isOpen(second)], [true, true]);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("collapsed=all starts closed, and a closed heading says what is inside", async () => {
  const s = await open("?collapsed=all");
  assert.deepEqual([await s.isOpen(first), await s.isOpen(second)], [false, false]);
  const meta = s.page.locator(`article-reader #${first} .ar-section-meta`);
  assert.ok(await meta.isVisible());
  assert.equal(await meta.textContent(), "3 paragraphs · 1 min");
  assert.equal(await s.page.locator(`article-reader #${second} .ar-section-meta`).textContent(), "5 paragraphs · 1 min");
  await s.page.locator(`article-reader #${first} .ar-heading`).click();
  assert.ok(await meta.isHidden(), "an open section needs no summary of itself");
  await s.context.close();
});

test("collapsed=auto closes sections on a narrow screen only", async () => {
  const narrow = await open("?collapsed=auto", { width: 375 });
  assert.equal(await narrow.isOpen(first), false);
  await narrow.context.close();
  const wide = await open("?collapsed=auto", { width: 1000 });
  assert.equal(await wide.isOpen(first), true);
  await wide.context.close();
});

test("a URL fragment opens its section and scrolls to it, on load and on hashchange", async () => {
  const s = await open(`?collapsed=all#${second}`);
  assert.equal(await s.isOpen(second), true);
  assert.equal(await s.isOpen(first), false);
  const { top, scrollY, height } = await s.page.locator(`article-reader #${second}`)
    .evaluate((el) => ({ top: el.getBoundingClientRect().top, scrollY: window.scrollY, height: innerHeight }));
  assert.ok(scrollY > 0 && top >= 0 && top < height / 2, `scrolled to the section (top ${top}, scrollY ${scrollY})`);
  await s.page.evaluate((id) => (location.hash = id), first);
  await s.page.waitForFunction((id) => document.querySelector("article-reader").shadowRoot.getElementById(id).open, first);
  await s.context.close();
});

test("every heading has a copyable link to its section", async () => {
  const s = await open("?collapsed=all");
  const anchor = s.page.locator(`article-reader .ar-anchor[href="#${second}"]`);
  assert.equal(await anchor.getAttribute("aria-label"), "Link to section: Rejecting confrontation and division");
  await anchor.click();
  assert.equal(new URL(s.page.url()).hash, `#${second}`);
  assert.equal(await s.isOpen(second), true);
  await s.context.close();
});

test("find-in-page reaches text in a closed section and opens it (text fragment)", async () => {
  const s = await open("?collapsed=all");
  assert.equal(await s.isOpen(second), false);
  await s.page.goto(`${env.server.url}?collapsed=all#:~:text=Hayashi%20voiced%20the%20hope`);
  await settled(s.page);
  await s.page.waitForFunction((id) => document.querySelector("article-reader").shadowRoot.getElementById(id)?.open, second,
    { timeout: 10_000 });
  assert.equal(await s.isOpen(first), false, "only the section holding the text opens");
  await s.context.close();
});

test("printing shows every section, and restores the closed ones after", async () => {
  const s = await open("?collapsed=all");
  const body = s.page.locator(`article-reader #${second} .ar-section-body p`).first();
  assert.ok(await body.isHidden());
  await s.page.emulateMedia({ media: "print" });
  assert.ok(await body.isVisible(), "the print stylesheet shows closed sections");
  await s.page.emulateMedia({ media: "screen" });
  await s.page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await s.isOpen(second), true);
  await s.page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await s.isOpen(second), false);
  await s.context.close();
});

test("the element's API opens, expands and collapses", async () => {
  const s = await open("?collapsed=all");
  assert.equal(await s.page.evaluate((id) => document.querySelector("article-reader").open(id), second), true);
  assert.equal(await s.isOpen(second), true);
  assert.equal(await s.page.evaluate(() => document.querySelector("article-reader").open("no-such-section")), false);
  await s.page.evaluate(() => document.querySelector("article-reader").expandAll());
  assert.equal(await s.isOpen(first), true);
  await s.page.evaluate(() => document.querySelector("article-reader").collapseAll());
  assert.deepEqual([await s.isOpen(first), await s.isOpen(second)], [false, false]);
  await s.context.close();
});
