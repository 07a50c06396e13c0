/* Rate it yourself: a student's ratings and reasons, kept in this browser only (no server, no
   account), and, when asked for, the edition's ratings beside them with what differs. */
(function () {
  "use strict";
  var KEY = "edition-rate-it";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }

  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private browsing */ }
  }

  function start() {
    var form = document.querySelector("form.rate-it");
    if (!form) return;
    var state = load();
    state.ratings = state.ratings || {};
    var choices = Array.prototype.slice.call(form.querySelectorAll("select[data-claim]"));
    var reasons = Array.prototype.slice.call(form.querySelectorAll("input[data-claim]"));
    var answers = Array.prototype.slice.call(form.querySelectorAll(".rate-answer"));
    var summary = form.querySelector(".rate-summary");

    function entry(claim) {
      return state.ratings[claim] || (state.ratings[claim] = { rating: "", reason: "" });
    }

    function labelOf(select, value) {
      var option = select.querySelector('option[value="' + value + '"]');
      return option ? option.textContent : value;
    }

    function show() {
      var rated = 0, agreed = 0, differ = [];
      answers.forEach(function (answer, index) {
        var select = choices[index], mine = select.value, theirs = answer.dataset.status;
        var verdict = answer.querySelector(".rate-verdict");
        answer.hidden = !state.revealed;
        if (!mine) { verdict.textContent = "(you did not rate it)"; return; }
        rated += 1;
        if (mine === theirs) { agreed += 1; verdict.textContent = "(you agree)"; }
        else {
          verdict.textContent = "(you said " + labelOf(select, mine) + ")";
          differ.push(select.getAttribute("aria-label").replace("Your rating of ", ""));
        }
        answer.closest("tr").dataset.verdict = mine === theirs ? "agree" : "differ";
      });
      if (!state.revealed) {
        summary.textContent = "You have rated " + rated + " of " + choices.length + " claims. The edition's ratings are hidden until you reveal them.";
        return;
      }
      summary.textContent = "You rated " + rated + " of " + choices.length + " claims and agree with the edition on " +
        agreed + "." + (differ.length ? " You differ on " + differ.join(", ") + ": read the notes to see why." : "");
    }

    choices.forEach(function (select) { select.value = entry(select.dataset.claim).rating; });
    reasons.forEach(function (input) { input.value = entry(input.dataset.claim).reason; });
    form.addEventListener("input", function (event) {
      var field = event.target, claim = field.dataset.claim;
      if (!claim) return;
      entry(claim)[field.tagName === "SELECT" ? "rating" : "reason"] = field.value;
      save(state);
      show();
    });
    form.querySelector(".rate-reveal").addEventListener("click", function () {
      state.revealed = true;
      save(state);
      show();
      summary.focus();
    });
    form.querySelector(".rate-reset").addEventListener("click", function () {
      state = { ratings: {} };
      save(state);
      choices.forEach(function (select) { select.value = ""; });
      reasons.forEach(function (input) { input.value = ""; });
      answers.forEach(function (answer) { delete answer.closest("tr").dataset.verdict; });
      show();
    });
    summary.tabIndex = -1;
    show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
