// kehoach web: small helps over pages that work without JavaScript (no build step, no library).
"use strict";
document.documentElement.classList.add("co-js");  // what only matters without JavaScript is hidden
document.addEventListener("DOMContentLoaded", function () {
  // After "+ Thêm" or a move: bring the item into view and put the cursor in it.
  var target = document.querySelector("[data-cuon-toi]");
  if (target) {
    var el = document.getElementById(target.getAttribute("data-cuon-toi"));
    if (el) {
      el.scrollIntoView({ block: "center" });
      var first = el.matches("input, select, textarea") ? el : el.querySelector("input, select, textarea");
      if (first) { first.focus(); }
    }
  }
  // A form with mistakes: the summary first, so a screen reader reads it and Tab goes from there.
  var summary = document.getElementById("tom-tat-loi");
  if (summary && !target) { summary.focus(); }
  // Choosing another body refreshes its signers and departments (the button does it without JavaScript).
  document.querySelectorAll("[data-tu-cap-nhat]").forEach(function (select) {
    select.addEventListener("change", function () {
      var button = document.getElementById(select.getAttribute("data-tu-cap-nhat"));
      if (button) { button.click(); }
    });
  });
  // A job running in the background: follow its progress, then show its result.
  var job = document.querySelector("[data-viec]");
  if (job) {
    var bar = job.querySelector("progress");
    var text = job.querySelector("[data-buoc]");
    var poll = function () {
      fetch(job.getAttribute("data-viec"), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (bar && s.total) { bar.max = s.total; bar.value = s.done; }
          if (text) { text.textContent = s.step; }
          if (s.state !== "dang_chay") { window.location.reload(); } else { setTimeout(poll, 250); }
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 100);
  }
});
