// The contenders the node benchmarks time side by side: article-reader's wasm core and, for plain
// text, the calibration limit (bench/calibration.cpp) and the Firefox reader view peer; for
// Markdown, md4w, markdown-it, marked and commonmark.js (npm dev dependencies). Each takes the
// article as a JS string, as a page has it, and returns HTML as a string.
//   const { core, markdownCore, calibration } = await loadWasm();    (the text core, the Markdown core)
//   plainTextContenders(core, calibration), await markdownContenders(markdownCore)    (name -> text => html)
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { median, root } from "./common.mjs";
import { coreFiles } from "../tests/cores.mjs";

const require = createRequire(import.meta.url);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Emscripten 3.1.6 modules try fetch() on a file path under node 18+, so the wasm goes in as bytes.
async function loadModule(js, wasm, missing) {
  if (!existsSync(js)) throw new Error(`${js} is missing: ${missing}`);
  return require(js)({ wasmBinary: readFileSync(wasm) });
}

// The Markdown core of a build in another folder (its article-reader-core-markdown.js and .wasm, or
// a build's from before the split, article-reader-core.js), to compare with.
export function loadCore(dir) {
  const { js, wasm } = coreFiles("markdown", dir);
  return loadModule(js, wasm, "no core in that folder");
}

// Each input in the core the element loads for its format: text in the text core, Markdown in the Markdown core.
export async function loadWasm() {
  const build = "cmake --preset wasm && cmake --build --preset wasm";
  const [core, markdownCore] = await Promise.all(["text", "markdown"].map((name) => {
    const { js, wasm } = coreFiles(name);
    return loadModule(js, wasm, build);
  }));
  const calibration = await loadModule(join(root, "build/wasm/bench/calibration.js"), join(root, "build/wasm/bench/calibration.wasm"), build);
  return { core, markdownCore, calibration };
}

// UTF-8 straight into a module's memory and the HTML decoded from a view of it: the fast boundary.
// A JS string of n UTF-16 units needs at most 3n bytes.
function throughHeap(inputBuffer, run) {
  return (text) => {
    const view = inputBuffer(3 * text.length);
    if (!view) throw new Error(`no buffer of ${3 * text.length} bytes`);
    const { written } = encoder.encodeInto(text, view);
    const html = run(written);
    if (!html) throw new Error("the module gave no HTML (out of memory?)");
    return decoder.decode(html);
  };
}

// The view() the element calls, from the text's bytes; the article is released so that repeated runs
// do not keep every copy for search.
export function coreView(core, format) {
  return (text) => {
    const r = core.view(encoder.encode(text), format, "");
    if (r.error) throw new Error(`view(): ${r.error}`);
    core.release(r.handle);
    return r.html;
  };
}

const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// Firefox reader view's approach to plain text, the simplest peer: paragraphs at blank lines, each
// escaped into a <p>. Fast, and it finds no headings, sections or lists.
export function firefoxReaderView(text) {
  return text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== "")
    .map((p) => `<p>${p.replace(/[&<>"]/g, (c) => escapes[c])}</p>\n`).join("");
}

export function plainTextContenders(core, calibration) {
  return {
    "article-reader view()": coreView(core, "text"),
    "calibration limit (encodeInto, TextDecoder)": throughHeap(calibration.inputBuffer, calibration.paragraphsInput),
    "calibration, Embind std::string": (text) => calibration.paragraphs(text),
    "Firefox reader view peer (JS)": firefoxReaderView,
  };
}

export async function markdownContenders(core) {
  const [{ init, mdToHtml }, { default: MarkdownIt }, { marked }, commonmark] = await Promise.all([
    import("md4w"), import("markdown-it"), import("marked"), import("commonmark")]);
  await init("fast");
  const markdownIt = MarkdownIt("commonmark");
  const cmParser = new commonmark.Parser();
  const cmRenderer = new commonmark.HtmlRenderer();
  return {
    "article-reader commonmarkInput()": throughHeap(core.inputBuffer, (length) => {
      const r = core.commonmarkInput(length);
      if (r.error) throw new Error(`commonmarkInput(): ${r.error}`);
      return r.html;
    }),
    "article-reader commonmark()": (text) => core.commonmark(encoder.encode(text)).html,
    "article-reader view()": coreView(core, "markdown"),
    md4w: (text) => mdToHtml(text),
    "markdown-it": (text) => markdownIt.render(text),
    marked: (text) => marked.parse(text),
    "commonmark.js": (text) => cmRenderer.render(cmParser.parse(text)),
  };
}

// Structure an output shows, counted the same way for every contender: sections (<details> or
// <section>), headings below the title (<h2>-<h6>), lists and paragraphs, outside the table of contents.
export function structureOf(html) {
  const body = html.replace(/<nav\b[\s\S]*?<\/nav>/g, "");
  const count = (re) => (body.match(re) ?? []).length;
  return {
    sections: count(/<(details|section)\b/g),
    headings: count(/<h[2-6]\b/g),
    lists: count(/<(ul|ol)\b/g),
    paragraphs: count(/<p\b/g),
  };
}

// Runs every contender on the text `runs` times, interleaved so that the machine's noise falls on
// all alike, after one untimed call each unless `warmUp` is false (a call of seconds needs none);
// returns the median wall seconds and the median CPU seconds (process.cpuUsage: this thread, plus
// V8's helper threads) per contender, and each one's HTML.
export function timeInterleaved(contenders, text, runs, { warmUp = true } = {}) {
  const html = {}, wall = {}, cpu = {};
  for (const [name, render] of Object.entries(contenders)) {
    if (warmUp) html[name] = render(text);
    wall[name] = [];
    cpu[name] = [];
  }
  for (let run = 0; run < runs; run++) {
    for (const [name, render] of Object.entries(contenders)) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      const out = render(text);
      wall[name].push((performance.now() - start) / 1000);
      const used = process.cpuUsage(startCpu);
      cpu[name].push((used.user + used.system) / 1e6);
      html[name] ??= out;
    }
  }
  const medians = (times) => Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
  return { seconds: medians(wall), cpu: medians(cpu), html };
}
