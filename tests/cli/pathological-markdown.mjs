// The pathological Markdown inputs: cmark's test/pathological_tests.py and commonmark.js's
// test.js generators, reproduced here, each with a check on the HTML that comes out.
// Each case is a function of a size factor n (1 is the size cmark uses); `n` is the factor the
// tests run at (the native test build is Debug with ASan, about ten times slower than release,
// so the biggest inputs run smaller; docs/benchmarks.md has release timings at n = 1).
const rep = (s, k) => s.repeat(Math.max(1, Math.round(k)));
const defaultN = 0.25;
const depth = (n) => Math.round(1000 * Math.sqrt(n));

export const cases = [
  { name: "nested strong emph", make: (n) => rep("*a **a ", 65000 * n) + "b" + rep(" a** a*", 65000 * n),
    check: (h, n) => h.startsWith("<p>" + "<em>a <strong>a ".repeat(Math.round(65000 * n))) },
  { name: "many emph closers with no openers", make: (n) => rep("a_ ", 65000 * n), check: (h) => /^<p>(a_ )+a_<\/p>\n$/.test(h) },
  { name: "many emph openers with no closers", make: (n) => rep("_a ", 65000 * n), check: (h) => /^<p>(_a )+_a<\/p>\n$/.test(h) },
  { name: "many link closers with no openers", make: (n) => rep("a]", 65000 * n), check: (h) => /^<p>(a\])+<\/p>\n$/.test(h) },
  { name: "many link openers with no closers", make: (n) => rep("[a", 65000 * n), check: (h) => /^<p>(\[a)+<\/p>\n$/.test(h) },
  { name: "mismatched openers and closers", make: (n) => rep("*a_ ", 50000 * n), check: (h) => /^<p>(\*a_ )+\*a_<\/p>\n$/.test(h) },
  { name: "openers and closers multiple of 3", make: (n) => "a**b" + rep("c* ", 50000 * n), check: (h) => /^<p>a\*\*b(c\* )+c\*<\/p>\n$/.test(h) },
  { name: "link openers and emph closers", make: (n) => rep("[ a_", 50000 * n), check: (h) => /^<p>(\[ a_)+<\/p>\n$/.test(h) },
  { name: "pattern [ (]( repeated", make: (n) => rep("[ (](", 80000 * n), check: (h) => h.startsWith("<p>") && !h.includes("<a") },
  { name: "pattern ![[]() repeated", make: (n) => rep("![[]()", 160000 * n), check: (h) => h.startsWith("<p>![<a href=\"\"></a>") },
  { name: "hard link/emph case", make: () => "**x [a*b**c*](d)", check: (h) => h === '<p>**x <a href="d">a<em>b**c</em></a></p>\n' },
  { name: "nested brackets", make: (n) => rep("[", 50000 * n) + "a" + rep("]", 50000 * n), check: (h) => /^<p>\[+a\]+<\/p>\n$/.test(h) },
  // Block quotes and list items nest at most 1000 deep; the markers past that are text.
  { name: "nested block quotes", make: (n) => rep("> ", 50000 * n) + "a",
    check: (h, n) => h.startsWith("<blockquote>\n".repeat(Math.min(1000, Math.round(50000 * n))) + "<p>&gt; &gt;") &&
      h.split("<blockquote>").length - 1 === 1000 },
  // The input grows with the square of the depth, so the depth grows with the root of n.
  { name: "deeply nested lists", make: (n) => Array.from({ length: depth(n) }, (_, x) => "  ".repeat(x) + "* a\n").join(""),
    check: (h, n) => h.startsWith("<ul>\n" + "<li>a\n<ul>\n".repeat(depth(n) - 1) + "<li>a</li>\n</ul>\n") },
  { name: "U+0000 in input", make: () => "abc\u0000de\u0000", check: (h) => h === "<p>abc\ufffdde\ufffd</p>\n" },
  { name: "backticks", n: 1 / 32, make: (n) => Array.from({ length: Math.round(10000 * Math.sqrt(n)) - 1 }, (_, x) => "e" + "`".repeat(x + 1)).join(""),
    check: (h) => /^<p>[e`]*<\/p>\n$/.test(h) },
  { name: "unclosed links A", make: (n) => rep("[a](<b", 50000 * n), check: (h) => /^<p>(\[a\]\(&lt;b)+<\/p>\n$/.test(h) },
  { name: "unclosed links B", make: (n) => rep("[a](b", 50000 * n), check: (h) => /^<p>(\[a\]\(b)+<\/p>\n$/.test(h) },
  { name: "many references", n: 1 / 64, make: (n) => Array.from({ length: Math.round(50000 * 16 * n) - 1 }, (_, x) => `[${x + 1}]: u\n`).join("") + rep("[0] ", 50000 * n),
    check: (h) => /^<p>(\[0\] )+\[0\]<\/p>\n$/.test(h) },
  { name: "[\\\\... deep", make: (n) => "[" + rep("\\", 10000 * n) + "\n", check: (h) => /^<p>\[\\+<\/p>\n$/.test(h) },
  { name: "[]( deep", make: (n) => rep("[](", 10000 * n) + "\n", check: (h) => /^<p>(\[\]\()+<\/p>\n$/.test(h) },
  { name: "unclosed <!--", make: (n) => "</" + rep("<!--", 300000 * n), check: (h) => h.startsWith("<p>&lt;/") },
  { name: "unclosed <?", make: (n) => rep("a <?", 300000 * n), check: (h) => h.startsWith("<p>a &lt;?") },
  { name: "unclosed <!X", make: (n) => rep("a <!A", 300000 * n), check: (h) => h.startsWith("<p>a &lt;!A") },
  { name: "unclosed <![CDATA[", n: 1 / 8, make: (n) => rep("a <![CDATA[", 300000 * n), check: (h) => h.startsWith("<p>a &lt;![CDATA[") },
  { name: "unclosed link titles", make: (n) => rep('[a](b "', 100000 * n), check: (h) => h.startsWith("<p>[a](b &quot;") },
  { name: "unclosed attribute values", make: (n) => rep('<a b="', 100000 * n), check: (h) => h.startsWith("<p>&lt;a b=&quot;") },
  { name: "reference expansion", make: (n) => "[a]: /" + "x".repeat(50000) + "\n\n" + rep("[a]", 20000 * n),
    check: (h, n, input) => h.length < 20 * input.length + 200000 },
  { name: "empty lines in deeply nested lists", make: (n) => rep("- ", 5000 * n) + "x" + rep("\n", 5000 * n), check: (h) => h.split("<li>").length - 1 === 1000 && h.includes("- - x</li>") },
  { name: "many table-like rows", make: (n) => "a|b\n-|-\n" + rep("c|d\n", 100000 * n), check: (h) => h.startsWith("<p>a|b") },
].map((c) => ({ n: defaultN, ...c }));
