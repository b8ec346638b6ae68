// Book-sized documents made from real texts, each copy under a distinct chapter heading, so that
// the reader sees real prose, lists, quotes and headings at scale:
//   makeBook(bytes)          plain text from the plain-text fixtures
//   makeMarkdownBook(bytes)  Markdown from the READMEs of the installed npm packages and the
//                            Markdown fixture, their headings moved two levels down under "## Chapter N"
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const sources = ["default-article", "news-with-chrome", "hard-wrapped-72", "email-newsletter", "lists", "quotes",
  "numbered-headings", "release-notes", "letter", "links"];

function chapters(title, bodies, heading, bytes) {
  const parts = [title];
  let size = Buffer.byteLength(title);
  for (let i = 1; size < bytes; i++) {
    const chapter = `${heading(i)}\n\n${bodies[i % bodies.length].trim()}\n\n`;
    parts.push(chapter);
    size += Buffer.byteLength(chapter);
  }
  return Buffer.from(parts.join(""));
}

export function makeBook(bytes) {
  const dir = join(root, "tests/fixtures/text");
  const known = new Set(readdirSync(dir));
  const bodies = sources.filter((s) => known.has(`${s}.txt`)).map((s) => {
    const text = readFileSync(join(dir, `${s}.txt`), "utf8");
    return text.slice(text.indexOf("\n\n") + 2); // less the title line
  });
  return chapters("A book of many articles\n\n", bodies, (i) => `Chapter ${i} of the collected articles`, bytes);
}

// "# x" becomes "### x" (at most "######"), outside fenced code, so that each text's own
// headings nest under its chapter.
function demote(markdown) {
  let fence = null;
  return markdown.split("\n").map((line) => {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open && (!fence || open[1][0] === fence[0] && open[1].length >= fence.length)) {
      fence = fence ? null : open[1];
      return line;
    }
    if (fence) return line;
    return line.replace(/^ {0,3}(#{1,6})(?=\s|$)/, (_, marks) => "#".repeat(Math.min(6, marks.length + 2)));
  }).join("\n");
}

export function makeMarkdownBook(bytes) {
  const modules = join(root, "node_modules");
  const readmes = readdirSync(modules).sort()
    .map((name) => join(modules, name, "README.md"))
    .filter(existsSync).map((path) => readFileSync(path, "utf8"));
  const bodies = [...readmes, readFileSync(join(root, "tests/fixtures/markdown/release-notes.md"), "utf8")]
    .filter((text) => text.length > 500).map(demote);
  return chapters("# A book of many articles\n\n", bodies, (i) => `## Chapter ${i} of the collected articles`, bytes);
}
