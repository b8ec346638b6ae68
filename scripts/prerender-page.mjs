// Writes DIST/index.html, the reader's page as served: web/index.html with its default article
// already rendered by the core into the element's declarative shadow root, so that the first
// paint is a static page's and the element upgrades that markup in place (docs/architecture.md,
// "Time to article visible").
//   node scripts/prerender-page.mjs DIST      run by the wasm build after the core is linked
// The article is rendered by the very core the page loads (DIST's, under node), so the element
// can tell by the model's key that what it reads is what is already shown. scripts/serve.py
// serves this file at / and /index.html; web/index.html, unrendered, stays the source.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node scripts/prerender-page.mjs DIST");
  process.exit(2);
}
const root = fileURLToPath(new URL("../", import.meta.url));
const page = readFileSync(join(root, "web/index.html"), "utf8");

// The one reader of the page, with its src and nothing else: what is pre-rendered is what the
// element would show for that src with no attributes changing how.
const readerTag = /<article-reader id="reader" src="([^"]+)"><\/article-reader>/;
const found = page.match(readerTag);
if (!found) throw new Error(`web/index.html must hold ${readerTag.source}`);
const src = found[1];
if (!src.startsWith("assets/")) throw new Error(`web/index.html's reader names ${src}, not a file under assets/`);

// The format as the element guesses it from the extension (formatFor in web/article-reader.js).
const formatOf = (name) => (/\.(md|markdown)$/i.test(name) ? "markdown" : /\.json$/i.test(name) ? "json" : "text");

// The core the element loads for the format (coreOf in web/article-reader.js; docs/architecture.md,
// "A core per format"), and the wasm its JS fetches, under its content-hashed name
// (scripts/hash-core.mjs), read from the JS itself rather than guessed, so that the page can
// preload exactly that file.
const coreOf = (format) => (format === "markdown" ? "markdown" : "text");
function coreFiles(format) {
  const name = `article-reader-core-${coreOf(format)}`;
  const js = `${name}.js`;
  const names = readFileSync(join(dist, js), "utf8").match(new RegExp(`"${name}\\.[0-9a-f]{16}\\.wasm"`, "g")) ?? [];
  if (names.length !== 1) throw new Error(`${join(dist, js)} must name one hashed wasm; it names ${names.length}`);
  return { js, wasm: JSON.parse(names[0]), stable: `${name}.wasm` };
}

async function render(file, format) {
  const require = createRequire(import.meta.url);
  const { js, stable } = coreFiles(format);
  const create = require(join(dist, js));
  const core = await create({ wasmBinary: readFileSync(join(dist, stable)), print: () => {}, printErr: () => {} });
  const r = core.view(readFileSync(file), format, "{}");
  if (r.error) throw new Error(`${file}: ${r.error}`);
  return r;
}

// The place key the element computes from the model JSON (articleKey in web/article-reader.js).
function articleKey(json) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) hash = Math.imul(hash ^ json.charCodeAt(i), 0x01000193);
  return `article-reader:place:${(hash >>> 0).toString(16)}`;
}

// Relative links and images are relative to the article's URL, as the element makes them
// (articleNodes in web/article-reader.js): here, to its folder from the page's. The formatter
// writes every one as `<a href="…"` or `<img src="…"`, already through its URL policy.
function relativeToArticle(html, src) {
  const folder = src.slice(0, src.lastIndexOf("/") + 1);
  return html.replace(/(<a href="|<img src=")([^"]*)"/g, (whole, start, url) =>
    /^(#|\/|[a-z][a-z0-9+.-]*:)/i.test(url) ? whole : `${start}${folder}${url}"`);
}

const escapeAttribute = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// The element's chrome as its constructor builds it (buildShadow in web/article-reader.js), with
// the default settings, so that nothing moves when the element puts its own in its place; the
// settings panel, hidden, is left to the element. tests/web/prerender.test.mjs checks that the
// article does not move and that this markup matches the element's.
function chrome(hasSections) {
  const button = (label, action, extra = "") => `<button class="ar-button" type="button" data-action="${action}"${extra}>${label}</button>`;
  const expandHidden = hasSections ? "" : " hidden";
  return [
    '<div class="ar-progress" part="progress" role="progressbar" aria-label="Reading progress" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0"><div class="ar-progress-bar"></div></div>',
    '<div class="ar-toolbar" part="toolbar" role="toolbar" aria-label="Reader">',
    '<form class="ar-search" role="search" data-control="search">',
    '<input class="ar-search-input" type="search" placeholder="Search" autocomplete="off" aria-label="Search in the article">',
    '<span class="ar-search-count" aria-live="polite"></span>',
    button("↑", "previous", ' aria-label="Previous match"'),
    button("↓", "next", ' aria-label="Next match"'),
    "</form>",
    button("Open…", "open", ' data-control="open"'),
    '<input class="ar-picker" type="file" hidden="" aria-label="Open an article file" accept=".txt,.md,.markdown,.json,text/plain,text/markdown,application/json">',
    button("Expand all", "expand", ` data-control="expand"${expandHidden}`),
    button("Collapse all", "collapse", ` data-control="expand"${expandHidden}`),
    button("Aa", "settings", ' aria-label="Reading settings" aria-expanded="false" data-control="settings"'),
    "</div>",
    '<div class="ar-status" role="status" part="status" hidden=""></div>',
    '<div class="ar-notices" part="notices"></div>',
  ].join("");
}

const format = formatOf(src);
const { json, html: rendered } = await render(join(root, src), format);
const html = relativeToArticle(rendered, src);
const key = articleKey(json);
const { js: coreJs, wasm } = coreFiles(format);
const shadow = `<template shadowrootmode="open"><link rel="stylesheet" href="dist/article-reader.css">` +
  `<div class="ar-root" data-theme="auto" data-size="medium" data-width="medium" data-leading="normal" data-toc="show"` +
  ` data-prerendered="${escapeAttribute(key)}" data-src="${escapeAttribute(src)}" data-format="${format}">` +
  `${chrome(/<details class="ar-section[ "]/.test(html))}<div class="ar-content" part="content">${html}</div></div></template>`;
// What web/first-paint.js needs before the body is parsed: which article is pre-rendered, its
// place key (a remembered place means waiting for the element) and the wasm to preload.
const meta = `<meta name="article-reader-prerendered" content="${escapeAttribute(key)}" data-src="${escapeAttribute(src)}"` +
  ` data-core="dist/${escapeAttribute(wasm)}" data-core-js="dist/${escapeAttribute(coreJs)}">`;
const firstPaint = '<script src="first-paint.js"></script>';
if (page.split(firstPaint).length !== 2) throw new Error(`web/index.html must hold ${firstPaint} once`);
const out = page
  .replace(firstPaint, `${meta}\n  ${firstPaint}`)
  .replace(readerTag, `<article-reader id="reader" src="${src}">${shadow}</article-reader>`);
writeFileSync(join(dist, "index.html"), out);
console.log(`pre-rendered ${src} into ${join(dist, "index.html")} (${out.length} bytes)`);
