// Minifies what the widget downloads with esbuild (an exact-pinned dev dependency; docs/architecture.md,
// "Dependencies"). Run by the wasm build (CMakeLists.txt):
//   node scripts/minify-web.mjs core FILE.js...   Emscripten's output, in place, after each link
//   node scripts/minify-web.mjs element DIST      web/article-reader.js and .css into DIST (web/dist/)
// esbuild only drops white space and comments and renames local names: no syntax is lowered,
// nothing is bundled, top-level names (createArticleReaderCore, ArticleReaderElement) stay, and the
// code does what the source does. (Emscripten's own route, --closure 1, needs Java's Closure Compiler.)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

const minify = (code, loader) => transformSync(code, { loader, minify: true, legalComments: "none" }).code;

const [mode, ...args] = process.argv.slice(2);
if (mode === "core") {
  for (const file of args) writeFileSync(file, minify(readFileSync(file, "utf8"), "js"));
} else if (mode === "element" && args.length === 1) {
  const web = fileURLToPath(new URL("../web/", import.meta.url));
  // The one change besides minifying: the copy in dist/ has the core beside it, not in dist/.
  const source = readFileSync(join(web, "article-reader.js"), "utf8");
  const folder = 'const coreFolder = "dist/";';
  if (source.split(folder).length !== 2) throw new Error(`web/article-reader.js must hold ${folder} exactly once`);
  const element = minify(source.replace(folder, 'const coreFolder = "";'), "js");
  if (/["'`]dist\//.test(element)) throw new Error("web/article-reader.js names dist/ other than through coreFolder");
  writeFileSync(join(args[0], "article-reader.js"), element);
  writeFileSync(join(args[0], "article-reader.css"), minify(readFileSync(join(web, "article-reader.css"), "utf8"), "css"));
} else {
  console.error("usage: node scripts/minify-web.mjs core FILE.js... | element DIST");
  process.exit(2);
}
