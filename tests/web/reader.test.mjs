// The default page in a real browser: the article, its sections, and how they toggle.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openPage, repoRoot, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

describe("the default article", () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(env.browser));
    await page.goto(env.server.url);
    assert.equal(await settled(page), "article");
  });
  after(() => context.close());

  test("shows the title in the article and the tab", async () => {
    const title = page.locator("article-reader .ar-title");
    assert.equal(await title.textContent(), "17th China-Japan security dialogue addresses issues of common concern");
    assert.equal(await page.title(), "17th China-Japan security dialogue addresses issues of common concern · article-reader");
  });

  test("shows the lead and both section headings", async () => {
    assert.equal(await page.locator("article-reader .ar-lead > p").count(), 5);
    assert.deepEqual(await page.locator("article-reader .ar-heading").allTextContents(), [
      "China urges Japan to correct wrongdoings",
      "Rejecting confrontation and division",
    ]);
    assert.equal(await page.locator("article-reader #china-urges-japan-to-correct-wrongdoings .ar-section-body > p").count(), 3);
    assert.equal(await page.locator("article-reader #rejecting-confrontation-and-division .ar-section-body > p").count(), 5);
  });

  test("shows the reading time and word count in the header", async () => {
    assert.equal(await page.locator("article-reader .ar-meta").textContent(), "3 min read · 476 words");
  });

  test("does not show the trailing site navigation, but keeps it in the model and on request", async () => {
    const article = page.locator("article-reader .ar-article");
    assert.ok(!(await article.innerText()).includes("Search Trends"));
    const panel = page.locator("article-reader .ar-dropped");
    assert.equal(await panel.locator("summary").innerText(), "1 passage left out");
    assert.ok(await page.locator("article-reader .ar-dropped-text").isHidden());
    const dropped = await page.evaluate(() => document.querySelector("article-reader").article.dropped);
    assert.deepEqual(dropped, [{ text: "Search Trends", reason: "trailing site navigation" }]);
    await panel.locator("summary").click();
    assert.equal(await panel.locator("li").innerText(), "Search Trends (trailing site navigation)");
    await panel.locator("summary").click();
    assert.ok(!(await article.innerText()).includes("Search Trends"));
  });

  test("a click on a heading collapses and expands its section", async () => {
    const body = page.locator("article-reader #china-urges-japan-to-correct-wrongdoings .ar-section-body");
    const heading = page.locator("article-reader #china-urges-japan-to-correct-wrongdoings .ar-heading");
    assert.ok(await body.isVisible());
    const toggled = page.evaluate(
      () => new Promise((resolve) => document.addEventListener("article-reader-toggle", (e) => resolve(e.detail), { once: true })),
    );
    await heading.click();
    assert.deepEqual(await toggled, { id: "china-urges-japan-to-correct-wrongdoings", open: false });
    assert.ok(await body.isHidden());
    await heading.click();
    await body.waitFor({ state: "visible" });
    // the other section did not move
    assert.ok(await page.locator("article-reader #rejecting-confrontation-and-division .ar-section-body").isVisible());
  });

  test("Enter and Space on a focused heading toggle it", async () => {
    const summary = page.locator("article-reader #rejecting-confrontation-and-division > summary");
    const body = page.locator("article-reader #rejecting-confrontation-and-division .ar-section-body");
    await page.locator("article-reader .ar-title").click(); // focus starts in the article
    for (let i = 0; i < 10 && !(await summary.evaluate((el) => el.matches(":focus"))); i++) await page.keyboard.press("Tab");
    assert.ok(await summary.evaluate((el) => el.matches(":focus-visible")), "the heading is reachable with Tab and shows focus");
    await page.keyboard.press("Enter");
    await body.waitFor({ state: "hidden" });
    await page.keyboard.press("Space");
    await body.waitFor({ state: "visible" });
  });

  test("logs no console errors or CSP violations", () => {
    assert.deepEqual(problems, []);
  });
});

test("screenshot of the default article for the README", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(env.server.url);
  assert.equal(await settled(page), "article");
  const dir = join(repoRoot, "build", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, "default-article.png") });
  await context.close();
});

test("screenshot on a 375 px wide screen, sections collapsed by the auto policy", async () => {
  const { page, context } = await openPage(env.browser);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${env.server.url}?collapsed=auto`);
  assert.equal(await settled(page), "article");
  assert.equal(await page.locator("article-reader #china-urges-japan-to-correct-wrongdoings").evaluate((d) => d.open), false);
  await page.screenshot({ path: join(repoRoot, "build", "screenshots", "narrow.png"), fullPage: true });
  await context.close();
});

for (const theme of ["dark", "sepia"]) {
  test(`screenshot of the default article in the ${theme} theme`, async () => {
    const { page, context } = await openPage(env.browser);
    await page.goto(`${env.server.url}`);
    assert.equal(await settled(page), "article");
    await page.evaluate((t) => document.querySelector("article-reader").setAttribute("theme", t), theme);
    await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
    await page.screenshot({ path: join(repoRoot, "build", "screenshots", `${theme}.png`) });
    await context.close();
  });
}
