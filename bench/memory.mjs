// Peak wasm heap while the core reads and renders a 5 MB book, against the input's size (the 7/8
// target is at most 4x), for plain text and Markdown, each in a fresh instance (wasm memory only
// grows, so its size after the call is the peak). Also the heap after each step on its own:
// parse() (the model JSON only) and view() (model JSON and reading-view HTML, the model kept for
// search). Prints a table: figure, article-reader, limit, ratio.
//   node bench/memory.mjs [megabytes] [--smoke]        (after cmake --build --preset wasm; default 5)
// --smoke: a 0.2 MB book, to prove the script works (tests/cli/bench-smoke.test.mjs).
import { makeBook } from "./book.mjs";
import { printTable, run } from "./common.mjs";
import { coreOf, loadCore } from "../tests/cores.mjs";

const smoke = process.argv.includes("--smoke");
const megabytes = smoke ? 0.2 : Number(process.argv.slice(2).find((a) => /^[\d.]+$/.test(a)) ?? 5);
// the core the element loads for the format (tests/cores.mjs)
const fresh = (format) => loadCore(coreOf(format));

const text = makeBook(megabytes * 1e6);
const markdown = Buffer.from(text.toString("utf8").replace(/^Chapter (\d+) of/gm, "## Chapter $1 of"));
const mb = (n) => (n / 1e6).toFixed(1);

await run("bench/memory.mjs", async () => {
  const rows = [];
  for (const [name, bytes, format] of [["plain text", text, "text"], ["Markdown", markdown, "markdown"]]) {
    for (const call of ["parse", "view"]) {
      const core = await fresh(format);
      const start = core.HEAP8.buffer.byteLength;
      const r = call === "parse" ? core.parse(bytes, format) : core.view(bytes, format, "{}");
      if (r.error) throw new Error(`${name} ${call}: ${r.error}`);
      const peak = core.HEAP8.buffer.byteLength;
      rows.push([`peak heap, ${name} ${call}() of ${mb(bytes.length)} MB (heap starts at ${mb(start)} MB)`, `${mb(peak)} MB`,
        `target 4x the input, ${mb(4 * bytes.length)} MB`, (peak / bytes.length).toFixed(1)]);
    }
  }
  printTable("Peak wasm heap, each call in a fresh instance (MB = 10^6 bytes), ratio = peak heap / input", rows);
});
