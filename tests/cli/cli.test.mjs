// The native CLI, build/native/article-reader, as a user runs it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(root, "build/native/article-reader");
const article = join(root, "assets/articles/china-japan-security-dialogue.txt");
const scratch = mkdtempSync(join(tmpdir(), "article-reader-cli-"));

function run(args, input) {
  const r = spawnSync(cli, args, { input, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}

function file(name, content) {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

test("json prints the model of the default article", () => {
  const r = run(["json", article]);
  assert.equal(r.code, 0);
  assert.equal(r.err, "");
  const model = JSON.parse(r.out);
  assert.equal(model.version, 1);
  assert.equal(model.title, "17th China-Japan security dialogue addresses issues of common concern");
  assert.equal(model.blocks.length, 5);
  assert.deepEqual(model.sections.map((s) => [s.id, s.blocks.length]), [
    ["china-urges-japan-to-correct-wrongdoings", 3],
    ["rejecting-confrontation-and-division", 5],
  ]);
  assert.deepEqual(model.dropped, [{ text: "Search Trends", reason: "trailing site navigation" }]);
  assert.deepEqual(model.stats, { words: 476, minutes: 3 });
});

test("json output reads back as the same model", () => {
  const first = run(["json", article]).out;
  const again = run(["json", "-", "--format", "json"], first);
  assert.equal(again.code, 0);
  assert.equal(again.out, first);
});

test("html prints the reading view, with sections as details", () => {
  const r = run(["html", article]);
  assert.equal(r.code, 0);
  assert.match(r.out, /^<article class="ar-article" lang="en" dir="ltr">/);
  assert.equal(r.out.match(/<details class="ar-section/g).length, 2);
  assert.ok(r.out.indexOf("Search Trends") > r.out.indexOf('<details class="ar-dropped">'));
});

test("- reads standard input and --format overrides the extension", () => {
  const r = run(["json", "-"], "Piped title\n\nPiped body.\n");
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.out).title, "Piped title");
  const asText = run(["json", file("looks.json", "Not JSON at all\n\nJust text.\n"), "--format", "text"]);
  assert.equal(asText.code, 0);
  assert.equal(JSON.parse(asText.out).title, "Not JSON at all");
});

// Each failure: exit 1, nothing on stdout, exactly one line on stderr that says where and what.
function expectFailure(r, message) {
  assert.equal(r.code, 1);
  assert.equal(r.out, "");
  assert.equal(r.err.trimEnd().split("\n").length, 1, r.err);
  assert.equal(r.err, `${message}\n`);
}

test("bad input gets a specific one-line error", () => {
  expectFailure(run(["json", join(scratch, "nope.txt")]), `article-reader: ${join(scratch, "nope.txt")}: No such file or directory`);
  expectFailure(run(["json", file("empty.txt", "")]), `article-reader: ${join(scratch, "empty.txt")}: the article is empty (0 bytes)`);
  expectFailure(run(["json", "-"], " \n \r\n\t"), "article-reader: <stdin>: the article has no text: the input is only white space");
  expectFailure(run(["html", "-"], Buffer.alloc(100)),
    "article-reader: <stdin>: byte 1: this is binary data, not text (100 of the first 100 bytes are NUL or control bytes)");
  expectFailure(run(["json", file("bad.json", '{"version": 1, "title": "T", "sections": [{"heading": "H", "level": 9}]}')]),
    `article-reader: ${join(scratch, "bad.json")}: /sections/0/level: expected an integer 1-6`);
  expectFailure(run(["json", "-", "--format", "json"], "{\n"),
    "article-reader: <stdin>: line 2, column 1: JSON syntax error: syntax error while parsing object key - unexpected end of input; expected string literal");
  expectFailure(run(["json", scratch]), `article-reader: ${scratch}: read error (is it a directory?)`);
});

test("invalid UTF-8 is repaired with a warning that says where", () => {
  const r = run(["json", "-"], Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.out).blocks[0].inlines[0].text, "Caf\uFFFD");
  assert.equal(r.err, "article-reader: warning: <stdin>: line 3, column 4: invalid UTF-8; 1 invalid byte sequence was replaced with U+FFFD\n");
});

test("CRLF input gives the same model as LF input", () => {
  const lf = run(["json", "-"], "Title\n\nLead.\n\nHeading\n\nBody.\n").out;
  const crlf = run(["json", "-"], "Title\r\n\r\nLead.\r\n\r\nHeading\r\n\r\nBody.\r\n").out;
  assert.equal(crlf, lf);
  assert.equal(JSON.parse(lf).sections[0].heading, "Heading");
});

test("a 20 MB text is read whole, and one over the limit is refused", () => {
  const paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n";
  const count = Math.ceil((20 * 1024 * 1024) / paragraph.length);
  const big = run(["json", "-"], `Big\n\n${paragraph.repeat(count - 1)}The very last paragraph.\n`);
  assert.equal(big.code, 0);
  const model = JSON.parse(big.out);
  assert.equal(model.blocks.length, count);
  assert.equal(model.blocks.at(-1).inlines[0].text, "The very last paragraph.");
  expectFailure(run(["json", "-"], Buffer.alloc(65 * 1024 * 1024, "a")),
    "article-reader: <stdin>: the input is 65.0 MB, over the 64.0 MB limit");
});

test("usage errors exit 2 and print the usage", () => {
  for (const args of [[], ["frobnicate", article], ["json"], ["json", article, "--format", "html"], ["json", article, "extra"]]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.err, /^article-reader: .+\nusage: article-reader json\|html FILE\|-/);
  }
  assert.equal(run(["--version"]).out, "article-reader 0.1.0\n");
  assert.match(run(["--help"]).out, /^usage:/);
});

test("article-reader json on every plain-text fixture prints its expected model", () => {
  const dir = join(root, "tests/fixtures/text");
  const names = readdirSync(dir).filter((f) => f.endsWith(".txt"));
  assert.ok(names.length >= 25);
  for (const name of names) {
    const r = run(["json", join(dir, name)]);
    assert.equal(r.code, 0, name);
    assert.equal(r.out, readFileSync(join(dir, name.replace(/\.txt$/, ".json")), "utf8"), name);
  }
});
