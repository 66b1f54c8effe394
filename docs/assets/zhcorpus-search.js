// The search page: mount our engine (search/search-ui.js, written by the build
// hook) with the query from ?q=, and keep ?q= in step with what is typed so a
// result list can be bookmarked or shared. Relative import: works under any
// sub-path and in both editions (each has its own assets/ and search/).
import { mountSearch } from "../search/search-ui.js";

const root = document.getElementById("zh-search");
if (root) {
  const hant = document.documentElement.lang === "zh-Hant";
  const query = new URLSearchParams(location.search).get("q") || "";
  const header = document.querySelector(".zh-header-search__input");
  if (header) header.value = query;
  window.zhSearch = mountSearch(root, {
    query,
    placeholder: hant ? "搜尋全文（簡體或繁體，或英文名如 Tokayev）" : "搜索全文（简体或繁體，或英文名如 Tokayev）",
  });
  root.addEventListener("zs-results", (e) => {
    const url = new URL(location.href);
    if (e.detail.query) url.searchParams.set("q", e.detail.query);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    if (header) header.value = e.detail.query;
  });
  if (!query) window.zhSearch.input.focus();
}
