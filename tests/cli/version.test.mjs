// One version everywhere: CMakeLists.txt's project version is what the CLI prints, what the core
// reports, and what the element expects of its core (web/article-reader.js refuses any other).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = process.env.ARTICLE_READER_CLI ?? join(root, "build/native/article-reader");

test("the CLI, the CMake project and the element agree on the version", () => {
  const project = /project\(article_reader VERSION (\d+\.\d+\.\d+)/.exec(readFileSync(join(root, "CMakeLists.txt"), "utf8"))[1];
  const element = /const elementVersion = "([^"]+)"/.exec(readFileSync(join(root, "web/article-reader.js"), "utf8"))[1];
  const printed = execFileSync(cli, ["--version"], { encoding: "utf8" }).trim();
  assert.equal(element, project);
  assert.ok(printed.endsWith(project), `"${printed}" names ${project}`);
});
