// docs/article-model.schema.json describes exactly what the CLI writes: every fixture's model, and
// a model using every type, validate against it; and it refuses what the C++ validation refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const schema = JSON.parse(readFileSync(join(root, "docs/article-model.schema.json"), "utf8"));

// A validator for the part of JSON Schema the model's schema uses; returns the first problem or "".
function validate(value, s, path = "") {
  if (s.$ref) return validate(value, s.$ref.split("/").slice(1).reduce((o, k) => o[k], schema), path);
  if (s.oneOf) {
    const passing = s.oneOf.filter((option) => validate(value, option, path) === "");
    return passing.length === 1 ? "" : `${path || "/"}: matches ${passing.length} of the oneOf options`;
  }
  if ("const" in s && value !== s.const) return `${path}: expected ${JSON.stringify(s.const)}`;
  if (s.enum && !s.enum.includes(value)) return `${path}: expected one of ${s.enum.join(", ")}`;
  if (s.type) {
    const types = [].concat(s.type);
    const actual = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
    if (!types.includes(actual)) return `${path || "/"}: expected ${types.join(" or ")}, got ${actual}`;
  }
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) return `${path}: below ${s.minimum}`;
    if (s.maximum !== undefined && value > s.maximum) return `${path}: above ${s.maximum}`;
  }
  if (typeof value === "string" && s.pattern && !new RegExp(s.pattern, "u").test(value)) return `${path}: does not match ${s.pattern}`;
  if (Array.isArray(value) && s.items) {
    for (const [i, item] of value.entries()) {
      const problem = validate(item, s.items, `${path}/${i}`);
      if (problem) return problem;
    }
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const key of s.required ?? []) if (!(key in value)) return `${path || "/"}: missing ${key}`;
    for (const [key, v] of Object.entries(value)) {
      if (s.properties?.[key]) {
        const problem = validate(v, s.properties[key], `${path}/${key}`);
        if (problem) return problem;
      } else if (s.additionalProperties === false) return `${path}/${key}: not allowed`;
    }
  }
  return "";
}

test("every fixture's expected model validates against the schema", () => {
  const dir = join(root, "tests/fixtures/text");
  const models = readdirSync(dir).filter((f) => f.endsWith(".json"));
  assert.ok(models.length >= 25);
  for (const file of models) {
    assert.equal(validate(JSON.parse(readFileSync(join(dir, file), "utf8")), schema), "", file);
  }
});

test("a model with every block and inline type validates", () => {
  const model = {
    version: 1, title: "T", subtitle: null, byline: "By A", date: null, dateline: null, lang: "en", dir: "ltr",
    blocks: [
      { type: "paragraph", inlines: [{ type: "text", text: "a" }, { type: "emphasis", inlines: [] }, { type: "strong", inlines: [] },
        { type: "code", text: "c" }, { type: "link", url: "https://x", inlines: [] }, { type: "image", url: "i", alt: "" }, { type: "break" }] },
      { type: "list", ordered: true, start: 2, numbering: "lower-alpha", items: [{ blocks: [] }] },
      { type: "quote", blocks: [{ type: "rule" }] },
      { type: "code", text: "x", lang: "js" },
      { type: "image", url: "p.png", alt: "p" },
    ],
    sections: [{ id: "s", heading: "S", level: 2, blocks: [], sections: [], stats: { words: 1, minutes: 1 } }],
    dropped: [{ text: "Menu", reason: "site navigation" }],
    stats: { words: 1, minutes: 1 },
  };
  assert.equal(validate(model, schema), "");
});

test("the schema refuses what the reader refuses", () => {
  const base = { version: 1, title: "T" };
  assert.match(validate({ ...base, version: 2 }, schema), /^\/version/);
  assert.match(validate({ ...base, colour: "red" }, schema), /^\/colour: not allowed/);
  assert.match(validate({ ...base, sections: [{ heading: "H", level: 7 }] }, schema), /^\/sections\/0\/level: above 6/);
  assert.match(validate({ ...base, blocks: [{ type: "table" }] }, schema), /^\/blocks\/0: matches 0/);
  assert.match(validate({ ...base, dir: "up" }, schema), /^\/dir/);
});
