// Time to index a library of 2,000 articles with `article-reader index` (every file read), and again
// with a warm `--cache` (what the server does after the first time: only changed files are read),
// beside two peers in the same run that read the same files and do less with them:
//   cat     find DIR -type f -exec cat {} +   (reading every byte, nothing else)
//   wc -w   find DIR -type f -exec wc -w {} + (reading every byte and counting words)
// Run:  cmake --preset release && cmake --build --preset release --target article-reader
//       node bench/index.mjs [runs] [articles] [--smoke]
// --smoke: one run over 100 articles in build/bench/library-smoke, to prove the script works
// (tests/cli/bench-smoke.test.mjs; bench/serve-load.sh --smoke serves that library).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { printTable } from "./common.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");
const numbers = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const runs = smoke ? 1 : numbers[0] ?? 9;
const count = smoke ? 100 : numbers[1] ?? 2000;
const cli = process.env.ARTICLE_READER_CLI ?? join(root, "build/release/article-reader");

// Articles shaped like the fixtures (news with chrome, letters, release notes, lists, scripts other
// than Latin), each grown to 2-16 KB with other fixtures' paragraphs, in 50 folders two levels deep;
// every tenth is a JSON model (the fixtures' expected models).
function makeLibrary(dir) {
  rmSync(dir, { recursive: true, force: true });
  const fixtures = join(root, "tests/fixtures/text");
  const names = readdirSync(fixtures).filter((f) => f.endsWith(".txt")).sort();
  const texts = names.map((f) => readFileSync(join(fixtures, f), "utf8"));
  const bodies = texts.map((t) => t.slice(t.indexOf("\n\n") + 2).trim());
  const models = names.map((f) => join(fixtures, f.replace(/\.txt$/, ".json")));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `topic-${i % 10}`, `year-${20 + (i % 5)}`);
    mkdirSync(folder, { recursive: true });
    let content;
    let name;
    if (i % 10 === 9) {
      content = readFileSync(models[i % models.length]);
      name = `article-${i}.json`;
    } else {
      const target = 2048 + ((i * 7919) % 14336);
      const parts = [texts[i % texts.length].trim()];
      for (let k = 1, size = parts[0].length; size < target; k++) {
        parts.push(`Part ${k}\n\n${bodies[(i + k) % bodies.length]}`);
        size += parts.at(-1).length;
      }
      content = Buffer.from(`${parts.join("\n\n")}\n`);
      name = `article-${i}.txt`;
    }
    writeFileSync(join(folder, name), content);
    bytes += content.length;
  }
  return bytes;
}

// Median wall time and median CPU time (user + system, all threads and children) in ms, by bash's
// `time`: the machines are shared, and CPU time is what other work on them inflates least.
function median(command, args) {
  const wall = [], cpu = [];
  for (let i = 0; i <= runs; i++) {
    const r = spawnSync("bash", ["-c", 'TIMEFORMAT="%R %U %S"; time "$@" >/dev/null', "bash", command, ...args], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    const [real, user, sys] = r.stderr.trim().split("\n").at(-1).split(" ").map(Number);
    if (i === 0) continue; // the first run warms the page cache (and, with --cache, fills the cache)
    wall.push(real * 1000);
    cpu.push((user + sys) * 1000);
  }
  const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: mid(wall), cpu: mid(cpu) };
}

const dir = join(root, smoke ? "build/bench/library-smoke" : "build/bench/library");
const bytes = makeLibrary(dir);
const list = JSON.parse(execFileSync(cli, ["index", dir], { maxBuffer: 64 * 1024 * 1024 }));
if (list.articles.length !== count) throw new Error(`indexed ${list.articles.length} of ${count}: ${JSON.stringify(list.skipped.slice(0, 3))}`);
await new Promise((resolve) => setTimeout(resolve, 1100)); // files younger than a second are never cached
const index = median(cli, ["index", dir]);
const cacheFile = join(root, smoke ? "build/bench/library-smoke-cache.json" : "build/bench/library-cache.json");
rmSync(cacheFile, { force: true });
const cached = median(cli, ["index", dir, "--cache", cacheFile]);
const cat = median("sh", ["-c", 'find "$1" -type f -exec cat {} + >/dev/null', "sh", dir]);
const wc = median("sh", ["-c", 'find "$1" -type f -exec wc -w {} + >/dev/null', "sh", dir]);
console.log(`${count} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB, median of ${runs}, wall / CPU ms:`);
for (const [name, t] of [["index", index], ["index --cache (warm)", cached], ["cat", cat], ["wc -w", wc]]) {
  console.log(`  ${name.padEnd(22)} ${t.wall.toFixed(0).padStart(6)} ${t.cpu.toFixed(0).padStart(6)}   ` +
    `/cat ${(t.wall / cat.wall).toFixed(2)} ${(t.cpu / cat.cpu).toFixed(2)}   /wc -w ${(t.wall / wc.wall).toFixed(2)} ${(t.cpu / wc.cpu).toFixed(2)}`);
}
const ms = (t) => `${t.wall.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU`;
const ratio = (a, b) => `${(a.wall / b.wall).toFixed(2)} wall, ${(a.cpu / b.cpu).toFixed(2)} CPU`;
printTable(`Indexing ${count} articles (${(bytes / 1024 / 1024).toFixed(1)} MB), median of ${runs}`, [
  ["index: every file read", ms(index), `wc -w ${ms(wc)}`, ratio(index, wc)],
  ["index: every file read", ms(index), `cat ${ms(cat)}`, ratio(index, cat)],
  ["index --cache (warm)", ms(cached), `cat ${ms(cat)}`, ratio(cached, cat)],
]);
