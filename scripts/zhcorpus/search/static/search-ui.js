/* Search box + results, mountable anywhere: mountSearch(element, options).
 * No dependencies. The worker and the index are found next to this module
 * unless options say otherwise, so the site can live under any sub-path.
 * data-state="ready" and data-query on the root tell tests what is on screen. */

// The UI's own words, per script: the Traditional edition shows them in Traditional.
// options.lang picks one; by default the page's <html lang>.
const STRINGS = {
  "zh-Hans": { placeholder: "搜索全文（简体或繁體）", search: "搜索", speaker: "讲话人", event: "事件", theme: "主题",
               outlet: "媒体", all: "全部", filter: "筛选", from: "起始日期", to: "截止日期", more: "更多结果",
               results: n => `${n} 条结果`, atLeast: n => `至少 ${n} 条结果`, none: "没有结果",
               error: "搜索出错：", quote: "语录" },
  "zh-Hant": { placeholder: "搜尋全文（簡體或繁體）", search: "搜尋", speaker: "講話人", event: "事件", theme: "主題",
               outlet: "媒體", all: "全部", filter: "篩選", from: "起始日期", to: "截止日期", more: "更多結果",
               results: n => `${n} 條結果`, atLeast: n => `至少 ${n} 條結果`, none: "沒有結果",
               error: "搜尋出錯：", quote: "語錄" },
};
const FACETS = ["speaker", "event", "theme", "outlet"];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

export function mountSearch(root, options = {}) {
  const indexUrl = new URL(options.indexUrl || "./", import.meta.url).href;
  const siteUrl = new URL(options.siteUrl || "../", indexUrl).href;
  // Ten at once: each shown result costs a fetch of its chunk, and a session's first
  // query pays for its connections; "more" continues (query.py RESULTS_PER_PAGE).
  const limit = options.limit || 10;
  const lang = options.lang || document.documentElement.lang;
  const t = STRINGS[lang] || STRINGS[lang.startsWith("zh-Hant") || /^zh-(TW|HK|MO)/.test(lang) ? "zh-Hant" : "zh-Hans"];
  const worker = new Worker(new URL("search-worker.js", import.meta.url));
  let seq = 0, shown = -1, facetsLoaded = false;
  const pending = new Map();
  const ask = (msg) => new Promise(resolve => { const id = ++seq; pending.set(id, resolve); worker.postMessage({ ...msg, id }); });
  worker.onmessage = (e) => { const r = pending.get(e.data.id); pending.delete(e.data.id); if (r) r(e.data); };

  const input = el("input", { type: "search", class: "zs-input", placeholder: options.placeholder || t.placeholder,
                              "aria-label": t.search, autocomplete: "off" });
  const selects = Object.fromEntries(FACETS.map(k => [k, el("select", { "data-facet": k, "aria-label": t[k] },
    el("option", { value: "" }, t.all + t[k]))]));
  const from = el("input", { type: "date", "data-facet": "from", "aria-label": t.from });
  const to = el("input", { type: "date", "data-facet": "to", "aria-label": t.to });
  const filters = el("details", { class: "zs-filters" }, el("summary", {}, t.filter), ...Object.values(selects), from, to);
  const status = el("p", { class: "zs-status", role: "status" });
  const list = el("ol", { class: "zs-results" });
  // Each search fetches at most ~40 KB of text; "more" continues where it stopped
  // (files already fetched are cached), so no query costs more than it shows.
  const more = el("button", { type: "button", class: "zs-more", hidden: "" }, t.more);
  let extra = 0;
  root.classList.add("zs");
  root.append(input, filters, status, list, more);
  root.dataset.state = "loading";

  filters.addEventListener("toggle", async () => {
    if (facetsLoaded || !filters.open || !(await ready)) return;
    facetsLoaded = true;
    const { values } = await ask({ type: "facets" });
    for (const k of FACETS) {
      const opts = Object.entries(values[k] || {}).sort((a, b) => a[1].label.localeCompare(b[1].label, "zh"));
      for (const [v, { label }] of opts) selects[k].append(el("option", { value: v }, label));
    }
  });

  function render(q, r) {
    list.replaceChildren();
    if (!q.trim()) { status.textContent = ""; return; }
    const count = r.total !== null ? t.results(r.total) : t.atLeast(r.hits.length);
    status.textContent = r.hits.length ? count : t.none;
    const groups = new Map();  // page URL -> its hits, in rank order of the first hit
    for (const h of r.hits) {
      const page = h.kind === "quote" ? h.url : h.url.split("#")[0];
      if (!groups.has(page)) groups.set(page, []);
      groups.get(page).push(h);
    }
    for (const [page, hits] of groups) {
      const title = hits[0].kind === "quote" ? t.quote + " · " + hits[0].title : hits[0].title;
      const items = el("ul", {});
      for (const h of hits) {
        if (h.kind === "page") continue;  // the group heading is the title hit
        const a = el("a", { href: new URL(h.url, siteUrl).href, class: "zs-snippet" });
        if (h.snippet.before) a.append("…");
        for (const [text, mark] of h.snippet.parts) a.append(mark ? el("mark", {}, text) : text);
        if (h.snippet.after) a.append("…");
        items.append(el("li", {}, a));
      }
      const head = el("a", { href: new URL(page, siteUrl).href, class: "zs-title" }, title);
      list.append(el("li", { class: "zs-group", "data-kind": hits[0].kind }, head, items));
    }
  }

  async function run() {
    const q = input.value, my = ++seq;
    const f = Object.fromEntries(Object.entries(selects).map(([k, s]) => [k, s.value]));
    f.from = from.value; f.to = to.value;
    root.dataset.state = "busy";
    const r = q.trim() ? await ask({ type: "search", q, limit: limit * (extra + 1), filters: f }) : { hits: [], total: 0 };
    if (my < shown) return;  // a later keystroke already answered
    shown = my;
    if (r.type === "error") { failed(r.message); return; }
    render(q, r);
    more.hidden = !r.more;
    root.dataset.query = q;
    root.dataset.state = "ready";
    root.dispatchEvent(new CustomEvent("zs-results", { detail: { query: q, results: r } }));
  }

  // An error is shown, not thrown (data-state="error"): an index that is missing
  // or of another format stops the search; a tampered chunk fails its query.
  function failed(message) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = t.error + message;
    root.dataset.state = "error";
  }
  // The worker checks every link against siteUrl: it must know the same one.
  const ready = ask({ type: "init", indexUrl, siteUrl }).then((r) => {
    if (r.type === "error") { failed(r.message); return false; }
    root.dataset.state = "ready";
    return true;
  });
  const go = () => ready.then(ok => ok ? run() : undefined);
  input.addEventListener("input", () => { extra = 0; go(); });
  filters.addEventListener("change", () => { extra = 0; go(); });
  more.addEventListener("click", () => { extra++; go(); });
  if (options.query) { input.value = options.query; go(); }
  return { input, ready, search: (q) => { input.value = q; extra = 0; return go(); }, worker };
}
