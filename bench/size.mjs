// What the widget downloads, raw and gzip -9, file by file, against the 100 KB budget (80 KB stretch).
//   node bench/size.mjs        (after cmake --build --preset wasm)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("../web/", import.meta.url));
const files = ["article-reader.js", "article-reader.css", "dist/article-reader-core.js", "dist/article-reader-core.wasm"];
let raw = 0, gz = 0;
for (const file of files) {
  const bytes = readFileSync(join(web, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${file.padEnd(32)} ${String(bytes.length).padStart(8)} raw ${String(zipped).padStart(7)} gzip`);
}
console.log(`${"total".padEnd(32)} ${String(raw).padStart(8)} raw ${String(gz).padStart(7)} gzip ` +
  `(${(gz / 1024).toFixed(1)} KiB; budget 100 KB: ${gz <= 100_000 ? "within" : "over"}; stretch 80 KB: ${gz <= 80_000 ? "within" : "over"})`);
