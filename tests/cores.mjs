// The web cores under node, for tests and benchmarks: one core per group of formats
// (docs/architecture.md, "A core per format"), web/dist/article-reader-core-NAME.js and .wasm.
// Emscripten 3.1.6 modules try fetch() on a file path under node 18+, so the wasm goes in as bytes.
//   const core = await loadCore(coreOf("markdown"));                 the Markdown core of web/dist
//   const core = await loadCore("text", { dir, wasmBinary });        another build, or changed bytes
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const dist = fileURLToPath(new URL("../web/dist/", import.meta.url));

export const coreNames = ["text", "markdown"];
// The core that reads a format, as web/article-reader.js picks it.
export const coreOf = (format) => (format === "markdown" ? "markdown" : "text");

// A build folder from before the split holds one core for every format, article-reader-core.js;
// bench/core-ab.mjs and bench/markdown.mjs --core compare against such builds too.
export function coreFiles(name, dir = dist) {
  const split = { js: join(dir, `article-reader-core-${name}.js`), wasm: join(dir, `article-reader-core-${name}.wasm`) };
  if (existsSync(split.js) || dir === dist) return split;
  return { js: join(dir, "article-reader-core.js"), wasm: join(dir, "article-reader-core.wasm") };
}

export const hasCores = (dir = dist) => coreNames.every((name) => existsSync(coreFiles(name, dir).wasm));

export async function loadCore(name, { dir = dist, wasmBinary } = {}) {
  const { js, wasm } = coreFiles(name, dir);
  if (!existsSync(js)) throw new Error(`${js} is missing: cmake --preset wasm && cmake --build --preset wasm`);
  return require(js)({ wasmBinary: wasmBinary ?? readFileSync(wasm) });
}
