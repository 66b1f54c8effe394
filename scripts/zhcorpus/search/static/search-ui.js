/* Search box + results, mountable anywhere: mountSearch(element, options).
 * No dependencies. The worker and the index are found next to this module
 * unless options say otherwise, so the site can live under any sub-path.
 * data-state="ready" and data-query on the root tell tests what is on screen. */

// The UI's own words, per script: the Traditional edition shows them in Traditional.
// options.lang picks one; by default the page's <html lang>.
const STRINGS = {
  "zh-Hans": { placeholder: "搜索全文（简体或繁體）", search: "搜索", speaker: "提及人物", said: "讲话人（引语出自）", event: "事件", theme: "主题",
               outlet: "媒体", all: "全部", filter: "筛选", from: "起始日期", to: "截止日期", more: "更多结果",
               results: n => `${n} 条结果`, atLeast: n => `至少 ${n} 条结果`, none: "没有结果",
               error: "搜索出错：", quote: "引语", quoteMode: "只看引语", unattributed: "未署名引语",
               others: "同一引语的其他报道：", moreReports: n => `另有 ${n} 篇报道（见引语页）` },
  "zh-Hant": { placeholder: "搜尋全文（簡體或繁體）", search: "搜尋", speaker: "提及人物", said: "講話人（引語出自）", event: "事件", theme: "主題",
               outlet: "媒體", all: "全部", filter: "篩選", from: "起始日期", to: "截止日期", more: "更多結果",
               results: n => `${n} 條結果`, atLeast: n => `至少 ${n} 條結果`, none: "沒有結果",
               error: "搜尋出錯：", quote: "引語", quoteMode: "只看引語", unattributed: "未署名引語",
               others: "同一引語的其他報道：", moreReports: n => `另有 ${n} 篇報道（見引語頁）` },
};
// The selects, in the order shown. "said": a quote's attributed speaker; "speaker": people an article mentions.
const FACETS = ["said", "speaker", "event", "theme", "outlet"];
// What the address keeps (?q=&mode=&said=…&n=): see state() and the page's zhcorpus-search.js.
export const STATE_KEYS = ["q", "mode", ...FACETS, "from", "to", "n"];

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
  let seq = 0, shown = -1;
  const pending = new Map();
  const ask = (msg) => new Promise(resolve => { const id = ++seq; pending.set(id, resolve); worker.postMessage({ ...msg, id }); });
  worker.onmessage = (e) => { const r = pending.get(e.data.id); pending.delete(e.data.id); if (r) r(e.data); };

  const input = el("input", { type: "search", class: "zs-input", placeholder: options.placeholder || t.placeholder,
                              "aria-label": t.search, autocomplete: "off" });
  // Every control has a visible label: the label element wraps its control.
  const labelled = (text, control) => el("label", { class: "zs-label" }, el("span", {}, text), control);
  const selects = Object.fromEntries(FACETS.map(k => [k, el("select", { "data-facet": k },
    el("option", { value: "" }, t.all))]));
  const from = el("input", { type: "date", "data-facet": "from" });
  const to = el("input", { type: "date", "data-facet": "to" });
  const quoteMode = el("input", { type: "checkbox", "data-mode": "quote" });
  const filters = el("details", { class: "zs-filters" }, el("summary", {}, t.filter),
    ...FACETS.map(k => labelled(t[k], selects[k])), labelled(t.from, from), labelled(t.to, to));
  const mode = el("label", { class: "zs-mode" }, quoteMode, el("span", {}, t.quoteMode));
  const status = el("p", { class: "zs-status", role: "status" });
  const list = el("ol", { class: "zs-results" });
  // Each search fetches at most ~40 KB of text; "more" continues where it stopped
  // (files already fetched are cached), so no query costs more than it shows.
  const more = el("button", { type: "button", class: "zs-more", hidden: "" }, t.more);
  let extra = 0;
  root.classList.add("zs");
  root.append(input, mode, filters, status, list, more);
  root.dataset.state = "loading";

  let facetsReady = null;
  function loadFacets() {
    if (facetsReady) return facetsReady;
    facetsReady = ready.then(async ok => {
      if (!ok) return;
      const { values } = await ask({ type: "facets" });
      for (const k of FACETS) {
        const opts = Object.entries(values[k] || {}).sort((a, b) => a[1].label.localeCompare(b[1].label, "zh"));
        for (const [v, { label }] of opts) selects[k].append(el("option", { value: v }, label));
      }
    });
    return facetsReady;
  }
  filters.addEventListener("toggle", () => { if (filters.open) loadFacets(); });

  // The search as the address keeps it: only what is set.
  function state() {
    const s = { q: input.value, mode: quoteMode.checked ? "quote" : "", from: from.value, to: to.value,
                n: extra ? String(extra + 1) : "" };
    for (const k of FACETS) s[k] = selects[k].value;
    return Object.fromEntries(STATE_KEYS.filter(k => s[k]).map(k => [k, s[k]]));
  }
  const filtered = () => quoteMode.checked || from.value || to.value || FACETS.some(k => selects[k].value);

  function quoteItem(h) {
    const m = h.meta || { speaker: "", said: "", role: "", outlet: "", date: "", others: [], more: 0 };
    const who = m.speaker ? el("span", { class: "zs-speaker" }, m.speaker) : el("span", { class: "zs-speaker zs-unattributed" }, t.unattributed);
    const where = [m.outlet, m.date].filter(Boolean).join(" · ");
    const line = el("p", { class: "zs-quote-meta" }, who);
    if (m.speaker && m.role) line.append("（" + m.role + "）");
    if (where) line.append(" · " + where);
    line.append(" · ", el("a", { href: new URL(h.url, siteUrl).href, class: "zs-source" }, "《" + h.title + "》"));
    const words = el("a", { href: new URL(h.url, siteUrl).href, class: "zs-snippet" });
    snippetInto(words, h.snippet);
    const item = el("li", { class: "zs-group zs-quote", "data-kind": "quote", "data-said": m.said || "" }, words, line);
    if (m.others.length) {
      const others = el("ul", { class: "zs-others" });
      for (const [outlet, date, title, url] of m.others)
        others.append(el("li", {}, el("a", { href: new URL(url, siteUrl).href }, [outlet, date].filter(Boolean).join(" · ") + " 《" + title + "》")));
      if (m.more) others.append(el("li", {}, el("a", { href: new URL(m.entry, siteUrl).href, class: "zs-others-more" }, t.moreReports(m.more))));
      item.append(el("p", { class: "zs-others-head" }, t.others), others);
    }
    return item;
  }
  function snippetInto(a, snip) {
    if (snip.before) a.append("…");
    for (const [text, mark] of snip.parts) a.append(mark ? el("mark", {}, text) : text);
    if (snip.after) a.append("…");
  }

  function render(q, r) {
    list.replaceChildren();
    if (!q.trim() && !filtered()) { status.textContent = ""; return; }
    const count = r.total !== null ? t.results(r.total) : t.atLeast(r.hits.length);
    status.textContent = r.hits.length ? count : t.none;
    const groups = new Map();  // page URL -> its hits, in rank order of the first hit
    for (const h of r.hits) {
      if (h.kind === "quote") { list.append(quoteItem(h)); continue; }
      const page = h.url.split("#")[0];
      if (!groups.has(page)) { groups.set(page, []); list.append(el("li", { class: "zs-group", "data-page": page })); }
      groups.get(page).push(h);
    }
    // Quotes stand alone; other hits are grouped under their page, at the place of its first hit.
    for (const li of list.querySelectorAll("li[data-page]")) {
      const page = li.dataset.page, hits = groups.get(page);
      li.removeAttribute("data-page");
      li.dataset.kind = hits[0].kind;
      const items = el("ul", {});
      for (const h of hits) {
        if (h.kind === "page") continue;  // the group heading is the title hit
        const a = el("a", { href: new URL(h.url, siteUrl).href, class: "zs-snippet" });
        snippetInto(a, h.snippet);
        items.append(el("li", {}, a));
      }
      li.append(el("a", { href: new URL(page, siteUrl).href, class: "zs-title" }, hits[0].title), items);
    }
  }

  async function run() {
    const q = input.value, my = ++seq;
    const f = Object.fromEntries(FACETS.map(k => [k, selects[k].value]));
    f.from = from.value; f.to = to.value;
    if (quoteMode.checked) f.kind = "quote";
    root.dataset.state = "busy";
    const r = q.trim() || filtered() ? await ask({ type: "search", q, limit: limit * (extra + 1), filters: f }) : { hits: [], total: 0 };
    if (my < shown) return;  // a later keystroke already answered
    shown = my;
    if (r.type === "error") { failed(r.message); return; }
    render(q, r);
    more.hidden = !r.more;
    root.dataset.query = q;
    root.dataset.state = "ready";
    root.dispatchEvent(new CustomEvent("zs-results", { detail: { query: q, results: r, state: state() } }));
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
  // No search while an input method is composing (pinyin "tuoka" is not a query):
  // the text it commits arrives with compositionend.
  let composing = false;
  input.addEventListener("compositionstart", () => { composing = true; });
  input.addEventListener("compositionend", () => { composing = false; extra = 0; go(); });
  input.addEventListener("input", (e) => { if (composing || e.isComposing) return; extra = 0; go(); });
  filters.addEventListener("change", () => { extra = 0; go(); });
  quoteMode.addEventListener("change", () => { extra = 0; go(); });
  more.addEventListener("click", () => { extra++; go(); });
  // options.state: a search as state() gives it (from the address); options.query: just a query.
  const initial = options.state || (options.query ? { q: options.query } : {});
  if (Object.keys(initial).length) {
    input.value = initial.q || "";
    quoteMode.checked = initial.mode === "quote";
    from.value = initial.from || ""; to.value = initial.to || "";
    extra = Math.max(0, Math.min(50, parseInt(initial.n, 10) - 1 || 0));
    const wanted = FACETS.filter(k => initial[k]);
    const set = wanted.length ? (filters.open = true, loadFacets()) : Promise.resolve();
    set.then(() => { for (const k of wanted) selects[k].value = initial[k]; go(); });
  }
  return { input, ready, state, search: (q) => { input.value = q; extra = 0; return go(); }, worker };
}
