// embed.html: the reader in an iframe, for hosts that run no third-party script. The query string
// sets the element's attributes; the frame tells its host its height, and takes a few commands from
// it. The protocol is in docs/embedding.md.
"use strict";

(() => {
  const reader = document.getElementById("reader");
  const params = new URLSearchParams(location.search);
  const attributes = ["src", "format", "theme", "collapsed", "toc", "controls", "lang", "dir"];
  for (const name of attributes) {
    if (params.has(name)) reader.setAttribute(name, params.get(name));
  }

  // The host's origin, when it names one: messages go only there, and commands are taken only from
  // there. Without it, the frame still reports its height (to any parent) but obeys no one.
  const hostOrigin = validOrigin(params.get("parent"));
  const inFrame = window.parent !== window;

  function validOrigin(value) {
    if (!value) return null;
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) ? url.origin : null;
    } catch {
      return null;
    }
  }

  function tell(type, detail = {}) {
    if (inFrame) window.parent.postMessage({ source: "article-reader", version: 1, type, ...detail }, hostOrigin ?? "*");
  }

  // Height: the whole document, sent whenever it changes (sections open and close, fonts load,
  // the frame's width changes), and never twice the same.
  let lastHeight = -1;
  function sendHeight() {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    tell("height", { height });
  }
  new ResizeObserver(sendHeight).observe(document.documentElement);

  reader.addEventListener("article-reader-ready", (event) => {
    const { title, sections } = event.detail; // sections: the top-level ids
    document.title = title ? `${title} · article-reader` : "article-reader";
    tell("ready", { title, sections });
    sendHeight();
  });
  reader.addEventListener("article-reader-toggle", (event) => tell("toggle", { id: event.detail.id, open: event.detail.open }));
  reader.addEventListener("article-reader-error", (event) => tell("error", { message: event.detail.message }));

  const commands = {
    "expand-all": () => reader.expandAll(),
    "collapse-all": () => reader.collapseAll(),
    open: (data) => typeof data.id === "string" && reader.open(data.id),
    theme: (data) => typeof data.theme === "string" && reader.setAttribute("theme", data.theme),
    height: () => { lastHeight = -1; sendHeight(); },
  };

  addEventListener("message", (event) => {
    const data = event.data;
    if (!hostOrigin || event.origin !== hostOrigin || event.source !== window.parent) return;
    if (data?.source !== "article-reader-host" || data.version !== 1 || !Object.hasOwn(commands, data.type)) return;
    commands[data.type](data);
  });
})();
