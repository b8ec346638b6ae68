// ./serve.sh as a user meets it: what it serves, how, and how it fails and stops.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import net from "node:net";
import { launchBrowser, openPage, repoRoot, settled, startServer } from "./harness.mjs";

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
  const wasm = await fetch(new URL("dist/article-reader-core-text.wasm", server.url));
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.equal(wasm.headers.get("x-content-type-options"), "nosniff");
  assert.equal(wasm.headers.get("access-control-allow-origin"), "*", "pages on other origins may load it");
  const bytes = new Uint8Array(await wasm.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
});

test("the page of a text article loads only the text core, its wasm under its content-hashed name, which HTTP may cache for a year", async () => {
  const browser = await launchBrowser();
  try {
    const { page, problems } = await openPage(browser);
    const wasm = [], cores = [];
    page.on("response", (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith(".wasm")) wasm.push(r);
      if (/\/article-reader-core[^/]*\.js$/.test(path)) cores.push(path.split("/").pop());
    });
    await page.goto(server.url);
    assert.equal(await settled(page), "article");
    assert.deepEqual(problems, []);
    assert.equal(wasm.length, 1, `one wasm fetched: ${wasm.map((r) => r.url())}`);
    assert.deepEqual(cores, ["article-reader-core-text.js"]);
    const name = new URL(wasm[0].url()).pathname.split("/").pop();
    assert.match(name, /^article-reader-core-text\.[0-9a-f]{16}\.wasm$/);
    assert.equal((await wasm[0].allHeaders())["cache-control"], "public, max-age=31536000, immutable");
    // The name is the hash of the bytes, so a new build is a new URL.
    const bytes = await wasm[0].body();
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    assert.equal(name, `article-reader-core-text.${hash}.wasm`);
    // What is not content-hashed is revalidated on each use, so an edit shows at once.
    for (const path of ["", "dist/article-reader.js", "dist/article-reader-core-text.js", "dist/article-reader-core-text.wasm",
      "dist/article-reader-core-markdown.js"]) {
      assert.equal((await fetch(new URL(path, server.url))).headers.get("cache-control"), "no-cache", path);
    }
  } finally {
    await browser.close();
  }
});

// Sends `request` byte for byte (fetch() would normalise it) and resolves with the status line.
function rawRequest(request) {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(request));
    let data = "";
    socket.on("data", (d) => (data += d));
    socket.on("end", () => resolve(data.split("\r\n")[0]));
    socket.on("error", reject);
  });
}
const rawGet = (path) => rawRequest(`GET ${path} HTTP/1.0\r\n\r\n`);

// The server is still up and answering: the test after each hostile request.
async function stillServes() {
  const page = await fetch(server.url, { signal: AbortSignal.timeout(10_000) });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<article-reader/);
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

test("huge request lines and headers are refused with 414 and 431, and the next request is served", async () => {
  const head = (headers) => `GET / HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`;
  const cases = [
    [`GET /${"a".repeat(70_000)} HTTP/1.1\r\n\r\n`, /^HTTP\/1\.[01] 414 /],
    [head(`X-Big: ${"a".repeat(70_000)}\r\n`), /^HTTP\/1\.[01] 431 /],
    [head("X-Many: a\r\n".repeat(200)), /^HTTP\/1\.[01] 431 /],
    // 40 headers of 40 KB each pass the standard library's per-line and per-count bounds; the
    // server's own 64 KB bound on the whole head refuses them.
    [head(Array.from({ length: 40 }, (_, i) => `X-${i}: ${"b".repeat(40_000)}\r\n`).join("")), /^HTTP\/1\.[01] 431 Request headers over 64 KB/],
    [head(`X-Fine: ${"c".repeat(8_000)}\r\n`), /^HTTP\/1\.1 200 /],
  ];
  for (const [request, expected] of cases) {
    assert.match(await rawRequest(request), expected, request.slice(0, 60));
    await stillServes();
  }
});

test("malformed requests and bad percent-encoding get a status line, and the next request is served", async () => {
  const cases = [
    ["\x00\xff\xfe garbage\r\n\r\n", /^HTTP\/1\.[01] 400 /],
    ["GET / HTTP/9.9\r\n\r\n", /^HTTP\/1\.[01] 505 /],
    ["GET / HTTP/1.1 extra\r\n\r\n", /^HTTP\/1\.[01] 400 /],
    ["BREW /pot HTTP/1.1\r\nConnection: close\r\n\r\n", /^HTTP\/1\.1 501 /],
    ["GET /assets/articles/%zz HTTP/1.0\r\n\r\n", /^HTTP\/1\.1 404 /],
    ["GET /assets/articles/%ff%fe.txt HTTP/1.0\r\n\r\n", /^HTTP\/1\.1 404 /],
    ["GET /assets/articles/%00.txt HTTP/1.0\r\n\r\n", /^HTTP\/1\.1 403 /],
    ["GET /assets/articles/%c0%ae%c0%ae/%c0%ae%c0%ae/serve.sh HTTP/1.0\r\n\r\n", /^HTTP\/1\.1 40[34] /],
    ["GET /%25%32%65%25%32%65/serve.sh HTTP/1.0\r\n\r\n", /^HTTP\/1\.1 40[34] /],
    ["GET / HTTP/1.0\r\nIf-Modified-Since: \xff\xfe not a date\r\nIf-None-Match: \xff\r\n\r\n", /^HTTP\/1\.1 200 /],
  ];
  for (const [request, expected] of cases) {
    assert.match(await rawRequest(Buffer.from(request, "latin1")), expected, JSON.stringify(request));
    await stillServes();
  }
});

test("200 slow clients trickling their headers do not hold up anyone else, and are answered in the end", async () => {
  const url = new URL(server.url);
  const slow = await Promise.all(Array.from({ length: 200 }, () => new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      resolve(socket);
    });
    socket.response = "";
    socket.on("data", (d) => (socket.response += d));
    socket.on("error", reject);
  })));
  // A byte each 200 ms from every slow client, for 3 s, while others are served.
  const trickle = setInterval(() => slow.forEach((s) => s.write("z")), 200);
  try {
    for (let i = 0; i < 10; i++) {
      await stillServes();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    assert.ok(slow.every((s) => !s.destroyed && s.response === ""), "the slow clients are still connected, unanswered");
  } finally {
    clearInterval(trickle);
  }
  const answers = await Promise.all(slow.map((s) => new Promise((resolve) => {
    s.on("end", () => resolve(s.response.split("\r\n")[0]));
    s.end("\r\nConnection: close\r\n\r\n");
  })));
  assert.deepEqual(new Set(answers), new Set(["HTTP/1.1 200 OK"]));
});
