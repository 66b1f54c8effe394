// zhcorpus: the article page's citations (scripts/zhcorpus/site/citations.py).
// The site is static: the access date (today, when the reader copies) and the
// cited paragraph (the scope menu, or the #pN the reader arrived at) are only
// known here, so the page leaves two kinds of slots for this script to fill:
//   <span data-cite-accessed="iso|apa|ris|parts">  and  <span data-cite-anchor="#">.
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function accessed(style, d) {
    var y = d.getFullYear(), m = d.getMonth() + 1, day = d.getDate();
    if (style === "apa") return MONTHS[m - 1] + " " + day + ", " + y;
    if (style === "ris") return y + "/" + pad(m) + "/" + pad(day);
    if (style === "parts") return y + ", " + m + ", " + day;
    return y + "-" + pad(m) + "-" + pad(day);
  }

  function fill(box, anchor) {
    var today = new Date();
    box.querySelectorAll("[data-cite-accessed]").forEach(function (slot) {
      slot.textContent = accessed(slot.getAttribute("data-cite-accessed"), today);
    });
    box.querySelectorAll("[data-cite-anchor]").forEach(function (slot) {
      slot.textContent = anchor ? slot.getAttribute("data-cite-anchor") + anchor : "";
    });
  }

  // The paragraph of the address (#p17), when the scope menu offers it.
  function arrivedAt(scope) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^p[0-9]+$/.test(id)) return null;
    for (var i = 0; i < scope.options.length; i++) {
      if (scope.options[i].value === id) return id;
    }
    return null;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // http:// other than localhost has no clipboard API: the old way.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  function setUp(box) {
    if (box.getAttribute("data-cite-ready")) return;
    box.setAttribute("data-cite-ready", "1");
    var scope = box.querySelector("[data-cite-scope]");
    var status = box.querySelector(".zh-cite-status");
    var current = function () { return scope ? scope.value : ""; };
    if (scope) {
      var arrived = arrivedAt(scope);
      if (arrived) scope.value = arrived;
      scope.addEventListener("change", function () { fill(box, current()); });
      window.addEventListener("hashchange", function () {
        var id = arrivedAt(scope);
        if (id) { scope.value = id; fill(box, id); }
      });
    }
    fill(box, current());
    box.querySelectorAll("[data-cite-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var format = button.getAttribute("data-cite-copy");
        var pre = box.querySelector('[data-cite-format="' + format + '"] .zh-cite-text');
        fill(box, current());  // today's date, the scope chosen now
        var text = pre.textContent;
        copyText(text).then(function () {
          status.textContent = "已复制 " + format.toUpperCase() + " 格式引用";
        }, function () {
          // Select it, so the reader can copy with the keyboard.
          var range = document.createRange();
          range.selectNodeContents(pre);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = "浏览器不允许直接复制：已选中引用文字，请按 Ctrl+C 复制";
        });
      });
    });
  }

  function start() { document.querySelectorAll(".zh-cite").forEach(setUp); }
  // Material's instant navigation swaps pages without a load event.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
