// Peak wasm heap while the core reads and renders a 5 MB book, against the input's size (the 7/8
// target is at most 4x), for plain text and Markdown, each in a fresh instance (wasm memory only
// grows, so its size after the call is the peak). Also the heap after each step on its own:
// parse() (the model JSON only) and view() (model JSON and reading-view HTML, the model kept for
// search). Prints a table: figure, article-reader, limit, ratio.
//   node bench/memory.mjs [megabytes]        (after cmake --build --preset wasm)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeBook } from "./book.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const megabytes = Number(process.argv[2] ?? 5);
const require = createRequire(import.meta.url);
const wasmBinary = readFileSync(join(root, "web/dist/article-reader-core.wasm"));
const fresh = () => require(join(root, "web/dist/article-reader-core.js"))({ wasmBinary });

const text = makeBook(megabytes * 1e6);
const markdown = Buffer.from(text.toString("utf8").replace(/^Chapter (\d+) of/gm, "## Chapter $1 of"));
const mb = (n) => (n / 1e6).toFixed(1);

console.log(`| input | call | peak heap (MB) | input (MB) | heap / input | target | |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
for (const [name, bytes, format] of [["plain text", text, "text"], ["Markdown", markdown, "markdown"]]) {
  for (const call of ["parse", "view"]) {
    const core = await fresh();
    const start = core.HEAP8.buffer.byteLength;
    const r = call === "parse" ? core.parse(bytes, format) : core.view(bytes, format, "{}");
    if (r.error) throw new Error(`${name} ${call}: ${r.error}`);
    const peak = core.HEAP8.buffer.byteLength;
    console.log(`| ${name} | ${call}() | ${mb(peak)} | ${mb(bytes.length)} | ${(peak / bytes.length).toFixed(1)} | 4.0 | the heap starts at ${mb(start)} MB |`);
  }
}
