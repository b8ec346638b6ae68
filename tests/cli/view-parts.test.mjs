// viewParts(), the wasm core's view in parts for lazy rendering (docs/architecture.md, "Lazy
// rendering"): the shell, the contents entries and the top-level sections put back are view()'s HTML, the unit ranges
// cover every data-u of each section, search handles work, and errors are view()'s. The model is
// not in it: model(handle) gives view()'s JSON in pieces, `hash` is the element's old hash of that
// JSON (the key of remembered places), `outline` its title and top-level sections; and
// viewPartsInput() is the same for bytes written into inputBuffer(), which it frees.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeMarkdownBook } from "../../bench/book.mjs";
import { coreOf, loadCore } from "../cores.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
// each input in the core the element loads for its format
const cores = { text: await loadCore("text"), markdown: await loadCore("markdown") };
const core = cores.text;

function reassemble({ html: shell, toc, sections }) {
  const list = shell.indexOf("</ol>\n</nav>");
  const html = toc.length ? shell.slice(0, list) + toc.join("") + shell.slice(list) : shell;
  let at = html.indexOf('<details class="ar-dropped">');
  if (at < 0) at = html.lastIndexOf("</article>");
  return html.slice(0, at) + sections.join("") + html.slice(at);
}

// The key web/article-reader.js filed places under before the core computed it: FNV-1a over the
// JSON string's UTF-16 code units.
function oldKeyHash(json) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

function modelJson(core, handle) {
  const pieces = [];
  const error = core.model(handle, (piece) => pieces.push(piece.slice()));
  assert.equal(error, "");
  return { json: Buffer.concat(pieces).toString("utf8"), pieces };
}

function viewInput(core, bytes, format) {
  core.inputBuffer(bytes.length).set(bytes);
  return core.viewPartsInput(bytes.length, format, "");
}

const inputs = [
  ["the default article", readFileSync(join(root, "assets/articles/china-japan-security-dialogue.txt")), "text"],
  ["a news page with chrome", readFileSync(join(root, "tests/fixtures/text/news-with-chrome.txt")), "text"],
  ["a 300 KB Markdown book with non-ASCII text", makeMarkdownBook(300 * 1024), "markdown"],
  ["text beyond the BMP, CRLF line ends and invalid UTF-8",
    Buffer.concat([Buffer.from("Emoji \u{1F600} and \u{20BB7}\r\n\r\nA paragraph, with \u4E2D\u6587 and "), Buffer.from([0xff, 0xc3]),
      Buffer.from(".\r\n\r\nSecond Heading\r\n\r\nMore text \u{1D11E}.\r\n\r\nThird Heading\r\n\r\nThe end.\r\n")]), "text"],
];

for (const [name, bytes, format] of inputs) {
  test(`viewParts of ${name} is view() in parts`, () => {
    const core = cores[coreOf(format)];
    const whole = core.view(bytes, format, "");
    const parts = core.viewParts(bytes, format, "");
    assert.equal(parts.error, "");
    assert.equal(parts.warnings, whole.warnings);
    assert.equal(parts.json, undefined);
    const model = modelJson(core, parts.handle);
    assert.equal(model.json, whole.json);
    assert.equal(parts.hash, oldKeyHash(whole.json));
    const { title, sections } = JSON.parse(whole.json);
    assert.deepEqual(parts.outline, { title, sections: sections.map(({ id, heading }) => ({ id, heading })) });
    assert.equal(reassemble(parts), whole.html);
    assert.equal(parts.sections.length, sections.length);
    assert.equal(parts.units.length, parts.sections.length);
    assert.equal(parts.toc.length, parts.sections.length >= 2 ? parts.sections.length : 0);
    parts.sections.forEach((html, i) => {
      const numbers = [...html.matchAll(/ data-u="(\d+)"/g)].map((m) => Number(m[1]));
      const [first, end] = parts.units[i];
      assert.deepEqual(numbers, Array.from({ length: end - first }, (_, k) => first + k), `section ${i}`);
    });
    const query = format === "markdown" ? "markdown" : "japan";
    assert.deepEqual(core.search(parts.handle, query), core.search(whole.handle, query));
    const input = viewInput(core, bytes, format);
    for (const key of ["html", "hash", "outline", "toc", "sections", "units", "error", "warnings"]) assert.deepEqual(input[key], parts[key], key);
    assert.equal(modelJson(core, input.handle).json, whole.json);
    core.release(whole.handle);
    core.release(parts.handle);
    core.release(input.handle);
  });
}

test("model() gives a book's JSON in pieces of about 64 KB, and refuses a released article", () => {
  const bytes = makeMarkdownBook(600 * 1024);
  const core = cores.markdown;
  const parts = core.viewParts(bytes, "markdown", "");
  const { json, pieces } = modelJson(core, parts.handle);
  assert.ok(pieces.length >= 10, `${pieces.length} pieces`);
  for (const piece of pieces) assert.ok(piece.length <= 80 * 1024, `a piece of ${piece.length} B`);
  assert.equal(JSON.parse(json).sections.length, parts.sections.length);
  core.release(parts.handle);
  assert.equal(core.model(parts.handle, () => assert.fail("no piece for a released article")),
    `no article ${parts.handle} is shown (released, or never viewed)`);
});

test("viewPartsInput frees its input, and checks its length", () => {
  const bytes = new TextEncoder().encode("Title\n\nSome text.\n");
  const r = viewInput(core, bytes, "text");
  assert.equal(r.error, "");
  core.release(r.handle);
  // the buffer is gone: the same call again has no input
  assert.equal(core.viewPartsInput(bytes.length, "text", "").error, "viewPartsInput(length): length is past the buffer inputBuffer() gave");
  core.inputBuffer(4);
  assert.equal(core.viewPartsInput(5, "text", "").error, "viewPartsInput(length): length is past the buffer inputBuffer() gave");
  assert.equal(core.viewPartsInput(0, "text", "").error, core.view(new Uint8Array(), "text", "").error);
  core.inputBuffer(1).set([0x78]);
  assert.match(core.viewPartsInput(1, "yaml", "").error, /unknown format "yaml"/);
});

test("viewParts reports view()'s errors", () => {
  const empty = core.viewParts(new Uint8Array(), "text", "");
  assert.equal(empty.error, core.view(new Uint8Array(), "text", "").error);
  assert.notEqual(empty.error, "");
  assert.match(core.viewParts(new TextEncoder().encode("x"), "yaml", "").error, /unknown format "yaml"/);
});
