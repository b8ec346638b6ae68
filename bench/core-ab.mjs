// view() speed of two builds of the wasm core in one node process, interleaved, so that a build
// change (flags, exceptions) is judged against the build before it on the same machine load:
//   node bench/core-ab.mjs DIR_A DIR_B [RUNS]     (each DIR holds the cores, article-reader-core-text.js,
//                                                  -markdown.js and their .wasm, or one article-reader-core.js from before the split)
// Inputs: the 5 MB plain-text book of bench/book.mjs and six copies of the CommonMark spec
// (about 1.2 MB of Markdown). Prints the median MB/s of each build and B/A.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { makeBook } from "./book.mjs";
import { median, root } from "./common.mjs";
import { coreNames, coreOf, loadCore } from "../tests/cores.mjs";

const [dirA, dirB, runsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error("usage: node bench/core-ab.mjs DIR_A DIR_B [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg ?? 7);

// Each input in the core its format is read by (tests/cores.mjs), of each build.
async function load(dir) {
  const folder = resolve(dir);
  return Object.fromEntries(await Promise.all(coreNames.map(async (name) => [name, await loadCore(name, { dir: folder })])));
}

const builds = { A: await load(dirA), B: await load(dirB) };
const spec = readFileSync(join(root, "node_modules/commonmark-spec/spec.txt"), "utf8");
const inputs = [
  { name: "5 MB plain-text book", format: "text", bytes: new Uint8Array(makeBook(5 * 1024 * 1024)) },
  { name: "6 x CommonMark spec", format: "markdown", bytes: new TextEncoder().encode(spec.repeat(6)) },
];

for (const input of inputs) {
  const times = { A: [], B: [] };
  for (let run = 0; run < runs; run++) {
    for (const key of run % 2 ? ["B", "A"] : ["A", "B"]) {
      const core = builds[key][coreOf(input.format)];
      const start = performance.now();
      const r = core.view(input.bytes, input.format, "");
      times[key].push(performance.now() - start);
      if (r.error) throw new Error(`${key}: ${r.error}`);
      core.release(r.handle);
    }
  }
  const mbps = (key) => input.bytes.length / 1048576 / (median(times[key]) / 1000);
  console.log(`${input.name.padEnd(22)} A ${mbps("A").toFixed(2)} MB/s   B ${mbps("B").toFixed(2)} MB/s   B/A ${(mbps("B") / mbps("A")).toFixed(2)}  (median of ${runs})`);
}
