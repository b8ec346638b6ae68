// Lazy rendering of a large article (LazySections in web/article-reader.js): the top-level
// sections are turned into DOM only as they are needed, and yet fragments, search, printing and
// (once the idle filling is done) find-in-page reach all of the text.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, repoRoot, settled, useServerAndBrowser } from "./harness.mjs";
import { makeBook } from "../../bench/book.mjs";

const env = useServerAndBrowser();
const bookFile = "dist/test-lazy-book.txt";
let book = "";
before(() => {
  book = makeBook(1024 * 1024).toString();
  writeFileSync(join(repoRoot, "web", bookFile), book);
});

// The model's top-level sections, those in the DOM, and the placeholders still waiting.
function sectionState() {
  const reader = document.querySelector("article-reader");
  const root = reader.shadowRoot;
  return {
    total: reader.article.sections.length,
    rendered: root.querySelectorAll(".ar-article > .ar-section-frame").length,
    pending: root.querySelectorAll(".ar-article > .ar-pending").length,
  };
}

// Opens the book; with `idle: false` the page never has an idle period, as on a busy page, so
// nothing is filled in behind the reader's back and only what is needed gets rendered. The state
// is noted in the ready event, before anything else can run.
async function open(hash = "", { idle = true } = {}) {
  const s = await openPage(env.browser);
  await s.page.addInitScript((idle) => {
    if (!idle) window.requestIdleCallback = () => 0;
    document.addEventListener("article-reader-ready", (event) => {
      const root = document.querySelector("article-reader").shadowRoot;
      const id = decodeURIComponent(location.hash.slice(1));
      window.__atReady = {
        total: event.detail.article.sections.length,
        rendered: root.querySelectorAll(".ar-article > .ar-section-frame").length,
        target: id ? root.getElementById(id)?.id ?? null : null,
      };
    });
  }, idle);
  await s.page.goto(`${env.server.url}?article=${bookFile}${hash}`);
  assert.equal(await settled(s.page), "article");
  s.state = () => s.page.evaluate(sectionState);
  return s;
}

test("a 1 MB book is shown with only its first sections in the DOM, and the rest fill in while idle", async () => {
  const s = await open();
  const atReady = await s.page.evaluate(() => window.__atReady);
  assert.ok(atReady.total > 500, `${atReady.total} sections`);
  assert.ok(atReady.rendered < atReady.total * 0.2, `at ready, ${atReady.rendered} of ${atReady.total} sections are in the DOM`);
  await s.page.waitForFunction(() => !document.querySelector("article-reader").shadowRoot.querySelector(".ar-pending"),
    null, { timeout: 60_000 });
  assert.equal((await s.state()).rendered, atReady.total);
  // the contents too: every top-level section's entry, in order (the list's numbering), once idle
  await s.page.waitForFunction(() => !document.querySelector("article-reader").shadowRoot.querySelector(".ar-toc-pending"),
    null, { timeout: 60_000 });
  const order = await s.page.evaluate(() => {
    const reader = document.querySelector("article-reader");
    const links = [...reader.shadowRoot.querySelectorAll(".ar-toc > ol > li > a")].map((a) => a.getAttribute("href").slice(1));
    return links.join(" ") === reader.article.sections.map((x) => x.id).join(" ");
  });
  assert.ok(order, "the contents list every top-level section, in order");
  // what find-in-page needs: the whole text in the DOM, the last paragraph too
  const last = book.trim().split("\n\n").at(-1).replace(/\s+/g, " ");
  const text = await s.page.evaluate(() => document.querySelector("article-reader").shadowRoot.querySelector(".ar-article").textContent.replace(/\s+/g, " "));
  assert.ok(text.includes(last.slice(0, 60)), "the last paragraph is in the DOM");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("a book's contents go in by runs: the first entries at once, more as the list's end comes near, each opening its section", async () => {
  const s = await open("?collapsed=all", { idle: false });
  const entries = () => s.page.evaluate(() =>
    document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-toc > ol > li").length);
  const total = (await s.page.evaluate(() => window.__atReady)).total;
  const first = await entries();
  assert.ok(first > 10 && first < total / 2, `${first} of ${total} entries at first`);
  await s.page.locator("article-reader .ar-toc-pending").scrollIntoViewIfNeeded();
  await s.page.waitForFunction((n) => document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-toc > ol > li").length > n, first);
  // the last entry in the DOM opens its section, which was neither rendered nor open
  const id = (await s.page.locator("article-reader .ar-toc > ol > li > a").last().getAttribute("href")).slice(1);
  assert.equal(await s.page.evaluate((x) => document.querySelector("article-reader").shadowRoot.getElementById(x), id), null);
  await s.page.locator(`article-reader .ar-toc a[href="#${id}"]`).click(); // the list may have grown meanwhile
  await s.page.waitForFunction((x) => document.querySelector("article-reader").shadowRoot.getElementById(x)?.open, id);
  // and, read there, its entry (or one of its subsections') is the one marked current
  await s.page.waitForFunction((x) => {
    const current = document.querySelector("article-reader").shadowRoot.querySelector(".ar-toc a[aria-current]");
    return current?.closest(".ar-toc > ol > li")?.querySelector(":scope > a").getAttribute("href") === `#${x}`;
  }, id);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("a fragment link into a section far down is rendered and scrolled to on arrival", async () => {
  const s = await open("#chapter-900-of-the-collected-articles", { idle: false });
  const id = "chapter-900-of-the-collected-articles";
  const atReady = await s.page.evaluate(() => window.__atReady);
  assert.equal(atReady.target, id, "the target existed when the reader said it was ready");
  assert.ok(atReady.rendered < atReady.total * 0.2, `while ${atReady.rendered} of ${atReady.total} sections were in the DOM`);
  const { top, isOpen, paragraphs } = await s.page.locator(`article-reader #${id}`).evaluate((d) =>
    ({ top: d.getBoundingClientRect().top, isOpen: d.open, paragraphs: d.querySelectorAll("p").length }));
  assert.equal(isOpen, true);
  assert.ok(paragraphs > 0, "its text is there");
  assert.ok(top >= -5 && top < 450, `scrolled to it (top ${top})`);
  // and, by hashchange, a nested section of one not rendered yet (its id from the model)
  const nestedId = await s.page.evaluate(() => document.querySelector("article-reader").article.sections.findLast((x) => x.sections.length).sections[0].id);
  assert.equal(await s.page.evaluate((i) => document.querySelector("article-reader").shadowRoot.getElementById(i), nestedId), null);
  await s.page.evaluate((h) => (location.hash = h), nestedId);
  await s.page.waitForFunction((i) => document.querySelector("article-reader").shadowRoot.getElementById(i)?.open === true, nestedId);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("search counts every match, and reaches and highlights one in a section that was not rendered", async () => {
  const s = await open("", { idle: false });
  const start = await s.state();
  assert.ok(start.rendered < start.total * 0.2);
  const expected = book.toLowerCase().split("hayashi").length - 1;
  assert.ok(expected > 100, `${expected} occurrences in the book`);
  await s.page.locator("article-reader .ar-search-input").fill("hayashi");
  await s.page.waitForFunction((n) => document.querySelector("article-reader").shadowRoot
    .querySelector(".ar-search-count").textContent === `1 of ${n.toLocaleString("en")}`, expected);
  const highlighted = await s.page.evaluate(() => CSS.highlights.get("article-reader-match").size);
  assert.ok(highlighted > 0 && highlighted < expected, `${highlighted} matches highlighted: those in the sections rendered`);
  await s.page.locator("article-reader .ar-search-input").press("Shift+Enter"); // back from the first: the last
  assert.equal(await s.page.locator("article-reader .ar-search-count").textContent(),
    `${expected.toLocaleString("en")} of ${expected.toLocaleString("en")}`);
  const lastMatch = await s.page.evaluate(() => {
    const ranges = [...CSS.highlights.get("article-reader-current")];
    const node = ranges[0].startContainer.parentElement;
    const frames = [...document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-article > .ar-section-frame > details")];
    const sections = document.querySelector("article-reader").article.sections.map((x) => x.id);
    const rect = ranges[0].getBoundingClientRect();
    return { text: ranges[0].toString(), at: sections.indexOf(frames.find((f) => f.contains(node))?.id), total: sections.length,
      visible: rect.top >= 0 && rect.bottom <= innerHeight };
  });
  assert.equal(lastMatch.text.toLowerCase(), "hayashi");
  assert.ok(lastMatch.at > lastMatch.total * 0.9, `the last match is in section ${lastMatch.at} of ${lastMatch.total}`);
  assert.ok(lastMatch.visible, "and scrolled into view");
  assert.ok((await s.state()).pending > 0, "sections without matches were left out");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("print media shows every section's text, rendered or not", async () => {
  const s = await open("?collapsed=all", { idle: false });
  assert.ok((await s.state()).pending > 0);
  await s.page.emulateMedia({ media: "print" });
  await s.page.waitForFunction(() => !document.querySelector("article-reader").shadowRoot.querySelector(".ar-pending"),
    null, { timeout: 10_000 });
  const lastText = s.page.locator("article-reader .ar-article > .ar-section-frame").last().locator(".ar-section-body p").last();
  assert.ok(await lastText.isVisible(), "the last section's last paragraph prints, though the section is closed");
  await s.context.close();
});

test("scrolling near a placeholder renders its sections, open or closed as the reader chose", async () => {
  const s = await open("", { idle: false });
  const placeholders = (i) => s.page.evaluate((k) => {
    const all = document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-pending");
    all[Math.min(k, all.length - 1)].scrollIntoView();
    return all.length;
  }, i);
  const count = await placeholders(10);
  await s.page.waitForFunction((n) => document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-pending").length < n, count);
  assert.ok((await s.state()).pending > count - 6, "only the sections near the viewport were put in");
  const height = () => s.page.evaluate(() => document.querySelector("article-reader").shadowRoot.querySelector(".ar-pending").offsetHeight);
  const openHeight = await height();
  await s.page.evaluate(() => document.querySelector("article-reader").collapseAll());
  assert.ok(await height() < openHeight / 2, "a placeholder shrinks to closed sections' height");
  const before = (await s.state()).pending;
  await placeholders(1000);
  await s.page.waitForFunction((n) => document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-pending").length < n, before);
  const states = await s.page.evaluate(() => {
    const frames = [...document.querySelector("article-reader").shadowRoot.querySelectorAll(".ar-article > .ar-section-frame > details")];
    return frames.slice(-20).map((d) => d.open);
  });
  assert.ok(states.every((o) => !o), "sections put in after Collapse all come in closed");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});
