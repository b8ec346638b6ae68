// A file written by `article-reader export`, opened from disk (file://) with no server: with
// JavaScript the element upgrades from the model it carries; without, the pre-rendered fallback reads.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser, openPage, repoRoot } from "./harness.mjs";

const cli = process.env.ARTICLE_READER_CLI ?? join(repoRoot, "build/native/article-reader");
const title = "17th China-Japan security dialogue addresses issues of common concern";
const second = "rejecting-confrontation-and-division";
const env = {};

const scratch = mkdtempSync(join(tmpdir(), "article-reader-export-web-"));

function exportFile(input, name) {
  const file = join(scratch, name);
  const r = spawnSync(cli, ["export", input, "-o", file]);
  assert.equal(r.status, 0, r.stderr.toString());
  return pathToFileURL(file).href;
}

before(async () => {
  env.url = exportFile(join(repoRoot, "assets/articles/china-japan-security-dialogue.txt"), "story.html");
  env.browser = await launchBrowser();
});

after(() => env.browser?.close());

test("with JavaScript, the file upgrades into the reader: search, themes and contents work", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(env.url);
  await s.page.waitForFunction(() => document.querySelector("article-reader").shadowRoot?.querySelector(".ar-content .ar-article"),
    null, { timeout: 60_000 });
  assert.equal(await s.page.title(), title);
  const shadow = (selector) => s.page.locator(`article-reader .ar-content ${selector}`);
  assert.equal(await shadow(".ar-title").textContent(), title);
  assert.equal(await shadow("details.ar-section").count(), 2);
  assert.equal(await s.page.evaluate(() => document.querySelector("article-reader > .ar-root").getClientRects().length), 0,
    "the fallback is not shown once the shadow root renders");

  // Search, by the inlined wasm core.
  const input = s.page.locator("article-reader .ar-search-input");
  await input.fill("hayashi");
  await s.page.waitForFunction(() =>
    document.querySelector("article-reader").shadowRoot.querySelector(".ar-search-count").textContent === "1 of 4");

  // Themes: the adopted stylesheet applies, and a theme change recolours it.
  const background = () => s.page.evaluate(() =>
    getComputedStyle(document.querySelector("article-reader").shadowRoot.querySelector(".ar-root")).backgroundColor);
  assert.equal(await background(), "rgb(251, 250, 247)");
  await s.page.locator("article-reader .ar-button", { hasText: "Aa" }).click();
  await s.page.locator("article-reader .ar-settings label", { hasText: "Dark" }).click();
  assert.equal(await background(), "rgb(23, 23, 26)");
  // The theme reaches the window's edges and end: no body margin, no light band below a short article.
  await s.page.setViewportSize({ width: 1000, height: 3000 });
  const [left, top, bottom] = await s.page.evaluate(() => {
    const box = document.querySelector("article-reader").shadowRoot.querySelector(".ar-root").getBoundingClientRect();
    return [box.left, box.top, box.bottom];
  });
  assert.deepEqual([left, top], [0, 0]);
  assert.ok(bottom >= 3000, `the reader ends at ${bottom}px of a 3000px window`);

  // Contents: a closed section opens from its entry.
  await s.page.locator("article-reader .ar-button", { hasText: "Collapse all" }).click();
  await shadow(".ar-toc a").nth(1).click();
  await s.page.waitForFunction((id) => document.querySelector("article-reader").shadowRoot.getElementById(id).open, second);
  assert.equal(new URL(s.page.url()).hash, `#${second}`);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("without JavaScript, the pre-rendered article shows, styled, with sections that collapse", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  await page.goto(env.url);
  assert.equal(await page.title(), title);
  const fallback = page.locator("article-reader > .ar-root");
  assert.equal(await fallback.locator(".ar-title").textContent(), title);
  assert.ok(await fallback.locator(".ar-title").isVisible());
  const sections = fallback.locator("details.ar-section");
  assert.equal(await sections.count(), 2);
  assert.deepEqual(await sections.evaluateAll((all) => all.map((d) => d.open)), [true, true]);
  const body = sections.nth(0).locator(".ar-section-body");
  assert.ok(await body.isVisible());
  await sections.nth(0).locator("summary").click();
  assert.deepEqual(await sections.evaluateAll((all) => all.map((d) => d.open)), [false, true]);
  assert.ok(await body.isHidden(), "the section's body is hidden once collapsed");
  await sections.nth(0).locator("summary").click();
  assert.ok(await body.isVisible());

  // The reader's CSS, carried in <style data-article-reader>, styles the fallback too.
  assert.equal(await fallback.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(251, 250, 247)");
  assert.equal(await fallback.locator(".ar-title").evaluate((el) => getComputedStyle(el).color), "rgb(29, 29, 31)");
  await page.emulateMedia({ colorScheme: "dark" }); // the fallback's theme is "auto": it follows the system
  assert.equal(await fallback.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(23, 23, 26)");
  assert.ok(await page.locator("article-reader > template").isHidden(), "the model is not shown");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a hostile article's text stays text in the exported file, with JavaScript on", async () => {
  const input = join(scratch, "hostile.txt");
  const hostile = "<script>alert(1)</script>";
  writeFileSync(input, `${hostile}\n\nA body with </template><img src=x onerror=alert(2)> and <!-- <script>alert(3)</script>.\n`);
  const s = await openPage(env.browser);
  const dialogs = [];
  s.page.on("dialog", (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await s.page.goto(exportFile(input, "hostile.html"));
  await s.page.waitForFunction(() => document.querySelector("article-reader").shadowRoot?.querySelector(".ar-content .ar-article"),
    null, { timeout: 60_000 });
  assert.equal(await s.page.title(), hostile);
  assert.equal(await s.page.locator("article-reader .ar-content .ar-title").textContent(), hostile);
  assert.match(await s.page.locator("article-reader .ar-content .ar-lead p").textContent(), /<img src=x onerror=alert\(2\)>/);
  assert.equal(await s.page.evaluate(() => document.querySelectorAll("script").length), 2);
  assert.equal(await s.page.evaluate(() => document.querySelectorAll("img").length), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});
