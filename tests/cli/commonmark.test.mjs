// CommonMark 0.31.2 conformance: every example of the commonmark-spec package through the native
// CLI (`article-reader commonmark`, all examples in one process) and through the wasm core's
// commonmark(), compared byte for byte with the spec's HTML (commonmark.js's runner compares the
// same way). The pass counts are printed; fewer than tests/cli/commonmark-passing.json fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { coreFiles, loadCore } from "../cores.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);
const spec = require("commonmark-spec");
const passing = JSON.parse(readFileSync(join(root, "tests/cli/commonmark-passing.json"), "utf8"));
const build = process.env.ARTICLE_READER_BUILD ?? "build/native";
const cli = join(root, build, "article-reader");

// The spec writes tabs as →.
const examples = spec.tests.map((t) => ({
  number: t.number,
  section: t.section,
  markdown: t.markdown.replaceAll("→", "\t"),
  html: t.html.replaceAll("→", "\t"),
}));

function report(name, outputs) {
  const failed = examples.filter((e, i) => outputs[i] !== e.html);
  const count = examples.length - failed.length;
  console.log(`commonmark ${name}: ${count} of ${examples.length} spec examples pass`);
  if (failed.length) console.log(`failing examples: ${failed.map((e) => e.number).join(" ")}`);
  return count;
}

test("the spec has its 652 examples, tabs restored", () => {
  assert.equal(examples.length, 652);
  assert.equal(examples[0].markdown, "\tfoo\tbaz\t\tbim\n");
});

test("native CLI: spec examples pass, no fewer than committed", () => {
  const input = examples.map((e) => e.markdown).join("\0");
  const r = spawnSync(cli, ["commonmark", "--each-nul", "-"], { input, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr.toString());
  const outputs = r.stdout.toString().split("\0");
  assert.equal(outputs.length, examples.length + 1, "one NUL-terminated output per example");
  assert.ok(report("native", outputs) >= passing.native);
});

test("native CLI: one file in, spec HTML out", () => {
  const r = spawnSync(cli, ["commonmark", "-"], { input: "# Title\n\n- *a*\n- `b`\n" });
  assert.equal(r.status, 0);
  assert.equal(r.stdout.toString(), "<h1>Title</h1>\n<ul>\n<li><em>a</em></li>\n<li><code>b</code></li>\n</ul>\n");
});

const wasm = coreFiles("markdown").wasm; // the core the element loads for Markdown
test("wasm core: spec examples pass, no fewer than committed", { skip: !existsSync(wasm) && "no wasm build" }, async () => {
  const core = await loadCore("markdown");
  const encoder = new TextEncoder();
  const outputs = examples.map((e) => {
    const r = core.commonmark(encoder.encode(e.markdown));
    assert.equal(r.error, "");
    return r.html;
  });
  assert.ok(report("wasm", outputs) >= passing.wasm);
});

// The fast path the benchmark measures: UTF-8 written into the core's memory, HTML read from it.
test("wasm core: inputBuffer() and commonmarkInput() give the same HTML, spec examples included",
  { skip: !existsSync(wasm) && "no wasm build" }, async () => {
    const core = await loadCore("markdown");
    const encoder = new TextEncoder(), decoder = new TextDecoder();
    const viaBuffer = (text) => {
      const { written } = encoder.encodeInto(text, core.inputBuffer(3 * text.length));
      const r = core.commonmarkInput(written);
      assert.equal(r.error, "");
      return decoder.decode(r.html);
    };
    assert.ok(report("wasm, through inputBuffer", examples.map((e) => viaBuffer(e.markdown))) >= passing.wasm);
    // Invalid UTF-8 and NUL are decoded as commonmark() decodes them; a long input after a short
    // one, and a short one after a long one, reuse the buffers without leftovers.
    const view = core.inputBuffer(8);
    view.set([0x61, 0xff, 0x00, 0x0d, 0x62]);
    assert.equal(decoder.decode(core.commonmarkInput(5).html), core.commonmark(new Uint8Array([0x61, 0xff, 0x00, 0x0d, 0x62])).html);
    const long = "*é* and `code` <b>\n\n".repeat(50000);
    assert.equal(viaBuffer(long), core.commonmark(encoder.encode(long)).html);
    assert.equal(viaBuffer("# x"), "<h1>x</h1>\n");
    assert.match(core.commonmarkInput(1e9).error, /past the buffer/);
    assert.equal(core.commonmarkInput(1e9).html.length, 0);
    assert.equal(core.inputBuffer(1e12), null);
  });
