// Throughput of plain text -> reading-view HTML on a 5 MB book, natively and in wasm under node,
// each beside a peer measured in the same run:
//   native: the C++ reader against a C++ calibration loop (split paragraphs, escape &<>"')
//   wasm:   core.view(bytes) against the same calibration written in JavaScript (TextDecoder,
//           split, replace), the browser's own fast path
// Run:  cmake --preset release && cmake --build --preset release && node bench/throughput.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeBook } from "./book.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.argv[2] ?? 7);
const book = makeBook(5 * 1024 * 1024);
mkdirSync(join(root, "build/bench"), { recursive: true });
const bookPath = join(root, "build/bench/book-5mb.txt");
writeFileSync(bookPath, book);

process.stdout.write(execFileSync(join(root, "build/release/throughput_bench"), [bookPath, String(runs)], { encoding: "utf8" }));

const require = createRequire(import.meta.url);
const createCore = require(join(root, "web/dist/article-reader-core.js"));
const core = await createCore({ wasmBinary: readFileSync(join(root, "web/dist/article-reader-core.wasm")) });

const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function jsCalibration(bytes) {
  const text = new TextDecoder().decode(bytes);
  return text.split("\n\n").map((p) => `<p>${p.replace(/[&<>"']/g, (c) => escapes[c])}</p>\n`).join("");
}

function median(work) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] / 1000;
}

const bytes = new Uint8Array(book);
const check = core.view(bytes, "text", "");
if (check.error) throw new Error(check.error);
const mb = bytes.length / (1024 * 1024);
const wasmS = median(() => core.view(bytes, "text", ""));
const jsS = median(() => jsCalibration(bytes));
console.log(`wasm (node ${process.version}): ${mb.toFixed(2)} MB, reader ${(mb / wasmS).toFixed(1)} MB/s, ` +
  `JS calibration ${(mb / jsS).toFixed(1)} MB/s, reader/JS calibration ${(jsS / wasmS).toFixed(2)}`);
