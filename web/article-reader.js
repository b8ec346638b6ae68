// <article-reader src="story.txt" format="text|markdown|json">: an article as a reading view with
// collapsible sections, rendered by the C++ core compiled to WebAssembly (web/dist/).
//
// A classic script, so that it also works where module scripts cannot load (file://). Its globals
// are the element class, ArticleReaderElement (whose define() registers it under other names), and
// the factories of the cores it loads, createArticleReaderTextCore and createArticleReaderMarkdownCore.
// All article HTML comes from the core's formatter, which escapes
// every text and checks every URL; this file only ever writes messages with textContent.
"use strict";

(() => {
  // The same file is the core's worker (workerCore() below makes it), so embedders still load one script.
  if (typeof document === "undefined" && typeof importScripts === "function") return void serveCoreInWorker();

  // Everything the element needs sits beside this script, wherever it is served from.
  const scriptUrl =
    document.currentScript?.src ||
    document.querySelector('script[src$="article-reader.js"]')?.src ||
    location.href;
  const assetUrl = (path) => new URL(path, scriptUrl).href;
  // The core's folder from here; the build's minified copy, web/dist/article-reader.js, sits beside
  // the core and has "" (scripts/minify-web.mjs).
  const coreFolder = "dist/";

  // ------------------------------------------------------------------ the cores, each loaded once

  // One core per group of formats, so that an article downloads only the reader it needs: plain
  // text and JSON models in article-reader-core-text.js, Markdown in article-reader-core-markdown.js
  // (docs/architecture.md, "A core per format").
  const coreOf = (format) => (format === "markdown" ? "markdown" : "text");
  const factoryOf = (name) => `createArticleReader${name[0].toUpperCase()}${name.slice(1)}Core`;
  const coreScript = (name) => assetUrl(`${coreFolder}article-reader-core-${name}.js`);
  const corePromises = new Map();
  const elementVersion = "0.1.0"; // the project's version (CMakeLists.txt); the core must match it

  // Under Trusted Types (require-trusted-types-for 'script'), the element's two sinks go through
  // one policy named "article-reader": the core's script URL beside this file, and the formatter's
  // HTML, which is escaped and URL-checked by construction. Made on first use, so that a second
  // copy of this script, whose element class is never used, creates none.
  let policy;
  function trusted() {
    if (policy === undefined) {
      policy = globalThis.trustedTypes?.createPolicy
        ? trustedTypes.createPolicy("article-reader", { createHTML: (html) => html, createScriptURL: (url) => url })
        : null;
    }
    return policy;
  }
  const trustedHTML = (html) => trusted()?.createHTML(html) ?? html;
  const trustedScriptURL = (url) => trusted()?.createScriptURL(url) ?? url;

  // The core's formatter output (escaped, every URL through its policy) as nodes, whose relative
  // links and images are relative to the article's own URL, as they were in its file (a README's
  // docs/shot.png), not to the page showing it. A relative reference takes the article's scheme.
  function articleNodes(html, base) {
    const template = document.createElement("template");
    template.innerHTML = trustedHTML(html);
    if (!base) return template.content;
    for (const node of template.content.querySelectorAll("a[href]:not([href^='#']), img[src]")) {
      const name = node.localName === "img" ? "src" : "href";
      try {
        node.setAttribute(name, new URL(node.getAttribute(name), base).href);
      } catch {} // left as the core wrote it
    }
    return template.content;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = trustedScriptURL(src);
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} did not load`));
      document.head.append(script);
    });
  }

  // One wasm instance of each core serves every element on the page. A file that opens from disk
  // (`article-reader export`) inlines the core that reads every format, createArticleReaderCore,
  // which then serves them all.
  const coreKey = (format) => (typeof globalThis.createArticleReaderCore === "function" ? "all" : coreOf(format));
  function loadCore(format) {
    const name = coreKey(format);
    if (corePromises.has(name)) return corePromises.get(name);
    const promise = (async () => {
      const factory = name === "all" ? "createArticleReaderCore" : factoryOf(name);
      if (typeof globalThis[factory] !== "function") await loadScript(coreScript(name));
      const core = await globalThis[factory]({
        locateFile: (file) => assetUrl(`${coreFolder}${file}`),
        print: () => {},
        printErr: () => {},
      });
      // A cache or a half-finished deploy can pair this script with another build's core.
      if (core.version() !== elementVersion) {
        throw readerError("The reader's files are from different versions",
          `article-reader.js is ${elementVersion} but its core is ${core.version()}; reload the page, and if this stays, the server holds a stale copy`);
      }
      return core;
    })().catch((cause) => {
      corePromises.delete(name); // a later element, or Try again, loads it afresh
      if (cause?.summary) throw cause;
      throw readerError("The reader's WebAssembly core failed to load", String(cause?.message ?? cause));
    });
    corePromises.set(name, promise);
    return promise;
  }

  function readerError(summary, detail) {
    const error = new Error(detail ? `${summary}: ${detail}` : summary);
    error.summary = summary;
    error.detail = detail;
    return error;
  }

  // ------------------------------------------------------------------ fetching and reading

  const formats = ["text", "markdown", "json"];

  // "markdown" or "json" when a file name says so, else "".
  function extensionFormat(name) {
    const lower = name.toLowerCase();
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
    return lower.endsWith(".json") ? "json" : "";
  }

  function formatFor(url, contentType, requested) {
    if (formats.includes(requested)) return requested;
    const byType = /markdown/.test(contentType) ? "markdown" : /json/.test(contentType) ? "json" : "";
    return extensionFormat(new URL(url).pathname) || byType || "text";
  }

  // The format is known from the response's headers, so the core for it starts loading then.
  async function fetchArticle(url, requested, progress) {
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
    const format = formatFor(url, response.headers.get("content-type") ?? "", requested);
    const size = Number(response.headers.get("content-length")) || 0;
    // The core that will read it (the page's, or the worker's for a large one) loads while the
    // body downloads; a failure shows when the article is read.
    if (size) coreFor(size, format).catch(() => {});
    if (!progress || !size || !response.body) return { bytes: new Uint8Array(await response.arrayBuffer()), format };
    // read in pieces, so that a large article's download shows how far it got
    const bytes = new Uint8Array(size);
    let got = 0;
    for (const reader = response.body.getReader(); ;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (got + value.length > size) return { bytes: await concat(bytes.subarray(0, got), value, reader), format };
      bytes.set(value, got);
      got += value.length;
      progress("Loading the article…", got / size);
    }
    return { bytes: bytes.subarray(0, got), format };
  }

  // A body longer than its Content-Length said (a compressed response's length is the compressed
  // one): the rest is read whole.
  async function concat(head, value, reader) {
    const parts = [head, value];
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    return new Uint8Array(await new Blob(parts).arrayBuffer());
  }

  // The status line of a load that takes longer than about 200 ms: what it is doing, and a progress
  // bar (how much has arrived while downloading; indeterminate while the core reads).
  function loadProgress(view, current) {
    let label = "Loading the article…", fraction = null, shown = false;
    const show = () => {
      if (!current()) return;
      shown = true;
      const bar = element("progress", "ar-load-progress", undefined, { "aria-label": label, part: "load-progress" });
      if (fraction !== null) Object.assign(bar, { max: 1, value: fraction });
      view.status.replaceChildren(element("span", "ar-status-label", label), bar);
      view.status.hidden = false;
    };
    const timer = setTimeout(show, 200);
    const update = (text, part = null) => {
      label = text;
      fraction = part;
      if (shown) show();
    };
    update.done = () => {
      clearTimeout(timer);
      if (shown && current()) {
        view.status.replaceChildren();
        view.status.hidden = true;
      }
    };
    return update;
  }

  // The core reads bytes it is given in its own memory, and frees them once decoded: through an
  // Embind string, a book would be in its memory three times over for the whole read.
  function viewIn(core, bytes, format, options) {
    const input = core.inputBuffer(bytes.length);
    if (!input) return core.viewParts(bytes, format, options); // more than the core takes: it says so
    input.set(bytes);
    return core.viewPartsInput(bytes.length, format, options);
  }

  // The model's JSON, from the article the core keeps, in pieces that are never whole in its memory.
  function modelPieces(core, handle, take) {
    const error = core.model(handle, take);
    if (error) throw new Error(error);
  }

  function decodePieces(pieces) {
    const decoder = new TextDecoder();
    return pieces.map((piece) => decoder.decode(piece, { stream: true })).join("") + decoder.decode();
  }

  // ------------------------------------------------------------------ the core in a worker

  // From this size on, the article is read in a worker, so that the page stays responsive while
  // the core parses (about a second per few MB); smaller ones are faster without the hand-over.
  const workerBytes = 512 * 1024;
  const workerPromises = new Map(); // a worker per core
  let workerFailed = false;

  // A worker's script must be of the page's origin. A host page on another origin could only make
  // one from a blob: URL, which its CSP (worker-src, else script-src) would have to allow and
  // would otherwise report as a violation; there, and from file://, the core runs on the page.
  function workerAllowed() {
    return typeof Worker === "function" && !workerFailed && /^https?:$/.test(location.protocol) &&
      new URL(scriptUrl).origin === location.origin;
  }

  // The worker's side: this script, run by new Worker(), loads the core and answers calls.
  function serveCoreInWorker() {
    let core = null;
    const answer = (id, op, data) => {
      if (op === "load") {
        importScripts(data.coreUrl);
        return self[data.factory]({ locateFile: (file) => new URL(file, data.coreUrl).href, print: () => {}, printErr: () => {} })
          .then((c) => (core = c).version());
      }
      if (op === "view") {
        const r = viewIn(core, data.bytes, data.format, data.options);
        if (r.error) return r;
        // The model goes over now, as transferred bytes (the page asks for it synchronously), but
        // the page decodes them only when the model is asked for.
        const pieces = [];
        modelPieces(core, r.handle, (piece) => pieces.push(piece.slice()));
        // and the sections and contents entries too, each as one buffer (HtmlParts)
        return { ...r, pieces, sections: packParts(r.sections), toc: packParts(r.toc) };
      }
      if (op === "search") return core.search(data.handle, data.query);
      if (op === "release") return core.release(data.handle);
      throw new Error(`unknown call ${op}`);
    };
    self.onmessage = async ({ data: { id, op, ...data } }) => {
      try {
        const result = await answer(id, op, data);
        const packed = [result?.sections, result?.toc].filter((parts) => parts?.bytes).map((parts) => parts.bytes.buffer);
        const transfer = [...(result?.pieces ?? []).map((piece) => piece.buffer), ...packed];
        self.postMessage({ id, result }, transfer);
      } catch (error) {
        self.postMessage({ id, failure: String(error?.message ?? error) });
      }
    };
  }

  // The page's side: the same calls as the core's own, each a promise.
  function workerCore(name) {
    if (workerPromises.has(name)) return workerPromises.get(name);
    const promise = new Promise((resolve, reject) => {
      const worker = new Worker(trustedScriptURL(scriptUrl), { name: `article-reader ${name} core` });
      const calls = new Map();
      let next = 0;
      const call = (op, data = {}) => new Promise((res, rej) => {
        calls.set(++next, { res, rej });
        worker.postMessage({ id: next, op, ...data });
      });
      worker.onmessage = ({ data }) => {
        const pending = calls.get(data.id);
        calls.delete(data.id);
        if (data.failure !== undefined) pending?.rej(new Error(data.failure));
        else pending?.res(data.result);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        for (const pending of calls.values()) pending.rej(new Error(event.message || "the core's worker failed"));
        calls.clear();
      };
      call("load", { coreUrl: coreScript(name), factory: factoryOf(name) }).then((version) => {
        if (version !== elementVersion) {
          throw readerError("The reader's files are from different versions",
            `article-reader.js is ${elementVersion} but its core is ${version}; reload the page, and if this stays, the server holds a stale copy`);
        }
        resolve({
          viewParts: (bytes, format, options) => call("view", { bytes, format, options }),
          search: (handle, query) => call("search", { handle, query }),
          release: (handle) => call("release", { handle }),
          terminate: () => {
            worker.terminate();
            for (const pending of calls.values()) pending.rej(new Error("the core's worker was stopped"));
            calls.clear();
          },
        });
      }).catch((error) => {
        worker.terminate();
        reject(error);
      });
    });
    workerPromises.set(name, promise);
    return promise;
  }

  // The worker for a large article when it can be had, else the core on the page; either way the
  // core for its format.
  async function coreFor(size, format) {
    if (size >= workerBytes && workerAllowed()) {
      try {
        return await workerCore(coreOf(format));
      } catch (error) {
        workerFailed = true; // not allowed here, or broken: the page's core does it from now on
        workerPromises.clear();
      }
    }
    return loadCore(format);
  }

  // The core reports errors in its results and never throws, except a RangeError when its heap
  // cannot grow (src/bindings/embind.cpp): that instance then holds what the interrupted read had
  // allocated, so it is dropped and the next article gets a fresh one.
  function dropCore(core, format, cause, size) {
    if (core.terminate) {
      core.terminate();
      workerPromises.delete(coreOf(format));
    } else corePromises.delete(coreKey(format));
    const message = String(cause?.message ?? cause);
    return message === "out of memory" ? `out of memory while reading a ${(size / 1048576).toFixed(1)} MB input` : message;
  }

  // `lang` and `dir` override what the core guesses from the text's script. The model is parsed
  // from its JSON only when someone asks for it (10 MB of JSON is a long task on its own); on the
  // page, its JSON is written only then, from the article the core keeps for search, and `keep`
  // takes it out before that article is released.
  async function readArticle(bytes, format, where, { lang, dir }, progress) {
    const core = await coreFor(bytes.length, format);
    const options = JSON.stringify({ ...(lang ? { lang } : {}), ...(dir === "ltr" || dir === "rtl" ? { dir } : {}) });
    progress?.("Reading the article…");
    let result;
    try {
      result = core.terminate ? await core.viewParts(bytes, format, options) : viewIn(core, bytes, format, options);
    } catch (cause) {
      throw readerError(`Could not read ${where}`, dropCore(core, format, cause, bytes.length));
    }
    if (result.error) throw readerError(`Could not read ${where}`, result.error);
    let model = null;
    let pieces = result.pieces ?? null;
    const keep = () => {
      if (model || pieces) return;
      pieces = [];
      modelPieces(core, result.handle, (piece) => pieces.push(piece.slice()));
    };
    return {
      model: () => {
        if (!model) {
          keep();
          model = JSON.parse(decodePieces(pieces));
          pieces = null;
        }
        return model;
      },
      keep,
      outline: result.outline,
      core,
      handle: result.handle,
      key: placeKey(result.hash),
      html: result.html, // the shell: the article without its contents entries and top-level sections
      toc: result.toc,
      sections: result.sections,
      units: result.units,
      warnings: result.warnings ? result.warnings.split("\n") : [],
    };
  }

  // ------------------------------------------------------------------ articles the reader opens

  async function toBytes(source) {
    if (typeof source === "string") return new TextEncoder().encode(source);
    if (source instanceof Uint8Array) return source;
    if (source instanceof ArrayBuffer) return new Uint8Array(source);
    if (source instanceof Blob) return new Uint8Array(await source.arrayBuffer());
    throw readerError("Could not open the article", "load() takes text, bytes or a File");
  }

  // A file's extension decides; without one, a JSON object is a model and anything else text.
  function formatOf(name, bytes, requested) {
    if (formats.includes(requested)) return requested;
    if (extensionFormat(name)) return extensionFormat(name);
    if (name.toLowerCase().endsWith(".txt")) return "text";
    const first = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
    return first === 0x7b ? "json" : "text";
  }

  // An article the reader opened could not be read: say so above the article they still have.
  // Above a pre-rendered article that the core could not read, `retry` runs that read again.
  function showProblem(view, error, retry) {
    const note = element("div", "ar-error ar-problem", undefined, { role: "alert" });
    note.append(
      element("p", "ar-error-title", error.summary ?? "Could not open that article"),
      element("p", "ar-error-detail", `${error.detail ?? error.message}. The article below is unchanged.`),
    );
    if (retry) note.append(retryButton(retry));
    view.notices.replaceChildren(note);
  }

  function retryButton(retry) {
    const again = button("Try again", "retry");
    again.addEventListener("click", () => {
      again.disabled = true;
      retry();
    });
    return again;
  }

  function hasFiles(event) {
    return [...(event.dataTransfer?.types ?? [])].includes("Files");
  }

  // ------------------------------------------------------------------ sections, as they are needed

  // The core hands over the view as a shell (header, contents, lead) and the HTML of each
  // top-level section (render_html_parts). A small article gets all of them at once. A large one
  // gets, at once, only its first sections; the others wait in runs ("chunks") behind empty
  // placeholders sized by an estimate, until they are needed: scrolled within a few screens (an
  // IntersectionObserver, which also sees a placeholder grow when Expand all opens it), reached by
  // a fragment, a search or printing. Meanwhile the chunks are put in a few per idle slice, so that
  // within seconds the whole text is in the DOM again, where find-in-page looks for it.
  const eagerChars = 256 * 1024; // below this much section HTML, everything is rendered at once
  const firstChars = 24 * 1024; // of a large article, about this much is rendered before it is shown
  const chunkChars = 24 * 1024; // the sections put in together, from one placeholder
  const sectionPxPerChar = 0.4; // a first guess of the height of open sections' HTML, until measured
  // Idle filling puts chunks in for this long per idle period (at least one): the frame after lays
  // them out, which costs several times what parsing them did, and the 10 ms slices of before left
  // frames of 100 ms and more behind them.
  const sliceMs = 5;
  const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(() => f({ timeRemaining: () => sliceMs }), 16));

  // Each top-level section's HTML, or its contents entry: from the page's core, an array of
  // strings; from the worker, one UTF-8 buffer and where each part ends in it, transferred, so that
  // receiving a book's 13 MB of sections and 1.2 MB of entries copies nothing on the page (a
  // structured clone of the strings was most of the display task). A run of parts is decoded when
  // it goes in, in one call.
  class HtmlParts {
    constructor(parts) {
      this.strings = Array.isArray(parts) ? parts : null;
      this.bytes = parts.bytes ?? null;
      this.ends = parts.ends ?? null;
      this.length = this.strings ? this.strings.length : this.ends.length;
      this.taken = new Uint8Array(this.length); // 1 once in the DOM
    }

    start(i) { return i === 0 ? 0 : this.ends[i - 1]; }

    size(i) { return this.strings ? this.strings[i].length : this.ends[i] - this.start(i); }

    // The characters (or bytes, from the worker) of parts [first, end).
    chars(first = 0, end = this.length) {
      let sum = 0;
      for (let i = first; i < end; i++) sum += this.size(i);
      return sum;
    }

    // The HTML of parts [first, end), which from now on count as in the DOM.
    take(first, end) {
      this.taken.fill(1, first, end);
      if (this.strings) return this.strings.slice(first, end).join("");
      return end > first ? new TextDecoder().decode(this.bytes.subarray(this.start(first), this.ends[end - 1])) : "";
    }

    // The first part not yet in the DOM whose HTML holds `text` (ASCII), or -1.
    find(text) {
      if (this.strings) return this.strings.findIndex((html, i) => !this.taken[i] && html.includes(text));
      const needle = new TextEncoder().encode(text);
      for (let at = this.bytes.indexOf(needle[0]); at >= 0; at = this.bytes.indexOf(needle[0], at + 1)) {
        let k = 1;
        while (k < needle.length && this.bytes[at + k] === needle[k]) k++;
        if (k < needle.length) continue;
        let lo = 0, hi = this.length; // the part whose bytes hold `at`
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.ends[mid] <= at) lo = mid + 1;
          else hi = mid;
        }
        if (!this.taken[lo]) return lo;
      }
      return -1;
    }
  }

  // The worker's side: parts packed for transfer (see HtmlParts).
  function packParts(strings) {
    const encoder = new TextEncoder();
    const bytes = new Uint8Array(strings.reduce((sum, s) => sum + s.length * 3, 0));
    const ends = new Uint32Array(strings.length);
    let at = 0;
    strings.forEach((s, i) => {
      at += encoder.encodeInto(s, bytes.subarray(at)).written;
      ends[i] = at;
    });
    return { bytes: bytes.slice(0, at), ends };
  }

  class LazySections {
    constructor(view, sections, units) {
      this.view = view;
      this.html = new HtmlParts(sections);
      this.units = units; // [first, end) data-u numbers of each
      this.defaultOpen = true; // what Expand all / Collapse all last chose, for sections put in later
      this.closed = new Set(); // ids a restored place closes, for sections put in later
      this.article = view.content.querySelector(".ar-article");
      this.end = this.article?.querySelector(":scope > .ar-dropped") ?? null; // sections go before it
      const total = this.html.chars();
      this.chunks = [];
      if (!this.article || total <= eagerChars || !("IntersectionObserver" in globalThis)) {
        this.insert(0, this.html.length, this.end);
        return;
      }
      for (let i = 0, chars = 0; i < this.html.length; i++) {
        if (chars === 0) this.chunks.push({ first: i, end: i, chars: 0, placeholder: null });
        const chunk = this.chunks.at(-1);
        chunk.end = i + 1;
        chunk.chars += this.html.size(i);
        chars = chunk.chars >= chunkChars ? 0 : chunk.chars;
      }
      this.pending = this.chunks.length;
      for (const chunk of this.chunks) {
        chunk.placeholder = element("div", "ar-pending", undefined, { "aria-hidden": "true" });
        this.article.insertBefore(chunk.placeholder, this.end);
      }
      for (let i = 0, shown = 0; i < this.chunks.length && shown < firstChars; i++) {
        shown += this.chunks[i].chars;
        this.render(i);
      }
      // Measured now, the first sections would be laid out in this task and again for the frame:
      // guessed until they have been painted, then measured (closed ones, as Collapse all or a
      // restored place leave them, are measured at once, and lay out fast).
      for (const chunk of this.chunks) if (chunk.placeholder) chunk.placeholder.style.minHeight = `${Math.round(chunk.chars * sectionPxPerChar)}px`;
      afterPaint(() => this.stopped || this.resize());
      this.observer = new IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.render(entry.target.chunk);
      }, { rootMargin: "2000px 0px" });
      this.chunks.forEach((chunk, i) => {
        if (!chunk.placeholder) return;
        chunk.placeholder.chunk = i;
        this.observer.observe(chunk.placeholder);
      });
      this.fillWhenIdle();
    }

    // Puts sections [first, end) in before `before`, open or closed as the reader last chose.
    insert(first, end, before) {
      const fragment = articleNodes(this.html.take(first, end), this.view.base);
      for (const details of fragment.querySelectorAll("details.ar-section")) {
        const open = this.defaultOpen && !this.closed.has(details.id);
        if (details.open !== open) details.open = open;
      }
      const nodes = [...fragment.children];
      this.article?.insertBefore(fragment, before);
      this.onInsert?.(nodes);
    }

    render(i) {
      const chunk = this.chunks[i];
      if (!chunk?.placeholder) return;
      this.insert(chunk.first, chunk.end, chunk.placeholder);
      this.observer?.unobserve(chunk.placeholder);
      chunk.placeholder.remove();
      chunk.placeholder = null;
      this.pending--;
    }

    // Each placeholder is as tall as its sections are expected to be, from those rendered so far
    // (open: by their characters; closed: by their number), so that the scroll bar, the reading
    // progress and a remembered place are about right.
    resize() {
      const frames = this.article.querySelectorAll(":scope > .ar-section-frame");
      if (!frames.length || !this.pending) return;
      const rendered = this.chunks.filter((c) => !c.placeholder);
      const chars = rendered.reduce((sum, c) => sum + c.chars, 0);
      const count = rendered.reduce((sum, c) => sum + c.end - c.first, 0);
      let height = 0;
      for (const frame of frames) height += frame.offsetHeight; // one layout, then reads
      for (const chunk of this.chunks) {
        if (!chunk.placeholder) continue;
        const estimate = this.defaultOpen ? chunk.chars * (height / chars) : (chunk.end - chunk.first) * (height / count);
        chunk.placeholder.style.minHeight = `${Math.round(estimate)}px`; // CSSOM, which a strict CSP allows
      }
    }

    renderAll() {
      this.chunks.forEach((_, i) => this.render(i));
    }

    chunkOf(section) {
      return this.chunks.findIndex((c) => section >= c.first && section < c.end);
    }

    // Renders the sections holding the element with this id, if any; says whether it did.
    renderHolding(id) {
      const attribute = `id="${escapeAttribute(id)}"`;
      const section = this.html.find(attribute);
      this.render(this.chunkOf(section));
      return section >= 0;
    }

    // Renders the sections holding these data-u unit numbers.
    renderUnits(numbers) {
      if (!this.pending) return;
      for (const u of numbers) {
        let lo = 0, hi = this.units.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (this.units[mid][1] <= u) lo = mid + 1;
          else hi = mid;
        }
        if (lo < this.units.length && this.units[lo][0] <= u) this.render(this.chunkOf(lo));
      }
    }

    // Chunks in document order, as many as fit in an idle slice; the observer puts in those near
    // the viewport first.
    fillWhenIdle() {
      const slice = (deadline) => {
        this.idle = 0;
        if (this.stopped || this.paused || !this.pending) return;
        const until = performance.now() + Math.min(sliceMs, deadline.timeRemaining());
        do this.render(this.chunks.findIndex((chunk) => chunk.placeholder));
        while (this.pending && performance.now() < until);
        if (this.pending) this.idle = idle(slice);
      };
      if (!this.idle) this.idle = idle(slice);
    }

    // A search's highlights are recomputed on every change to the DOM: filling waits meanwhile.
    pause(paused) {
      this.paused = paused;
      if (!paused && this.pending) this.fillWhenIdle();
    }

    stop() {
      this.stopped = true;
      this.observer?.disconnect();
    }
  }

  // A book's contents are thousands of entries (the 5 MB test book's: 14,868 links, 1.2 MB of
  // HTML), which as one piece of DOM made most of a task of one to two seconds. The core hands
  // them over one per top-level section (render_html_parts). A short list goes in at once; of a
  // long one, the first entries do, and the others follow at the end of the list, in order (so
  // that its numbering stays right), in runs: at each frame while the list's end is within reach
  // of the viewport, else in idle time. Until then one placeholder after the list stands for them,
  // sized by an estimate, so that what follows the contents is about where it will be.
  const firstTocChars = 16 * 1024; // of a long contents list, about this much goes in at once
  const tocPxPerChar = 0.25; // a contents entry of about 80 characters is a line of about 20 px

  class LazyContents {
    constructor(view, entries) {
      this.view = view;
      this.entries = new HtmlParts(entries); // each top-level section's entry
      this.next = 0; // the first entry not in the DOM
      this.list = view.content.querySelector(".ar-toc > ol");
      const total = this.entries.chars();
      this.remaining = total; // characters of entries not in the DOM
      if (!this.list || total <= 2 * firstTocChars || !("IntersectionObserver" in globalThis)) {
        this.append(this.entries.length);
        return;
      }
      this.append(this.endOfRun(firstTocChars));
      this.placeholder = element("div", "ar-toc-pending", undefined, { "aria-hidden": "true" });
      this.list.after(this.placeholder);
      // a first guess of the entries' height, measured once the first entries have been laid out
      this.perChar = tocPxPerChar;
      this.resize();
      afterPaint(() => {
        const shown = total - this.remaining;
        if (!this.stopped && this.list.offsetHeight > 0) this.perChar = this.list.offsetHeight / shown;
        this.resize();
      });
      this.observer = new IntersectionObserver((seen) => {
        this.near = seen.at(-1).isIntersecting;
        this.schedule();
      }, { rootMargin: "2000px 0px" });
      this.observer.observe(this.placeholder);
      this.schedule();
    }

    // The end of a run of about `chars` characters of entries from the next one.
    endOfRun(chars) {
      let end = this.next;
      for (let sum = 0; end < this.entries.length && sum < chars; end++) sum += this.entries.size(end);
      return end;
    }

    // Puts entries [next, end) in at the end of the list.
    append(end) {
      if (!this.list || end <= this.next) return;
      this.remaining -= this.entries.chars(this.next, end);
      this.list.append(articleNodes(this.entries.take(this.next, end))); // links to its own sections only
      this.next = end;
    }

    resize() {
      if (this.placeholder) this.placeholder.style.minHeight = `${Math.round(this.remaining * this.perChar)}px`; // CSSOM
    }

    // Runs of entries for a slice's time (at least one; see sliceMs), then the next slice is asked for.
    fill() {
      const until = performance.now() + sliceMs;
      do this.append(this.endOfRun(chunkChars));
      while (this.next < this.entries.length && performance.now() < until);
      if (this.view.current) markCurrent(this.view); // the section being read may be among them
      if (this.next < this.entries.length) {
        this.resize();
        this.schedule();
        return;
      }
      this.observer.disconnect();
      this.placeholder.remove();
      this.placeholder = null;
    }

    // At the next frame while the placeholder is near the viewport, else when the page is idle;
    // while a search's highlights are shown (see LazySections.pause), only when near.
    schedule() {
      if (this.stopped || !this.placeholder) return;
      if (this.near && !this.frame) {
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          if (this.near && !this.stopped && this.placeholder) this.fill();
        });
      }
      if (!this.near && !this.paused && !this.idle) {
        this.idle = idle(() => {
          this.idle = 0;
          if (!this.near && !this.stopped && !this.paused && this.placeholder) this.fill();
        });
      }
    }

    pause(paused) {
      this.paused = paused;
      this.schedule();
    }

    stop() {
      this.stopped = true;
      this.observer?.disconnect();
    }
  }

  // After the next frame has been painted: for reads of layout that would otherwise force it early.
  const afterPaint = (f) => requestAnimationFrame(() => setTimeout(f));

  const escapeAttribute = (text) =>
    text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  // ------------------------------------------------------------------ the element

  // Text only ever goes in through textContent, attributes through setAttribute.
  function element(tag, className, text, attributes = {}) {
    const el = document.createElement(tag);
    el.className = className;
    if (text !== undefined) el.textContent = text;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    return el;
  }

  function buildShadow(host) {
    const prerendered = prerenderedRoot(host);
    const root = prerendered ? host.shadowRoot : host.attachShadow({ mode: "open" }); // which empties a declarative one
    const { style, styled } = prerendered ? keptStylesheet(root) : stylesheet(root);
    const status = element("div", "ar-status", "Loading the article…", { role: "status", part: "status" });
    const notices = element("div", "ar-notices", undefined, { part: "notices" });
    const toolbar = element("div", "ar-toolbar", undefined, { part: "toolbar", role: "toolbar", "aria-label": "Reader" });
    const settings = buildSettings();
    const settingsButton = button("Aa", "settings", {
      "aria-label": "Reading settings", "aria-expanded": "false", "aria-controls": settings.id, "data-control": "settings",
    });
    const expand = button("Expand all", "expand", { "data-control": "expand" });
    const collapse = button("Collapse all", "collapse", { "data-control": "expand" });
    const picker = element("input", "ar-picker", undefined, {
      type: "file", hidden: "", "aria-label": "Open an article file",
      accept: ".txt,.md,.markdown,.json,text/plain,text/markdown,application/json",
    });
    const search = buildSearch();
    search.form.dataset.control = "search";
    toolbar.append(search.form, button("Open…", "open", { "data-control": "open" }), picker, expand, collapse, settingsButton);
    const content = element("div", "ar-content", undefined, { part: "content" });
    const progress = element("div", "ar-progress", undefined, {
      part: "progress", role: "progressbar", "aria-label": "Reading progress",
      "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": "0",
    });
    const bar = element("div", "ar-progress-bar");
    progress.append(bar);
    const view = { root, styled, status, notices, toolbar, settings, settingsButton, content, progress, bar, picker, search,
      sections: null, contents: null, current: null, prerendered: null };
    if (prerendered) return adoptPrerendered(view, prerendered);
    view.frame = element("div", "ar-root");
    view.frame.append(progress, toolbar, settings, status, notices, content);
    root.append(...(style ? [style] : []), view.frame);
    return view;
  }

  // The page may carry its article already rendered in the element's declarative shadow root
  // (scripts/prerender-page.mjs writes index.html so): the frame it is painted in, when it is the
  // article this element is about to read, as it would read it.
  function prerenderedRoot(host) {
    const frame = [...(host.shadowRoot?.children ?? [])].find((child) => child.matches(".ar-root[data-prerendered]"));
    if (!frame?.querySelector(":scope > .ar-content > .ar-article")) return null;
    const src = host.getAttribute("src");
    const same = src !== null && new URL(src, document.baseURI).href === new URL(frame.dataset.src, document.baseURI).href;
    const plain = !host.hasAttribute("lang") && !host.hasAttribute("dir") && [null, frame.dataset.format].includes(host.getAttribute("format"));
    return same && plain ? frame : null;
  }

  // The pre-rendered article stays as it is, painted and laid out; the element's own controls
  // take the places of their stand-ins around it, which look the same, so nothing moves.
  function adoptPrerendered(view, frame) {
    const part = (name) => frame.querySelector(`:scope > .ar-${name}`);
    part("progress").replaceWith(view.progress);
    part("toolbar").replaceWith(view.toolbar);
    view.toolbar.after(view.settings);
    view.status.hidden = true;
    part("status").replaceWith(view.status);
    part("notices").replaceWith(view.notices);
    return Object.assign(view, { frame, content: part("content"), prerendered: frame.dataset.prerendered });
  }

  // The stylesheet the pre-rendered shadow root links to, which was loaded before its first paint.
  function keptStylesheet(root) {
    const link = [...root.children].find((child) => child.matches('link[rel="stylesheet"]'));
    const styled = link?.sheet || !link ? Promise.resolve() : new Promise((resolve) => {
      link.addEventListener("load", resolve, { once: true });
      link.addEventListener("error", resolve, { once: true });
    });
    return { style: null, styled };
  }

  // The toolbar's controls, as the `controls` attribute names them.
  const controlNames = ["search", "open", "expand", "settings"];

  // `controls` is a space-separated list of controlNames, "none", or absent for all of them.
  // Expand all / Collapse all show only when the article has sections to expand.
  function applyControls(view, value) {
    const wanted = value === null ? controlNames : value.trim().toLowerCase().split(/\s+/);
    const hasSections = Boolean(view.content.querySelector("details.ar-section"));
    for (const control of view.toolbar.querySelectorAll("[data-control]")) {
      const name = control.dataset.control;
      control.hidden = !wanted.includes(name) || (name === "expand" && !hasSections);
    }
    if (!wanted.includes("settings")) {
      view.settings.hidden = true;
      view.settingsButton.setAttribute("aria-expanded", "false");
    }
    view.toolbar.hidden = !controlNames.some((name) => wanted.includes(name));
  }

  // The shadow root's stylesheet: a <link> beside this script, or, in a file written by
  // `article-reader export` (which has no neighbours on file://), the CSS it carries in
  // <style data-article-reader>, adopted as a constructed sheet.
  function stylesheet(root) {
    const carried = document.querySelector("style[data-article-reader]")?.textContent;
    if (carried && "adoptedStyleSheets" in root) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(carried);
      root.adoptedStyleSheets = [sheet];
      return { style: null, styled: Promise.resolve() };
    }
    const style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = assetUrl("article-reader.css");
    const styled = new Promise((resolve) => {
      style.onload = resolve;
      style.onerror = resolve; // unstyled text beats no text
    });
    return { style, styled };
  }

  function button(label, action, attributes = {}) {
    return element("button", "ar-button", label, { type: "button", "data-action": action, ...attributes });
  }

  // ------------------------------------------------------------------ search

  function buildSearch() {
    const form = element("form", "ar-search", undefined, { role: "search" });
    const input = element("input", "ar-search-input", undefined, {
      type: "search", placeholder: "Search", autocomplete: "off", "aria-label": "Search in the article",
    });
    const count = element("span", "ar-search-count", undefined, { "aria-live": "polite" });
    form.append(input, count, button("↑", "previous", { "aria-label": "Previous match" }),
      button("↓", "next", { "aria-label": "Next match" }));
    return { form, input, count };
  }

  // One pair of highlights for every reader on the page: the CSS Custom Highlight API marks the
  // matches without touching the article's DOM.
  const highlights = globalThis.CSS?.highlights
    ? (() => {
        const all = { match: new Highlight(), current: new Highlight() };
        CSS.highlights.set("article-reader-match", all.match);
        CSS.highlights.set("article-reader-current", all.current);
        return all;
      })()
    : null;

  // A Range over [start, end) UTF-16 units of the element's text.
  function rangeIn(unit, start, end) {
    const range = document.createRange();
    const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.data.length;
      if (start >= offset && start <= offset + length) range.setStart(node, start - offset);
      if (end >= offset && end <= offset + length) {
        range.setEnd(node, end - offset);
        break;
      }
      offset += length;
    }
    return range;
  }

  function describeMatches(total, shown, current) {
    if (total === 0) return "No matches";
    const where = `${(current + 1).toLocaleString("en")} of ${total.toLocaleString("en")}`;
    return total > shown ? `${where} (first ${shown.toLocaleString("en")} shown)` : where;
  }

  // ------------------------------------------------------------------ reading settings

  const choices = {
    theme: { legend: "Theme", options: { auto: "Auto", light: "Light", dark: "Dark", sepia: "Sepia" } },
    size: { legend: "Text size", options: { small: "Small", medium: "Medium", large: "Large", "x-large": "Extra large" } },
    width: { legend: "Line width", options: { narrow: "Narrow", medium: "Medium", wide: "Wide" } },
    leading: { legend: "Line spacing", options: { compact: "Compact", normal: "Normal", loose: "Loose" } },
  };
  const defaults = { theme: "auto", size: "medium", width: "medium", leading: "normal" };

  // localStorage may be missing, blocked or full: the reader then simply forgets.
  const store = {
    get(key) {
      try {
        return JSON.parse(localStorage.getItem(key) ?? "null");
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch {
        /* unavailable or full */
      }
    },
    remove(key) {
      try {
        localStorage.removeItem(key);
      } catch {
        /* unavailable */
      }
    },
  };
  const settingsKey = "article-reader:settings";
  const chosenThisVisit = {}; // what the reader chose, kept even when storage is not
  let panels = 0;

  function buildSettings() {
    const panel = element("div", "ar-settings", undefined, {
      id: `ar-settings-${++panels}`, part: "settings", role: "group", "aria-label": "Reading settings",
    });
    panel.hidden = true;
    for (const [key, { legend, options }] of Object.entries(choices)) {
      const set = document.createElement("fieldset");
      set.append(element("legend", "", legend));
      for (const [value, label] of Object.entries(options)) {
        const input = document.createElement("input");
        Object.assign(input, { type: "radio", name: `${panel.id}-${key}`, value });
        input.dataset.setting = key;
        const wrapper = element("label", "");
        wrapper.append(input, ` ${label}`);
        set.append(wrapper);
      }
      panel.append(set);
    }
    const forget = button("Forget my place in this article", "forget");
    forget.classList.add("ar-forget");
    panel.append(forget);
    return panel;
  }

  // Saved choices win over the element's theme attribute, which wins over the defaults.
  function currentSettings(host) {
    const saved = { ...(store.get(settingsKey) ?? {}), ...chosenThisVisit };
    const settings = { ...defaults, theme: host.getAttribute("theme") || defaults.theme };
    for (const key of Object.keys(choices)) if (saved[key] in choices[key].options) settings[key] = saved[key];
    return settings;
  }

  function applySettings(view, settings) {
    for (const [key, value] of Object.entries(settings)) {
      view.frame.dataset[key] = value;
      for (const input of view.settings.querySelectorAll(`input[data-setting="${key}"]`)) input.checked = input.value === value;
    }
  }

  const sameSettings = (a, b) => Object.keys(choices).every((key) => a?.[key] === b?.[key]);

  function saveSetting(key, value) {
    chosenThisVisit[key] = value;
    store.set(settingsKey, { ...(store.get(settingsKey) ?? {}), [key]: value });
  }

  // ------------------------------------------------------------------ sections

  const sectionsOf = (view) => view.content.querySelectorAll("details.ar-section");

  // Placeholders are sized again only when sections changed, so that showing an article, which
  // applies `collapsed`, does not lay it out before its first frame.
  function setAllOpen(view, open) {
    let changed = false;
    if (view.sections) {
      changed = view.sections.defaultOpen !== open || view.sections.closed.size > 0;
      view.sections.defaultOpen = open;
      view.sections.closed.clear();
    }
    for (const details of sectionsOf(view)) {
      if (details.open === open) continue;
      details.open = open;
      changed = true;
    }
    if (changed) view.sections?.resize();
  }

  // collapsed="none" (the default) leaves every section open, "all" closes them, and "auto"
  // closes them on narrow screens only, as Wikipedia's mobile view does.
  function applyCollapsed(view, policy) {
    const close = policy === "all" || (policy === "auto" && matchMedia("(max-width: 40rem)").matches);
    setAllOpen(view, !close);
  }

  // Opens every section around the element with this id, and scrolls to it.
  function reveal(view, id) {
    if (id && !view.root.getElementById(id)) view.sections?.renderHolding(id);
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

  // ------------------------------------------------------------------ where the reader is

  // How far through the article the viewport is (0-100), and which section is being read: the last
  // one whose top has passed the upper third of the viewport. Its contents link is marked current.
  function trackPosition(view) {
    if (!view.content.querySelector(".ar-article")) return;
    const fraction = readFraction(view, 1);
    view.bar.style.transform = `scaleX(${fraction})`; // CSSOM, which a strict CSP allows
    view.progress.setAttribute("aria-valuenow", String(Math.round(fraction * 100)));
    let current = null;
    for (const details of sectionsOf(view)) {
      if (details.getBoundingClientRect().top <= innerHeight / 3) current = details.id;
    }
    view.current = current;
    markCurrent(view);
  }

  // Marks the contents link of the section being read, when it is in the DOM (LazyContents calls
  // this again as entries go in), and only that one.
  function markCurrent(view) {
    const link = view.current ? view.content.querySelector(`.ar-toc a[href="#${CSS.escape(view.current)}"]`) : null;
    for (const other of view.content.querySelectorAll(".ar-toc a[aria-current]")) if (other !== link) other.removeAttribute("aria-current");
    link?.setAttribute("aria-current", "location");
  }

  // ------------------------------------------------------------------ remembered place

  // Per article, keyed by a hash of its model: which sections the reader closed, and how far they
  // had read (a fraction of the article, which survives a change of text size). The core computes
  // it (model_hash in src/article/json.hpp): FNV-1a of the model JSON's UTF-16 code units, as this
  // script once did over the JSON string, so places kept then still match.
  function placeKey(hash) {
    return `article-reader:place:${hash}`;
  }

  // How far through the article the viewport is, 0 to 1; `whenShort` for an article that fits.
  function readFraction(view, whenShort = 0) {
    const rect = view.content.querySelector(".ar-article").getBoundingClientRect();
    const scrollable = rect.height - innerHeight;
    return scrollable <= 0 ? whenShort : Math.min(1, Math.max(0, -rect.top / scrollable));
  }

  // `furthest` (1 once the end was on screen) and `src` let a library tell read from unread.
  function savePlace(view, key, src) {
    const closed = [...sectionsOf(view)].filter((d) => !d.open).map((d) => d.id);
    // sections a restored place closed whose bodies are not rendered yet stay closed
    for (const id of view.sections?.closed ?? []) if (!view.root.getElementById(id)) closed.push(id);
    const furthest = Math.max(Number(store.get(key)?.furthest) || 0, readFraction(view, 1));
    store.set(key, { closed, fraction: readFraction(view), furthest, src, saved: Date.now() });
  }

  // Returns whether there was a place to restore.
  function restorePlace(view, key) {
    const place = store.get(key);
    if (!place || !Array.isArray(place.closed)) return false;
    const closed = new Set(place.closed);
    if (view.sections) Object.assign(view.sections, { defaultOpen: true, closed });
    for (const details of sectionsOf(view)) details.open = !closed.has(details.id);
    view.sections?.resize();
    const article = view.content.querySelector(".ar-article");
    const fraction = Number(place.fraction) || 0;
    const top = article.getBoundingClientRect().top + scrollY;
    scrollTo(0, top + fraction * Math.max(0, article.getBoundingClientRect().height - innerHeight));
    return true;
  }

  // Printing shows every section; the ones the reader had closed close again afterwards.
  function openForPrint(view) {
    view.sections?.renderAll();
    const closed = [...sectionsOf(view)].filter((d) => !d.open);
    for (const d of closed) d.open = true;
    return () => closed.forEach((d) => (d.open = false));
  }

  // The error in place of the article, with a button that runs the same load again (a server back
  // up, a file fixed, a core that failed to download).
  function showError(view, error, retry) {
    view.sections?.stop();
    view.contents?.stop();
    view.sections = null;
    view.contents = null;
    view.content.replaceChildren();
    view.notices.replaceChildren();
    const box = element("div", "ar-error", undefined, { role: "alert", part: "error" });
    box.append(
      element("p", "ar-error-title", error.summary ?? "Could not show this article"),
      element("p", "ar-error-detail", error.detail ?? String(error.message ?? error)),
      retryButton(retry),
    );
    view.status.replaceChildren(box);
    view.status.hidden = false;
  }

  function showNotices(view, warnings) {
    view.notices.replaceChildren(
      ...warnings.map((w) => {
        return element("p", "ar-notice", `Repaired while reading: ${w}`, { role: "note" });
      }),
    );
  }

  function showArticle(view, { html, toc, sections, units, warnings, source }) {
    showNotices(view, warnings);
    view.sections?.stop();
    view.contents?.stop();
    view.current = null;
    view.base = source ?? null;
    view.content.replaceChildren(articleNodes(html, view.base));
    view.contents = new LazyContents(view, toc);
    view.sections = new LazySections(view, sections, units);
    view.status.replaceChildren();
    view.status.hidden = true;
  }

  const nearMargin = 1500; // px beyond the viewport at which an element starts loading

  class ArticleReaderElement extends HTMLElement {
    static observedAttributes = ["src", "format", "lang", "dir", "collapsed", "theme", "toc", "controls"];

    // Registers the element; safe to call again, and under another tag name.
    static define(tag = "article-reader", registry = customElements) {
      if (registry.get(tag)) return;
      registry.define(tag, tag === "article-reader" ? this : class extends this {});
    }

    #view = null;
    #model = null; // gives the model shown, parsed from its JSON on first use
    #keep = null; // takes the shown model's JSON out of the core before its article is released
    #core = null; // the core (on the page or in the worker) that holds the article for search
    #loads = 0;
    #settle = null;
    #ready = null;
    #readyWanted = false;

    // The promise of the model shown now. The model is parsed only once someone has asked for it
    // here (or through `article`, or load()), since a book's model is megabytes of JSON.
    get ready() {
      this.#readyWanted = true;
      if (this.#settle.model) {
        this.#settle.resolve(this.#settle.model());
        this.#settle.model = null;
      }
      return this.#ready;
    }

    constructor() {
      super();
      this.#view = buildShadow(this);
      this.#newReady();
      this.#view.root.addEventListener("toggle", (event) => this.#onToggle(event), true);
      this.#view.toolbar.addEventListener("click", (event) => this.#onToolbar(event));
      this.#view.settings.addEventListener("change", (event) => {
        const { setting } = event.target.dataset;
        if (!setting) return;
        saveSetting(setting, event.target.value);
        this.#applySettings();
      });
      this.#listenForArticles();
      this.#listenForSearch();
      this.#view.settings.addEventListener("click", (event) => {
        if (event.target.closest?.("button")?.dataset.action === "forget") this.forgetPlace();
      });
      this.#view.settings.addEventListener("keydown", (event) => {
        if (event.key === "Escape") this.#toggleSettings(false);
      });
      this.#applySettings();
      this.#view.frame.dataset.toc = this.toc;
      applyControls(this.#view, this.getAttribute("controls"));
    }

    get src() { return this.getAttribute("src") ?? ""; }
    set src(value) { this.setAttribute("src", value); }
    get format() { return this.getAttribute("format") ?? ""; }
    set format(value) { this.setAttribute("format", value); }
    get theme() { return this.getAttribute("theme") ?? "auto"; }
    set theme(value) { this.setAttribute("theme", value); }
    get toc() { return this.getAttribute("toc") === "hide" ? "hide" : "show"; }
    set toc(value) { this.setAttribute("toc", value); }
    get collapsed() { return this.getAttribute("collapsed") ?? "none"; }
    set collapsed(value) { this.setAttribute("collapsed", value); }
    get controls() { return this.getAttribute("controls") ?? controlNames.join(" "); }
    set controls(value) { this.setAttribute("controls", value); }
    get article() { return this.#model?.() ?? null; }

    expandAll() { setAllOpen(this.#view, true); }
    collapseAll() { setAllOpen(this.#view, false); }
    open(sectionId) { return reveal(this.#view, sectionId); }

    #onHashChange = () => reveal(this.#view, fragmentId());
    #positionQueued = false;
    #onScroll = () => {
      if (this.#positionQueued) return;
      this.#positionQueued = true;
      requestAnimationFrame(() => {
        this.#positionQueued = false;
        trackPosition(this.#view);
        this.#queueSave();
      });
    };
    #onBeforePrint = () => { this.#restoreAfterPrint = openForPrint(this.#view); };
    // Print media without a beforeprint event (a print emulator, some print paths): the print
    // stylesheet opens every section, and every body must be there to be shown.
    #onPrintMedia = (event) => { if (event.matches) this.#view.sections?.renderAll(); };
    #printMedia = globalThis.matchMedia?.("print");
    #onAfterPrint = () => { this.#restoreAfterPrint?.(); this.#restoreAfterPrint = null; };
    #restoreAfterPrint = null;

    connectedCallback() {
      addEventListener("hashchange", this.#onHashChange);
      addEventListener("scroll", this.#onScroll, { passive: true });
      addEventListener("resize", this.#onScroll, { passive: true });
      addEventListener("pagehide", this.#saveNow);
      addEventListener("beforeprint", this.#onBeforePrint);
      addEventListener("afterprint", this.#onAfterPrint);
      this.#printMedia?.addEventListener("change", this.#onPrintMedia);
      if (this.#view.prerendered && this.#loads === 0 && !this.#placeKey) this.#showPrerendered();
      if (this.#loads === 0 && !this.#waiting) this.#loadWhenParsed();
    }

    // The pre-rendered article is the reader's from the start: a fragment or a remembered place
    // applies now, before the reader scrolls it themselves, and not again when the core has read it.
    #showPrerendered() {
      const key = this.#view.prerendered;
      if (!reveal(this.#view, fragmentId())) restorePlace(this.#view, key);
      this.#placeKey = key;
      afterPaint(() => trackPosition(this.#view));
    }

    // While the document is still being parsed, the element's inline article may not be in it yet.
    #loadWhenParsed() {
      if (document.readyState !== "loading") return void this.#loadWhenNear();
      this.#waiting = true;
      document.addEventListener("DOMContentLoaded", () => {
        this.#waiting = null;
        if (this.#loads === 0 && this.isConnected) this.#loadWhenNear();
      }, { once: true });
    }

    #waiting = null;

    // An element far below the fold loads (and so loads the core) only when it comes within
    // about two screens of the viewport. One already that near starts at once: an observer's
    // first report waits for the next frame, which on a page's first load is tens of ms.
    #loadWhenNear() {
      if (!("IntersectionObserver" in globalThis) || this.#isNear()) return void this.#loadSrc();
      this.#waiting = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#waiting.disconnect();
        this.#waiting = null;
        if (this.#loads === 0) this.#loadSrc();
      }, { rootMargin: `${nearMargin}px 0px` });
      this.#waiting.observe(this);
    }

    // Within the observer's margin of the viewport, from one layout of a page that holds no
    // article yet. A hidden element (no box) is left to the observer, which waits until it shows.
    #isNear() {
      const box = this.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return false;
      return box.top < innerHeight + nearMargin && box.bottom > -nearMargin;
    }

    disconnectedCallback() {
      removeEventListener("hashchange", this.#onHashChange);
      removeEventListener("scroll", this.#onScroll);
      removeEventListener("resize", this.#onScroll);
      removeEventListener("pagehide", this.#saveNow);
      removeEventListener("beforeprint", this.#onBeforePrint);
      removeEventListener("afterprint", this.#onAfterPrint);
      this.#printMedia?.removeEventListener("change", this.#onPrintMedia);
    }

    // Presentation attributes apply at once; the others load the article again.
    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue) return;
      if (name === "collapsed") applyCollapsed(this.#view, this.collapsed);
      else if (name === "theme") this.#applySettings();
      else if (name === "toc") this.#view.frame.dataset.toc = this.toc;
      else if (name === "controls") applyControls(this.#view, newValue);
      else if (this.isConnected && this.#loads > 0) this.#loadSrc();
      else if (this.#view.prerendered && !prerenderedRoot(this)) this.#view.prerendered = null; // no longer what src, format, lang or dir ask for
    }

    #newReady() {
      this.#ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject, done: false, model: null }; });
      this.#ready.catch(() => {}); // a failure is reported by event and message; awaiting it is optional
    }

    // `ready` is the promise of the article shown now: settled once, then replaced by the next one.
    // `value` is the error, or the function that gives the model.
    #settleReady(how, value) {
      if (this.#settle.done) this.#newReady();
      this.#settle.done = true;
      if (how === "reject") this.#settle.reject(value);
      else if (this.#readyWanted) this.#settle.resolve(value());
      else this.#settle.model = value;
    }

    #overrides() {
      return { lang: this.getAttribute("lang"), dir: this.getAttribute("dir") };
    }

    // The article inside the element, for pages that need no fetch:
    //   <article-reader><script type="text/markdown">…</script></article-reader>, or a <template>.
    #inlineArticle() {
      const holder = this.querySelector(":scope > script[type], :scope > template:not([shadowrootmode])");
      if (!holder) return null;
      const text = holder instanceof HTMLTemplateElement ? holder.content.textContent : holder.textContent;
      const type = holder.getAttribute("type") ?? "";
      const format = formats.includes(this.format) ? this.format
        : /markdown/.test(type) ? "markdown" : /json/.test(type) ? "json" : "text";
      return { bytes: new TextEncoder().encode(text), format };
    }

    #loadSrc() {
      if (this.#loads > 0) this.#view.prerendered = null; // another article than the page's own
      return this.#show(async (progress) => {
        const inline = this.src ? null : this.#inlineArticle();
        if (inline) return readArticle(inline.bytes, inline.format, "the inline article", this.#overrides(), progress);
        if (!this.src) throw readerError("No article to show", "the element has no src attribute and no inline article");
        const url = new URL(this.src, document.baseURI).href;
        const { bytes, format } = await fetchArticle(url, this.format, progress);
        const where = decodeURIComponent(new URL(url).pathname.split("/").pop() || url);
        const result = await readArticle(bytes, format, where, this.#overrides(), progress);
        return { ...result, source: url };
      }, Boolean(this.#view.prerendered)); // a core that fails to load leaves the pre-rendered article, with a note
    }

    // Shows an article given as text, bytes or a File. When it cannot be read, the article already
    // shown stays, with the error above it. Resolves with the model, or rejects with the error.
    async load(source, { format, name } = {}) {
      this.#view.prerendered = null;
      const outcome = await this.#show(async (progress) => {
        const bytes = await toBytes(source);
        const label = name || source?.name || "the pasted text";
        return readArticle(bytes, formatOf(label, bytes, format), label, this.#overrides(), progress);
      }, this.#model !== null);
      if (outcome.error) throw outcome.error;
      return outcome.model();
    }

    // Runs one load to its end: the newest load wins, and none ever leaves the element blank.
    async #show(produce, keepOnError) {
      const load = ++this.#loads;
      // a load that takes longer than about 200 ms says what it is doing, with a progress bar,
      // unless the article is already shown pre-rendered
      const quiet = Boolean(this.#view.prerendered);
      const progress = loadProgress(this.#view, () => !quiet && load === this.#loads);
      try {
        const result = await produce(progress);
        await this.#view.styled;
        if (load !== this.#loads) return { stale: true };
        progress.done();
        this.#display(result);
        this.#settleReady("resolve", result.model);
        const outline = result.outline;
        this.#emit("ready", { get article() { return result.model(); }, title: outline.title, sections: outline.sections.map((x) => x.id) });
        return { model: result.model };
      } catch (error) {
        if (load !== this.#loads) return { stale: true };
        progress.done();
        await this.#view.styled;
        if (keepOnError) {
          // the pre-rendered article is shown but not read: it can be tried again
          const unread = !this.#model && this.#view.prerendered;
          showProblem(this.#view, error, unread && (() => this.#show(produce, keepOnError)));
          if (unread) this.#settleReady("reject", error);
        } else {
          this.#model = null;
          this.#placeKey = null;
          showError(this.#view, error, () => this.#show(produce, keepOnError));
          this.#settleReady("reject", error);
        }
        this.#emit("error", { message: error.message });
        return { error };
      }
    }

    #display(result) {
      performance.mark?.("article-reader-display"); // where reading ends and the DOM work begins (tests/web/worker.test.mjs)
      if (this.#handle) {
        this.#keep?.(); // a ready event's article may still be asked for
        this.#core.release(this.#handle); // the old article's copy in wasm
      }
      this.#keep = result.keep;
      this.#handle = result.handle;
      this.#core = result.core;
      this.#model = result.model;
      this.#source = result.source ?? null; // the URL it came from, for the library's read states
      // The page's pre-rendered article, when the core read the same model, stays as it is:
      // its place was restored at upgrade, and the reader may have scrolled since.
      const kept = this.#view.prerendered === result.key;
      this.#view.prerendered = null;
      delete this.#view.frame.dataset.prerendered; // read now (tests/web/harness.mjs waits for this)
      if (kept) {
        this.#view.base = result.source ?? null; // the build resolved its relative links against it too
        showNotices(this.#view, result.warnings);
        this.#runSearch(); // a query typed before the core was there
        return;
      }
      this.#placeKey = null;
      showArticle(this.#view, result);
      if (this.#view.sections) this.#view.sections.onInsert = (nodes) => this.#highlight(nodes);
      applyControls(this.#view, this.getAttribute("controls"));
      applyCollapsed(this.#view, this.collapsed);
      const key = result.key;
      if (!reveal(this.#view, fragmentId())) restorePlace(this.#view, key);
      this.#placeKey = key; // from here on, changes are the reader's own and are saved
      // Where the reader is, once the article has been painted: read now, the position would lay
      // out the article synchronously before its first frame, and lay it out again after.
      afterPaint(() => trackPosition(this.#view));
      this.#runSearch();
    }

    // ------------------------------------------------ search, by the core, on the model

    #handle = 0;
    #matches = []; // [unit, start, end] of each match shown, from the core
    #ranges = []; // the Range of each, once its section is in the DOM
    #current = -1;
    #total = 0;
    #searchTimer = 0;

    #listenForSearch() {
      const { form, input } = this.#view.search;
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.#step(1);
      });
      input.addEventListener("input", () => {
        clearTimeout(this.#searchTimer);
        this.#searchTimer = setTimeout(() => this.#runSearch(), 60);
      });
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && event.shiftKey) {
          event.preventDefault();
          this.#step(-1);
        } else if (event.key === "Escape" && input.value) {
          event.stopPropagation();
          input.value = "";
          this.#runSearch();
        }
      });
    }

    async #runSearch() {
      const { input, count } = this.#view.search;
      const query = input.value;
      this.#clearMatches();
      if (!query.trim() || !this.#handle) {
        count.textContent = "";
        return;
      }
      const handle = this.#handle;
      const result = await this.#core.search(handle, query);
      if (query !== input.value || handle !== this.#handle) return; // a newer query or article is on its way
      if (result.error) {
        count.textContent = result.error;
        return;
      }
      this.#matches = JSON.parse(result.matches);
      this.#total = result.total;
      this.#view.sections?.pause(this.#matches.length > 0);
      this.#view.contents?.pause(this.#matches.length > 0);
      this.#highlight([this.#view.content]);
      this.#step(1);
    }

    // Highlights the matches whose units are in these nodes, and opens their sections. In a large
    // article, matches in sections not rendered yet get theirs when the sections are put in
    // (LazySections calls this with them), or when stepping to one puts it in.
    #highlight(nodes) {
      if (!this.#matches.length) return;
      const units = [];
      for (const node of nodes) for (const el of node.querySelectorAll("[data-u]")) units[el.dataset.u] = el;
      this.#matches.forEach(([unit, start, end], i) => {
        if (this.#ranges[i] || !units[unit]) return;
        const range = (this.#ranges[i] = rangeIn(units[unit], start, end));
        for (let node = range.startContainer; node && node !== this.#view.content; node = node.parentNode) {
          if (node instanceof HTMLDetailsElement) node.open = true; // sections with matches open
        }
        highlights?.match.add(range);
      });
    }

    #clearMatches() {
      for (const range of this.#ranges) {
        if (!range) continue;
        highlights?.match.delete(range);
        highlights?.current.delete(range);
      }
      this.#matches = [];
      this.#ranges = [];
      this.#view.sections?.pause(false);
      this.#view.contents?.pause(false);
      this.#current = -1;
      this.#total = 0;
    }

    // Moves to the next (1) or previous (-1) match, wrapping around, and scrolls it into view.
    #step(direction) {
      const { count } = this.#view.search;
      const n = this.#matches.length;
      if (n === 0) {
        if (this.#view.search.input.value.trim()) count.textContent = describeMatches(0, 0, 0);
        return;
      }
      if (this.#current >= 0) highlights?.current.delete(this.#ranges[this.#current]);
      this.#current = (this.#current + direction + n) % n;
      if (!this.#ranges[this.#current]) this.#view.sections?.renderUnits([this.#matches[this.#current][0]]);
      const range = this.#ranges[this.#current];
      if (!range) return;
      highlights?.current.add(range);
      const rect = range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > innerHeight) scrollBy(0, rect.top - innerHeight / 3);
      count.textContent = describeMatches(this.#total, n, this.#current);
    }

    #settings = null;

    // Applies the settings and tells the page, which may want its own chrome to match.
    #applySettings() {
      const settings = currentSettings(this);
      if (sameSettings(settings, this.#settings)) return;
      this.#settings = settings;
      applySettings(this.#view, settings);
      queueMicrotask(() => this.#emit("settings", { ...settings }));
    }

    #onToolbar(event) {
      const action = event.target.closest?.("button")?.dataset.action;
      if (action === "expand" || action === "collapse") setAllOpen(this.#view, action === "expand");
      if (action === "settings") this.#toggleSettings(this.#view.settings.hidden);
      if (action === "open") this.#view.picker.click();
      if (action === "next" || action === "previous") this.#step(action === "next" ? 1 : -1);
    }

    // A file chosen, a file dropped on the reader, or text pasted into it opens as the article.
    #listenForArticles() {
      const open = (file) => file && this.load(file, { name: file.name }).catch(() => {}); // shown in place
      this.#view.picker.addEventListener("change", () => {
        open(this.#view.picker.files[0]);
        this.#view.picker.value = "";
      });
      this.addEventListener("dragover", (event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        this.#view.frame.dataset.dropping = "";
      });
      this.addEventListener("dragleave", () => delete this.#view.frame.dataset.dropping);
      this.addEventListener("drop", (event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        delete this.#view.frame.dataset.dropping;
        open(event.dataTransfer.files[0]);
      });
      this.addEventListener("paste", (event) => {
        const text = event.clipboardData?.getData("text/plain") ?? "";
        if (!text.trim() || event.composedPath().some((node) => node instanceof HTMLInputElement)) return;
        event.preventDefault();
        this.load(text).catch(() => {});
      });
    }

    #toggleSettings(show) {
      const { settings, settingsButton } = this.#view;
      settings.hidden = !show;
      settingsButton.setAttribute("aria-expanded", String(show));
      if (show) settings.querySelector("input:checked")?.focus();
      else settingsButton.focus();
    }

    #onToggle(event) {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.classList.contains("ar-section")) return;
      this.#emit("toggle", { id: details.id, open: details.open });
      this.#queueSave();
    }

    #placeKey = null;
    #source = null;
    #saveTimer = 0;

    // Saves the place at most twice a second, and at once when the page goes away.
    #queueSave() {
      if (!this.#placeKey || this.#saveTimer) return;
      this.#saveTimer = setTimeout(() => this.#saveNow(), 500);
    }

    #saveNow = () => {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = 0;
      if (this.#placeKey && this.isConnected) savePlace(this.#view, this.#placeKey, this.#source);
    };

    // Forgets this article's remembered place, and shows it as a first visit would.
    forgetPlace() {
      const key = this.#placeKey;
      if (!key) return;
      this.#placeKey = null; // the toggles and the scroll below are not the reader's
      clearTimeout(this.#saveTimer);
      this.#saveTimer = 0;
      store.remove(key);
      applyCollapsed(this.#view, this.collapsed);
      scrollTo(0, this.getBoundingClientRect().top + scrollY);
      // toggle events come a task later and scroll events a frame later: listen again after both
      setTimeout(() => (this.#placeKey = key), 200);
    }

    #emit(name, detail) {
      this.dispatchEvent(new CustomEvent(`article-reader-${name}`, { detail, bubbles: true, composed: true }));
    }
  }

  globalThis.customElements && ArticleReaderElement.define();
  globalThis.ArticleReaderElement ??= ArticleReaderElement;
})();
