// Markdown throughput in one node process, on the same inputs, for article-reader's wasm core and
// its peers (npm dev dependencies): md4w (md4c compiled to wasm), markdown-it, marked, commonmark.js.
//   node bench/markdown.mjs [runs] [--smoke] [--cpu] [--core DIR]...      (after cmake --build --preset wasm)
// Inputs: the CommonMark spec text repeated to about 2 MB, and READMEs of the installed npm
// packages repeated to about 2 MB. article-reader is measured three times: commonmarkInput() and
// commonmark() (spec HTML, as the peers produce, through the fast boundary and through Embind
// strings) and view() (the reading view: model, sections, stats, search units). The contenders are
// bench/peers.mjs's; each takes a JS string and returns HTML.
// --smoke: one run on 100 KB of each, to prove the script works (tests/cli/bench-smoke.test.mjs).
// --cpu: MB/s from the median CPU time (process.cpuUsage) instead of the clock. On a machine shared
// with other work, the time spent waiting for a core is then not counted, and the ratios move far
// less from run to run; the JavaScript peers' garbage collection on V8's helper threads is counted
// against them. --core DIR adds the commonmarkInput() of another build of the core (a folder with
// its article-reader-core-markdown.js and .wasm, or article-reader-core.js from before the split, say main's before a change), measured in the same run.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { printTable, ratioLabel, root, run } from "./common.mjs";
import { loadCore, loadWasm, markdownContenders, timeInterleaved } from "./peers.mjs";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const cpu = args.includes("--cpu");
const otherCores = args.filter((_, i) => args[i - 1] === "--core");
const runs = smoke ? 1 : Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--core") ?? 7);
const target = smoke ? 100 * 1024 : 2 * 1024 * 1024;
const repeat = (text) => text.repeat(Math.ceil(target / Buffer.byteLength(text)));

const spec = readFileSync(join(root, "node_modules/commonmark-spec/spec.txt"), "utf8");
const readmes = readdirSync(join(root, "node_modules"))
  .map((name) => join(root, "node_modules", name, "README.md"))
  .filter(existsSync).map((path) => readFileSync(path, "utf8")).join("\n\n");
const inputs = { "CommonMark spec": repeat(spec), "npm READMEs": repeat(readmes) };
const ours = "article-reader commonmarkInput()";

await run("bench/markdown.mjs", async () => {
  const { markdownCore } = await loadWasm();
  const contenders = await markdownContenders(markdownCore);
  for (const dir of otherCores) {
    const other = await loadCore(dir);
    contenders[`commonmarkInput() of ${dir}`] = (await markdownContenders(other))[ours];
  }
  const rows = [];
  for (const [inputName, text] of Object.entries(inputs)) {
    const mb = Buffer.byteLength(text) / 1e6;
    const timed = timeInterleaved(contenders, text, runs);
    const { html } = timed, seconds = cpu ? timed.cpu : timed.seconds;
    for (const [name, out] of Object.entries(html)) {
      if (out.length < text.length / 4) throw new Error(`${name} produced ${out.length} characters`);
    }
    const rate = Object.fromEntries(Object.entries(seconds).map(([name, s]) => [name, mb / s]));
    console.log(`\n${inputName}: ${mb.toFixed(2)} MB, median of ${runs}${cpu ? ", CPU time" : ""}`);
    console.log(`| renderer | MB/s | ${ours} ÷ it |\n| --- | --- | --- |`);
    for (const [name, r] of Object.entries(rate)) console.log(`| ${name} | ${r.toFixed(1)} | ${(rate[ours] / r).toFixed(2)} |`);
    for (const name of Object.keys(rate).filter((n) => n !== ours)) {
      rows.push([`${inputName} (${mb.toFixed(2)} MB): MB/s`, `${ours.replace("article-reader ", "")} ${rate[ours].toFixed(1)}`,
        `${name} ${rate[name].toFixed(1)}`, ratioLabel(rate[ours] / rate[name])]);
    }
  }
  printTable(`Markdown throughput, median of ${runs}, ratio = ours / peer in speed`, rows);
});
