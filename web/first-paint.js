// Runs in the page's head before the body is parsed (a blocking script, so before the first
// paint) and decides what that paint may show. The build pre-renders the default article into the
// page (scripts/prerender-page.mjs); it is painted at once only when the reader will show that
// very article, looking the same. Otherwise the reader stays invisible until its element has
// upgraded (page.css), so that no default article flashes before ?article=URL or the library, and
// nothing jumps when saved settings, a remembered place or ?collapsed= apply.
"use strict";

(() => {
  const params = new URLSearchParams(location.search);
  const html = document.documentElement;
  const prerendered = document.querySelector('meta[name="article-reader-prerendered"]');
  const read = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
      return null; // storage blocked: the reader forgets too
    }
  };
  const settings = read("article-reader:settings") ?? {};
  // The page's own colours follow the reader's theme (page.js), from the first paint on.
  if (["auto", "light", "dark", "sepia"].includes(settings.theme)) html.dataset.theme = settings.theme;

  const otherArticle = params.has("article") || params.get("view") === "library";
  const defaults = { theme: "auto", size: "medium", width: "medium", leading: "normal" };
  const otherLook = params.has("format") || params.has("collapsed") ||
    Object.entries(defaults).some(([key, value]) => key in settings && settings[key] !== value) ||
    Boolean(prerendered && read(prerendered.content));
  if (otherArticle || otherLook) html.dataset.readerWait = "";
  if (otherArticle) return; // the default article and its core would be fetched for nothing

  // The reader fetches its article and the core's wasm as soon as it upgrades; asked for here,
  // they download with the page's own files.
  const preload = (href, as = "fetch") => {
    const link = Object.assign(document.createElement("link"), { rel: "preload", as, href });
    if (as === "fetch") link.crossOrigin = "anonymous"; // as the reader's fetch() and the core's streaming compile ask
    document.head.append(link);
  };
  preload(prerendered?.dataset.src ?? "assets/articles/china-japan-security-dialogue.txt");
  if (prerendered?.dataset.core) preload(prerendered.dataset.core);
  // and the JS of the core for its format (docs/architecture.md, "A core per format"), which an
  // ?article= of another format would not use
  if (prerendered?.dataset.coreJs) preload(prerendered.dataset.coreJs, "script");
})();
