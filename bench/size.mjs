// What the widget downloads for an article of each format, raw and gzip -9, file by file, against
// the 100 KB budget (80 KB stretch). An article downloads the element, its stylesheet and the one
// core that reads its format (docs/architecture.md, "A core per format"): text and JSON models the
// text core, Markdown the Markdown core. Many elements of both formats on one page fetch both.
//   node bench/size.mjs        (after cmake --build --preset wasm; --smoke is the same run, it takes no time)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { printTable } from "./common.mjs";
import { coreNames, coreOf } from "../tests/cores.mjs";

const web = fileURLToPath(new URL("../web/", import.meta.url));
const measure = (file) => {
  const bytes = readFileSync(join(web, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, bytes };
};
const line = (name, raw, gzip, note = "") => console.log(`${name.padEnd(38)} ${String(raw).padStart(8)} raw ${String(gzip).padStart(7)} gzip${note}`);

// The build's minified element and stylesheet (scripts/minify-web.mjs), as the page and embedders load them.
const shared = ["dist/article-reader.js", "dist/article-reader.css"].map(measure);
const cores = Object.fromEntries(coreNames.map((name) =>
  [name, [`dist/article-reader-core-${name}.js`, `dist/article-reader-core-${name}.wasm`].map(measure)]));

for (const f of shared) line(f.file, f.raw, f.gzip);
for (const name of coreNames) {
  for (const f of cores[name]) line(f.file, f.raw, f.gzip);
  // The wasm's code and data sections, for a first idea of where it goes; which functions make the
  // code is bench/wasm-contributors.mjs's job (it needs a --profiling-funcs link).
  const wasm = cores[name][1].bytes;
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at++];
    let size = 0, shift = 0, b;
    do { b = wasm[at++]; size += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    const section = { 10: "code", 11: "data" }[id];
    if (section) line(`  ${name} wasm ${section} section`, size, gzipSync(wasm.subarray(at, at + size), { level: 9 }).length, " alone");
    at += size;
  }
}

const rows = [];
const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);
for (const format of ["text", "markdown", "json"]) {
  const files = [...shared, ...cores[coreOf(format)]];
  const gz = sum(files, "gzip");
  line(`total for a ${format} article`, sum(files, "raw"), gz,
    ` (${(gz / 1024).toFixed(1)} KiB; budget 100 KB: ${gz <= 100_000 ? "within" : "over"}; stretch 80 KB: ${gz <= 80_000 ? "within" : "over"})`);
  for (const f of files) rows.push([`gzip -9, ${format} article: web/${f.file}`, `${f.gzip} bytes`, "", ""]);
  rows.push([`gzip -9: total for a ${format} article`, `${gz} bytes`, "budget 100,000 bytes", (gz / 100_000).toFixed(2)]);
  rows.push([`gzip -9: total for a ${format} article`, `${gz} bytes`, "stretch 80,000 bytes", (gz / 80_000).toFixed(2)]);
}
const both = [...shared, ...coreNames.flatMap((name) => cores[name])];
line("a page with text and Markdown articles", sum(both, "raw"), sum(both, "gzip"));
printTable("Payload, ratio = size / budget (at most 1.00 is within)", rows);
