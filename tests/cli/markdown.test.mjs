// Markdown as a user reads it: the CLI's json and html, and the wasm core's view() that the element
// calls with format="markdown", on tests/fixtures/markdown/release-notes.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { coreFiles, loadCore } from "../cores.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, process.env.ARTICLE_READER_BUILD ?? "build/native", "article-reader");
const file = join(root, "tests/fixtures/markdown/release-notes.md");

function run(args, input) {
  const r = spawnSync(cli, args, { input });
  return { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}

test("json: title, nested sections, GFM blocks and inlines, raw HTML dropped", () => {
  const r = run(["json", file]);
  assert.equal(r.code, 0, r.err);
  const m = JSON.parse(r.out);
  assert.equal(m.title, "Release notes: reader 2.0");
  assert.deepEqual(m.sections.map((s) => [s.id, s.level, s.sections.map((t) => t.heading)]),
    [["whats-new", 2, ["Upgrading"]], ["thanks", 2, []]]);
  const lead = m.blocks[0].inlines;
  assert.ok(lead.some((i) => i.type === "strikethrough"));
  assert.deepEqual(lead.filter((i) => i.type === "link").map((i) => i.url), ["http://www.example.com/notes", "mailto:team@example.com"]);
  const [list, table] = m.sections[0].blocks;
  assert.deepEqual(list.items.map((i) => i.checked), [true, false]);
  assert.deepEqual(table.align, ["left", "right"]);
  assert.equal(table.rows.length, 2);
  assert.equal(table.rows[1][0][0].type, "code");
  assert.deepEqual(m.dropped, [{ text: "<details><summary>Raw HTML</summary>never shown as HTML</details>", reason: "raw HTML, not shown" }]);
});

test("html: sections as details, del, table, lazy image with alt, unsafe link inert, no raw HTML", () => {
  const r = run(["html", file]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.match(/<details class="ar-section/g).length, 3);
  assert.match(r.out, /<del>no<\/del>/);
  assert.match(r.out, /<table>\n<thead>/);
  assert.match(r.out, /<img src="team.png" alt="Team photo" title="The team" loading="lazy"/);
  assert.match(r.out, /<a href="https:\/\/example.com">safe link<\/a>/);
  assert.ok(!r.out.includes("javascript:"));
  assert.ok(!r.out.includes("<summary>Raw HTML"));
});

test("--format markdown reads standard input; json reads its own output back", () => {
  const first = run(["json", "-", "--format", "markdown"], readFileSync(file));
  assert.equal(first.code, 0);
  const again = run(["json", "-", "--format", "json"], first.out);
  assert.equal(again.code, 0, again.err);
  assert.equal(again.out, first.out);
});

const wasm = coreFiles("markdown").wasm;
test("the wasm core's view(bytes, \"markdown\") gives the CLI's model", { skip: !existsSync(wasm) && "no wasm build" }, async () => {
  const core = await loadCore("markdown");
  const v = core.view(readFileSync(file), "markdown", "{}");
  assert.equal(v.error, "");
  assert.deepEqual(JSON.parse(v.json), JSON.parse(run(["json", file]).out));
  assert.match(v.html, /<del>no<\/del>/);
});
