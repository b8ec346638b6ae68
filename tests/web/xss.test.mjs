// XSS in a real browser: every payload of tests/fixtures/xss/vectors.jsonl in every context the
// readers have (plain text, Markdown, the JSON model), loaded through the element's load() on a
// host page of another origin, first with no CSP at all (so a formatter bug cannot hide behind the
// host's policy) and again under the strict CSP of embed.test.mjs with Trusted Types. Oracles:
// alert/confirm/prompt/print/open hooked (with self-tests that raw injections really trip them),
// every link and summary clicked, focus, hover and other events fired at every element, images
// loaded, the rendered DOM walked against an allowlist of what src/format/html.cpp emits, and the
// shadow content serialised and parsed again (same tree: no mutation XSS).
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readFileSync } from "node:fs";
import { useServerAndBrowser } from "./harness.mjs";

const env = useServerAndBrowser();

const vectors = readFileSync(new URL("../fixtures/xss/vectors.jsonl", import.meta.url), "utf8")
  .trim().split("\n").map((line) => JSON.parse(line));
const payloads = vectors.map(([, payload]) => payload);
const BATCH = 90; // payloads per article in the batched contexts

// A marker beside each payload slot, in text the reader keeps, so the test knows every slot rendered.
const mark = (i) => `zq${i}qz`;
const para = (text) => ({ type: "paragraph", inlines: [{ type: "text", text }] });
const model = (title, extra) => JSON.stringify({ version: 1, title, ...extra });
const ok = "https://example.com/";
const longProse = "and a sentence of ordinary prose after it, so that the reader takes this for a paragraph.";

// ------------------------------------------------------------------ contexts
// Each context: name, format, and either `one(p, i)` (one article per payload: the slot exists once
// in an article) or `each(p, i)` (one slot; an article holds a batch of them).

const textContexts = [
  { name: "text: title (first line)", format: "text", one: (p, i) => `${p} ${mark(i)}\n\n${mark(i)} The body, ${longProse}\n` },
  { name: "text: paragraph", format: "text", head: "XSS in paragraphs\n\n", each: (p, i) => `${mark(i)} ${p} ${longProse}\n\n` },
  { name: "text: heading", format: "text", head: "XSS in headings\n\nThe lead paragraph, " + longProse + "\n\n",
    each: (p, i) => `${i + 1}. ${mark(i)} ${p}\n\nThe section body, ${longProse}\n\n` },
  { name: "text: list item", format: "text", head: "XSS in list items\n\nThe lead paragraph, " + longProse + "\n\n",
    each: (p, i) => `- ${mark(i)} ${p}\n` },
  { name: "text: URL in text", format: "text", head: "XSS in URLs\n\n",
    each: (p, i) => `${mark(i)} see https://example.com/${p} and https://example.com/?q=${p}#${p} and www.example.com/a${p} ${longProse}\n\n` },
];

const closeRawHtml = "<!-- --> </script></style></pre></textarea> ?> ]]> >";
const md = (name, each) => ({ name: `markdown: ${name}`, format: "markdown", head: `# XSS in markdown ${name}\n\n`, each });
const markdownContexts = [
  { name: "markdown: title", format: "markdown", one: (p, i) => `# ${p} ${mark(i)}\n\n${mark(i)} body.\n` },
  md("inline text", (p, i) => `${mark(i)} ${p}\n\n`),
  md("heading", (p, i) => `## ${mark(i)} ${p}\n\nbody\n\n`),
  md("list item and quote", (p, i) => `- ${mark(i)} ${p}\n\n> ${mark(i)} ${p}\n\n`),
  md("code span", (p, i) => `${mark(i)} \`\` ${p} \`\` and \`${p}\`\n\n`),
  md("fenced code info string", (p, i) => `${mark(i)}\n\n~~~${p}\ncode ${mark(i)}\n${"~".repeat(16)}\n\n`),
  md("fenced code body", (p, i) => `${mark(i)}\n\n${"~".repeat(16)}\n${p}\n${"~".repeat(16)}\n\n`),
  md("link text", (p, i) => `${mark(i)} [${p}](${ok}) [x ${p} y](${ok} "t")\n\n`),
  md("link destination", (p, i) => `[${mark(i)}](${p}) [${mark(i)}](<${p}>) [${mark(i)}](${p} "t")\n\n`),
  md("link title", (p, i) => `[${mark(i)}](${ok} "${p}") [${mark(i)}](${ok} '${p}') [${mark(i)}](${ok} (${p}))\n\n`),
  md("image alt", (p, i) => `${mark(i)} ![${p}](${ok}a.png)\n\n![${mark(i)} ${p}](${ok}a.png)\n\n`),
  md("image src and title", (p, i) => `${mark(i)} ![a ${mark(i)}](${p}) ![b](${ok}b.png "${p}")\n\n![${mark(i)}](${p} "${p}")\n\n`),
  md("reference definition", (p, i) => `[${mark(i)}][r${i}] [${mark(i)}][t${i}] [r${i}]\n\n[r${i}]: ${p}\n[t${i}]: ${ok} "${p}"\n\n`),
  md("autolink", (p, i) => `${mark(i)} <${p}> <https://example.com/${p}> https://example.com/${p} www.example.com/${p}\n\n`),
  md("raw HTML block", (p, i) => `${mark(i)}\n\n${p}\n\n${closeRawHtml}\n\n`),
  md("inline HTML", (p, i) => `${mark(i)} <span>${p}</span> *em ${p}*\n\n`),
  md("table cell", (p, i) => `| ${mark(i)} | ${p} |\n| --- | :-: |\n| ${p} | x |\n\n`),
];

const header = (p, i) => model(p, { subtitle: p, byline: p, date: p, dateline: p, blocks: [para(mark(i))] });
const link = (url, title, text) => ({ type: "link", url, ...(title === undefined ? {} : { title }), inlines: [{ type: "text", text }] });
const inlineImage = (url, alt, title) => ({ type: "image", url, alt, ...(title === undefined ? {} : { title }) });
const jb = (name, each) => ({ name: `json: ${name}`, format: "json", blocks: each });
const jsonContexts = [
  { name: "json: title, subtitle, byline, date, dateline", format: "json", one: header },
  jb("paragraph text", (p, i) => [para(`${mark(i)} ${p}`)]),
  jb("emphasis, strong, strikethrough", (p, i) => [{ type: "paragraph", inlines: [{ type: "text", text: mark(i) },
    ...["emphasis", "strong", "strikethrough"].map((type) => ({ type, inlines: [{ type: "text", text: p }] }))] }]),
  jb("link text", (p, i) => [{ type: "paragraph", inlines: [{ type: "text", text: mark(i) }, link(ok, undefined, p)] }]),
  jb("link url", (p, i) => [{ type: "paragraph", inlines: [link(p, undefined, mark(i))] }]),
  jb("link title", (p, i) => [{ type: "paragraph", inlines: [link(ok, p, mark(i))] }]),
  jb("inline image url", (p, i) => [{ type: "paragraph", inlines: [{ type: "text", text: mark(i) }, inlineImage(p, "alt")] }]),
  jb("inline image alt and title", (p, i) => [{ type: "paragraph", inlines: [{ type: "text", text: mark(i) }, inlineImage(`${ok}a.png`, p, p)] }]),
  jb("image block url, alt and title", (p, i) => [para(mark(i)), { type: "image", url: p, alt: p, title: p },
    { type: "image", url: `${ok}a.png`, alt: p, title: p }]),
  jb("code block text and lang", (p, i) => [para(mark(i)), { type: "code", text: p, lang: p }]),
  jb("inline code", (p, i) => [{ type: "paragraph", inlines: [{ type: "text", text: mark(i) }, { type: "code", text: p }] }]),
  jb("list items and task items", (p, i) => [
    { type: "list", ordered: false, items: [{ blocks: [para(`${mark(i)} ${p}`)] }, { checked: true, blocks: [para(p)] }] },
    { type: "list", ordered: true, start: 3, items: [{ blocks: [para(p)] }] }]),
  jb("quote", (p, i) => [{ type: "quote", blocks: [para(`${mark(i)} ${p}`)] }]),
  jb("table cells", (p, i) => [{ type: "table", align: ["", "center"],
    head: [[{ type: "text", text: mark(i) }], [{ type: "text", text: p }]], rows: [[[{ type: "text", text: p }], [link(p, p, p)]]] }]),
  { name: "json: section heading and id", format: "json",
    sections: (p, i) => [{ heading: `${mark(i)} ${p}`, level: 2, blocks: [para("body")] },
      { id: `${p.replace(/[ \t\n\r\f]/g, "")}-${i}`, heading: mark(i), level: 2, blocks: [para("body")] }] },
  { name: "json: dropped text and reason", format: "json", dropped: (p, i) => [{ text: `${mark(i)} ${p}`, reason: p }] },
];

const contexts = [...textContexts, ...markdownContexts, ...jsonContexts];

// The articles: [{context, label, format, text, markers}]
function articles(allPayloads = payloads) {
  const list = [];
  for (const c of contexts) {
    // JSON cannot carry a lone surrogate (the reader refuses it, rightly); TextEncoder makes it
    // U+FFFD for the other formats, so the JSON contexts get that too.
    const payloads = c.format === "json" ? allPayloads.map((p) => p.toWellFormed()) : allPayloads;
    if (c.one) {
      payloads.forEach((p, i) => list.push({ context: c.name, label: `${c.name} #${i}`, format: c.format, text: c.one(p, i), markers: [mark(i)] }));
      continue;
    }
    for (let start = 0; start < payloads.length; start += BATCH) {
      const batch = payloads.slice(start, start + BATCH).map((p, k) => [p, start + k]);
      const label = `${c.name} #${start}-${start + batch.length - 1}`;
      const markers = batch.map(([, i]) => mark(i));
      let text;
      if (c.each) text = c.head + batch.map(([p, i]) => c.each(p, i)).join("");
      else if (c.blocks) text = model(label, { blocks: batch.flatMap(([p, i]) => c.blocks(p, i)) });
      else if (c.sections) text = model(label, { blocks: [para("lead")], sections: batch.flatMap(([p, i]) => c.sections(p, i)) });
      else text = model(label, { blocks: [para("lead")], dropped: batch.flatMap(([p, i]) => c.dropped(p, i)) });
      list.push({ context: c.name, label, format: c.format, text, markers, batch: true });
    }
  }
  return list;
}

// ------------------------------------------------------------------ in the page

// Installed before any page script: the hooks and the oracle functions.
function installOracles() {
  window.__calls = [];
  window.__csp = [];
  window.__current = "start";
  for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    window[name] = function hooked(...args) {
      window.__calls.push({ name, args: args.map(String).slice(0, 2), during: window.__current });
      return name === "confirm" ? false : null;
    };
  }
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample, during: window.__current });
  }, true);
  // Links: the protocol is judged first; safe ones are cancelled (no navigation), anything else goes
  // through so that the hooks catch what it runs.
  window.__clicked = { safe: 0, unsafe: [] };
  window.addEventListener("click", (event) => {
    const a = event.composedPath().find((n) => n.tagName === "A" || n.tagName === "AREA" || n.localName === "a");
    if (!a) return;
    const href = a.href?.baseVal ?? a.href ?? "";
    let protocol = "";
    try { protocol = new URL(href, document.baseURI).protocol; } catch { protocol = "unparsable"; }
    if (["http:", "https:", "mailto:"].includes(protocol)) {
      window.__clicked.safe++;
      event.preventDefault();
    } else {
      window.__clicked.unsafe.push({ href: String(href), during: window.__current });
    }
  }, true);

  const XHTML = "http://www.w3.org/1999/xhtml";
  const cls = ["class", /^ar-[a-z0-9-]+( ar-[a-z0-9-]+)*$/];
  const unit = ["data-u", /^\d+$/];
  const attrs = (...list) => new Map(list);
  // What src/format/html.cpp can emit (and aria-current, which the element sets on contents links).
  const allow = {
    article: attrs(cls, ["lang", /^[A-Za-z0-9-]+$/], ["dir", /^(ltr|rtl)$/]),
    header: attrs(cls), nav: attrs(cls, ["aria-label", /^Contents$/]), div: attrs(cls), summary: attrs(cls),
    h1: attrs(cls, unit), p: attrs(cls, unit), time: attrs(cls),
    span: attrs(cls, ["role", /^img$/], ["aria-label", /^(done|not done)$/]),
    ol: attrs(["start", /^-?\d+$/], ["type", /^[aA]$/]), ul: attrs(), li: attrs(),
    a: attrs(cls, ["href", "url"], ["title", /[^]*/], ["aria-label", /^Link to section: /], ["aria-current", /^location$/]),
    details: attrs(cls, ["id", /[^]*/], ["open", /^$/]),
    blockquote: attrs(), pre: attrs(), code: attrs(["data-lang", /[^]*/], unit), hr: attrs(), figure: attrs(),
    img: attrs(["src", "url"], ["alt", /[^]*/], ["title", /[^]*/], ["loading", /^lazy$/], ["decoding", /^async$/]),
    table: attrs(), thead: attrs(), tbody: attrs(), tr: attrs(),
    th: attrs(["class", /^ar-align-(left|center|right)$/], unit), td: attrs(["class", /^ar-align-(left|center|right)$/], unit),
    em: attrs(), strong: attrs(), del: attrs(), br: attrs(),
  };
  for (const h of ["h2", "h3", "h4", "h5", "h6"]) allow[h] = attrs(cls, unit);
  const safeUrl = (raw) => {
    try { return ["http:", "https:", "mailto:"].includes(new URL(raw, document.baseURI).protocol); } catch { return false; }
  };

  // Walks `root`'s subtree against the allowlist; returns [elements checked, violations].
  function walk(root) {
    const violations = [];
    let elements = 0;
    const visit = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) continue;
        if (child.nodeType !== Node.ELEMENT_NODE) { violations.push(`node type ${child.nodeType}: ${child.nodeName}`); continue; }
        elements++;
        const name = child.localName;
        const rules = child.namespaceURI === XHTML ? allow[name] : undefined;
        if (!rules) violations.push(`element <${name}> (${child.namespaceURI})`);
        for (const a of child.attributes) {
          const rule = rules?.get(a.name);
          if (a.namespaceURI || /^on/i.test(a.name) || a.name === "style") violations.push(`<${name} ${a.name}="${a.value}">`);
          else if (!rule) violations.push(`<${name}> attribute ${a.name}="${a.value}"`);
          else if (rule === "url" ? !safeUrl(a.value) : !rule.test(a.value)) violations.push(`<${name} ${a.name}="${a.value}"> value`);
        }
        if (child.shadowRoot) violations.push(`<${name}> has a shadow root`);
        visit(child);
      }
    };
    visit(root);
    return [elements, violations];
  }

  // A canonical form of a tree: names, namespaces, sorted attributes and text.
  function canon(node) {
    let s = "";
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) s += `"${child.data}"`;
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const a = [...child.attributes].map((x) => `${x.namespaceURI ?? ""}:${x.name}=${x.value}`).sort().join(" ");
        s += `<${child.namespaceURI} ${child.localName} ${a}>${canon(child.content ?? child)}</>`;
      } else s += `#${child.nodeType}${child.nodeValue}`;
    }
    return s;
  }
  let policy = null;
  const html = (s) => {
    if (globalThis.trustedTypes && !policy) policy = trustedTypes.createPolicy("xss-oracle", { createHTML: (x) => x });
    return policy ? policy.createHTML(s) : s;
  };
  window.__html = html;
  // Serialise and parse again: the same tree, and the same markup a second time round.
  function reparse(root) {
    const markup = root.innerHTML;
    const t = document.createElement("template");
    t.innerHTML = html(markup);
    const problems = [];
    if (canon(t.content) !== canon(root)) problems.push("re-parsed tree differs");
    if (t.innerHTML !== markup) problems.push("re-serialised markup differs");
    return problems;
  }

  const events = ["focus", "focusin", "mouseover", "mouseenter", "pointerover", "pointerenter", "mousedown",
    "keydown", "animationstart", "load", "error"];
  const images = [];
  // Fires those events at every element (and focuses the focusable ones), clicks every link and
  // summary (each summary twice, so the section is open again), and starts every image loading
  // (lazy ones too); settle() waits for their load or error events.
  function exercise(root) {
    for (const el of root.querySelectorAll("*")) {
      if (el.localName === "a" || el.localName === "summary") el.focus({ preventScroll: true });
      for (const type of events) el.dispatchEvent(new Event(type));
    }
    let clicks = 0;
    for (const el of root.querySelectorAll("a, summary")) {
      const click = () => el.click ? el.click() : el.dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true, cancelable: true }));
      click();
      if (el.localName === "summary") click();
      clicks++;
    }
    const found = [...root.querySelectorAll("img")];
    for (const img of found) {
      img.loading = "eager";
      images.push(img);
    }
    return { clicks, images: found.length };
  }
  async function settle(pause = 300) {
    const waiting = images.splice(0);
    let timedOut = 0;
    await Promise.all(waiting.map((img) => img.complete ? null : new Promise((resolve) => {
      img.addEventListener("load", resolve, { once: true });
      img.addEventListener("error", resolve, { once: true });
      setTimeout(() => { timedOut++; resolve(); }, 3000);
    })));
    if (pause) await new Promise((resolve) => setTimeout(resolve, pause)); // javascript: navigations and late errors
    return timedOut;
  }

  const text = (root) => {
    let s = root.textContent;
    for (const el of root.querySelectorAll("*")) for (const a of el.attributes) s += ` ${a.value}`;
    return s;
  };

  window.__oracle = { walk, reparse, exercise, settle, text };
}

// Loads each article through load() and runs every oracle on what it rendered.
async function runArticles(list) {
  const reader = document.querySelector("article-reader");
  const totals = { articles: 0, refused: [], elements: 0, clicks: 0, images: 0, violations: [], reparse: [], missing: [], tLoad: 0, tWalk: 0, tEx: 0, imagesUnsettled: 0 };
  for (const a of list) {
    let t0 = performance.now();
    window.__current = a.label;
    try {
      await reader.load(a.text, { format: a.format });
    } catch (error) {
      totals.refused.push({ label: a.label, batch: a.batch, message: error.message });
      continue;
    }
    totals.articles++;
    totals.tLoad += performance.now() - t0; t0 = performance.now();
    const content = reader.shadowRoot.querySelector(".ar-content");
    if (!content.querySelector(".ar-article")) totals.violations.push(`${a.label}: no article shown`);
    const [elements, violations] = window.__oracle.walk(content);
    totals.elements += elements;
    totals.violations.push(...violations.map((v) => `${a.label}: ${v}`));
    totals.reparse.push(...window.__oracle.reparse(content).map((v) => `${a.label}: ${v}`));
    const seen = window.__oracle.text(content);
    for (const m of a.markers) if (!seen.includes(m)) totals.missing.push(`${a.label}: ${m}`);
    totals.tWalk += performance.now() - t0; t0 = performance.now();
    const { clicks, images } = window.__oracle.exercise(content);
    if (images) totals.imagesUnsettled += await window.__oracle.settle(0); // while they are in the page
    totals.tEx += performance.now() - t0;
    totals.clicks += clicks;
    totals.images += images;
  }
  totals.imagesUnsettled += await window.__oracle.settle();
  return totals;
}

// Raw injections into the same shadow content must trip the oracles, or they prove nothing.
async function selfTest() {
  const reader = document.querySelector("article-reader");
  await reader.load("Self-test\n\nA paragraph.");
  const content = reader.shadowRoot.querySelector(".ar-content");
  window.__current = "self-test";
  const html = window.__html;
  const fragment = document.createRange().createContextualFragment(html("<script>alert('self-script')</script>"));
  content.append(fragment);
  const box = document.createElement("div");
  content.append(box);
  box.innerHTML = html(`<img src="data:," onerror="alert('self-img');confirm('self-confirm');prompt('self-prompt');print()">`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const planted = document.createElement("div");
  content.append(planted);
  planted.innerHTML = html(`<a href="javascript:alert('self-link')">x</a><span onmouseover="alert('self-hover')">y</span>` +
    `<p style="color:red">z</p><svg><a href="javascript:alert(2)"></a></svg><!-- c -->`);
  const [, violations] = window.__oracle.walk(content);
  window.__oracle.exercise(planted);
  await window.__oracle.settle();
  const nested = document.createElement("div");
  nested.append(document.createElement("p"));
  nested.firstChild.append(document.createElement("p")); // <p><p></p></p> cannot survive parsing
  const reparse = window.__oracle.reparse(nested);
  const result = { calls: window.__calls.map((c) => c.args[0] ?? c.name), names: window.__calls.map((c) => c.name),
    csp: window.__csp.map((c) => c.directive), violations, reparse, unsafeClicks: window.__clicked.unsafe.length };
  window.__calls.length = 0;
  window.__csp.length = 0;
  window.__clicked.unsafe.length = 0;
  return result;
}

// ------------------------------------------------------------------ the runs

function hostServer(readerOrigin, csp) {
  const page = `<!doctype html><html lang="en"><head><title>XSS host</title>
<script src="${readerOrigin}/article-reader.js"></script></head>
<body><h1>A host page</h1><article-reader collapsed="none"></article-reader></body></html>`;
  const server = http.createServer((req, res) => {
    const headers = { "content-type": "text/html; charset=utf-8", ...(csp ? { "content-security-policy": csp } : {}) };
    if (req.url === "/") { res.writeHead(200, headers); res.end(page); return; }
    res.writeHead(404, headers);
    res.end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function run(name, cspFor) {
  const reader = new URL(env.server.url).origin;
  const server = await hostServer(reader, cspFor(reader));
  const hostUrl = `http://127.0.0.1:${server.address().port}/`;
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const outside = [];
  const navigations = [];
  const popups = [];
  try {
    // Nothing leaves the machine: requests other than to the reader and the host are refused.
    await context.route("**/*", (route) => {
      const origin = new URL(route.request().url()).origin;
      if (origin === reader || `${origin}/` === hostUrl) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    context.on("page", (p) => popups.push(p.url()));
    const errors = [];
    page.on("pageerror", (err) => errors.push(err.message));
    page.on("dialog", (d) => { navigations.push(`dialog ${d.type()}`); d.dismiss(); });
    await page.addInitScript(installOracles);
    await page.goto(hostUrl);
    page.on("framenavigated", (frame) => { if (frame === page.mainFrame() && frame.url() !== hostUrl) navigations.push(frame.url()); });
    await page.waitForFunction(() => customElements.get("article-reader"));

    const self = await page.evaluate(selfTest);
    const started = Date.now();
    const list = articles();
    const totals = { articles: 0, refused: [], elements: 0, clicks: 0, images: 0, violations: [], reparse: [], missing: [], tLoad: 0, tWalk: 0, tEx: 0, imagesUnsettled: 0 };
    for (let start = 0; start < list.length; start += 200) {
      const part = await page.evaluate(runArticles, list.slice(start, start + 200));
      for (const [key, value] of Object.entries(part)) totals[key] = Array.isArray(value) ? totals[key].concat(value) : totals[key] + value;
    }
    const after = await page.evaluate(() => ({ calls: window.__calls, csp: window.__csp, unsafe: window.__clicked.unsafe, safe: window.__clicked.safe }));
    return { name, self, totals, after, outside, navigations, popups, errors, seconds: (Date.now() - started) / 1000, articles: list.length };
  } finally {
    await context.close();
    server.close();
  }
}

function report(r) {
  const scriptCsp = r.after.csp.filter((c) => /^(script-src|trusted-types|require-trusted-types-for)/.test(c.directive));
  const counts = {
    payloads: payloads.length, contexts: contexts.length, articles: r.totals.articles, elementsChecked: r.totals.elements,
    linksAndSummariesClicked: r.totals.clicks, safeLinkClicks: r.after.safe, images: r.totals.images,
    executions: r.after.calls.length, allowlistViolations: r.totals.violations.length, reparseDifferences: r.totals.reparse.length,
    refused: r.totals.refused.length, scriptCspViolations: scriptCsp.length,
    otherCspViolations: r.after.csp.length - scriptCsp.length, blockedOutsideRequests: r.outside.length, seconds: r.seconds, tLoad: r.totals.tLoad, tWalk: r.totals.tWalk, tEx: r.totals.tEx, imagesUnsettled: r.totals.imagesUnsettled,
  };
  console.log(`xss ${r.name}: ${JSON.stringify(counts)}`);
  for (const x of r.totals.refused) console.log(`  refused: ${x.label}: ${x.message}`);
  return scriptCsp;
}

function assertClean(r, scriptCsp) {
  assert.deepEqual(r.after.calls, [], "no payload called alert, confirm, prompt, print or open");
  assert.deepEqual(r.after.unsafe, [], "no link with a protocol other than http, https or mailto was clicked");
  assert.deepEqual(r.navigations, [], "the page never navigated or opened a dialog");
  assert.deepEqual(r.popups, [], "no window opened");
  assert.deepEqual(r.totals.violations.slice(0, 20), [], "the rendered DOM keeps to the allowlist");
  assert.deepEqual(r.totals.reparse.slice(0, 20), [], "serialising and parsing again gives the same tree");
  assert.deepEqual(scriptCsp, [], "nothing tried to run script (no script-src or Trusted Types violation)");
  assert.deepEqual(r.totals.refused.filter((x) => x.batch), [], "every batched article was read");
  assert.ok(r.totals.refused.length <= payloads.length / 50, "at most a few single-payload articles refused");
  assert.deepEqual(r.totals.missing.slice(0, 20), [], "every payload slot was rendered (its marker is in the view)");
  assert.deepEqual(r.errors, [], "no uncaught errors");
  assert.ok(r.totals.elements > 50_000, "the allowlist walk saw the whole corpus");
}

test("every payload in every context, no CSP: zero executions, zero allowlist violations", async () => {
  const r = await run("no CSP", () => "");
  const scriptCsp = report(r);
  // The hooks and the walk really see injections into the same shadow content.
  for (const call of ["self-script", "self-img", "self-confirm", "self-prompt", "self-link", "self-hover"]) {
    assert.ok(r.self.calls.includes(call), `self-test: ${call} tripped the hook (${r.self.calls})`);
  }
  assert.ok(r.self.names.includes("print"), "self-test: print tripped the hook");
  assert.ok(r.self.violations.length >= 5, `self-test: the allowlist walk flags planted markup (${r.self.violations})`);
  assert.equal(r.self.unsafeClicks, 2, "self-test: the javascript: links were clicked and let through");
  assert.deepEqual(r.self.reparse, ["re-parsed tree differs", "re-serialised markup differs"], "self-test: the re-parse check sees a mutation");
  assertClean(r, scriptCsp);
});

test("every payload in every context, strict CSP with Trusted Types: zero executions, zero violations", async () => {
  const r = await run("strict CSP", (reader) => `default-src 'none'; script-src ${reader} 'wasm-unsafe-eval'; ` +
    `style-src ${reader}; connect-src ${reader}; img-src ${reader} data:; ` +
    `require-trusted-types-for 'script'; trusted-types article-reader xss-oracle`);
  const scriptCsp = report(r);
  // Under the policy the same raw injections are refused: no call, and the violations are reported.
  assert.deepEqual(r.self.calls, [], "self-test: the CSP stopped the raw injections");
  assert.ok(r.self.csp.includes("script-src-elem"), `self-test: the raw <script> was a script-src-elem violation (${r.self.csp})`);
  assert.ok(r.self.csp.includes("script-src-attr"), `self-test: the raw handler was a script-src-attr violation (${r.self.csp})`);
  assert.ok(r.self.violations.length >= 5, "self-test: the allowlist walk flags planted markup");
  assertClean(r, scriptCsp);
});
