// The reader's place in an article (closed sections, how far they read) survives a reload, can be
// forgotten, and nothing breaks when storage is unavailable or full.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const first = "china-urges-japan-to-correct-wrongdoings";
const second = "rejecting-confrontation-and-division";

async function open(s, query = "") {
  await s.page.goto(`${env.server.url}${query}`);
  assert.equal(await settled(s.page), "article");
}

async function session(setup) {
  const s = await openPage(env.browser);
  await s.page.setViewportSize({ width: 1000, height: 500 });
  if (setup) await s.page.addInitScript(setup);
  s.isOpen = (id) => s.page.locator(`article-reader #${id}`).evaluate((d) => d.open);
  s.scrollY = () => s.page.evaluate(() => scrollY);
  return s;
}

async function readSomeAndClose(s) {
  await s.page.locator(`article-reader #${first} .ar-heading`).click();
  await s.page.locator(`article-reader #${second}`).evaluate((el) => el.scrollIntoView());
  await s.page.waitForTimeout(800); // saves are batched twice a second
}

test("closed sections and the reading position are restored after a reload", async () => {
  const s = await session();
  await open(s);
  await readSomeAndClose(s);
  const y = await s.scrollY();
  assert.ok(y > 0);
  await s.page.reload();
  await settled(s.page);
  assert.equal(await s.isOpen(first), false);
  assert.equal(await s.isOpen(second), true);
  assert.ok(Math.abs((await s.scrollY()) - y) < 40, `back at ${y} (now ${await s.scrollY()})`);
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("a URL fragment wins over the remembered place", async () => {
  const s = await session();
  await open(s);
  await readSomeAndClose(s);
  await open(s, `#${first}`);
  assert.equal(await s.isOpen(first), true);
  await s.context.close();
});

test("forgetting the place shows the article as on a first visit", async () => {
  const s = await session();
  await open(s);
  await readSomeAndClose(s);
  await s.page.locator("article-reader .ar-button", { hasText: "Aa" }).click();
  await s.page.locator(`article-reader #${second}`).evaluate((el) => el.scrollIntoView());
  const deep = await s.scrollY();
  // clicked where it is, as a reader who scrolled with the panel open would; Playwright would scroll first
  await s.page.locator("article-reader .ar-forget").evaluate((b) => b.click());
  assert.equal(await s.isOpen(first), true);
  assert.ok((await s.scrollY()) < deep, "back at the top of the article");
  await s.page.waitForTimeout(800);
  const places = await s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("article-reader:place:")));
  assert.deepEqual(places, [], "nothing is remembered");
  await s.page.reload();
  await settled(s.page);
  assert.equal(await s.isOpen(first), true);
  await s.context.close();
});

for (const [what, setup] of [
  ["unavailable", () => Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } })],
  ["full", () => { Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); }; }],
]) {
  test(`nothing breaks when storage is ${what}`, async () => {
    const s = await session(setup);
    await open(s);
    await readSomeAndClose(s);
    await s.page.reload();
    await settled(s.page);
    assert.equal(await s.isOpen(first), true, "nothing was remembered, and nothing failed");
    assert.deepEqual(s.problems, []);
    await s.context.close();
  });
}

test("corrupted records are reset, one by one, and the rest of the reader's storage stands", async () => {
  const s = await session(() => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("article-reader:settings", "{not json");
    localStorage.setItem("somebody-else", "{also not json, and not ours");
    for (let i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i).startsWith("article-reader:place:")) localStorage.removeItem(localStorage.key(i));
    }
  });
  await open(s);
  // A place record that is valid JSON of the wrong shape, for this very article.
  await readSomeAndClose(s);
  const placeKey = await s.page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("article-reader:place:")));
  await s.page.evaluate((k) => {
    document.querySelector("article-reader").remove(); // so that leaving the page saves nothing over it
    localStorage.setItem(k, '{"closed": "all of them", "fraction": "far"}');
  }, placeKey);
  await s.page.reload();
  assert.equal(await settled(s.page), "article");
  assert.equal(await s.isOpen(first), true, "a place of the wrong shape is ignored");

  await s.page.locator("article-reader .ar-button", { hasText: "Aa" }).click();
  await s.page.locator('article-reader input[value="sepia"]').check();
  const stored = await s.page.evaluate(() => ({
    settings: JSON.parse(localStorage.getItem("article-reader:settings")),
    other: localStorage.getItem("somebody-else"),
  }));
  assert.equal(stored.settings.theme, "sepia", "the broken settings record was replaced by a good one");
  assert.equal(stored.other, "{also not json, and not ours", "storage that is not the reader's is untouched");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

// The key is the hash the element once computed from the model's JSON string in JavaScript; the
// core computes it now (without writing the JSON), and places kept before must still be found.
test("the place is kept under the hash of the model's JSON, as before the core computed it", async () => {
  const s = await session();
  await open(s);
  await readSomeAndClose(s);
  const { stored, expected } = await s.page.evaluate(() => {
    const json = JSON.stringify(document.querySelector("article-reader").article);
    let hash = 0x811c9dc5;
    for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193);
    return {
      stored: Object.keys(localStorage).filter((k) => k.startsWith("article-reader:place:")),
      expected: `article-reader:place:${(hash >>> 0).toString(16)}`,
    };
  });
  assert.deepEqual(stored, [expected]);
  await s.context.close();
});
