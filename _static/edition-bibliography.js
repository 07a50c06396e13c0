/* The bibliography's search box: shows only the entries with every word typed. */
(function () {
  "use strict";
  function start() {
    var box = document.querySelector(".bibliography-search");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var entries = Array.prototype.slice.call(document.querySelectorAll("div.citation"));
    var lists = Array.prototype.slice.call(document.querySelectorAll("div.citation-list"));
    box.hidden = false;
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry) {
        var text = entry.textContent.toLowerCase();
        entry.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
        if (!entry.hidden) shown += 1;
      });
      // A kind of source with nothing left to show loses its heading too.
      lists.forEach(function (list) {
        list.hidden = !list.querySelector("div.citation:not([hidden])");
        var heading = list.previousElementSibling;
        if (heading && heading.classList.contains("source-group")) heading.hidden = list.hidden;
      });
      status.textContent = shown + " of " + entries.length + " sources shown";
    }
    input.addEventListener("input", apply);
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
