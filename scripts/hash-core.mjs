// Gives a core's wasm a content-hashed name, so that HTTP caches may keep it forever (serve.py
// sends it `immutable`) and a new build can never be paired with an old cached wasm.
//   node scripts/hash-core.mjs DIST NAME      run by the wasm build after each core is linked
// NAME is the core's file name without extension (article-reader-core-text, article-reader-core-markdown).
// It writes DIST/NAME.<hash>.wasm, removes that core's hashed copies of earlier builds, and points
// NAME.js at the new name. DIST/NAME.wasm stays, the same bytes under a stable name, for node's
// tests and benchmarks, which pass the bytes in as `wasmBinary`. It also removes the one core of
// the builds before the split (article-reader-core.js and its wasm), so nothing can load it by mistake.
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dist, core] = process.argv.slice(2);
if (!dist || !/^article-reader-core-[a-z]+$/.test(core ?? "")) {
  console.error("usage: node scripts/hash-core.mjs DIST article-reader-core-NAME");
  process.exit(2);
}
const wasm = readFileSync(join(dist, `${core}.wasm`));
const name = `${core}.${createHash("sha256").update(wasm).digest("hex").slice(0, 16)}.wasm`;

const jsPath = join(dist, `${core}.js`);
const js = readFileSync(jsPath, "utf8");
// Emscripten's JS names its wasm once, as a string literal; a fresh link names the stable file, a
// second run of this script (the same link) already the hashed one.
const literal = new RegExp(`"${core}(?:\\.[0-9a-f]{16})?\\.wasm"`, "g");
const found = js.match(literal) ?? [];
if (found.length !== 1) throw new Error(`${jsPath} must name its wasm exactly once; it does ${found.length} times`);
writeFileSync(jsPath, js.replace(literal, JSON.stringify(name)));

const stale = new RegExp(`^(${core}\\.[0-9a-f]{16}\\.wasm|article-reader-core(\\.[0-9a-f]{16})?\\.(wasm|js))$`);
for (const file of readdirSync(dist)) if (stale.test(file) && file !== name) rmSync(join(dist, file));
copyFileSync(join(dist, `${core}.wasm`), join(dist, name));
console.log(`core wasm: ${name}`);
