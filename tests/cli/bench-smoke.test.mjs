// Every benchmark still runs: `node bench/all.mjs --smoke` runs each script in bench/ in its short
// mode (tiny inputs, one run), and each must print the table of figure, article-reader, peer or
// limit and ratio, with numbers in it. The long runs that give docs/benchmarks.md its figures are not
// part of the tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const expected = ["size.mjs", "memory.mjs", "throughput.mjs", "markdown.mjs", "scaling.mjs", "index.mjs",
  "serve-load.sh", "time-to-visible.mjs", "interactive.mjs", "page-scaling.mjs", "long-tasks.mjs"];

const run = spawnSync(process.execPath, ["bench/all.mjs", "--smoke"], { cwd: root, encoding: "utf8", timeout: 300_000 });
const sections = Object.fromEntries(run.stdout.split(/^### /m).slice(1).map((part) => {
  const newline = part.indexOf("\n");
  return [part.slice(0, newline).split(" ")[0], part.slice(newline + 1)];
}));

// The rows of the tables in a script's output: [figure, article-reader, peer or limit, ratio].
function tableRows(out) {
  const lines = out.split("\n");
  const rows = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\| *figure *\| *article-reader *\| *peer or limit *\| *ratio *\|$/.test(lines[i])) continue;
    for (let j = i + 2; j < lines.length && lines[j].startsWith("|"); j++) {
      rows.push(lines[j].split("|").slice(1, -1).map((cell) => cell.trim()));
    }
  }
  return rows;
}

test("bench/all.mjs --smoke runs every benchmark and each ends well", () => {
  assert.equal(run.error, undefined, `${run.error}`);
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  for (const script of expected) {
    assert.ok(sections[`bench/${script}`] !== undefined, `bench/${script} did not run:\n${run.stdout}`);
    assert.match(sections.summary, new RegExp(`^bench/${script.replace(".", "\\.")} +ok in`, "m"));
  }
});

for (const script of expected) {
  test(`bench/${script} --smoke prints its table with numbers`, () => {
    const rows = tableRows(sections[`bench/${script}`] ?? "");
    assert.ok(rows.length > 0, `no table from bench/${script}:\n${sections[`bench/${script}`]}`);
    for (const row of rows) assert.match(`${row[1]} ${row[2]}`, /\d/, `a row without a figure: ${row.join(" | ")}`);
    const ratios = rows.map((row) => Number.parseFloat(row[3])).filter(Number.isFinite);
    assert.ok(ratios.length > 0 && ratios.every((r) => r >= 0), `no ratio from bench/${script}: ${JSON.stringify(rows)}`);
  });
}

test("bench/throughput.mjs measures target 4 and the structure the Firefox peer misses", () => {
  const rows = tableRows(sections["bench/throughput.mjs"] ?? "");
  const target = rows.find((row) => row[0].startsWith("wasm view(), target 4 (at least 0.80)"));
  assert.ok(target && Number(target[3]) > 0, JSON.stringify(rows));
  assert.match(target[2], /^calibration limit \d+(\.\d)? MB\/s$/);
  const found = rows.find((row) => row[0] === "sections found");
  assert.ok(Number(found[1]) > 0, "article-reader found no sections in the book");
  assert.equal(found[2], "Firefox peer 0");
});

test("bench/interactive.mjs has a ratio for each article", () => {
  const rows = tableRows(sections["bench/interactive.mjs"] ?? "").filter((row) => row[0].startsWith("interactive: "));
  assert.equal(rows.length, 3, JSON.stringify(rows));
});

test("bench/scaling.mjs and page-scaling.mjs write log-log charts, a line per implementation", () => {
  for (const [file, lines] of [["plain-text-time.svg", 4], ["markdown-time.svg", 6], ["page-time.svg", 4]]) {
    const svg = readFileSync(`${root}/build/bench/charts/${file}`, "utf8");
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/<polyline /g) ?? []).length, lines, file);
    assert.doesNotMatch(svg, /style=|<script|NaN/, file);
  }
});
