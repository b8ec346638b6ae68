// view() speed of two builds of the wasm core in one node process, interleaved, so that a build
// change (flags, exceptions) is judged against the build before it on the same machine load:
//   node bench/core-ab.mjs DIR_A DIR_B [RUNS] [--page]     (each DIR holds the cores, article-reader-core-text.js,
//                                                  -markdown.js and their .wasm, or one article-reader-core.js from before the split)
// --page: the element's call instead, as its worker makes it: the bytes into inputBuffer(),
// viewPartsInput() and the model's JSON copied out in pieces with model(); for a core from before
// those existed, viewParts(bytes) and what the worker did with the JSON it returned.
// Inputs: the 5 MB plain-text book of bench/book.mjs and six copies of the CommonMark spec
// (about 1.2 MB of Markdown). Prints the median MB/s of each build and B/A.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { makeBook } from "./book.mjs";
import { median, root } from "./common.mjs";
import { coreNames, coreOf, loadCore } from "../tests/cores.mjs";

const page = process.argv.includes("--page");
const [dirA, dirB, runsArg] = process.argv.slice(2).filter((a) => a !== "--page");
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

// A core from before viewPartsInput: what the worker then did with viewParts()'s JSON (the outline
// parsed from it, the place key hashed over it, and the bytes encoded to transfer).
function asThePageBefore(core, { bytes, format }) {
  const r = core.viewParts(bytes, format, "");
  if (r.error) return r;
  const model = JSON.parse(r.json);
  r.outline = { title: model.title, sections: model.sections.map((x) => ({ id: x.id, heading: x.heading })) };
  let hash = 0x811c9dc5;
  for (let i = 0; i < r.json.length; i++) hash = Math.imul(hash ^ r.json.charCodeAt(i), 0x01000193);
  r.key = hash >>> 0;
  r.jsonBytes = new TextEncoder().encode(r.json);
  return r;
}

function asThePage(core, { bytes, format }) {
  if (!core.viewPartsInput) return asThePageBefore(core, { bytes, format });
  core.inputBuffer(bytes.length).set(bytes);
  const r = core.viewPartsInput(bytes.length, format, "");
  if (!r.error) core.model(r.handle, (piece) => piece.slice());
  return r;
}

const builds = { A: await load(dirA), B: await load(dirB) };
const spec = readFileSync(join(root, "node_modules/commonmark-spec/spec.txt"), "utf8");
const inputs = [
  { name: "5 MB plain-text book", format: "text", bytes: new Uint8Array(makeBook(5 * 1024 * 1024)) },
  { name: "6 x CommonMark spec", format: "markdown", bytes: new TextEncoder().encode(spec.repeat(6)) },
];

// The process's CPU time in ms: on a loaded machine, wall time mostly measures the other processes.
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

for (const input of inputs) {
  const times = { A: [], B: [] };
  const cpuTimes = { A: [], B: [] };
  for (let run = 0; run < runs; run++) {
    for (const key of run % 2 ? ["B", "A"] : ["A", "B"]) {
      const core = builds[key][coreOf(input.format)];
      const start = performance.now();
      const startCpu = cpu();
      const r = page ? asThePage(core, input) : core.view(input.bytes, input.format, "");
      times[key].push(performance.now() - start);
      cpuTimes[key].push(cpu() - startCpu);
      if (r.error) throw new Error(`${key}: ${r.error}`);
      core.release(r.handle);
    }
  }
  const mbps = (key, t = times) => input.bytes.length / 1048576 / (median(t[key]) / 1000);
  const line = (what, t) => `A ${mbps("A", t).toFixed(2)} MB/s   B ${mbps("B", t).toFixed(2)} MB/s   B/A ${(mbps("B", t) / mbps("A", t)).toFixed(2)}`;
  console.log(`${page ? "page: " : ""}${input.name.padEnd(22)} wall ${line("wall", times)}   CPU ${line("cpu", cpuTimes)}  (median of ${runs})`);
}
