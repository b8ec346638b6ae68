// A book-sized plain-text document made from the fixture texts, each copy under a distinct
// chapter heading, so that the reader sees real prose, lists, quotes and headings at scale.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const sources = ["default-article", "news-with-chrome", "hard-wrapped-72", "email-newsletter", "lists", "quotes",
  "numbered-headings", "release-notes", "letter", "links"];

export function makeBook(bytes) {
  const dir = join(root, "tests/fixtures/text");
  const known = new Set(readdirSync(dir));
  const bodies = sources.filter((s) => known.has(`${s}.txt`)).map((s) => {
    const text = readFileSync(join(dir, `${s}.txt`), "utf8");
    return text.slice(text.indexOf("\n\n") + 2); // less the title line
  });
  const parts = ["A book of many articles\n\n"];
  let size = parts[0].length;
  for (let i = 1; size < bytes; i++) {
    const chapter = `Chapter ${i} of the collected articles\n\n${bodies[i % bodies.length].trim()}\n\n`;
    parts.push(chapter);
    size += Buffer.byteLength(chapter);
  }
  return Buffer.from(parts.join(""));
}
