// The service worker of the reader's own page (index.html), for reading offline.
// - The app shell (page, element, core, wasm, styles, icons) is precached in a cache named after
//   the build (dist/shell.js), served cache-first, and replaced whole by the next build, so the
//   wasm always matches the JS that loads it.
// - Articles and the library list are fetched network-first and kept in one cache that survives
//   builds: every article opened is saved, and the library's "Save for offline" adds any other.
"use strict";

importScripts("dist/shell.js"); // self.SHELL = { build, files }

const shellCache = `article-reader-shell-${self.SHELL.build}`;
const articlesCache = "article-reader-articles"; // also opened by library.js
const defaultArticle = "assets/articles/china-japan-security-dialogue.txt";
const scope = new URL(self.registration.scope);
const shellPaths = new Set(self.SHELL.files.map((file) => new URL(file, scope).pathname));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(shellCache);
    await shell.addAll(self.SHELL.files.map((file) => new Request(file, { cache: "reload" })));
    const articles = await caches.open(articlesCache);
    if (!(await articles.match(defaultArticle))) await articles.add(defaultArticle).catch(() => {});
    await self.skipWaiting(); // the page reloads itself once when a new build takes over (page.js)
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("article-reader-shell-") && name !== shellCache) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

function isArticle(url) {
  const path = url.pathname.slice(scope.pathname.length - 1);
  return path.startsWith("/assets/articles/") || path.startsWith("/library/");
}

// The page itself, at ./ or ./index.html, whatever its query (?article=…, ?view=library).
const isPage = (url) => url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`;

async function fromShell(request, url) {
  const shell = await caches.open(shellCache);
  const key = isPage(url) ? new URL("index.html", scope).href : request;
  return (await shell.match(key, { ignoreSearch: isPage(url) })) ?? fetch(request);
}

async function networkFirst(request) {
  const articles = await caches.open(articlesCache);
  try {
    const response = await fetch(request);
    if (response.ok) await articles.put(request, response.clone());
    return response;
  } catch (error) {
    const saved = await articles.match(request, { ignoreVary: true });
    if (saved) return saved;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin) return;
  if (isPage(url) || shellPaths.has(url.pathname)) event.respondWith(fromShell(request, url));
  else if (isArticle(url)) event.respondWith(networkFirst(request));
});
