// axe-core in Chromium on the default article: every theme, with every section open and every
// section closed, the settings panel open, and a narrow screen. Zero violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { openPage, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

async function violations(page, disabled = []) {
  // axe is injected through the DevTools protocol, so the page's CSP does not apply to it
  await page.evaluate(axeSource);
  return page.evaluate(async (off) => {
    const rules = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
    const result = await window.axe.run(document, { resultTypes: ["violations"], rules });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, disabled);
}

for (const theme of ["light", "dark", "sepia"]) {
  for (const collapsed of ["none", "all"]) {
    test(`no violations in the ${theme} theme with collapsed=${collapsed}`, async () => {
      const s = await openPage(env.browser);
      await s.page.goto(`${env.server.url}?collapsed=${collapsed}`);
      assert.equal(await settled(s.page), "article");
      await s.page.evaluate((t) => document.querySelector("article-reader").setAttribute("theme", t), theme);
      assert.deepEqual(await violations(s.page), []);
      await s.context.close();
    });
  }
}

test("no violations with the settings panel open, on a 375 px screen", async () => {
  const s = await openPage(env.browser);
  await s.page.setViewportSize({ width: 375, height: 812 });
  await s.page.goto(`${env.server.url}?collapsed=auto`);
  assert.equal(await settled(s.page), "article");
  await s.page.locator("article-reader .ar-button", { hasText: "Aa" }).click();
  assert.deepEqual(await violations(s.page), []);
  await s.context.close();
});

test("no violations on an error message", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(`${env.server.url}?article=/assets/articles/missing.txt`);
  assert.equal(await settled(s.page), "error");
  // with no article there is no article title, the page's only h1: that best-practice rule is off here
  assert.deepEqual(await violations(s.page, ["page-has-heading-one"]), []);
  await s.context.close();
});

test("no violations in the library view, and in embed.html", async () => {
  const s = await openPage(env.browser);
  await s.page.goto(`${env.server.url}?view=library`);
  await s.page.locator("#library tbody tr").first().waitFor();
  assert.deepEqual(await violations(s.page), []);
  await s.page.goto(`${env.server.url}embed.html?src=assets/articles/china-japan-security-dialogue.txt`);
  assert.equal(await settled(s.page), "article");
  assert.deepEqual(await violations(s.page), []);
  await s.context.close();
});
