// Quick exit: blank the page at once, then replace this page in the history with a neutral site,
// so Back does not return here. Shift pressed three times (each within 5 seconds) does the same.
// Escape is not used: it can cancel the navigation itself.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  var target = link.href;

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.classList.add("exiting");
    document.title = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var presses = 0;
  var last = 0;
  var status = document.getElementById("exit-status");
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    if (event.repeat) { return; }
    var now = Date.now();
    presses = now - last <= 5000 ? presses + 1 : 1;
    last = now;
    if (presses >= 3) { presses = 0; leave(); return; }
    if (status) {
      status.textContent = presses === 1 ? "Press Shift 2 more times to leave this site" : "Press Shift 1 more time to leave this site";
    }
  });
  // Restored from the back/forward cache: show the page again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { document.body.classList.remove("exiting"); }
  });

  var print = document.getElementById("print-plan");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
})();
