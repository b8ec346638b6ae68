// The library view of the page (index.html?view=library): every article the server lists at
// library/index.json (docs/library.md), with its reading state and whether it is saved offline.
// Sorting, filtering and the read states happen here; titles and reading times come from the
// core, which made the list.
"use strict";

(() => {
  const params = new URLSearchParams(location.search);
  if (params.get("view") !== "library") return;

  const view = document.getElementById("library");
  const body = view.querySelector("tbody");
  const filter = document.getElementById("library-filter");
  const status = document.getElementById("library-status");
  const skippedPanel = document.getElementById("library-skipped");
  const articlesCache = "article-reader-articles"; // shared with sw.js
  let entries = [];
  let sort = { key: "title", descending: false };

  document.getElementById("reader").hidden = true;
  view.hidden = false;
  document.title = "Library · article-reader";

  // Read states from the element's remembered places (article-reader.js, savePlace).
  function readStates() {
    const states = new Map();
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key?.startsWith("article-reader:place:")) continue;
        const place = JSON.parse(localStorage.getItem(key));
        if (typeof place?.src !== "string") continue;
        const furthest = Math.max(Number(place.furthest) || 0, states.get(place.src) ?? 0);
        states.set(place.src, furthest);
      }
    } catch {
      /* storage unavailable or a record corrupted: the states we could read stand */
    }
    return states;
  }

  // The reader's own folder goes by its name; the articles that come with the reader, "bundled".
  const collectionOf = (list) => (list.base === "/assets/articles/" ? "bundled" : list.root);

  const stateOf = (furthest) => (furthest === undefined ? "unread" : furthest >= 0.98 ? "read" : "in progress");

  function entriesOf(list, states) {
    return list.articles.map((a) => {
      const url = new URL(list.base + a.path.split("/").map(encodeURIComponent).join("/"), location.href).href;
      return { ...a, url, collection: collectionOf(list), state: stateOf(states.get(url)), offline: false };
    });
  }

  async function markOffline(list) {
    if (!globalThis.caches) return;
    const cache = await caches.open(articlesCache);
    await Promise.all(list.map(async (entry) => { entry.offline = Boolean(await cache.match(entry.url)); }));
  }

  const compare = {
    title: (a, b) => a.title.localeCompare(b.title),
    folder: (a, b) => `${a.collection}/${a.folder}`.localeCompare(`${b.collection}/${b.folder}`) || compare.title(a, b),
    date: (a, b) => (a.date ?? "").localeCompare(b.date ?? "") || compare.title(a, b),
    minutes: (a, b) => a.minutes - b.minutes || compare.title(a, b),
    state: (a, b) => a.state.localeCompare(b.state) || compare.title(a, b),
  };

  function cell(text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text;
    return td;
  }

  function row(entry) {
    const tr = document.createElement("tr");
    const title = document.createElement("td");
    const link = document.createElement("a");
    link.href = `./?article=${encodeURIComponent(entry.url)}`;
    link.textContent = entry.title;
    title.append(link);
    const offline = document.createElement("td");
    if (entry.offline) {
      offline.textContent = "Saved";
    } else {
      const save = document.createElement("button");
      save.type = "button";
      save.className = "library-save";
      save.textContent = "Save for offline";
      save.setAttribute("aria-label", `Save for offline: ${entry.title}`);
      save.addEventListener("click", () => saveOffline(entry, offline));
      offline.append(save);
    }
    const folder = entry.folder ? `${entry.collection}/${entry.folder}` : entry.collection;
    tr.append(title, cell(folder), cell(entry.date ?? "—"), cell(`${entry.minutes} min`, "library-minutes"),
      cell(entry.state, `library-state library-state-${entry.state.replace(" ", "-")}`), offline);
    return tr;
  }

  async function saveOffline(entry, where) {
    try {
      const cache = await caches.open(articlesCache);
      await cache.add(entry.url);
      entry.offline = true;
      where.replaceChildren("Saved");
    } catch (error) {
      where.replaceChildren(`Not saved: ${error.message}`);
    }
  }

  function render() {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = entries
      .filter((e) => words.every((w) => `${e.title} ${e.collection}/${e.path}`.toLowerCase().includes(w)))
      .sort((a, b) => (sort.descending ? -1 : 1) * compare[sort.key](a, b));
    body.replaceChildren(...shown.map(row));
    for (const th of view.querySelectorAll("th[data-sort]")) {
      th.setAttribute("aria-sort", th.dataset.sort === sort.key ? (sort.descending ? "descending" : "ascending") : "none");
    }
    status.textContent = shown.length === entries.length
      ? `${entries.length} ${entries.length === 1 ? "article" : "articles"}`
      : `${shown.length} of ${entries.length} articles match`;
  }

  function showSkipped(lists) {
    const skipped = lists.flatMap((list) => list.skipped.map((s) => ({ ...s, collection: collectionOf(list) })));
    skippedPanel.hidden = skipped.length === 0;
    skippedPanel.querySelector("summary").textContent =
      `${skipped.length} ${skipped.length === 1 ? "file" : "files"} not listed`;
    skippedPanel.querySelector("ul").replaceChildren(...skipped.map((s) => {
      const li = document.createElement("li");
      const path = document.createElement("code");
      path.textContent = `${s.collection}/${s.path}`;
      li.append(path, `: ${s.reason}`);
      return li;
    }));
  }

  async function load() {
    status.textContent = "Loading the library…";
    try {
      const response = await fetch("library/index.json", { cache: "no-cache" });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const index = await response.json();
      const lists = [index, ...(index.bundled ? [index.bundled] : [])];
      const states = readStates();
      entries = lists.flatMap((list) => entriesOf(list, states));
      await markOffline(entries);
      showSkipped(lists);
      render();
    } catch (error) {
      status.textContent = location.protocol === "file:"
        ? "The library needs the reader's server: run ./serve.sh FOLDER and open the address it prints."
        : `The library could not be loaded: ${error.message}.`;
    }
  }

  filter.addEventListener("input", render);
  view.querySelector("thead").addEventListener("click", (event) => {
    const th = event.target.closest("th[data-sort]");
    if (!th) return;
    sort = { key: th.dataset.sort, descending: sort.key === th.dataset.sort && !sort.descending };
    render();
  });
  // Coming back to the tab (after reading an article in another) refreshes states and new files.
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && load());
  load();
})();
