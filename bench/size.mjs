// What the widget downloads, raw and gzip -9, file by file, against the 100 KB budget (80 KB stretch).
//   node bench/size.mjs        (after cmake --build --preset wasm; --smoke is the same run, it takes no time)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { printTable } from "./common.mjs";

const web = fileURLToPath(new URL("../web/", import.meta.url));
// The build's minified element and stylesheet (scripts/minify-web.mjs), as the page and embedders load them.
const files = ["dist/article-reader.js", "dist/article-reader.css", "dist/article-reader-core.js", "dist/article-reader-core.wasm"];
let raw = 0, gz = 0;
const rows = [];
for (const file of files) {
  const bytes = readFileSync(join(web, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  rows.push([`gzip -9: web/${file}`, `${zipped} bytes`, "", ""]);
  console.log(`${file.padEnd(32)} ${String(bytes.length).padStart(8)} raw ${String(zipped).padStart(7)} gzip`);
}
// The wasm's code and data sections, for a first idea of where it goes; which functions make the
// code is bench/wasm-contributors.mjs's job (it needs a --profiling-funcs link).
const wasm = readFileSync(join(web, "dist/article-reader-core.wasm"));
for (let at = 8; at < wasm.length;) {
  const id = wasm[at++];
  let size = 0, shift = 0, b;
  do { b = wasm[at++]; size += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  const name = { 10: "code", 11: "data" }[id];
  if (name) console.log(`  wasm ${name} section`.padEnd(33) + `${String(size).padStart(8)} raw ${String(gzipSync(wasm.subarray(at, at + size), { level: 9 }).length).padStart(7)} gzip alone`);
  at += size;
}
console.log(`${"total".padEnd(32)} ${String(raw).padStart(8)} raw ${String(gz).padStart(7)} gzip ` +
  `(${(gz / 1024).toFixed(1)} KiB; budget 100 KB: ${gz <= 100_000 ? "within" : "over"}; stretch 80 KB: ${gz <= 80_000 ? "within" : "over"})`);
rows.push(["gzip -9: total for the element", `${gz} bytes`, "budget 100,000 bytes", (gz / 100_000).toFixed(2)]);
rows.push(["gzip -9: total for the element", `${gz} bytes`, "stretch 80,000 bytes", (gz / 80_000).toFixed(2)]);
printTable("Payload, ratio = size / budget (at most 1.00 is within)", rows);
