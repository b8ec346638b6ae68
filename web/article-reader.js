// <article-reader src="story.txt" format="text|markdown|json">: an article as a reading view with
// collapsible sections, rendered by the C++ core compiled to WebAssembly (web/dist/).
//
// A classic script, so that it also works where module scripts cannot load (file://). Its globals
// are the element class, ArticleReaderElement (whose define() registers it under other names), and
// the core's factory, createArticleReaderCore. All article HTML comes from the core's formatter, which escapes
// every text and checks every URL; this file only ever writes messages with textContent.
"use strict";

(() => {
  // Everything the element needs sits beside this script, wherever it is served from.
  const scriptUrl =
    document.currentScript?.src ||
    document.querySelector('script[src$="article-reader.js"]')?.src ||
    location.href;
  const assetUrl = (path) => new URL(path, scriptUrl).href;

  // ------------------------------------------------------------------ the core, loaded once

  let corePromise = null;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.append(script);
    });
  }

  // One wasm instance serves every element on the page.
  function loadCore() {
    corePromise ??= (async () => {
      if (typeof globalThis.createArticleReaderCore !== "function") {
        await loadScript(assetUrl("dist/article-reader-core.js"));
      }
      return globalThis.createArticleReaderCore({
        locateFile: (file) => assetUrl(`dist/${file}`),
        print: () => {},
        printErr: () => {},
      });
    })().catch((cause) => {
      corePromise = null; // a later element may try again
      throw readerError("The reader's WebAssembly core failed to load", String(cause?.message ?? cause));
    });
    return corePromise;
  }

  function readerError(summary, detail) {
    const error = new Error(detail ? `${summary}: ${detail}` : summary);
    error.summary = summary;
    error.detail = detail;
    return error;
  }

  // ------------------------------------------------------------------ fetching and reading

  const formats = ["text", "markdown", "json"];

  function formatFor(url, contentType, requested) {
    if (formats.includes(requested)) return requested;
    const path = new URL(url).pathname.toLowerCase();
    if (path.endsWith(".md") || path.endsWith(".markdown") || /markdown/.test(contentType)) return "markdown";
    if (path.endsWith(".json") || /json/.test(contentType)) return "json";
    return "text";
  }

  async function fetchArticle(url) {
    let response;
    try {
      response = await fetch(url);
    } catch (cause) {
      throw readerError(
        `Could not load the article from ${url}`,
        "the request failed: the server is unreachable, or it does not allow this page to read it (CORS)",
      );
    }
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      throw readerError(`Could not load the article from ${url}`, `the server answered ${status}`);
    }
    return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? "" };
  }

  // `lang` and `dir` override what the core guesses from the text's script.
  async function readArticle(bytes, format, where, { lang, dir }) {
    const core = await loadCore();
    const options = JSON.stringify({ ...(lang ? { lang } : {}), ...(dir === "ltr" || dir === "rtl" ? { dir } : {}) });
    const result = core.view(bytes, format, options);
    if (result.error) throw readerError(`Could not read ${where}`, result.error);
    return {
      article: JSON.parse(result.json),
      html: result.html,
      warnings: result.warnings ? result.warnings.split("\n") : [],
    };
  }

  // ------------------------------------------------------------------ the element

  function element(tag, className, text) {
    const el = document.createElement(tag);
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function buildShadow(host) {
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = assetUrl("article-reader.css");
    const styled = new Promise((resolve) => {
      style.onload = resolve;
      style.onerror = resolve; // unstyled text beats no text
    });
    const status = element("div", "ar-status", "Loading the article…");
    status.setAttribute("role", "status");
    status.setAttribute("part", "status");
    const notices = element("div", "ar-notices");
    notices.setAttribute("part", "notices");
    const toolbar = element("div", "ar-toolbar");
    toolbar.setAttribute("part", "toolbar");
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Sections");
    toolbar.hidden = true;
    for (const [action, label] of [["expand", "Expand all"], ["collapse", "Collapse all"]]) {
      const button = element("button", "ar-button", label);
      button.type = "button";
      button.dataset.action = action;
      toolbar.append(button);
    }
    const content = element("div", "ar-content");
    content.setAttribute("part", "content");
    root.append(style, status, notices, toolbar, content);
    return { root, styled, status, notices, toolbar, content };
  }

  // ------------------------------------------------------------------ sections

  const sectionsOf = (view) => view.content.querySelectorAll("details.ar-section");

  function setAllOpen(view, open) {
    for (const details of sectionsOf(view)) details.open = open;
  }

  // collapsed="none" (the default) leaves every section open, "all" closes them, and "auto"
  // closes them on narrow screens only, as Wikipedia's mobile view does.
  function applyCollapsed(view, policy) {
    const close = policy === "all" || (policy === "auto" && matchMedia("(max-width: 40rem)").matches);
    setAllOpen(view, !close);
  }

  // Opens every section around the element with this id, and scrolls to it.
  function reveal(view, id) {
    const target = id ? view.root.getElementById(id) : null;
    if (!target || !view.content.contains(target)) return false;
    for (let node = target; node && node !== view.content; node = node.parentElement) {
      if (node instanceof HTMLDetailsElement) node.open = true;
    }
    target.scrollIntoView({ block: "start" });
    return true;
  }

  function fragmentId() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch {
      return location.hash.slice(1);
    }
  }

  // Printing shows every section; the ones the reader had closed close again afterwards.
  function openForPrint(view) {
    const closed = [...sectionsOf(view)].filter((d) => !d.open);
    for (const d of closed) d.open = true;
    return () => closed.forEach((d) => (d.open = false));
  }

  function showError(view, error) {
    view.content.replaceChildren();
    view.toolbar.hidden = true;
    view.notices.replaceChildren();
    const box = element("div", "ar-error");
    box.setAttribute("role", "alert");
    box.setAttribute("part", "error");
    box.append(
      element("p", "ar-error-title", error.summary ?? "Could not show this article"),
      element("p", "ar-error-detail", error.detail ?? String(error.message ?? error)),
    );
    view.status.replaceChildren(box);
    view.status.hidden = false;
  }

  function showArticle(view, { html, warnings }) {
    view.notices.replaceChildren(
      ...warnings.map((w) => {
        const note = element("p", "ar-notice", `Repaired while reading: ${w}`);
        note.setAttribute("role", "note");
        return note;
      }),
    );
    view.content.innerHTML = html; // the core's formatter output: escaped and URL-checked
    view.toolbar.hidden = !view.content.querySelector("details.ar-section");
    view.status.replaceChildren();
    view.status.hidden = true;
  }

  class ArticleReaderElement extends HTMLElement {
    static observedAttributes = ["src", "format", "lang", "dir", "collapsed"];

    // Registers the element; safe to call again, and under another tag name.
    static define(tag = "article-reader", registry = customElements) {
      if (registry.get(tag)) return;
      registry.define(tag, tag === "article-reader" ? this : class extends this {});
    }

    #view = null;
    #article = null;
    #loads = 0;
    #settle = null;
    ready = null;

    constructor() {
      super();
      this.#view = buildShadow(this);
      this.#newReady();
      this.#view.root.addEventListener("toggle", (event) => this.#onToggle(event), true);
      this.#view.toolbar.addEventListener("click", (event) => {
        const action = event.target.closest?.("button")?.dataset.action;
        if (action) setAllOpen(this.#view, action === "expand");
      });
    }

    get src() { return this.getAttribute("src") ?? ""; }
    set src(value) { this.setAttribute("src", value); }
    get format() { return this.getAttribute("format") ?? ""; }
    set format(value) { this.setAttribute("format", value); }
    get collapsed() { return this.getAttribute("collapsed") ?? "none"; }
    set collapsed(value) { this.setAttribute("collapsed", value); }
    get article() { return this.#article; }

    expandAll() { setAllOpen(this.#view, true); }
    collapseAll() { setAllOpen(this.#view, false); }
    open(sectionId) { return reveal(this.#view, sectionId); }

    #onHashChange = () => reveal(this.#view, fragmentId());
    #onBeforePrint = () => { this.#restoreAfterPrint = openForPrint(this.#view); };
    #onAfterPrint = () => { this.#restoreAfterPrint?.(); this.#restoreAfterPrint = null; };
    #restoreAfterPrint = null;

    connectedCallback() {
      addEventListener("hashchange", this.#onHashChange);
      addEventListener("beforeprint", this.#onBeforePrint);
      addEventListener("afterprint", this.#onAfterPrint);
      if (this.#loads === 0) this.#loadSrc();
    }

    disconnectedCallback() {
      removeEventListener("hashchange", this.#onHashChange);
      removeEventListener("beforeprint", this.#onBeforePrint);
      removeEventListener("afterprint", this.#onAfterPrint);
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (!this.isConnected || oldValue === newValue || this.#loads === 0) return;
      if (name === "collapsed") applyCollapsed(this.#view, this.collapsed);
      else this.#loadSrc();
    }

    #newReady() {
      this.ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
      this.ready.catch(() => {}); // a failure is reported by event and message; awaiting it is optional
    }

    async #loadSrc() {
      const load = ++this.#loads;
      if (load > 1) this.#newReady();
      const settle = this.#settle;
      try {
        if (!this.src) throw readerError("No article to show", "the element has no src attribute");
        const url = new URL(this.src, document.baseURI).href;
        const { bytes, contentType } = await fetchArticle(url);
        const where = decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
        const overrides = { lang: this.getAttribute("lang"), dir: this.getAttribute("dir") };
        const result = await readArticle(bytes, formatFor(url, contentType, this.format), where, overrides);
        await this.#view.styled;
        if (load !== this.#loads) return;
        this.#article = result.article;
        showArticle(this.#view, result);
        applyCollapsed(this.#view, this.collapsed);
        reveal(this.#view, fragmentId());
        settle.resolve(result.article);
        this.#emit("ready", { article: result.article });
      } catch (error) {
        if (load !== this.#loads) return;
        await this.#view.styled;
        this.#article = null;
        showError(this.#view, error);
        settle.reject(error);
        this.#emit("error", { message: error.message });
      }
    }

    #onToggle(event) {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.classList.contains("ar-section")) return;
      this.#emit("toggle", { id: details.id, open: details.open });
    }

    #emit(name, detail) {
      this.dispatchEvent(new CustomEvent(`article-reader-${name}`, { detail, bubbles: true, composed: true }));
    }
  }

  globalThis.customElements && ArticleReaderElement.define();
  globalThis.ArticleReaderElement ??= ArticleReaderElement;
})();
