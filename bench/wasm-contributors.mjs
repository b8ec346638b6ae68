// Which code makes the wasm big: function body sizes from a build linked with --profiling-funcs,
// grouped by namespace, gzip-estimated per group.
//   cmake --preset wasm -B build/wasm-profile -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs -DARTICLE_READER_WASM_OPT_EXTRA=-g
//   cmake --build build/wasm-profile --target article_reader_core_markdown && cp web/dist/article-reader-core-markdown.wasm /tmp/p.wasm
//   (or article_reader_core_text and its wasm: one core per group of formats)
//   node bench/wasm-contributors.mjs /tmp/p.wasm
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const bytes = readFileSync(process.argv[2]);
let at = 8;
const u32 = () => {
  let value = 0, shift = 0, b;
  do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return value;
};
// (`at += u32()` would add to the old `at`, before u32 moved it)
const skipName = () => { const length = u32(); at += length; };
const sections = [];
while (at < bytes.length) {
  const id = bytes[at++], size = u32();
  sections.push({ id, start: at, size });
  at += size;
}

// Imported functions come first in the function index space.
function importedFunctions(section) {
  at = section.start;
  let functions = 0;
  for (let n = u32(); n > 0; n--) {
    skipName(); skipName(); // module, field
    const kind = bytes[at++];
    if (kind === 0) { u32(); functions++; } else if (kind === 1) { at++; const f = u32(); u32(); if (f & 1) u32(); }
    else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { at += 2; } else { at++; u32(); }
  }
  return functions;
}

function names(section) {
  at = section.start;
  const end = section.start + section.size;
  const map = new Map();
  skipName(); // "name"
  while (at < end) {
    const kind = bytes[at++], size = u32(), next = at + size;
    if (kind === 1) {
      for (let n = u32(); n > 0; n--) {
        const index = u32(), length = u32();
        map.set(index, bytes.subarray(at, at + length).toString());
        at += length;
      }
    }
    at = next;
  }
  return map;
}

const imports = sections.find((s) => s.id === 2);
const firstLocal = imports ? importedFunctions(imports) : 0;
const custom = sections.filter((s) => s.id === 0).find((s) => { at = s.start; const n = u32(); return bytes.subarray(at, at + n).toString() === "name"; });
const nameOf = custom ? names(custom) : new Map();
const code = sections.find((s) => s.id === 10);
at = code.start;
const groups = new Map();
for (let i = 0, n = u32(); i < n; i++) {
  const size = u32(), body = bytes.subarray(at, at + size);
  at += size;
  const name = nameOf.get(firstLocal + i) ?? "?";
  if (process.env.SHOW && groupOf(name) === process.env.SHOW) console.log(size, name.slice(0, 150));
  const group = groupOf(name);
  const g = groups.get(group) ?? { raw: 0, count: 0, bodies: [] };
  g.raw += size; g.count++; g.bodies.push(body);
  groups.set(group, g);
}

function groupOf(name) {
  if (/nlohmann/.test(name)) return "nlohmann::json";
  if (/^reader::md|markdown|commonmark/i.test(name)) return "reader: markdown";
  if (/^reader::/.test(name)) return `reader: ${name.split("::")[1]?.replace(/\(.*/, "") ?? ""}`.replace(/: (.*)/, (_, rest) => `: ${rest.length > 20 ? "other" : rest}`);
  if (/emscripten|embind|_embind|__cxa|__gxx/.test(name)) return "embind and runtime";
  if (/^std::|^void std::|^std::__2/.test(name) || /std::__2::/.test(name)) return "libc++ (std::)";
  if (/^(dl|mem|str|__|_|sbrk|emscripten)/.test(name)) return "libc and allocator";
  return "other";
}

const data = sections.find((s) => s.id === 11);
const rows = [...groups].map(([group, g]) => ({ group, count: g.count, raw: g.raw, gzip: gzipSync(Buffer.concat(g.bodies), { level: 9 }).length }));
if (data) rows.push({ group: "data (strings, tables)", count: 1, raw: data.size, gzip: gzipSync(bytes.subarray(data.start, data.start + data.size), { level: 9 }).length });
rows.sort((a, b) => b.raw - a.raw);
console.log("group                              functions      raw bytes   gzip alone");
for (const r of rows) console.log(`${r.group.padEnd(34)} ${String(r.count).padStart(9)} ${String(r.raw).padStart(14)} ${String(r.gzip).padStart(12)}`);
