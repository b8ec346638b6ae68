// The web cores (docs/architecture.md, "A core per format"), text (plain text and JSON models) and
// Markdown: each reads
// its own formats as the core with every reader does, and asked for one it lacks gives a clear
// error (never a crash) and stays usable.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { coreOf, loadCore } from "../cores.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = (path) => readFileSync(join(root, path));
const text = fixture("assets/articles/china-japan-security-dialogue.txt");
const markdown = fixture("tests/fixtures/markdown/release-notes.md");
const cores = { text: await loadCore("text"), markdown: await loadCore("markdown") };
const model = cores.text.parse(text, "text").json;
const inputs = { text, markdown, json: new TextEncoder().encode(model) };

test("the element's choice: Markdown to the Markdown core, text and JSON models to the text core", () => {
  assert.deepEqual(["text", "markdown", "json"].map(coreOf), ["text", "markdown", "text"]);
});

for (const format of ["text", "markdown", "json"]) {
  test(`${format}: its core reads it, and views it in parts`, () => {
    const core = cores[coreOf(format)];
    const v = core.viewParts(inputs[format], format, "{}");
    assert.equal(v.error, "");
    assert.ok(v.outline.title.length > 0);
    const pieces = []; // the model's JSON comes in pieces, when asked for
    assert.equal(core.model(v.handle, (piece) => pieces.push(piece.slice())), "");
    assert.equal(JSON.parse(Buffer.concat(pieces).toString("utf8")).title, v.outline.title);
    assert.ok(v.sections.length > 0);
    assert.ok(core.search(v.handle, "the").total > 0);
    core.release(v.handle);
  });
}

test("the text core refuses Markdown with which formats it reads, and reads text after", () => {
  const core = cores.text;
  const message = "this build of the core reads text and json, not markdown (web/article-reader.js loads the core for each format)";
  assert.equal(core.view(markdown, "markdown", "{}").error, message);
  assert.equal(core.viewParts(markdown, "markdown", "{}").error, message);
  assert.equal(core.parse(markdown, "markdown").error, message);
  assert.equal(core.commonmark(markdown).error, `commonmark: ${message}`);
  const { written } = new TextEncoder().encodeInto("# a", core.inputBuffer(16));
  assert.equal(core.commonmarkInput(written).error, `commonmark: ${message}`);
  assert.equal(core.view(text, "text", "{}").error, "");
});

test("the Markdown core refuses plain text and JSON models with which format it reads, and reads Markdown after", () => {
  const core = cores.markdown;
  const refused = (format) => `this build of the core reads markdown, not ${format} (web/article-reader.js loads the core for each format)`;
  assert.equal(core.view(text, "text", "{}").error, refused("text"));
  assert.equal(core.viewParts(inputs.json, "json", "{}").error, refused("json"));
  assert.equal(core.render(model, "{}").error, refused("json"));
  assert.equal(core.view(markdown, "markdown", "{}").error, "");
});

test("the text core renders a JSON model, as render() and the page's export need", () => {
  assert.equal(cores.text.render(model, "{}").error, "");
  assert.match(cores.text.render(model, "{}").html, /<article/);
});
