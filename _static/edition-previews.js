/* Previews: a link to a glossary entry or to a source shows the definition or the full reference
   when a reader hovers over it or reaches it by keyboard. The text comes with the page (the link's
   title, written by the build); Escape closes the preview. */
(function () {
  "use strict";
  var SELECTOR = 'a[title][href*="#term-"], a[title][href*="#cite-"]';
  var preview, current = null;

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(420, document.documentElement.clientWidth - 16);
    preview.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    preview.style.left = left + "px";
    preview.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function show(link) {
    current = link;
    preview.textContent = link.dataset.preview;
    preview.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", preview.id);
  }

  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    preview.hidden = true;
  }

  function start() {
    preview = document.createElement("div");
    preview.id = "edition-preview";
    preview.className = "edition-preview";
    preview.setAttribute("role", "tooltip");
    preview.hidden = true;
    document.body.appendChild(preview);
    Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), function (link) {
      // The preview replaces the browser's own tooltip, which would show the same text twice.
      link.dataset.preview = link.title;
      link.removeAttribute("title");
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("mouseleave", hide);
      link.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
