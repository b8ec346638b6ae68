// Peak wasm memory while the core reads and renders a 5 MB book, against the input's size (the 7/8
// target is at most 4x), for plain text and Markdown, each call in a fresh instance (wasm memory
// only grows, so its size after the call is the peak; the figure includes the instance's starting
// memory, stack and static data). The calls:
//   viewPartsInput   what the element does to show an article: the bytes written into the core's
//                    memory, the reading view in parts, the model kept for search (no model JSON)
//   + model()        then the model's JSON in pieces, as the worker sends it and as the element's
//                    `article` property asks for it
//   view()           the all-at-once call: the model JSON and the whole HTML as two strings
//   parse()          the model JSON only
// Prints a table: figure, article-reader, limit, ratio.
//   node bench/memory.mjs [megabytes] [--core DIR] [--smoke]   (after cmake --build --preset wasm; default 5)
// --core DIR: another build's cores (tests/cores.mjs: a core per format, or one for all from before
// the split), for a before and after; a core without viewPartsInput (before 7/8's memory work) is measured with viewParts(bytes).
// --smoke: a 0.2 MB book, to prove the script works (tests/cli/bench-smoke.test.mjs).
import { resolve } from "node:path";
import { makeBook } from "./book.mjs";
import { printTable, run } from "./common.mjs";
import { coreOf, loadCore } from "../tests/cores.mjs";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const coreAt = args.indexOf("--core");
const dist = coreAt >= 0 ? resolve(args[coreAt + 1]) : undefined; // undefined: web/dist
const megabytes = smoke ? 0.2 : Number(args.find((a, i) => /^[\d.]+$/.test(a) && args[i - 1] !== "--core") ?? 5);
// the core the element loads for the format (tests/cores.mjs)
const fresh = (format) => loadCore(coreOf(format), dist ? { dir: dist } : {});

const text = makeBook(megabytes * 1e6);
const markdown = Buffer.from(text.toString("utf8").replace(/^Chapter (\d+) of/gm, "## Chapter $1 of"));
const mb = (n) => (n / 1e6).toFixed(1);

// What the element calls, on the page or in its worker (web/article-reader.js, readArticle).
function viewAsThePage(core, bytes, format) {
  if (!core.viewPartsInput) return core.viewParts(bytes, format, "{}");
  core.inputBuffer(bytes.length).set(bytes);
  return core.viewPartsInput(bytes.length, format, "{}");
}

// The model's JSON as the worker collects it: each piece copied out of the core's memory.
function modelPieces(core, handle) {
  const pieces = [];
  const error = core.model(handle, (piece) => pieces.push(piece.slice()));
  if (error) throw new Error(error);
  return pieces.reduce((n, p) => n + p.length, 0);
}

const calls = {
  viewPartsInput: (core, bytes, format) => viewAsThePage(core, bytes, format),
  "viewPartsInput + model()": (core, bytes, format) => {
    const r = viewAsThePage(core, bytes, format);
    if (!r.error && core.model) modelPieces(core, r.handle);
    return r;
  },
  "view()": (core, bytes, format) => core.view(bytes, format, "{}"),
  "parse()": (core, bytes, format) => core.parse(bytes, format),
};

await run("bench/memory.mjs", async () => {
  const rows = [];
  for (const [name, bytes, format] of [["plain text", text, "text"], ["Markdown", markdown, "markdown"]]) {
    for (const [call, body] of Object.entries(calls)) {
      const core = await fresh(format);
      const start = core.HEAP8.buffer.byteLength;
      const r = body(core, bytes, format);
      if (r.error) throw new Error(`${name} ${call}: ${r.error}`);
      const peak = core.HEAP8.buffer.byteLength;
      const label = core.viewPartsInput || !call.startsWith("viewPartsInput") ? call : `${call.replace("viewPartsInput", "viewParts(bytes)")} (this core has no viewPartsInput)`;
      rows.push([`peak memory, ${name} ${label} of ${mb(bytes.length)} MB (starts at ${mb(start)} MB)`, `${mb(peak)} MB`,
        `target 4x the input, ${mb(4 * bytes.length)} MB`, (peak / bytes.length).toFixed(1)]);
    }
  }
  printTable(`Peak wasm memory, each call in a fresh instance of ${dist ?? "web/dist"}'s core for the format (MB = 10^6 bytes), ratio = peak / input`, rows);
});
