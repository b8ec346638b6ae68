// "Download for offline": the page saves the article shown as the same self-contained file that
// `article-reader export` writes, and that file opens from disk.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPage, repoRoot, settled, useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();
const cli = process.env.ARTICLE_READER_CLI ?? join(repoRoot, "build/native/article-reader");
const story = join(repoRoot, "assets/articles/china-japan-security-dialogue.txt");

test("the page's download is byte for byte the CLI's export, and reads from file://", async () => {
  const scratch = mkdtempSync(join(tmpdir(), "article-reader-download-"));
  try {
    const s = await openPage(env.browser);
    await s.page.goto(env.server.url);
    assert.equal(await settled(s.page), "article");
    const button = s.page.locator("#download");
    await button.waitFor();
    const [download] = await Promise.all([s.page.waitForEvent("download"), button.click()]);
    assert.equal(download.suggestedFilename(), "17th-china-japan-security-dialogue-addresses-issues-of-common-concern.html");
    const saved = join(scratch, download.suggestedFilename());
    await download.saveAs(saved);

    const exported = join(scratch, "cli.html");
    const run = spawnSync(cli, ["export", story, "-o", exported]);
    assert.equal(run.status, 0, String(run.stderr));
    assert.ok(readFileSync(saved).equals(readFileSync(exported)), "the same bytes as article-reader export");
    assert.equal(await s.page.locator("#download-status").textContent(), "");

    await s.page.goto(pathToFileURL(saved).href);
    assert.equal(await settled(s.page), "article");
    const shown = await s.page.evaluate(() => document.querySelector("article-reader").shadowRoot.querySelector(".ar-title").textContent);
    assert.equal(shown, "17th China-Japan security dialogue addresses issues of common concern", "rendered by the element");
    assert.deepEqual(s.problems, []);
    await s.context.close();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
