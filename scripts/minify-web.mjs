// Minifies the Emscripten JS the widget downloads, in place, with esbuild (an exact-pinned dev
// dependency; docs/architecture.md, "Payload"). Run by the wasm build after each link (CMakeLists.txt):
//   node scripts/minify-web.mjs web/dist/article-reader-core.js [...]
// esbuild only drops white space and comments and renames local names: no syntax is lowered,
// nothing is bundled, top-level names (the factory, createArticleReaderCore) stay, and the code
// does what Emscripten's did. (Emscripten's own answer, --closure 1, needs Java's Closure Compiler.)
import { readFileSync, writeFileSync } from "node:fs";
import { transformSync } from "esbuild";

for (const file of process.argv.slice(2)) {
  const { code } = transformSync(readFileSync(file, "utf8"), { loader: "js", minify: true, legalComments: "none" });
  writeFileSync(file, code);
}
