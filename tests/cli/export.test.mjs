// `article-reader export`: one self-contained HTML file per article, as a user writes it.
// (tests/web/export.test.mjs opens such a file from file:// in Chromium.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadCore } from "../cores.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = process.env.ARTICLE_READER_CLI ?? join(root, "build/native/article-reader");
const article = join(root, "assets/articles/china-japan-security-dialogue.txt");
const coreSingle = join(root, "web/dist/article-reader-core.single.js");
const scratch = mkdtempSync(join(tmpdir(), "article-reader-export-"));

function run(args) {
  const r = spawnSync(cli, args, { maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}

function exported(input, name, extra = []) {
  assert.ok(existsSync(coreSingle), `${coreSingle} is missing: build the wasm preset (cmake --build --preset wasm)`);
  const out = join(scratch, name);
  const r = run(["export", input, "-o", out, ...extra]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, "");
  assert.equal(r.err, "");
  return readFileSync(out, "utf8");
}

// The inline scripts' texts, and the document with scripts, styles and the model's template removed.
function split(html) {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const markup = html
    .replace(/<script>[\s\S]*?<\/script>/g, "")
    .replace(/<style data-article-reader>[\s\S]*?<\/style>/, "")
    .replace(/<template type="application\/json">[\s\S]*?<\/template>/, "");
  return { scripts, markup };
}

const guarded = (text) => text.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");

test("export writes the default article as one self-contained HTML file", () => {
  const html = exported(article, "story.html");
  assert.match(html, /^<!doctype html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n/);
  assert.match(html, /<title>17th China-Japan security dialogue addresses issues of common concern<\/title>/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;unsafe-inline&#39; &#39;wasm-unsafe-eval&#39;;/);

  // The pre-rendered view, sections as open <details>, and the model the element upgrades from.
  const { scripts, markup } = split(html);
  assert.equal((markup.match(/<details class="ar-section ar-level-2" id="[a-z-]+" open>/g) ?? []).length, 2);
  assert.match(markup, /<summary class="ar-summary"><h2 class="ar-heading" data-u="\d+">China urges Japan to correct wrongdoings<\/h2>/);
  const template = /<template type="application\/json">([^<]*)<\/template>/.exec(html)[1];
  const model = JSON.parse(template.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"));
  assert.equal(model.title, "17th China-Japan security dialogue addresses issues of common concern");
  assert.equal(model.sections.length, 2);

  // Nothing to fetch: no <link>, no script src, and every src/href is a fragment or a link the author wrote.
  assert.doesNotMatch(markup, /<link\b|<script\b|<iframe\b|<object\b/i);
  for (const [, name, value] of markup.matchAll(/\b(src|href)="([^"]*)"/g)) {
    assert.match(value, /^(#|https?:\/\/|mailto:)/, `${name}="${value}"`);
  }
  assert.doesNotMatch(markup, /\bstyle=|\son[a-z]+=/i);

  // Two inline scripts: the single-file core, then the element, each with nothing that ends it early.
  assert.equal(scripts.length, 2);
  assert.equal((html.match(/<script>/g) ?? []).length, 2);
  assert.equal((html.match(/<\/script/gi) ?? []).length, 2, "only the two end tags");
  assert.equal(scripts[0].trim(), guarded(readFileSync(coreSingle, "utf8")).trim());
  assert.equal(scripts[1].trim(), guarded(readFileSync(join(root, "web/article-reader.js"), "utf8")).trim());
  for (const script of scripts) assert.doesNotMatch(script, /<!--/);
  assert.match(scripts[0], /data:application\/octet-stream;base64,/, "the wasm is inlined");
  assert.doesNotMatch(html.replace(/<\/style>\n<script>[\s\S]*$/, ""), /<\/style>[\s\S]*<\/style>/);

  const bytes = Buffer.byteLength(html);
  const gzip = gzipSync(html, { level: 9 }).length;
  console.log(`exported default article: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB), gzip -9 ${gzip} bytes (${(gzip / 1024).toFixed(1)} KiB)`);
});

test("a hostile title arrives escaped in the title, the heading and the model", () => {
  const input = join(scratch, "hostile.txt");
  writeFileSync(input, "<script>alert(1)</script>\n\nA body with </template> and <!-- in it.\n\nSecond\n\nMore text.\n");
  const html = exported(input, "hostile.html");
  assert.match(html, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
  assert.match(html, /<h1 class="ar-title" data-u="0">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
  const { scripts, markup } = split(html);
  assert.equal(scripts.length, 2);
  assert.doesNotMatch(markup, /<script/i);
  assert.equal((html.match(/<\/template>/g) ?? []).length, 1);
  assert.doesNotMatch(html, /alert\(1\)<\/script>/);
  assert.doesNotMatch(html, /<!--/);
});

test("--lang and --dir reach the exported page", () => {
  const html = exported(article, "fr.html", ["--lang", "fr", "--dir", "rtl"]);
  assert.match(html, /^<!doctype html>\n<html lang="fr" dir="rtl">/);
  assert.match(html, /<article class="ar-article" lang="fr" dir="rtl">/);
});

test("-o - writes the file to standard output", () => {
  const r = run(["export", article, "-o", "-"]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, exported(article, "same.html"));
});

// Each failure: exit 1, nothing on stdout, exactly one line on stderr that says where and what.
function expectFailure(r, pattern) {
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out, "");
  assert.equal(r.err.trimEnd().split("\n").length, 1, r.err);
  assert.match(r.err, pattern);
}

test("export failures give a clear one-line error", () => {
  const missingDir = join(scratch, "no-such-folder", "story.html");
  expectFailure(run(["export", article, "-o", missingDir]),
    new RegExp(`^article-reader: ${missingDir}: cannot write: No such file or directory\n$`));
  expectFailure(run(["export", article, "-o", scratch]), new RegExp(`^article-reader: ${scratch}: cannot write: Is a directory\n$`));
  expectFailure(run(["export", join(scratch, "nope.txt"), "-o", join(scratch, "nope.html")]),
    new RegExp(`^article-reader: ${join(scratch, "nope.txt")}: No such file or directory\n$`));
  assert.ok(!existsSync(join(scratch, "nope.html")), "no file is written for an input that cannot be read");
  const emptyWeb = mkdtempSync(join(scratch, "web-"));
  expectFailure(run(["export", article, "-o", join(scratch, "x.html"), "--web", emptyWeb]),
    new RegExp(`^article-reader: ${emptyWeb}/dist/article-reader-core\\.single\\.js: No such file or directory \\(build the single-file core with the wasm preset: cmake --build --preset wasm\\)\n$`));
});

test("export usage errors exit 2", () => {
  for (const args of [["export", article], ["export", article, "-o"], ["json", article, "-o", join(scratch, "j.html")], ["export", "-o", "x.html"]]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.err, /^article-reader: .+\nusage: /);
  }
});

test("the wasm core's exportHtml writes the same file as the CLI", async () => {
  const core = await loadCore("text"); // the core the page's "Download for offline" uses
  const [elementJs, css, coreJs] = ["web/article-reader.js", "web/article-reader.css", "web/dist/article-reader-core.single.js"]
    .map((path) => readFileSync(join(root, path), "utf8"));
  const r = core.exportHtml(readFileSync(article), "text", "", elementJs, css, coreJs);
  assert.equal(r.error, "");
  assert.equal(r.html, exported(article, "cli.html"));
  assert.equal(core.exportHtml(readFileSync(article), "text", "", elementJs, css, "").error,
    "the single-file core (dist/article-reader-core.single.js) is empty");
  assert.match(core.exportHtml(new Uint8Array(), "text", "", elementJs, css, coreJs).error, /empty/);
  assert.equal(core.exportHtml(readFileSync(article), "html", "", elementJs, css, coreJs).error,
    'unknown format "html" (expected text, markdown or json)');
});
