// Reading offline: the service worker keeps the app shell and the articles read, so that with the
// server stopped the page still opens, reads, searches and lists the library; a new build replaces
// the old shell whole. The server here serves a copy of web/ and assets/, so that a test can
// "rebuild" by changing the copy.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorText, launchBrowser, openPage, repoRoot, settled } from "./harness.mjs";

const copy = mkdtempSync(join(tmpdir(), "article-reader-offline-"));
let browser;

before(async () => {
  // What serve.sh would build: web/dist (with the shell list) and the release CLI (the indexer).
  const env = { ...process.env, NODE_PATH: "/usr/share/nodejs" };
  for (const [preset, targets] of [["wasm", ["article_reader_core_text", "article_reader_core_markdown", "web_shell"]], ["release", ["article-reader"]]]) {
    if (!existsSync(join(repoRoot, "build", preset, "build.ninja"))) spawnSync("cmake", ["--preset", preset], { cwd: repoRoot, env });
    const built = spawnSync("cmake", ["--build", "--preset", preset, "--target", ...targets], { cwd: repoRoot, env });
    assert.equal(built.status, 0, String(built.stdout) + String(built.stderr));
  }
  for (const dir of ["web", "assets"]) cpSync(join(repoRoot, dir), join(copy, dir), { recursive: true });
  mkdirSync(join(copy, "scripts"));
  for (const file of ["serve.py", "shell-manifest.mjs"]) cpSync(join(repoRoot, "scripts", file), join(copy, "scripts", file));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(copy, { recursive: true, force: true });
});

// The copy's server on a fixed port (the cache belongs to the origin, so a restart must reuse it),
// with a library folder when given.
function serve(port, folder) {
  const child = spawn("python3", [join(copy, "scripts/serve.py"), ...(folder ? [folder] : []), "--port", String(port), "--quiet"], {
    env: { ...process.env, ARTICLE_READER_CLI: join(repoRoot, "build/release/article-reader") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk) => {
      output += chunk;
      const match = /serving on (http:\/\/\S+\/)/.exec(output);
      if (match) resolve({ url: match[1], stop: () => new Promise((done) => { child.on("exit", done); child.kill("SIGINT"); }) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`serve.py exited ${code}: ${output}`)));
  });
}

const freePort = () => 20000 + Math.floor(Math.random() * 20000);

// Opens the page and waits until the service worker controls it and has cached the shell.
async function installed(s, url) {
  await s.page.goto(url);
  assert.equal(await settled(s.page), "article", await errorText(s.page));
  await s.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return s.page.evaluate(async () => (await caches.keys()).sort());
}

test("with the server stopped, the page, the article, search and the library still work", async () => {
  const port = freePort();
  let server = await serve(port);
  const s = await openPage(browser);
  try {
    const caches = await installed(s, server.url);
    assert.equal(caches.length, 2, caches.join(", "));
    assert.match(caches.join(" "), /article-reader-articles article-reader-shell-[0-9a-f]{16}/);
    await s.page.goto(`${server.url}?view=library`);
    await s.page.locator("#library tbody tr").first().waitFor();

    await server.stop();
    server = null;
    await s.page.goto(`http://127.0.0.1:${port}/`);
    assert.equal(await settled(s.page), "article");
    assert.equal(await s.page.locator("article-reader .ar-title").textContent(),
      "17th China-Japan security dialogue addresses issues of common concern");
    assert.equal(await s.page.locator("article-reader details.ar-section").count(), 2);
    await s.page.locator("article-reader .ar-search-input").fill("Yamada");
    await s.page.locator("article-reader .ar-search-count").filter({ hasText: /^1 of \d+/ }).waitFor();
    await s.page.locator("article-reader button[data-action=settings]").click();
    await s.page.locator('article-reader input[value="dark"]').check();
    assert.equal(await s.page.locator("article-reader .ar-root").getAttribute("data-theme"), "dark");

    await s.page.goto(`http://127.0.0.1:${port}/?view=library`);
    await s.page.locator("#library tbody tr").first().waitFor();
    const saved = await s.page.locator("#library tbody tr td:last-child").allTextContents();
    assert.deepEqual(saved, ["Saved"], "the library lists the bundled article, saved offline");
  } finally {
    await s.context.close();
    await server?.stop();
  }
});

test("offline, a Markdown article reads as well as a text one: the shell keeps every core", async () => {
  const folder = mkdtempSync(join(tmpdir(), "article-reader-offline-library-"));
  writeFileSync(join(folder, "notes.md"), "# Offline notes\n\n## Kept\n\nRead *without* a server.\n");
  const port = freePort();
  let server = await serve(port, folder);
  const s = await openPage(browser);
  try {
    await installed(s, server.url); // the default article, plain text: only the text core is used
    const shell = await s.page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((n) => n.startsWith("article-reader-shell-")));
      return (await cache.keys()).map((r) => new URL(r.url).pathname.split("/").pop()).filter((n) => n.startsWith("article-reader-core-"));
    });
    assert.deepEqual(shell.map((n) => n.replace(/\.[0-9a-f]{16}\./, ".HASH.")).sort(), ["article-reader-core-markdown.HASH.wasm",
      "article-reader-core-markdown.js", "article-reader-core-text.HASH.wasm", "article-reader-core-text.js"]);
    await s.page.goto(`${server.url}?article=library/notes.md`); // keeps the article
    assert.equal(await settled(s.page), "article", await errorText(s.page));

    await server.stop();
    server = null;
    for (const [query, title] of [["?article=library/notes.md", "Offline notes"],
      ["", "17th China-Japan security dialogue addresses issues of common concern"]]) {
      await s.page.goto(`http://127.0.0.1:${port}/${query}`);
      assert.equal(await settled(s.page), "article", await errorText(s.page));
      assert.equal(await s.page.locator("article-reader .ar-title").textContent(), title);
    }
    assert.equal(await s.page.locator("article-reader details.ar-section").count(), 2);
    await s.page.goto(`http://127.0.0.1:${port}/?article=library/notes.md`);
    assert.equal(await settled(s.page), "article");
    assert.equal(await s.page.locator("article-reader .ar-section em").textContent(), "without");
  } finally {
    await s.context.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a new build replaces the old shell cache on the next visit, never mixing the two", async () => {
  const port = freePort();
  const server = await serve(port);
  const s = await openPage(browser);
  try {
    const [, oldShell] = await installed(s, server.url);

    // A rebuild: the element changes, and so do the shell list and its build id.
    appendFileSync(join(copy, "web/dist/article-reader.js"), "\n// rebuilt\n");
    assert.equal(spawnSync("node", [join(copy, "scripts/shell-manifest.mjs")]).status, 0);
    await s.page.reload();
    // (the page reloads itself when the new worker takes over, which can cut an evaluate short)
    const shells = () => s.page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("article-reader-shell-")))
      .catch(() => [oldShell]);
    for (let tries = 0; (await shells()).includes(oldShell); tries++) {
      assert.ok(tries < 300, "the old shell cache is still there after 30 s");
      await s.page.waitForTimeout(100);
    }
    assert.equal(await settled(s.page), "article");
    const served = await s.page.evaluate(async () => (await (await fetch("dist/article-reader.js")).text()).slice(-40));
    assert.match(served, /\/\/ rebuilt\n$/, "the new element comes from the new cache");
    assert.equal((await shells()).length, 1, "one shell cache: the old one is gone");
    assert.deepEqual(s.problems, []);
  } finally {
    await s.context.close();
    await server.stop();
  }
});

test("the page is installable: a manifest with icons and a service worker, with no installability errors", async () => {
  const port = freePort();
  const server = await serve(port);
  const s = await openPage(browser);
  try {
    await installed(s, server.url);
    const cdp = await s.context.newCDPSession(s.page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    // Playwright's contexts are incognito, where Chromium never installs; any other error is the page's.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== "in-incognito"), []);
    const manifest = await s.page.evaluate(async () => (await fetch("manifest.webmanifest")).json());
    assert.equal(manifest.name, "article-reader");
    assert.ok(manifest.icons.some((i) => i.sizes === "512x512"));
  } finally {
    await s.context.close();
    await server.stop();
  }
});
