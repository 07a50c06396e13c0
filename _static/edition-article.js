/* The annotated article: a switch between plain text and the annotated text, remembered from
   page to page; and a link to a claim's note (#note-…) opens the fold that holds it. */
(function () {
  "use strict";
  var KEY = "edition-reading";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function show(mode, remember) {
    root.dataset.reading = mode;
    if (remember) {
      try { window.localStorage.setItem(KEY, mode); } catch (e) { /* private browsing */ }
    }
    Array.prototype.forEach.call(document.querySelectorAll(".reading-switch button"), function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.reading === mode));
    });
  }

  // Before the page is drawn, so that a reader who chose plain text never sees the notes flash.
  root.dataset.reading = stored() === "plain" ? "plain" : "annotated";

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    if (target.closest(".claim-notes") || target.matches("mark.claim")) show("annotated", true);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    target.scrollIntoView();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".reading-switch"), function (group) {
      group.hidden = false;
      group.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-reading]");
        if (button) show(button.dataset.reading, true);
      });
    });
    show(root.dataset.reading, false);
    window.addEventListener("hashchange", openTarget);
    if (window.location.hash) openTarget();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
