// The search page: mount our engine (search/search-ui.js, written by the build
// hook) with the search the address holds (?q=&mode=&said=&…&n=), and keep the
// address in step with what is on screen, so a reload, the back button or a
// shared link shows the same results. Relative import: works under any
// sub-path and in both editions (each has its own assets/ and search/).
import { mountSearch, STATE_KEYS } from "../search/search-ui.js";

const root = document.getElementById("zh-search");
if (root) {
  const hant = document.documentElement.lang === "zh-Hant";
  const params = new URLSearchParams(location.search);
  const initial = Object.fromEntries(STATE_KEYS.filter(k => params.get(k)).map(k => [k, params.get(k)]));
  const header = document.querySelector(".zh-header-search__input");
  const pageTitle = document.title;
  if (header) header.value = initial.q || "";
  window.zhSearch = mountSearch(root, {
    state: initial,
    placeholder: hant ? "搜尋全文（簡體或繁體，或英文名如 Tokayev）" : "搜索全文（简体或繁體，或英文名如 Tokayev）",
  });
  root.addEventListener("zs-results", (e) => {
    const url = new URL(location.href);
    for (const k of STATE_KEYS) url.searchParams.delete(k);
    for (const [k, v] of Object.entries(e.detail.state)) url.searchParams.set(k, v);
    history.replaceState(history.state, "", url);
    if (header) header.value = e.detail.query;
    // The tab says what was searched: a list of tabs, or the history, tells searches apart.
    const q = e.detail.query.trim();
    document.title = q ? `${q} – ${pageTitle}` : pageTitle;
  });
  if (!initial.q) window.zhSearch.input.focus();
}
