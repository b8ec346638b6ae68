// viewParts(), the wasm core's view in parts for lazy rendering (docs/architecture.md, "Lazy
// rendering"): the shell, the contents entries and the top-level sections put back are view()'s HTML, the unit ranges
// cover every data-u of each section, search handles work, and errors are view()'s.
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

const inputs = [
  ["the default article", readFileSync(join(root, "assets/articles/china-japan-security-dialogue.txt")), "text"],
  ["a news page with chrome", readFileSync(join(root, "tests/fixtures/text/news-with-chrome.txt")), "text"],
  ["a 300 KB Markdown book with non-ASCII text", makeMarkdownBook(300 * 1024), "markdown"],
];

for (const [name, bytes, format] of inputs) {
  test(`viewParts of ${name} is view() in parts`, () => {
    const core = cores[coreOf(format)];
    const whole = core.view(bytes, format, "");
    const parts = core.viewParts(bytes, format, "");
    assert.equal(parts.error, "");
    assert.equal(parts.json, whole.json);
    assert.equal(reassemble(parts), whole.html);
    assert.equal(parts.sections.length, JSON.parse(parts.json).sections.length);
    assert.equal(parts.units.length, parts.sections.length);
    assert.equal(parts.toc.length, parts.sections.length >= 2 ? parts.sections.length : 0);
    parts.sections.forEach((html, i) => {
      const numbers = [...html.matchAll(/ data-u="(\d+)"/g)].map((m) => Number(m[1]));
      const [first, end] = parts.units[i];
      assert.deepEqual(numbers, Array.from({ length: end - first }, (_, k) => first + k), `section ${i}`);
    });
    const query = format === "markdown" ? "markdown" : "japan";
    assert.deepEqual(core.search(parts.handle, query), core.search(whole.handle, query));
    core.release(whole.handle);
    core.release(parts.handle);
  });
}

test("viewParts reports view()'s errors", () => {
  const empty = core.viewParts(new Uint8Array(), "text", "");
  assert.equal(empty.error, core.view(new Uint8Array(), "text", "").error);
  assert.notEqual(empty.error, "");
  assert.match(core.viewParts(new TextEncoder().encode("x"), "yaml", "").error, /unknown format "yaml"/);
});
