/* Search, sort and filter for the edition's data tables (class "filterable").
   Served by the book itself: no network, no library. Without it the table is still complete.
   A table names its drop-down filters in data-filters ("thread certainty"); each row carries its
   values (data-filter-thread="…"), whether or not a column shows them. */
(function () {
  "use strict";

  function cellText(row, index) {
    return row.cells[index] ? row.cells[index].textContent.trim() : "";
  }

  function labelled(control, text, container) {
    var label = document.createElement("label");
    label.htmlFor = control.id;
    label.textContent = text;
    container.appendChild(label);
    container.appendChild(control);
  }

  function enhance(table, number) {
    var body = table.tBodies[0];
    if (!body || table.dataset.enhanced) return;
    table.dataset.enhanced = "yes";
    var rows = Array.prototype.slice.call(body.rows);
    var headers = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
    var controls = document.createElement("div");
    controls.className = "table-controls";
    var status = document.createElement("p");
    status.className = "table-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    var search = document.createElement("input");
    search.type = "search";
    search.id = "table-" + number + "-search";
    labelled(search, "Search the table", controls);

    var selects = (table.dataset.filters || "").split(/\s+/).filter(Boolean).map(function (name) {
      var key = "filter" + name.charAt(0).toUpperCase() + name.slice(1);
      var values = {};
      rows.forEach(function (row) { values[row.dataset[key] || ""] = true; });
      var select = document.createElement("select");
      select.id = "table-" + number + "-filter-" + name;
      select.dataset.key = key;
      [""].concat(Object.keys(values).sort()).forEach(function (value, index) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = index === 0 ? "all" : (value || "(empty)");
        select.appendChild(option);
      });
      labelled(select, name, controls);
      select.addEventListener("change", apply);
      return select;
    });

    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent.trim();
      button.setAttribute("aria-label", "Sort by " + th.textContent.trim());
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(index, th); });
    });

    function apply() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var ok = words.every(function (word) { return text.indexOf(word) !== -1; });
        selects.forEach(function (select) {
          if (select.value && (row.dataset[select.dataset.key] || "") !== select.value) ok = false;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = shown + " of " + rows.length + " rows shown";
    }

    function sortBy(index, th) {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var order = cellText(a, index).localeCompare(cellText(b, index), undefined, { numeric: true, sensitivity: "base" });
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }

    search.addEventListener("input", apply);
    table.parentNode.insertBefore(controls, table);
    table.parentNode.insertBefore(status, table);
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("table.filterable"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
