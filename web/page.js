// The page around the reader: chooses the article from the address bar and names the tab after it.
"use strict";

(() => {
  const reader = document.getElementById("reader");
  const params = new URLSearchParams(location.search);
  // The library view's script is not on the article's way to the screen: it loads only for that
  // view, and the reader, hidden before it upgrades, never loads an article there.
  if (params.get("view") === "library") {
    reader.hidden = true;
    document.documentElement.dataset.view = "library"; // page.css lines the header up with the wider table
    document.head.append(Object.assign(document.createElement("script"), { src: "library.js" }));
  }
  if (params.has("article")) reader.setAttribute("src", params.get("article"));
  if (params.has("format")) reader.setAttribute("format", params.get("format"));
  if (params.has("collapsed")) reader.setAttribute("collapsed", params.get("collapsed"));

  reader.addEventListener("article-reader-ready", (event) => {
    const title = event.detail.title; // not detail.article, which a book would parse from megabytes of JSON
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

  // "Download for offline": the article shown, as the one self-contained file that
  // `article-reader export` writes (the core builds it from the model and the three assets).
  const download = document.getElementById("download");
  reader.addEventListener("article-reader-ready", () => { download.hidden = false; });
  reader.addEventListener("article-reader-error", () => { download.hidden = true; });
  const downloadStatus = document.getElementById("download-status");
  download.addEventListener("click", async () => {
    download.disabled = true;
    downloadStatus.textContent = "";
    try {
      const text = (path) => fetch(path).then((r) => {
        if (!r.ok) throw new Error(`${path}: the server answered ${r.status}`);
        return r.text();
      });
      const [elementJs, css, coreJs, core] = await Promise.all([text("article-reader.js"), text("article-reader.css"),
        text("dist/article-reader-core.single.js"), exportCore()]);
      const model = new TextEncoder().encode(JSON.stringify(reader.article));
      const result = core.exportHtml(model, "json", "{}", elementJs, css, coreJs);
      if (result.error) throw new Error(result.error);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([result.html], { type: "text/html" }));
      link.download = `${fileName(reader.article.title)}.html`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      downloadStatus.textContent = `Not saved: ${error.message}`;
    } finally {
      download.disabled = false;
    }
  });
  let exporter = null; // a core instance of the page's own, made on the first download
  // The text core reads the JSON model the file is made from, whatever the article's format; the
  // reader may have read the article in its worker, or with the Markdown core, so the page may not have it yet.
  const coreScript = () => globalThis.createArticleReaderTextCore ? Promise.resolve() : new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: "dist/article-reader-core-text.js", onload: resolve });
    script.onerror = () => reject(new Error("dist/article-reader-core-text.js did not load"));
    document.head.append(script);
  });
  const exportCore = () => (exporter ??= coreScript().then(() => createArticleReaderTextCore({ locateFile: (file) => `dist/${file}` })));
  const fileName = (title) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 80) || "article";

  // Offline reading (sw.js). When a new build's worker takes over from an old one, the page
  // reloads once, so that no old script runs against the new wasm. It registers once the article
  // is shown (or failed, or the library is the view): a first visit's install downloads the whole
  // shell again, which would otherwise compete with the article and the core for the network.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    const hadWorker = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener("controllerchange", () => hadWorker && location.reload());
    let registered = false;
    const register = () => {
      if (registered) return;
      registered = true;
      navigator.serviceWorker.register("sw.js").catch(() => {}); // the page works without it
    };
    if (reader.hidden) register(); // the library view
    reader.addEventListener("article-reader-ready", register, { once: true });
    reader.addEventListener("article-reader-error", register, { once: true });
  }
})();
