// The core's wasm with its memory's maximum lowered to `mb` megabytes, so that a test can run it
// out of memory with a small input in well under a second (the real limit is 2 GB).
// The memory section (id 5) holds one memory: limits flags, initial pages, maximum pages (LEB128).
export function wasmWithMemoryLimit(wasm, mb) {
  const bytes = Buffer.from(wasm);
  let at = 8;
  const u32 = () => {
    let value = 0, shift = 0, b;
    do { b = bytes[at++]; value += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return value;
  };
  const leb = (n) => {
    const out = [];
    do { out.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0)); n = Math.floor(n / 128); } while (n > 0);
    return out;
  };
  while (at < bytes.length) {
    const start = at, id = bytes[at++], size = u32(), body = at;
    if (id === 5) {
      if (u32() !== 1) throw new Error("expected one memory");
      at++; // flags: 0 without a maximum, 1 with one
      const initial = u32();
      const pages = mb * 16; // 64 KiB each
      if (pages <= initial) throw new Error(`the limit must be over the initial ${initial / 16} MB`);
      const section = [1, 1, ...leb(initial), ...leb(pages)];
      return Buffer.concat([bytes.subarray(0, start), Buffer.from([5, ...leb(section.length), ...section]),
        bytes.subarray(body + size)]);
    }
    at = body + size;
  }
  throw new Error("the wasm defines no memory (an imported one cannot be limited here)");
}
