// Opening another article: a chosen file, a dropped file, pasted text, and load(); errors are shown
// in place and the previous article stays.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

async function open() {
  const s = await openPage(env.browser);
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "article");
  s.title = () => s.page.locator("article-reader .ar-title").textContent();
  s.waitForTitle = (t) => s.page.waitForFunction((want) => document.querySelector("article-reader").article?.title === want, t);
  return s;
}

test("a file chosen with Open… replaces the article, its format from the extension", async () => {
  const s = await open();
  const model = { version: 1, title: "From a JSON file", blocks: [{ type: "paragraph", inlines: [{ type: "text", text: "Hi." }] }] };
  await s.page.locator("article-reader .ar-picker").setInputFiles({
    name: "model.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(model)),
  });
  await s.waitForTitle("From a JSON file");
  assert.equal(await s.title(), "From a JSON file");
  assert.equal(await s.page.title(), "From a JSON file · article-reader");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("Open… is reachable from the keyboard", async () => {
  const s = await open();
  const chooser = s.page.waitForEvent("filechooser");
  await s.page.locator("article-reader .ar-button", { hasText: "Open…" }).focus();
  await s.page.keyboard.press("Enter");
  const fc = await chooser;
  await fc.setFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("A keyboard note\n\nOpened without a mouse.\n") });
  await s.waitForTitle("A keyboard note");
  await s.context.close();
});

test("a file dropped on the reader opens", async () => {
  const s = await open();
  await s.page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["Dropped story\n\nIt arrived by drag and drop.\n"], "dropped.txt", { type: "text/plain" }));
    const reader = document.querySelector("article-reader");
    reader.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    reader.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await s.waitForTitle("Dropped story");
  await s.context.close();
});

test("text pasted on the page opens as an article", async () => {
  const s = await open();
  await s.page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "Pasted headline\n\nPasted body text.\n");
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await s.waitForTitle("Pasted headline");
  assert.equal(await s.page.locator("article-reader .ar-lead p").textContent(), "Pasted body text.");
  await s.context.close();
});

test("an unreadable file is reported in place, and the previous article stays", async () => {
  const s = await open();
  await s.page.locator("article-reader .ar-picker").setInputFiles({ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  const problem = s.page.locator("article-reader .ar-problem");
  await problem.waitFor();
  assert.match(await problem.textContent(), /Could not read empty\.txt.*the article is empty \(0 bytes\)\. The article below is unchanged\./);
  assert.equal(await s.title(), "17th China-Japan security dialogue addresses issues of common concern");
  const rejected = await s.page.evaluate(() => document.querySelector("article-reader").load("{ broken", { name: "bad.json" }).then(() => "", (e) => e.message));
  assert.match(rejected, /bad\.json: line 1, column 3: JSON syntax error/);
  assert.equal(await s.title(), "17th China-Japan security dialogue addresses issues of common concern");
  await s.context.close();
});

// The core keeps the shown article and writes its model's JSON only when it is asked for; before
// it lets the article go for the next one, the element takes the JSON out, so that a ready event
// kept from before still gives its own article.
test("a ready event's article is still the one it announced after another article is shown", async () => {
  const s = await openPage(env.browser);
  await s.page.addInitScript(() => {
    window.__ready = [];
    document.addEventListener("article-reader-ready", (event) => window.__ready.push(event.detail));
  });
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "article");
  const titles = await s.page.evaluate(async () => {
    const reader = document.querySelector("article-reader");
    const first = window.__ready[0];
    await reader.load("The Second Article\n\nIts only paragraph.\n", { name: "second.txt" });
    return { first: first.title, firstArticle: first.article.title, second: window.__ready[1].article.title, shown: reader.article.title };
  });
  assert.equal(titles.firstArticle, titles.first);
  assert.match(titles.first, /China/);
  assert.equal(titles.second, "The Second Article");
  assert.equal(titles.shown, titles.second);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});
