import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { init as initMd4w, mdToHtml } from "md4w";
const require = createRequire(import.meta.url);
await initMd4w("fast");
const enc = new TextEncoder(), dec = new TextDecoder();
const cores = [];
for (const dist of process.argv.slice(2)) cores.push([dist, await require(dist + "/article-reader-core.js")({ wasmBinary: readFileSync(dist + "/article-reader-core.wasm") })]);
for (const f of ["/tmp/md-spec.md", "/tmp/md-readmes.md"]) {
  const text = readFileSync(f, "utf8");
  const t = new Map([["md4w", []], ...cores.map(([d]) => [d, []])]);
  for (let r = 0; r < 9; r++) {
    let s = performance.now(); mdToHtml(text); t.get("md4w").push(performance.now() - s);
    for (const [d, core] of cores) {
      s = performance.now();
      if (!core.inputBuffer) core.commonmark(enc.encode(text)).html;
      else dec.decode(core.commonmarkInput(core.inputBuffer && enc.encodeInto(text, core.inputBuffer(3 * text.length)).written).html);
      t.get(d).push(performance.now() - s);
    }
  }
  const med = (x) => [...x].sort((a, b) => a - b)[4];
  const m = med(t.get("md4w"));
  console.log(f, [...t].map(([k, v]) => `${k.split("/").pop()} ${med(v).toFixed(0)}ms (${(m / med(v)).toFixed(2)}x md4w)`).join(" | "));
}
