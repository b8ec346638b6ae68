// Gives the core's wasm a content-hashed name, so that HTTP caches may keep it forever
// (serve.py sends it `immutable`) and a new build can never be paired with an old cached wasm.
//   node scripts/hash-core.mjs DIST      run by the wasm build after the core is linked
// It writes DIST/article-reader-core.<hash>.wasm, removes the hashed copies of earlier builds, and
// points the core's JS at the new name. DIST/article-reader-core.wasm stays, the same bytes under a
// stable name, for node's tests and benchmarks, which pass the bytes in as `wasmBinary`.
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node scripts/hash-core.mjs DIST");
  process.exit(2);
}
const wasm = readFileSync(join(dist, "article-reader-core.wasm"));
const name = `article-reader-core.${createHash("sha256").update(wasm).digest("hex").slice(0, 16)}.wasm`;

const jsPath = join(dist, "article-reader-core.js");
const js = readFileSync(jsPath, "utf8");
// Emscripten's JS names its wasm once, as a string literal; a fresh link names the stable file, a
// second run of this script (the same link) already the hashed one.
const literal = /"article-reader-core(?:\.[0-9a-f]{16})?\.wasm"/g;
const found = js.match(literal) ?? [];
if (found.length !== 1) throw new Error(`${jsPath} must name its wasm exactly once; it does ${found.length} times`);
writeFileSync(jsPath, js.replace(literal, JSON.stringify(name)));

for (const file of readdirSync(dist)) if (/^article-reader-core\.[0-9a-f]{16}\.wasm$/.test(file) && file !== name) rmSync(join(dist, file));
copyFileSync(join(dist, "article-reader-core.wasm"), join(dist, name));
console.log(`core wasm: ${name}`);
