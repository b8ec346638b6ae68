// ./serve.sh FOLDER: the library endpoints, what the server refuses to serve, content types,
// revalidation (304) and the index following the folder as it changes. No browser: raw sockets,
// so that nothing normalises the paths on the way.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, startServer } from "./harness.mjs";

const story = readFileSync(join(repoRoot, "assets/articles/china-japan-security-dialogue.txt"));
const SECRET = "TOP-SECRET-OUTSIDE-THE-LIBRARY";

// scratch/secret.txt and scratch/private/ sit beside the library, scratch/Articles/.
const scratch = mkdtempSync(join(tmpdir(), "article-reader-library-"));
const lib = join(scratch, "Articles");
function put(name, content) {
  mkdirSync(join(lib, name, ".."), { recursive: true });
  writeFileSync(join(lib, name), content);
}
writeFileSync(join(scratch, "secret.txt"), `${SECRET}\n\nNot for the library.\n`);
mkdirSync(join(scratch, "private"));
writeFileSync(join(scratch, "private", "diary.txt"), `${SECRET}\n\nDiary.\n`);
put("china.txt", story);
put("notes/readme.md", "# Notes\n\nSome *Markdown*.\n");
put("models/model.json", JSON.stringify({ version: 1, title: "A model", blocks: [] }));
put("photo.txt", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 13) % 256)));
put("broken.json", '{"version": 1, "title": ');
put(".git/config.txt", `${SECRET}\n\nHidden.\n`);
put("script.sh", `echo ${SECRET}\n`);
put("notes/img/shot.png", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")); // a PNG's first bytes
put("notes/drawing.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert("${SECRET}")</script></svg>`);
writeFileSync(join(lib, "huge.txt"), "");
truncateSync(join(lib, "huge.txt"), 70 * 1024 * 1024); // sparse
symlinkSync(join(scratch, "secret.txt"), join(lib, "leak.txt"));
symlinkSync(join(scratch, "private"), join(lib, "private"));
symlinkSync("china.txt", join(lib, "same-story.txt"));
spawnSync("mkfifo", [join(lib, "pipe.txt")]);

let server;
before(async () => {
  server = await startServer([lib]);
});
after(async () => {
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

// One request, byte for byte as given, on its own connection; the whole response parsed.
function raw(path, { method = "GET", headers = {}, version = "HTTP/1.1" } = {}) {
  const url = new URL(server.url);
  const head = Object.entries({ Host: url.host, Connection: "close", ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(`${method} ${path} ${version}\r\n${head}\r\n`));
    const chunks = [];
    socket.on("data", (d) => chunks.push(d));
    socket.on("end", () => {
      const data = Buffer.concat(chunks);
      const split = data.indexOf("\r\n\r\n");
      const lines = data.subarray(0, split).toString("latin1").split("\r\n");
      const status = Number(lines[0].split(" ")[1]);
      const hdrs = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      resolve({ status, headers: hdrs, body: data.subarray(split + 4) });
    });
    socket.on("error", reject);
  });
}

async function libraryIndex() {
  const r = await raw("/library/index.json");
  assert.equal(r.status, 200);
  return JSON.parse(r.body.toString("utf8"));
}

test("/library/index.json lists the folder's articles, with the bundled ones beside them", async () => {
  const index = await libraryIndex();
  assert.deepEqual(Object.keys(index), ["version", "root", "base", "articles", "skipped", "bundled"]);
  assert.equal(index.root, "Articles");
  assert.equal(index.base, "/library/");
  const paths = index.articles.map((a) => a.path);
  for (const p of ["china.txt", "models/model.json", "same-story.txt"]) assert.ok(paths.includes(p), p);
  assert.deepEqual(paths, [...paths].sort());
  const china = index.articles.find((a) => a.path === "china.txt");
  assert.equal(china.title, "17th China-Japan security dialogue addresses issues of common concern");
  assert.equal(china.minutes, 3);
  assert.equal(index.bundled.base, "/assets/articles/");
  assert.deepEqual(index.bundled.articles.map((a) => a.path), ["china-japan-security-dialogue.txt"]);
  // Every listed article is served at base + path.
  for (const a of [...index.articles.map((x) => index.base + x.path), ...index.bundled.articles.map((x) => index.bundled.base + x.path)]) {
    assert.equal((await raw(encodeURI(a))).status, 200, a);
  }
});

test("skipped files are listed with their reasons: binary, too large, symlink out, invalid JSON", async () => {
  const reasons = Object.fromEntries((await libraryIndex()).skipped.map((s) => [s.path, s.reason]));
  assert.match(reasons["photo.txt"], /this is binary data, not text/);
  assert.equal(reasons["huge.txt"], "the input is 70.0 MB, over the 64.0 MB limit");
  assert.equal(reasons["leak.txt"], "a symbolic link to outside the folder; not followed");
  assert.equal(reasons["private"], "a symbolic link to outside the folder; not followed");
  assert.match(reasons["broken.json"], /JSON syntax error/);
  assert.ok(!JSON.stringify(reasons).includes(".git"), "hidden folders are not looked into");
});

test("a file added, changed or removed while serving shows in the next index", async () => {
  const first = await raw("/library/index.json");
  assert.ok(!JSON.parse(first.body).articles.some((a) => a.path === "later/new.txt"));
  put("later/new.txt", "Arrived while serving\n\nA new article.\n");
  let index = await libraryIndex();
  assert.equal(index.articles.find((a) => a.path === "later/new.txt")?.title, "Arrived while serving");
  put("later/new.txt", "Renamed in place\n\nThe same file, edited.\n");
  index = await libraryIndex();
  assert.equal(index.articles.find((a) => a.path === "later/new.txt")?.title, "Renamed in place");
  assert.equal((await raw("/library/later/new.txt")).body.toString(), "Renamed in place\n\nThe same file, edited.\n");
  rmSync(join(lib, "later"), { recursive: true });
  index = await libraryIndex();
  assert.ok(!index.articles.some((a) => a.path.startsWith("later/")));
  assert.equal((await raw("/library/later/new.txt")).status, 404);
});

test("the index revalidates: the same list answers 304 to its ETag, a changed one 200", async () => {
  const a = await raw("/library/index.json");
  assert.ok(a.headers.etag);
  assert.equal((await raw("/library/index.json", { headers: { "If-None-Match": a.headers.etag } })).status, 304);
  put("touch.txt", "Touched\n\nA change.\n");
  const b = await raw("/library/index.json", { headers: { "If-None-Match": a.headers.etag } });
  assert.equal(b.status, 200);
  assert.notEqual(b.headers.etag, a.headers.etag);
  rmSync(join(lib, "touch.txt"));
});

// Paths that try to leave web/, assets/ or the library folder, sent raw. Each must be refused
// (403) or not found (404), and no answer may carry a byte of what lies outside.
const traversals = [
  "/../CMakeLists.txt",
  "/../../../../etc/passwd",
  "/assets/../../serve.sh",
  "/assets/../CMakeLists.txt",
  "/library/../secret.txt",
  "/library/../../secret.txt",
  "/library/%2e%2e/secret.txt",
  "/library/%2E%2E/secret.txt",
  "/library/.%2e/secret.txt",
  "/library/%2e%2e%2fsecret.txt",
  "/library/..%2fsecret.txt",
  "/library/..%2Fsecret.txt",
  "/library/%252e%252e/secret.txt",
  "/library/%252e%252e%252fsecret.txt",
  "/library/..%252fsecret.txt",
  "/library/..\\secret.txt",
  "/library/..%5csecret.txt",
  "/library/%5c..%5csecret.txt",
  "/library//etc/passwd",
  "/library/%2fetc%2fpasswd",
  `/library/${encodeURIComponent(join(scratch, "secret.txt"))}`,
  `/${join(scratch, "secret.txt")}`,
  "//etc/passwd",
  "/library/leak.txt",
  "/library/private/diary.txt",
  "/library/secret.txt%00.txt",
  "/library/china.txt%00/../../secret.txt",
  "/library/%c0%ae%c0%ae/secret.txt",
  "/library/.git/config.txt",
  "/library/script.sh",
  "/library/notes/drawing.svg",
  "/library/pipe.txt",
  "/library/",
  "/assets/",
  "/dist/",
  `http://localhost/library/../secret.txt`,
  "/assets%2f..%2f..%2fserve.sh",
  "/%2e%2e/%2e%2e/serve.sh",
];

test(`refuses ${traversals.length} paths that try to leave the served folders or name what is not a file`, async () => {
  assert.ok(traversals.length >= 20);
  for (const path of traversals) {
    const r = await raw(path);
    assert.ok(r.status === 403 || r.status === 404 || r.status === 400, `${path}: ${r.status}`);
    assert.ok(!r.body.includes(SECRET) && !r.body.includes("root:x:0") && !r.body.includes("cmake_minimum_required"), path);
  }
  assert.equal((await raw("/library/../secret.txt")).status, 403, "climbing out is refused, not normalised");
  assert.equal((await raw("/library/leak.txt")).status, 403, "a symlink out is refused");
  assert.equal((await raw("/library/pipe.txt")).status, 404, "a FIFO is not opened for reading (that would hang)");
});

test("content types: wasm, js, json, txt and md with utf-8, a Markdown article's image, all with nosniff and CORS", async () => {
  const expected = {
    "/dist/article-reader-core-markdown.wasm": "application/wasm",
    "/article-reader.js": "text/javascript; charset=utf-8",
    "/library/index.json": "application/json; charset=utf-8",
    "/library/models/model.json": "application/json; charset=utf-8",
    "/library/china.txt": "text/plain; charset=utf-8",
    "/library/notes/readme.md": "text/markdown; charset=utf-8",
    "/library/notes/img/shot.png": "image/png",
    "/assets/articles/china-japan-security-dialogue.txt": "text/plain; charset=utf-8",
    "/": "text/html; charset=utf-8",
  };
  for (const [path, type] of Object.entries(expected)) {
    const r = await raw(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers["content-type"], type, path);
    assert.equal(r.headers["x-content-type-options"], "nosniff", path);
    assert.equal(r.headers["access-control-allow-origin"], "*", path);
    assert.equal(Number(r.headers["content-length"]), r.body.length, path);
  }
});

test("files revalidate with ETag and Last-Modified: 304 while unchanged, 200 after a change", async () => {
  const path = "/library/china.txt";
  const first = await raw(path);
  assert.match(first.headers.etag, /^"[0-9a-f]+-[0-9a-f]+"$/);
  assert.equal(first.headers["last-modified"], new Date(statSync(join(lib, "china.txt")).mtimeMs).toUTCString());
  const byTag = await raw(path, { headers: { "If-None-Match": first.headers.etag } });
  assert.equal(byTag.status, 304);
  assert.equal(byTag.body.length, 0);
  assert.equal((await raw(path, { headers: { "If-None-Match": `W/${first.headers.etag}` } })).status, 304);
  assert.equal((await raw(path, { headers: { "If-Modified-Since": first.headers["last-modified"] } })).status, 304);
  assert.equal((await raw(path, { headers: { "If-Modified-Since": "Thu, 01 Jan 2004 00:00:00 GMT" } })).status, 200);
  assert.equal((await raw(path, { headers: { "If-None-Match": '"other"', "If-Modified-Since": first.headers["last-modified"] } })).status, 200,
    "If-None-Match decides when both are sent");
  assert.equal((await raw("/article-reader.js", { headers: { "If-None-Match": (await raw("/article-reader.js")).headers.etag } })).status, 304);
  writeFileSync(join(lib, "china.txt"), Buffer.concat([story, Buffer.from("\nA late correction.\n")]));
  utimesSync(join(lib, "china.txt"), new Date(), new Date(Date.now() + 5000));
  const changed = await raw(path, { headers: { "If-None-Match": first.headers.etag, "If-Modified-Since": first.headers["last-modified"] } });
  assert.equal(changed.status, 200);
  assert.match(changed.body.toString(), /A late correction/);
});

test("HEAD answers headers only; one kept-alive connection serves several requests", async () => {
  const head = await raw("/library/china.txt", { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.ok(Number(head.headers["content-length"]) > 0);
  const url = new URL(server.url);
  const answers = await new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`GET /library/index.json HTTP/1.1\r\nHost: x\r\n\r\nGET /article-reader.js HTTP/1.1\r\nHost: x\r\n\r\n` +
        `GET /library/china.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });
    let data = "";
    socket.on("data", (d) => (data += d.toString("latin1")));
    socket.on("end", () => resolve(data.match(/HTTP\/1\.1 \d{3}/g)));
    socket.on("error", reject);
  });
  assert.deepEqual(answers, ["HTTP/1.1 200", "HTTP/1.1 200", "HTTP/1.1 200"]);
});

test("without a folder, /library/index.json lists the bundled articles and /library/ serves nothing", async () => {
  const plain = await startServer();
  try {
    const r = await fetch(new URL("library/index.json", plain.url));
    assert.equal(r.status, 200);
    const index = await r.json();
    assert.deepEqual(Object.keys(index), ["version", "root", "base", "articles", "skipped"]);
    assert.equal(index.base, "/assets/articles/");
    assert.deepEqual(index.articles.map((a) => [a.path, a.title]),
      [["china-japan-security-dialogue.txt", "17th China-Japan security dialogue addresses issues of common concern"]]);
    assert.equal((await fetch(new URL("library/china.txt", plain.url))).status, 404);
  } finally {
    await plain.stop();
  }
});

test("a library file named index.json is listed as skipped, since its URL is the index", async () => {
  put("index.json", JSON.stringify({ version: 1, title: "Shadowed", blocks: [] }));
  try {
    const index = await libraryIndex();
    assert.ok(!index.articles.some((a) => a.path === "index.json"));
    assert.match(index.skipped.find((s) => s.path === "index.json").reason, /library's own index/);
  } finally {
    rmSync(join(lib, "index.json"));
  }
});

function serveOnce(args) {
  return new Promise((resolve) => {
    const child = spawn("./serve.sh", args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (/serving on/.test(out)) child.kill("SIGINT");
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

test("listens on loopback by default, warns when told to listen on every interface", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const lan = await serveOnce(["--port", "0", "--quiet", "--host", "0.0.0.0", lib]);
  assert.match(lan.out, /serving on http:\/\/0\.0\.0\.0:\d+\//);
  assert.match(lan.err, /warning: listening on 0\.0\.0\.0, not loopback: anyone who can reach this machine on the network can read the reader and your library folder/);
  const local = await serveOnce(["--port", "0", "--quiet", "--host", "127.0.0.2"]);
  assert.doesNotMatch(local.err, /warning/);
});

test("a folder that does not exist is one clear line and a non-zero exit", async () => {
  const r = await serveOnce(["--port", "0", join(scratch, "missing")]);
  assert.notEqual(r.code, 0);
  assert.equal(r.err, `serve.sh: ${join(scratch, "missing")} is not a folder\n`);
});

const ipv6 = await new Promise((resolve) => {
  const probe = net.createServer().once("error", () => resolve(false)).listen(0, "::1", () => probe.close(() => resolve(true)));
});

test("--host ::1 serves IPv6 loopback, without the warning", { skip: !ipv6 && "no IPv6 loopback here" }, async () => {
  const v6 = await startServer(["--host", "::1"]);
  try {
    assert.match(v6.url, /^http:\/\/\[::1\]:\d+\/$/);
    const r = await fetch(new URL("library/index.json", v6.url));
    assert.equal(r.status, 200);
    assert.equal((await r.json()).base, "/assets/articles/");
  } finally {
    await v6.stop();
  }
  assert.doesNotMatch((await serveOnce(["--port", "0", "--quiet", "--host", "::1"])).err, /warning/);
});
