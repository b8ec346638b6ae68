// The page around the reader: chooses the article from the address bar and names the tab after it.
"use strict";

(() => {
  const reader = document.getElementById("reader");
  const params = new URLSearchParams(location.search);
  if (params.has("article")) reader.setAttribute("src", params.get("article"));
  if (params.has("format")) reader.setAttribute("format", params.get("format"));
  if (params.has("collapsed")) reader.setAttribute("collapsed", params.get("collapsed"));

  reader.addEventListener("article-reader-ready", (event) => {
    const title = event.detail.article.title;
    document.title = title ? `${title} · article-reader` : "article-reader";
  });
  // Text pasted anywhere on the page (outside a text field) opens as the article.
  document.addEventListener("paste", (event) => {
    if (event.defaultPrevented || event.target.closest?.("input, textarea, [contenteditable]")) return;
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (!text.trim()) return;
    event.preventDefault();
    reader.load(text).catch(() => {}); // the reader shows the error in place
  });

  // The page's own chrome follows the theme chosen in the reader.
  reader.addEventListener("article-reader-settings", (event) => {
    document.documentElement.dataset.theme = event.detail.theme;
  });
  reader.addEventListener("article-reader-error", () => {
    document.title = "Article not shown · article-reader";
  });

  // Offline reading (sw.js). When a new build's worker takes over from an old one, the page
  // reloads once, so that no old script runs against the new wasm.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    const hadWorker = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener("controllerchange", () => hadWorker && location.reload());
    navigator.serviceWorker.register("sw.js").catch(() => {}); // the page works without it
  }
})();
