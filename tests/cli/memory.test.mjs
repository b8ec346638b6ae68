// The wasm core does not leak: 100 different articles viewed (as the element does, and with view()), searched and released in one
// instance leave its heap where the largest of them left it (wasm memory only grows, so any leak of
// the articles, their models or their search data shows as growth). bench/memory.mjs reports the
// peak against the input's size.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeBook } from "../../bench/book.mjs";
import { coreOf, hasCores, loadCore } from "../cores.mjs";

// 100 distinct articles of 20 to 320 KB, as plain text, Markdown (chapters as ## headings) or JSON.
function articles(format, core) {
  return Array.from({ length: 100 }, (_, i) => {
    const text = makeBook(20_000 + ((i * 7919) % 100) * 3_000).toString("utf8");
    if (format === "text") return text;
    if (format === "markdown") return text.replace(/^Chapter (\d+) of/gm, "## Chapter $1 of");
    return core.parse(text, "text").json;
  });
}

for (const format of ["text", "markdown", "json"]) {
  test(`${format}: 100 articles in one instance do not grow the heap`, { skip: !hasCores() && "no wasm build" }, async () => {
    const core = await loadCore(coreOf(format)); // the core the element loads for this format
    const inputs = articles(format, core);
    const heap = () => core.HEAP8.buffer.byteLength;
    // Every other article as the element shows one (bytes into the core's memory, the view in
    // parts, the model's JSON in pieces), the others with view(); each searched, then released.
    const show = (input, i) => {
      let handle;
      if (i % 2 === 0) {
        const bytes = Buffer.from(input);
        core.inputBuffer(bytes.length).set(bytes);
        const parts = core.viewPartsInput(bytes.length, format, "{}");
        assert.equal(parts.error, "");
        assert.equal(core.model(parts.handle, () => {}), "");
        handle = parts.handle;
      } else {
        const v = core.view(input, format, "{}");
        assert.equal(v.error, "");
        handle = v.handle;
      }
      assert.ok(core.search(handle, "the").total > 0);
      core.release(handle);
    };
    // The largest article first, so that it, not a leak, sets the peak the others must stay under.
    const largest = inputs.reduce((a, b) => (b.length > a.length ? b : a));
    show(largest, 0);
    show(largest, 1);
    const before = heap();
    inputs.forEach(show);
    assert.equal(heap(), before, `heap ${before} B before the 100 articles, ${heap()} B after`);
  });
}
