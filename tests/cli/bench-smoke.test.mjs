// The browser benchmark of time to interactive still runs: its short mode (one run each, 200 KB
// books) prints the table of figure, article-reader, peer and ratio, with a ratio for every
// article. The long runs that give docs/benchmarks.md its figures are not part of the tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

test("bench/interactive.mjs --smoke prints its table", () => {
  const out = execFileSync(process.execPath, ["bench/interactive.mjs", "--smoke"], { cwd: root, encoding: "utf8", timeout: 300_000 });
  assert.match(out, /\| figure +\| article-reader +\| peer or limit +\| ratio +\|/);
  const ratios = [...out.matchAll(/^\| interactive: .*\| static page \d+ ms +\| (\d+\.\d\d) +\|$/gm)].map((m) => Number(m[1]));
  assert.equal(ratios.length, 3, out);
  for (const r of ratios) assert.ok(r > 0 && Number.isFinite(r), out);
});
