// ./serve.sh as a user meets it: what it serves, how, and how it fails and stops.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import net from "node:net";
import { repoRoot, startServer } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.stop());

test("serves the page at /, the element beside it and the articles under /assets/", async () => {
  const page = await fetch(server.url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<article-reader id="reader" src="assets\/articles\/china-japan-security-dialogue.txt">/);
  assert.match(page.headers.get("content-security-policy"), /script-src 'self' 'wasm-unsafe-eval'/);
  const element = await fetch(new URL("article-reader.js", server.url));
  assert.equal(element.headers.get("content-type"), "text/javascript; charset=utf-8");
  const story = await fetch(new URL("assets/articles/china-japan-security-dialogue.txt", server.url));
  assert.equal(story.headers.get("content-type"), "text/plain; charset=utf-8");
  assert.match(await story.text(), /^17th China-Japan security dialogue/);
});

test("serves the wasm as application/wasm, with nosniff", async () => {
  const wasm = await fetch(new URL("dist/article-reader-core.wasm", server.url));
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("x-content-type-options"), "nosniff");
  assert.equal(wasm.headers.get("access-control-allow-origin"), "*", "pages on other origins may load it");
  const bytes = new Uint8Array(await wasm.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
});

// Sends `path` byte for byte, as fetch() would normalise dot segments away.
function rawGet(path) {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(`GET ${path} HTTP/1.0\r\n\r\n`));
    let data = "";
    socket.on("data", (d) => (data += d));
    socket.on("end", () => resolve(data.split("\r\n")[0]));
    socket.on("error", reject);
  });
}

test("does not list folders or serve files outside web/ and assets/", async () => {
  for (const path of ["/assets/", "/dist/", "/../CMakeLists.txt", "/assets/../../CMakeLists.txt",
    "/%2e%2e/CMakeLists.txt", "/assets/%2e%2e/%2e%2e/serve.sh", "/assets/..%2f..%2fserve.sh", "/assets%2f..%2f..%2fserve.sh",
    "//etc/passwd", "/assets//etc/passwd", "/..\\..\\serve.sh"]) {
    assert.match(await rawGet(path), /^HTTP\/1\.1 40[34] /, path); // tests/web/library.test.mjs tries many more
  }
});

test("a port in use is one clear line and a non-zero exit", async () => {
  const port = new URL(server.url).port;
  const r = spawnSync("./serve.sh", ["--port", port], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr, `serve.sh: port ${port} on 127.0.0.1 is in use; choose another with --port N\n`);
});

test("--host is honoured and Ctrl-C stops it cleanly", async () => {
  const other = await startServer(["--host", "127.0.0.2"]);
  assert.match(other.url, /^http:\/\/127\.0\.0\.2:\d+\/$/);
  assert.equal((await fetch(other.url)).status, 200);
  assert.equal(await other.stop(), 0);
});
