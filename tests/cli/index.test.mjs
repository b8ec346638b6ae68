// `article-reader index DIR`: a folder of articles as the library list (docs/library.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
// ARTICLE_READER_CLI lets a developer point the suite at another build of the same command.
const cli = process.env.ARTICLE_READER_CLI ?? join(root, "build/native/article-reader");
const story = readFileSync(join(root, "assets/articles/china-japan-security-dialogue.txt"));

function index(dir) {
  const r = spawnSync(cli, ["index", dir], { maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}

function library(files) {
  const dir = join(mkdtempSync(join(tmpdir(), "article-reader-index-")), "Articles");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test("lists every article with its title, stats, folder and file facts, sorted by path", () => {
  const dir = library({
    "world/china-japan.txt": story,
    "notes/Second.TXT": "A second story\n\nIts body, with five words.\n",
    "model.json": JSON.stringify({ version: 1, title: "From a model", date: "2025-03-04",
      blocks: [{ type: "paragraph", inlines: [{ type: "text", text: "One two three." }] }] }),
    "picture.png": "not an article",
    "README": "no extension",
  });
  utimesSync(join(dir, "model.json"), 1700000000, 1700000000);
  const r = index(dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, "");
  const list = JSON.parse(r.out);
  assert.deepEqual(Object.keys(list), ["version", "root", "articles", "skipped"]);
  assert.equal(list.version, 1);
  assert.equal(list.root, "Articles");
  assert.deepEqual(list.skipped, []);
  assert.deepEqual(list.articles.map((a) => a.path), ["model.json", "notes/Second.TXT", "world/china-japan.txt"]);
  assert.deepEqual(list.articles[0], {
    path: "model.json", title: "From a model", words: 6, minutes: 1, date: "2025-03-04", folder: "",
    format: "json", bytes: statSync(join(dir, "model.json")).size, mtime: 1700000000,
  });
  assert.equal(list.articles[1].title, "A second story");
  assert.equal(list.articles[1].folder, "notes");
  assert.equal(list.articles[1].format, "text");
  const china = list.articles[2];
  assert.equal(china.title, "17th China-Japan security dialogue addresses issues of common concern");
  assert.deepEqual([china.words, china.minutes, china.date, china.folder, china.bytes], [476, 3, null, "world", story.length]);
  assert.equal(china.mtime, Math.floor(statSync(join(dir, "world/china-japan.txt")).mtimeMs / 1000));
  assert.equal(index(dir).out, r.out, "the same folder gives the same bytes");
});

test("files that cannot be articles are skipped, each with its reason, and the rest still listed", () => {
  const outside = library({ "secret.txt": "Secret\n\nNot in the library.\n", "elsewhere/x.txt": "X\n\nY.\n" });
  const dir = library({
    "good.txt": story,
    "photo.txt": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)),
    "broken.json": '{"version": 1, "title": "Cut short"',
    "invalid.json": JSON.stringify({ version: 1, title: "T", sections: [{ heading: "H", level: 9 }] }),
    "empty.txt": "",
    "notes.md": "# Notes\n\nMarkdown text.\n",
    ".hidden/ignored.txt": "Hidden\n\nNot listed.\n",
    ".dotfile.txt": "Hidden\n\nNot listed.\n",
  });
  writeFileSync(join(dir, "huge.txt"), "");
  truncateSync(join(dir, "huge.txt"), 65 * 1024 * 1024); // sparse: no 65 MB written to disk
  symlinkSync(join(outside, "..", "Articles", "secret.txt"), join(dir, "leak.txt"));
  symlinkSync(join(outside, "elsewhere"), join(dir, "elsewhere"));
  symlinkSync(join(dir, "nowhere.txt"), join(dir, "dangling.txt"));
  symlinkSync("good.txt", join(dir, "alias.txt"));
  spawnSync("mkfifo", [join(dir, "pipe.txt")]);
  const r = index(dir);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out);
  const listed = list.articles.map((a) => a.path);
  assert.ok(listed.includes("good.txt") && listed.includes("alias.txt"), listed.join(" "));
  const reasons = Object.fromEntries(list.skipped.map((s) => [s.path, s.reason]));
  assert.match(reasons["photo.txt"], /^byte \d+: this is binary data, not text/);
  assert.equal(reasons["huge.txt"], "the input is 65.0 MB, over the 64.0 MB limit");
  assert.equal(reasons["leak.txt"], "a symbolic link to outside the folder; not followed");
  assert.equal(reasons["elsewhere"], "a symbolic link to outside the folder; not followed");
  assert.equal(reasons["dangling.txt"], "a broken symbolic link");
  assert.equal(reasons["pipe.txt"], "not a regular file");
  assert.equal(reasons["empty.txt"], "the article is empty (0 bytes)");
  assert.match(reasons["broken.json"], /^line 1, column \d+: JSON syntax error: /);
  assert.equal(reasons["invalid.json"], "/sections/0/level: expected an integer 1-6");
  // Markdown is listed once the core reads it, and skipped with the core's reason until then.
  const md = list.articles.find((a) => a.path === "notes.md");
  if (md) assert.equal(md.format, "markdown");
  else assert.match(reasons["notes.md"], /Markdown/);
  assert.ok(!r.out.includes("ignored.txt") && !r.out.includes(".dotfile") && !r.out.includes("Secret"));
  assert.deepEqual(list.skipped.map((s) => s.path), list.skipped.map((s) => s.path).sort());
});

test("a file name that is not UTF-8 is skipped, and the list stays valid JSON", () => {
  const dir = library({ "fine.txt": "Fine\n\nText.\n" });
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from(".txt")]), "Cafe\n\nText.\n");
  const r = index(dir);
  assert.equal(r.code, 0, r.err);
  const list = JSON.parse(r.out);
  assert.deepEqual(list.articles.map((a) => a.path), ["fine.txt"]);
  assert.deepEqual(list.skipped, [{ path: "caf\uFFFD.txt", reason: "the name is not valid UTF-8" }]);
});

// As root every file is readable, so the command then runs as nobody (uid 65534), to whom the
// folders are open and the file is not; from a copy, as the checkout may be closed to nobody.
test("a file it may not read is skipped with the system's reason", () => {
  const dir = library({ "locked.txt": "Locked\n\nText.\n", "open.txt": "Open\n\nText.\n" });
  chmodSync(join(dir, "locked.txt"), 0);
  chmodSync(join(dir, ".."), 0o755);
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? join(dir, "..", "article-reader") : cli;
  if (asRoot) copyFileSync(cli, command);
  const r = spawnSync(command, ["index", dir], { encoding: "utf8", ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
  assert.equal(r.status, 0, r.stderr);
  const list = JSON.parse(r.stdout);
  assert.deepEqual(list.articles.map((a) => a.path), ["open.txt"]);
  assert.deepEqual(list.skipped, [{ path: "locked.txt", reason: "cannot be opened: Permission denied" }]);
});

test("an empty folder is an empty list; a missing folder or a file is one error line and exit 1", () => {
  const dir = library({});
  assert.equal(index(dir).out, '{"version":1,"root":"Articles","articles":[],"skipped":[]}\n');
  const missing = index(join(dir, "nope"));
  assert.equal(missing.code, 1);
  assert.equal(missing.out, "");
  assert.equal(missing.err, `article-reader: ${join(dir, "nope")}: No such file or directory\n`);
  writeFileSync(join(dir, "file.txt"), "x");
  assert.equal(index(join(dir, "file.txt")).err, `article-reader: ${join(dir, "file.txt")}: not a folder\n`);
  for (const args of [["index"], ["index", dir, "extra"]]) {
    const r = spawnSync(cli, args, { encoding: "utf8" });
    assert.equal(r.status, 2, args.join(" "));
    assert.match(r.stderr, /^article-reader: .+\nusage: /);
  }
});

test("--cache reuses what it read, and still sees an edit that kept the size and the modification time", async () => {
  const dir = library({ "a.txt": "First title\n\nSome text.\n", "b.txt": "Other\n\nMore text.\n" });
  const cache = join(dir, "..", "index-cache.json");
  await new Promise((resolve) => setTimeout(resolve, 1100)); // files younger than a second are never cached
  const plain = index(dir).out;
  const cold = spawnSync(cli, ["index", dir, "--cache", cache], { encoding: "utf8" });
  assert.equal(cold.status, 0, cold.stderr);
  assert.equal(cold.stdout, plain);
  assert.deepEqual(JSON.parse(readFileSync(cache, "utf8")).files.map((f) => f.path), ["a.txt", "b.txt"]);
  const warm = spawnSync(cli, ["index", dir, "--cache", cache], { encoding: "utf8" });
  assert.equal(warm.stdout, plain, "the cached list is the same list");

  const { mtime } = statSync(join(dir, "a.txt"));
  writeFileSync(join(dir, "a.txt"), "Again title\n\nSome text.\n"); // same length
  utimesSync(join(dir, "a.txt"), mtime, mtime);
  const edited = JSON.parse(spawnSync(cli, ["index", dir, "--cache", cache], { encoding: "utf8" }).stdout);
  assert.equal(edited.articles[0].title, "Again title");

  writeFileSync(cache, "{not json");
  const corrupt = spawnSync(cli, ["index", dir, "--cache", cache], { encoding: "utf8" });
  assert.equal(corrupt.status, 0);
  assert.equal(JSON.parse(corrupt.stdout).articles[0].title, "Again title");
  const unwritable = spawnSync(cli, ["index", dir, "--cache", join(dir, "no-such-folder", "c.json")], { encoding: "utf8" });
  assert.equal(unwritable.status, 0, "a cache it cannot write is not an error");
  assert.equal(unwritable.stdout, corrupt.stdout);
});
