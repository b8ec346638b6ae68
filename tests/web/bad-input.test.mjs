// Bad input in the page: every failure is a readable message, never a blank page, and repairs are said.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { errorText, openPage, repoRoot, settled, useServerAndBrowser } from "./harness.mjs";
import { wasmWithMemoryLimit } from "../wasm-memory.mjs";

const env = useServerAndBrowser();

// Opens the page with ?article=URL, where `body` (if given) is what the server answers for it.
async function openArticle(name, body, contentType = "text/plain; charset=utf-8") {
  const session = await openPage(env.browser);
  const url = `${env.server.url}fixtures/${name}`;
  if (body !== undefined) {
    await session.page.route(url, (route) => route.fulfill({ status: 200, body, contentType }));
  }
  await session.page.goto(`${env.server.url}?article=${encodeURIComponent(url)}`);
  session.outcome = await settled(session.page);
  return session;
}

async function expectError(session, ...fragments) {
  assert.equal(session.outcome, "error");
  const text = await errorText(session.page);
  for (const f of fragments) assert.ok(text.includes(f), `"${text}" should include "${f}"`);
  assert.ok(await session.page.locator("article-reader .ar-error").isVisible());
  await session.context.close();
}

test("a missing article says 404", async () => {
  const s = await openArticle("missing.txt");
  await expectError(s, "Could not load the article from", "missing.txt", "404");
});

test("an empty article says it is empty", async () => {
  await expectError(await openArticle("empty.txt", ""), "Could not read empty.txt", "the article is empty (0 bytes)");
});

test("a whitespace-only article says it has no text", async () => {
  await expectError(await openArticle("blank.txt", " \n\t\r\n \n"), "the article has no text: the input is only white space");
});

test("a file of NUL bytes is refused as binary", async () => {
  await expectError(await openArticle("zeros.txt", Buffer.alloc(2048)), "byte 1: this is binary data, not text");
});

test("malformed JSON says where", async () => {
  await expectError(await openArticle("broken.json", '{\n  "version": 1,\n  "title": }', "application/json"),
    "line 3, column 12: JSON syntax error");
});

test("invalid UTF-8 is shown as U+FFFD, with a notice saying where", async () => {
  const body = Buffer.concat([Buffer.from("Title\n\nCaf"), Buffer.from([0xe9]), Buffer.from(" au lait.\n")]);
  const s = await openArticle("latin1.txt", body);
  assert.equal(s.outcome, "article");
  assert.equal(await s.page.locator("article-reader .ar-lead p").textContent(), "Caf\uFFFD au lait.");
  const notice = await s.page.locator("article-reader .ar-notice").textContent();
  assert.match(notice, /line 3, column 4: invalid UTF-8; 1 invalid byte sequence was replaced with U\+FFFD/);
  await s.context.close();
});

test("CRLF line ends give the same structure as LF", async () => {
  const s = await openArticle("crlf.txt", "Title\r\n\r\nLead.\r\n\r\nA heading\r\n\r\nBody of it.\r\n");
  assert.equal(s.outcome, "article");
  assert.equal(await s.page.locator("article-reader .ar-title").textContent(), "Title");
  assert.equal(await s.page.locator("article-reader .ar-heading").textContent(), "A heading");
  assert.equal(await s.page.locator("article-reader .ar-section-body p").textContent(), "Body of it.");
  await s.context.close();
});

test("a 20 MB article renders whole", async () => {
  const paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n";
  const count = Math.ceil((20 * 1024 * 1024) / paragraph.length);
  const body = `Big\n\n${paragraph.repeat(count - 1)}The very last paragraph.\n`;
  const s = await openArticle("big.txt", body);
  assert.equal(s.outcome, "article");
  assert.equal(await s.page.locator("article-reader .ar-lead > p").count(), count);
  assert.equal(await s.page.locator("article-reader .ar-lead > p").last().textContent(), "The very last paragraph.");
  assert.deepEqual(s.problems, []);
  await s.context.close();
});

test("a wasm core that fails to load says so, and Try again loads it once it is back", async () => {
  const s = await openPage(env.browser);
  await s.page.route("**/dist/article-reader-core-text.*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await s.page.goto(env.server.url);
  assert.equal(await settled(s.page), "error");
  assert.match(await errorText(s.page), /The reader's WebAssembly core failed to load/);
  await s.page.unroute("**/dist/article-reader-core-text.*.wasm");
  // the default article is pre-rendered into the page: it stays readable, the note above it
  assert.equal(await s.page.locator("article-reader .ar-article").count(), 1);
  await s.page.locator("article-reader .ar-error button", { hasText: "Try again" }).click();
  await s.page.locator("article-reader .ar-error").waitFor({ state: "detached" }); // read at last
  assert.equal(await s.page.locator("article-reader .ar-article").count(), 1);
  await s.context.close();
});

test("running out of memory says so, and the next article gets a fresh core", async () => {
  // The core with 24 MB of memory at most (2 GB in the real one): 170,000 one-letter paragraphs
  // (510 KB, read on the page: the worker starts at 512 KB) need about 34 MB.
  const wasm = wasmWithMemoryLimit(readFileSync(join(repoRoot, "web/dist/article-reader-core-text.wasm")), 24);
  const s = await openPage(env.browser);
  await s.page.route("**/dist/article-reader-core-text.*.wasm", (route) =>
    route.fulfill({ status: 200, body: wasm, contentType: "application/wasm" }));
  // counts the instances the element makes
  await s.page.route("**/dist/article-reader-core-text.js", async (route) => {
    const body = `${await (await route.fetch()).text()}
{ const made = createArticleReaderTextCore;
  createArticleReaderTextCore = (o) => { globalThis.coresMade = (globalThis.coresMade ?? 0) + 1; return made(o); }; }`;
    await route.fulfill({ status: 200, contentType: "text/javascript", body });
  });
  const url = `${env.server.url}fixtures/paragraphs.txt`;
  await s.page.route(url, (route) =>
    route.fulfill({ status: 200, body: `Title\n\n${"a\n\n".repeat(170_000)}`, contentType: "text/plain; charset=utf-8" }));
  await s.page.goto(`${env.server.url}?article=${encodeURIComponent(url)}`);
  s.outcome = await settled(s.page);
  assert.equal(s.outcome, "error");
  assert.match(await errorText(s.page), /Could not read paragraphs\.txt.*out of memory while reading a 0\.5 MB input/s);
  await s.page.evaluate(() => document.querySelector("article-reader").load("Afterwards\n\nIt reads as if nothing had happened.\n"));
  await s.page.locator("article-reader .ar-title", { hasText: "Afterwards" }).waitFor();
  assert.equal(await s.page.evaluate(() => globalThis.coresMade), 2);
  await s.context.close();
});

test("a core from another version is refused with a clear message, not run", async () => {
  const s = await openPage(env.browser);
  // The core script of a later build: its factory's instances say another version.
  await s.page.route("**/dist/article-reader-core-text.js", async (route) => {
    const body = `${await (await route.fetch()).text()}
{ const made = createArticleReaderTextCore;
  createArticleReaderTextCore = (o) => made(o).then((core) => { core.version = () => "9.9.9"; return core; }); }`;
    await route.fulfill({ status: 200, contentType: "text/javascript", body });
  });
  await s.page.goto(env.server.url);
  s.outcome = await settled(s.page);
  await expectError(s, "The reader's files are from different versions", "article-reader.js is 0.1.0 but its core is 9.9.9");
});

test("an article from another origin loads when it allows CORS, and says why when it does not", async () => {
  const other = http.createServer((req, res) => {
    const open = req.url.startsWith("/open/");
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", ...(open ? { "access-control-allow-origin": "*" } : {}) });
    res.end("Elsewhere\n\nA story served from another origin.\n");
  });
  await new Promise((resolve) => other.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${other.address().port}`;
  try {
    const s = await openPage(env.browser);
    await s.page.goto(`${env.server.url}?article=${encodeURIComponent(`${base}/open/story.txt`)}`);
    assert.equal(await settled(s.page), "article");
    assert.equal(await s.page.locator("article-reader .ar-title").textContent(), "Elsewhere");
    await s.page.goto(`${env.server.url}?article=${encodeURIComponent(`${base}/closed/story.txt`)}`);
    s.outcome = await settled(s.page);
    await expectError(s, "Could not load the article from", "CORS");
  } finally {
    other.close();
  }
});

test("Arabic text reads right to left, and lang on the element overrides the guess", async () => {
  const s = await openArticle("arabic.txt", "مكتبة جديدة\n\nافتتحت البلدية مكتبة عامة جديدة في وسط المدينة.\n");
  assert.equal(s.outcome, "article");
  const article = s.page.locator("article-reader .ar-article");
  assert.equal(await article.getAttribute("dir"), "rtl");
  assert.equal(await article.getAttribute("lang"), "ar");
  await s.page.evaluate(() => document.querySelector("article-reader").setAttribute("lang", "fa"));
  await s.page.waitForFunction(() => document.querySelector("article-reader").article?.lang === "fa");
  assert.equal(await article.getAttribute("lang"), "fa");
  await s.context.close();
});
