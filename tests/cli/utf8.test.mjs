// The core's UTF-8 decoder (src/ingest/utf8.cpp, through the wasm build's decodeUtf8) against the
// platform's TextDecoder("utf-8") in its default, non-fatal mode, which the WHATWG Encoding
// Standard defines and browsers share (8/8). The core is documented to differ in exactly two ways,
// applied to TextDecoder's text before comparing: CRLF and lone CR become LF, and NUL becomes
// U+FFFD. Its output must always be valid UTF-8 (a fatal TextDecoder accepts it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCore } from "../cores.mjs";

const core = await loadCore("text");

const browser = new TextDecoder("utf-8");
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function expected(bytes) {
  return browser.decode(bytes).replace(/\r\n?/g, "\n").replaceAll("\0", "\uFFFD");
}

// Decodes with the core; null when its output is not valid UTF-8.
function actual(bytes) {
  const out = core.decodeUtf8(bytes);
  try {
    return strict.decode(out);
  } catch {
    return null;
  }
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");

function check(bytes) {
  const got = actual(bytes);
  if (got === null) return `core output is not valid UTF-8 for [${hex(bytes)}]`;
  const want = expected(bytes);
  if (got !== want) return `[${hex(bytes)}]: core ${JSON.stringify(got)}, TextDecoder ${JSON.stringify(want)}`;
  return null;
}

// mulberry32: a small seeded PRNG, so that a failure reproduces.
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Bytes biased toward what makes UTF-8 hard: continuation bytes, every kind of lead byte (with the
// E0, ED, F0 and F4 edges), bytes that never appear, valid characters cut short, CR, LF and NUL.
function randomBytes(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const range = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const r = random();
  const length = r < 0.6 ? range(0, 8) : r < 0.95 ? range(9, 64) : range(65, 1024);
  const out = [];
  while (out.length < length) {
    const k = random();
    if (k < 0.2) out.push(range(0x80, 0xbf));
    else if (k < 0.3) out.push(range(0x20, 0x7e));
    else if (k < 0.35) out.push(pick([0x00, 0x0a, 0x0d, 0x0d, 0x09]));
    else if (k < 0.45) out.push(range(0xc0, 0xdf));
    else if (k < 0.55) out.push(pick([0xe0, 0xed, 0xef, range(0xe1, 0xef)]));
    else if (k < 0.65) out.push(pick([0xf0, 0xf4, range(0xf1, 0xf3)]));
    else if (k < 0.7) out.push(range(0xf5, 0xff));
    else if (k < 0.75) out.push(pick([0xa0, 0x9f, 0x90, 0x8f, 0x80, 0xbf]));
    else {
      // a valid character, whole or cut short, from any plane
      const plane = random();
      let c = plane < 0.3 ? range(0x80, 0x7ff) : plane < 0.7 ? range(0x800, 0xffff) : range(0x10000, 0x10ffff);
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfeff;
      const encoded = new TextEncoder().encode(String.fromCodePoint(c));
      const keep = random() < 0.7 ? encoded.length : range(1, encoded.length);
      out.push(...encoded.subarray(0, keep));
    }
  }
  return Uint8Array.from(out.slice(0, length));
}

const vectors = [
  // overlong forms
  [0xc0, 0xaf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xe0, 0x9f, 0xbf], [0xf0, 0x80, 0x80, 0xaf],
  [0xf0, 0x8f, 0xbf, 0xbf],
  // surrogates, alone and as a CESU-8 pair
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], [0xed, 0x9f, 0xbf],
  // above U+10FFFF, and the last code point
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf7, 0xbf, 0xbf, 0xbf], [0xf4, 0x8f, 0xbf, 0xbf],
  // five- and six-byte forms, and bytes that never occur
  [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfb, 0xbf, 0xbf, 0xbf, 0xbf], [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80],
  [0xfd, 0xbf, 0xbf, 0xbf, 0xbf, 0xbf], [0xfe], [0xff], [0xfe, 0xfe, 0xff, 0xff],
  // truncated sequences, at the end and before more text
  [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xe2, 0x82, 0x61], [0xf0, 0x9f, 0x98, 0x61], [0xf0, 0x9f, 0xf0, 0x9f, 0x98, 0x80],
  [0xe2, 0x28, 0xa1], [0xc3, 0xc3, 0xa9],
  // lone continuation bytes
  [0x80], [0xbf], [0x80, 0x80, 0x80], [0x61, 0x80, 0x62], [0xc3, 0xa9, 0xa9],
  // BOMs: one leading BOM goes, the rest stay
  [0xef, 0xbb, 0xbf, 0x61], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0x61, 0xef, 0xbb, 0xbf], [0xef, 0xbb], [0xef, 0xbb, 0x61],
  // noncharacters are valid
  [0xef, 0xbf, 0xbe], [0xef, 0xbf, 0xbf], [0xf4, 0x8f, 0xbf, 0xbe],
  // line ends and NUL around invalid bytes
  [0x0d, 0x0a], [0x0d, 0x0d, 0x0a], [0x0d, 0xff, 0x0a], [0x0d, 0xe2, 0x82, 0x0a], [0x00], [0xc3, 0x00], [0xe2, 0x0d, 0x0a],
];

test("the classic vectors decode as TextDecoder decodes them", () => {
  for (const v of vectors) assert.equal(check(Uint8Array.from(v)), null);
  // and as the Encoding Standard says, for the ones the issue names
  const fffd = "\uFFFD";
  assert.equal(actual(Uint8Array.from([0xc0, 0xaf])), fffd.repeat(2));
  assert.equal(actual(Uint8Array.from([0xed, 0xa0, 0x80])), fffd.repeat(3));
  assert.equal(actual(Uint8Array.from([0xf4, 0x90, 0x80, 0x80])), fffd.repeat(4));
  assert.equal(actual(Uint8Array.from([0xf0, 0x9f, 0x98])), fffd);
  assert.equal(actual(Uint8Array.from([0xfc, 0x84, 0x80, 0x80, 0x80, 0x80])), fffd.repeat(6));
});

test("every lead byte followed by a space, and every two-byte string", () => {
  let compared = 0;
  for (let a = 0; a < 256; a++) {
    assert.equal(check(Uint8Array.from([a, 0x20])), null);
    for (let b = 0; b < 256; b++, compared++) {
      const failure = check(Uint8Array.from([a, b]));
      if (failure) assert.fail(failure);
    }
  }
  assert.equal(compared, 65536);
});

test("100,000 random byte strings decode as TextDecoder decodes them", () => {
  const random = prng(0x8f8);
  let compared = 0, bytes = 0, repaired = 0;
  for (let i = 0; i < 100_000; i++) {
    const input = randomBytes(random);
    const failure = check(input);
    if (failure) assert.fail(`string ${i}: ${failure}`);
    compared++;
    bytes += input.length;
    if (expected(input).includes("\uFFFD")) repaired++;
  }
  assert.equal(compared, 100_000);
  assert.ok(repaired > 50_000, `only ${repaired} strings had invalid bytes`);
  console.log(`# utf8: ${compared} random strings (${bytes} bytes, ${repaired} with invalid sequences) identical to TextDecoder`);
});
