// Arrival at a paragraph or quote (…/#p17, …/#orig-p3, quotes/page-2/#q-…):
// the target is marked (.zh-arrived, styled with :target in zhcorpus.css) and
// scrolled into view; a target inside the 原文 tab opens that tab first. The
// Traditional edition prints the Hong Kong text as the page itself (no tab),
// so #orig-pN there is that page's #pN. The 简/繁 switcher keeps the anchor
// and the query (?q=…) of the page it leaves.
(function () {
  "use strict";
  function target() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return null;
    var el = document.getElementById(id);
    if (!el && id.indexOf("orig-") === 0) el = document.getElementById(id.slice(5));
    return el;
  }
  function openTabsAround(el) {
    // Material's content tabs: a .tabbed-set holds radio inputs and, in order, .tabbed-block panels.
    for (var block = el.closest(".tabbed-block"); block; block = block.parentElement.closest(".tabbed-block")) {
      var set = block.closest(".tabbed-set");
      var blocks = Array.prototype.filter.call(block.parentElement.children, function (b) { return b.classList.contains("tabbed-block"); });
      var inputs = Array.prototype.filter.call(set.children, function (c) { return c.tagName === "INPUT"; });
      var input = inputs[blocks.indexOf(block)];
      if (input && !input.checked) { input.checked = true; input.dispatchEvent(new Event("change", { bubbles: true })); }
    }
  }
  function arrive() {
    var previous = document.querySelectorAll(".zh-arrived");
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove("zh-arrived");
    var el = target();
    if (!el) return;
    openTabsAround(el);
    el.classList.add("zh-arrived");
    // A quote's entry is its heading and what follows it up to the next heading.
    if (/^H[2-6]$/.test(el.tagName) && el.id.indexOf("q-") === 0) {
      for (var next = el.nextElementSibling; next && !/^H[1-6]$/.test(next.tagName); next = next.nextElementSibling)
        next.classList.add("zh-arrived");
    }
    el.scrollIntoView({ block: "center" });
  }
  function keepPlace(e) {
    var link = e.target.closest && e.target.closest(".zh-edition__link");
    if (!link || link.getAttribute("aria-current") === "page") return;
    var url = new URL(link.href, location.href);
    url.search = location.search;
    url.hash = location.hash;
    link.href = url.href;
  }
  document.addEventListener("click", keepPlace, true);
  // Keyboard and middle-click users reach the link by focus: keep its href right then too.
  document.addEventListener("focusin", keepPlace, true);
  window.addEventListener("hashchange", arrive);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", arrive);
  else arrive();
})();
