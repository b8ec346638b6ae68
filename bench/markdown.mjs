// Markdown throughput in one node process, on the same inputs, for article-reader's wasm core and
// its peers (npm dev dependencies): md4w (md4c compiled to wasm), markdown-it, marked, commonmark.js.
//   node bench/markdown.mjs [runs]      (after cmake --build --preset wasm)
// Inputs: the CommonMark spec text repeated to about 2 MB, and READMEs of the installed npm
// packages repeated to about 2 MB. article-reader is measured three times: commonmarkInput() and
// commonmark() (spec HTML, as the peers produce, through the fast boundary and through Embind
// strings) and view() (the reading view: model, sections, stats, search units).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { init as initMd4w, mdToHtml } from "md4w";
import MarkdownIt from "markdown-it";
import { marked } from "marked";
import * as commonmark from "commonmark";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const runs = Number(process.argv[2] ?? 7);
const target = 2 * 1024 * 1024;
const repeat = (text) => text.repeat(Math.ceil(target / Buffer.byteLength(text)));

const spec = readFileSync(join(root, "node_modules/commonmark-spec/spec.txt"), "utf8");
const readmes = readdirSync(join(root, "node_modules"))
  .map((name) => join(root, "node_modules", name, "README.md"))
  .filter(existsSync).map((path) => readFileSync(path, "utf8")).join("\n\n");
const inputs = { "CommonMark spec": repeat(spec), "npm READMEs": repeat(readmes) };

const core = await require(join(root, "web/dist/article-reader-core.js"))({
  wasmBinary: readFileSync(join(root, "web/dist/article-reader-core.wasm")),
});
await initMd4w("fast");
const encoder = new TextEncoder();
const markdownIt = MarkdownIt("commonmark");
const cmParser = new commonmark.Parser();
const cmRenderer = new commonmark.HtmlRenderer();

const decoder = new TextDecoder();
// The core's fast boundary (src/bindings/embind.cpp): UTF-8 written straight into its memory, the
// HTML decoded from it. commonmark(bytes) goes through Embind's std::string both ways.
const commonmarkInput = (text) => {
  const { written } = encoder.encodeInto(text, core.inputBuffer(3 * text.length));
  return decoder.decode(core.commonmarkInput(written).html);
};

// Each takes the text as a JS string, as a page has it, and returns the HTML as a string.
const contenders = {
  "article-reader commonmarkInput()": commonmarkInput,
  "article-reader commonmark()": (text) => core.commonmark(encoder.encode(text)).html,
  "article-reader view()": (text) => core.view(encoder.encode(text), "markdown", "").html,
  md4w: (text) => mdToHtml(text),
  "markdown-it": (text) => markdownIt.render(text),
  marked: (text) => marked.parse(text),
  "commonmark.js": (text) => cmRenderer.render(cmParser.parse(text)),
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [inputName, text] of Object.entries(inputs)) {
  const mb = Buffer.byteLength(text) / 1e6;
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, render] of Object.entries(contenders)) { // interleaved, so noise hits all alike
      const start = performance.now();
      const html = render(text);
      times[name].push(performance.now() - start);
      if (html.length < text.length / 4) throw new Error(`${name} produced ${html.length} characters`);
    }
  }
  const rate = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, mb / (median(t) / 1000)]));
  console.log(`\n${inputName}: ${mb.toFixed(2)} MB, median of ${runs}`);
  console.log("| renderer | MB/s | article-reader commonmarkInput() ÷ it |\n| --- | --- | --- |");
  for (const [name, r] of Object.entries(rate)) {
    console.log(`| ${name} | ${r.toFixed(1)} | ${(rate["article-reader commonmarkInput()"] / r).toFixed(2)} |`);
  }
}
