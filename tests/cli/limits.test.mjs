// The documented limits (docs/architecture.md, "Limits") in the wasm core the page runs for text
// and JSON models, web/dist/article-reader-core-text.js: going over each gives a clear error, and the same instance then
// reads the next article as if nothing had happened (8/8). Malformed JSON models get their
// specific messages here too, not only in the doctest suite's wasm build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { coreFiles, loadCore } from "../cores.mjs";
import { wasmWithMemoryLimit } from "../wasm-memory.mjs";

const wasm = readFileSync(coreFiles("text").wasm);
const createCore = ({ wasmBinary }) => loadCore("text", { wasmBinary });
const core = await createCore({ wasmBinary: wasm });

const MB = 1024 * 1024;
const bytes = (text) => new TextEncoder().encode(text);
const next = bytes("The next article\n\nIt reads as if nothing had happened before it.\n");

// The instance is still whole: it views, searches, parses and renders an ordinary article.
function stillUsable() {
  const v = core.view(next, "text", "");
  assert.equal(v.error, "");
  assert.equal(JSON.parse(v.json).title, "The next article");
  assert.match(v.html, /^<article class="ar-article"/);
  assert.equal(core.search(v.handle, "nothing").total, 1);
  core.release(v.handle);
  const p = core.parse(next, "text");
  assert.equal(p.error, "");
  assert.equal(core.render(p.json, "").error, "");
}

test("input over 64 MB is refused by view, parse and render", () => {
  const huge = new Uint8Array(64 * MB + 1).fill(0x61);
  const message = "the input is 64.0 MB, over the 64.0 MB limit";
  assert.equal(core.view(huge, "text", "").error, message);
  assert.equal(core.parse(huge, "json").error, message);
  assert.equal(core.render(huge, "").error, message);
  stillUsable();
});

test("JSON nested deeper than 512 levels is refused before parsing, even 32 MB of it", () => {
  const brackets = new Uint8Array(32 * MB).fill(0x5b);
  assert.equal(core.parse(brackets, "json").error, "line 1, column 513: JSON nested deeper than 512 arrays and objects");
  assert.equal(core.view(bytes("[".repeat(10000)), "json", "").error,
    "line 1, column 513: JSON nested deeper than 512 arrays and objects");
  stillUsable();
});

test("a model nested deeper than 64 levels names the path", () => {
  let quote = '{"type":"rule"}';
  for (let i = 0; i < 70; i++) quote = `{"type":"quote","blocks":[${quote}]}`;
  const r = core.view(bytes(`{"version":1,"title":"T","blocks":[${quote}]}`), "json", "");
  assert.equal(r.error, `/blocks${"/0/blocks".repeat(64)}: nested deeper than 64 levels`);
  stillUsable();
});

test("plain text nests quotes and lists 16 deep; deeper markers stay text", () => {
  const quotes = JSON.parse(core.parse(bytes(`Title\n\n${">".repeat(40)} deep\n`), "text").json);
  let depth = 0, block = quotes.blocks[0];
  for (; block.type === "quote"; block = block.blocks[0]) depth++;
  assert.equal(depth, 16);
  assert.match(block.inlines[0].text, /^>{24} deep/);
  const items = Array.from({ length: 30 }, (_, i) => `${" ".repeat(2 * i)}- item ${i}`).join("\n");
  const lists = JSON.parse(core.parse(bytes(`Title\n\nLead.\n\n${items}\n`), "text").json);
  depth = 0;
  for (let list = lists.blocks.find((b) => b.type === "list"); list; depth++)
    list = list.items.at(-1).blocks.find((b) => b.type === "list");
  assert.equal(depth, 16);
  stillUsable();
});

test("a reading view over 128 MB is refused with its size", () => {
  // Every '"' becomes &quot;: 22 MB of them would make a 132 MB reading view.
  const quotes = new Uint8Array(22 * MB).fill(0x22);
  assert.equal(core.view(quotes, "text", "").error, "the reading view would be 132.0 MB, over the 128.0 MB output limit");
  stillUsable();
});

test("malformed JSON models: specific messages, and no exception reaches JavaScript", () => {
  const cases = [
    ['{"version": 1e400, "title": "T"}', "line 1, column 13: JSON number out of range: 1e400 is beyond what a double holds"],
    ['{"version": 1, "title": "T", "title": "U"}', "/title: duplicate key"],
    ['{"version": 1, "title": "T", "sections": [{"heading": "H", "level": 1.5}]}', "/sections/0/level: expected an integer 1-6"],
    ['{"version": 18446744073709551616, "title": "T"}', "/version: expected the integer 1"],
    ['{"version": 1, "title": "T",}', "line 1, column 29: JSON syntax error: syntax error while parsing object key - unexpected '}'; expected string literal"],
    ['{"version": NaN}', "line 1, column 13: JSON syntax error: syntax error while parsing value - invalid literal; last read: '\"version\": N'"],
    ['// c\n{"version": 1}', "line 1, column 1: JSON syntax error: syntax error while parsing value - invalid literal; last read: '/'"],
    ['\uFEFF\uFEFF{"version": 1, "title": "T"}', "line 1, column 1: JSON syntax error: unexpected U+FEFF; expected a JSON value"],
    ['{"version": 1, "title": "T", "blocks": [{"type": "para', "line 1, column 55: JSON syntax error: syntax error while parsing value - invalid string: missing closing quote; last read: '\"para'"],
  ];
  for (const [json, error] of cases) {
    assert.equal(core.parse(bytes(json), "json").error, error, json);
    assert.equal(core.render(json, "").error, error, json);
  }
  assert.equal(core.parse(bytes('\uFEFF{"version": 1, "title": "T"}'), "json").error, "");
  stillUsable();
});

test("running out of memory throws RangeError(\"out of memory\") to JavaScript, not an abort", async () => {
  // The same core with 24 MB of memory at most (2 GB in the real one); 200,000 one-letter
  // paragraphs need about 40 MB. Without C++ exceptions the core's new-handler throws this
  // RangeError (src/bindings/embind.cpp); the element then drops the instance (web/article-reader.js).
  const small = await createCore({ wasmBinary: wasmWithMemoryLimit(wasm, 24) });
  const paragraphs = bytes(`Title\n\n${"a\n\n".repeat(200_000)}`);
  assert.throws(() => small.view(paragraphs, "text", ""), { name: "RangeError", message: "out of memory" });
  // a fresh instance of that small core reads an ordinary article
  const fresh = await createCore({ wasmBinary: wasmWithMemoryLimit(wasm, 24) });
  assert.equal(JSON.parse(fresh.view(next, "text", "").json).title, "The next article");
  stillUsable();
});
