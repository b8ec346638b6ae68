// The page's library view (index.html?view=library) over ./serve.sh FOLDER: titles from the core,
// filtering, sorting, skipped files with their reasons, files added while serving, read states.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, openPage, settled, startServer } from "./harness.mjs";

const folder = mkdtempSync(join(tmpdir(), "article-reader-shelf-"));
const paragraphs = (n) => Array.from({ length: n }, (_, i) =>
  `Paragraph ${i + 1} of the story goes on for a while, so that the article is longer than one screen of text.`).join("\n\n");
writeFileSync(join(folder, "alpha.txt"), `Alpha report on harbour dredging\n\n${paragraphs(40)}\n`);
mkdirSync(join(folder, "travel"));
writeFileSync(join(folder, "travel", "zeta.txt"), `Zeta: a week on the night trains\n\n${paragraphs(3)}\n`);
writeFileSync(join(folder, "broken.json"), `{"version": 1, "title": `);
writeFileSync(join(folder, "photo.txt"), Buffer.alloc(4000, 0));

let server, browser;
before(async () => { [server, browser] = await Promise.all([startServer([folder]), launchBrowser()]); });
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const rows = (page) => page.locator("#library tbody tr").evaluateAll((trs) =>
  trs.map((tr) => [...tr.cells].slice(0, 5).map((td) => td.textContent)));

async function openLibrary(s) {
  await s.page.goto(`${server.url}?view=library`);
  await s.page.locator("#library tbody tr").first().waitFor();
}

test("lists every article by its title, with folder, reading time and state; skipped files say why", async () => {
  const s = await openPage(browser);
  await openLibrary(s);
  const list = await rows(s.page);
  assert.deepEqual(list.map((r) => r[0]), [
    "17th China-Japan security dialogue addresses issues of common concern",
    "Alpha report on harbour dredging",
    "Zeta: a week on the night trains",
  ], "titles from the model, sorted by title");
  const zeta = list.find((r) => r[0].startsWith("Zeta"));
  assert.equal(zeta[1], `${folder.split("/").pop()}/travel`);
  assert.match(zeta[3], /^1 min$/);
  assert.equal(zeta[4], "unread");
  assert.equal(await s.page.title(), "Library · article-reader");
  assert.equal(await s.page.locator("article-reader").isVisible(), false, "the reader is not shown in the library view");

  const skipped = s.page.locator("#library-skipped");
  assert.equal(await skipped.locator("summary").textContent(), "2 files not listed");
  await skipped.locator("summary").click();
  const reasons = await skipped.locator("li").allTextContents();
  assert.ok(reasons.some((r) => r.includes("photo.txt") && r.includes("binary data")), reasons.join("\n"));
  assert.ok(reasons.some((r) => r.includes("broken.json") && /line 1/.test(r)), reasons.join("\n"));
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("filters as you type and sorts by a column, both ways", async () => {
  const s = await openPage(browser);
  await openLibrary(s);
  await s.page.locator("#library-filter").fill("night TRAINS");
  assert.deepEqual((await rows(s.page)).map((r) => r[0]), ["Zeta: a week on the night trains"]);
  assert.equal(await s.page.locator("#library-status").textContent(), "1 of 3 articles match");
  await s.page.locator("#library-filter").fill("travel/");
  assert.equal((await rows(s.page)).length, 1, "the folder matches too");
  await s.page.locator("#library-filter").fill("");

  const minutes = s.page.locator('th[data-sort="minutes"]');
  await minutes.locator("button").click();
  assert.equal(await minutes.getAttribute("aria-sort"), "ascending");
  const up = (await rows(s.page)).map((r) => parseInt(r[3], 10));
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  await minutes.locator("button").click();
  assert.equal(await minutes.getAttribute("aria-sort"), "descending");
  assert.equal((await rows(s.page))[0][0], "Alpha report on harbour dredging");
  await s.context.close();
});

test("a file added while serving appears on the next visit, and a read article is marked read", async () => {
  const s = await openPage(browser);
  writeFileSync(join(folder, "travel", "eta.txt"), `Eta: ferries of the north\n\n${paragraphs(2)}\n`);
  await openLibrary(s);
  assert.ok((await rows(s.page)).some((r) => r[0] === "Eta: ferries of the north"), "listed without a restart");

  await s.page.locator("#library a", { hasText: "Alpha report" }).click();
  assert.equal(await settled(s.page), "article");
  assert.equal(await s.page.locator("article-reader .ar-title").textContent(), "Alpha report on harbour dredging");
  await s.page.mouse.wheel(0, 100);
  await s.page.waitForTimeout(700); // the place is saved twice a second
  await s.page.goBack();
  await s.page.locator("#library tbody tr").first().waitFor();
  assert.equal((await rows(s.page)).find((r) => r[0].startsWith("Alpha"))[4], "in progress");

  await s.page.goForward();
  assert.equal(await settled(s.page), "article");
  await s.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await s.page.waitForTimeout(700);
  await s.page.goBack();
  await s.page.locator("#library tbody tr").first().waitFor();
  assert.equal((await rows(s.page)).find((r) => r[0].startsWith("Alpha"))[4], "read");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});
