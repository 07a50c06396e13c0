/* Search, sort and filter for the edition's data tables (class "filterable").
   Served by the book itself: no network, no library. Without it the table is still complete. */
(function () {
  "use strict";
  var MAX_CHOICES = 12; // a column with at most this many distinct values gets a drop-down filter

  function cellText(row, index) {
    return row.cells[index] ? row.cells[index].textContent.trim() : "";
  }

  function enhance(table, number) {
    var body = table.tBodies[0];
    if (!body || table.dataset.enhanced) return;
    table.dataset.enhanced = "yes";
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var controls = document.createElement("div");
    controls.className = "table-controls";
    var status = document.createElement("p");
    status.className = "table-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    var search = document.createElement("input");
    search.type = "search";
    search.id = "table-" + number + "-search";
    var label = document.createElement("label");
    label.htmlFor = search.id;
    label.textContent = "Search the table";
    controls.appendChild(label);
    controls.appendChild(search);

    var selects = [];
    headers.forEach(function (th, index) {
      var values = {};
      rows.forEach(function (row) { values[cellText(row, index)] = true; });
      var distinct = Object.keys(values).sort();
      if (distinct.length > 1 && distinct.length <= MAX_CHOICES) {
        var select = document.createElement("select");
        select.id = "table-" + number + "-filter-" + index;
        select.dataset.column = index;
        var all = document.createElement("option");
        all.value = "";
        all.textContent = "all";
        select.appendChild(all);
        distinct.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value || "(empty)";
          select.appendChild(option);
        });
        var selectLabel = document.createElement("label");
        selectLabel.htmlFor = select.id;
        selectLabel.textContent = th.textContent.trim();
        controls.appendChild(selectLabel);
        controls.appendChild(select);
        select.addEventListener("change", apply);
        selects.push(select);
      }
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
          if (select.value && cellText(row, +select.dataset.column) !== select.value) ok = false;
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
        var x = cellText(a, index), y = cellText(b, index);
        var order = x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
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
