// Safety Check's only script. Everything works without it; with it:
// - Quick exit: blank the page at once, tell the server to retire this journey's form tokens (a
//   beacon, which outlives the page), then replace this page in the history with a neutral
//   site, so Back does not return here. Shift pressed three times (each within 5 seconds) does
//   the same, and each press lights a dot on the button. Escape is not used: it can cancel the
//   navigation itself.
// - The check's forms are sent with fetch and each answer page replaces this one in place, with
//   one history entry per step of the same document. Back and Forward move between steps without
//   asking to resend a form, and after the quick exit no entry can show answers again: the pages
//   lived only in this document's memory, and the address (/check) only ever gives a blank form.
// - Ticks on the plan live only in this browser's local storage, under a neutral key, as short
//   ids that don't name a step; the exit and "Start again" delete them. They are never sent.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  function exitLink() { return document.getElementById("quick-exit"); }

  function retireJourney(link) {
    var form = link.form;
    if (!form || !navigator.sendBeacon) { return; }
    try {
      navigator.sendBeacon(form.action, new URLSearchParams(new FormData(form)));
    } catch (ignored) {
      // Leaving matters more than retiring: the tokens expire on their own.
    }
  }

  // ---- Ticks ----
  var TICKS = "display-prefs";

  function storage() {
    try { return window.localStorage; } catch (blocked) { return null; }
  }

  function readTicks() {
    var store = storage();
    var list = null;
    try { list = JSON.parse((store && store.getItem(TICKS)) || "[]"); } catch (bad) { list = []; }
    return Array.isArray(list) ? list : [];
  }

  function forgetTicks() {
    var store = storage();
    if (store) { store.removeItem(TICKS); }
  }

  function countTicks() {
    var boxes = document.querySelectorAll("input[data-tick]");
    var count = document.getElementById("tick-count");
    if (!count) { return; }
    var done = 0;
    boxes.forEach(function (box) { if (box.checked) { done += 1; } });
    // The words come from the page, in its language.
    var words = count.closest("[data-count-words]").getAttribute("data-count-words");
    count.textContent = words.replace("{done}", String(done)).replace("{total}", String(boxes.length));
  }

  function showTicks() {
    var ticked = readTicks();
    document.querySelectorAll("input[data-tick]").forEach(function (box) {
      box.checked = ticked.indexOf(box.getAttribute("data-tick")) >= 0;
    });
    countTicks();
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.hasAttribute("data-tick")) { return; }
    var id = box.getAttribute("data-tick");
    var ticked = readTicks().filter(function (other) { return other !== id; });
    if (box.checked) { ticked.push(id); }
    var store = storage();
    if (store) {
      try { store.setItem(TICKS, JSON.stringify(ticked)); } catch (full) { /* not kept */ }
    }
    countTicks();
  });

  // Copy `text` and say so in `status`, in the page's words (its data-copied and data-select).
  function copyAndSay(text, status) {
    var said = function (key) { if (status) { status.textContent = status.getAttribute(key); } };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { said("data-copied"); },
        function () { said("data-select"); }
      );
    } else {
      said("data-select");
    }
  }

  function copySavedCode() {
    var code = document.getElementById("saved-code");
    var status = document.getElementById("copy-status");
    if (!code) { return; }
    code.select();
    copyAndSay(code.value, status);
  }

  // A report's words: select them (so a failed copy leaves them ready to copy by hand), then
  // copy. Nothing is sent anywhere.
  function copyWords(button) {
    var box = document.getElementById(button.getAttribute("data-copy-text"));
    var status = document.getElementById(button.getAttribute("data-copy-text") + "-status");
    if (!box) { return; }
    box.select();
    copyAndSay(box.value, status);
  }

  function leave(event) {
    var link = exitLink();
    if (!link) { return; }
    if (event) { event.preventDefault(); }
    document.body.classList.add("exiting");
    document.title = "";
    forgetTicks();
    retireJourney(link);
    steps = [];
    var away = link.getAttribute("data-exit-url") || link.href;
    if (window.top === window.self) { window.location.replace(away); return; }
    // Inside a partner's frame, leave the whole page. A browser may refuse that, silently,
    // without a click just before (Shift three times) or in a sandbox: leave the frame then.
    try { window.top.location.replace(away); } catch (error) { /* left below */ }
    window.setTimeout(function () { window.location.replace(away); }, 300);
  }

  var presses = 0;
  var last = 0;
  var resetTimer = 0;

  function showPresses() {
    var link = exitLink();
    if (link) { link.setAttribute("data-presses", String(presses)); }
    var status = document.getElementById("exit-status");
    if (status) {
      status.textContent = presses === 0 ? "" : presses === 1
        ? status.getAttribute("data-two-more")
        : status.getAttribute("data-one-more");
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = 0; showPresses(); return; }
    if (event.repeat) { return; }
    var now = Date.now();
    presses = now - last <= 5000 ? presses + 1 : 1;
    last = now;
    window.clearTimeout(resetTimer);
    if (presses >= 3) { presses = 0; leave(); return; }
    showPresses();
    resetTimer = window.setTimeout(function () { presses = 0; showPresses(); }, 5000);
  });

  // Restored from the back/forward cache after leaving: never show the answers again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.body.classList.contains("exiting")) {
      window.location.replace(location.pathname);
    }
  });

  // ---- Steps of the check, in place ----
  var steps = [];   // the <body> of every step shown so far, in this document's memory only
  var current = 0;

  function focusPage() {
    var summary = document.getElementById("error-summary");
    var target = summary || document.getElementById("content");
    if (target) { target.focus({ preventScroll: true }); }
  }

  function show(body, title) {
    document.body.replaceWith(body);
    document.title = title;
    // A step may be in another language (the language link): the page says which.
    if (body.getAttribute("data-lang")) { document.documentElement.lang = body.getAttribute("data-lang"); }
    window.scrollTo(0, 0);
    showTicks();
    focusPage();
  }

  // Each page's form token is spent when it is sent, so every step kept in memory is given the
  // newest one: a step reached with Back can still be sent.
  function shareToken(body) {
    var newest = body.querySelector("input[name=_journey]");
    if (!newest) { return; }
    steps.forEach(function (step) {
      step.querySelectorAll("input[name=_journey]").forEach(function (input) {
        input.value = newest.value;
      });
    });
  }

  var sending = false;

  function submitInPlace(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-in-place")) { return; }
    if (!window.fetch || !window.history.pushState || !window.DOMParser) { return; }
    event.preventDefault();
    if (sending) { return; }  // a second tap would send a spent token
    sending = true;
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { data.append(name, String(value)); });
    var submitter = event.submitter;
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Accept": "text/html" }
    }).then(function (response) {
      var type = response.headers.get("content-type") || "";
      if (type.indexOf("text/html") !== 0) { throw new Error("not a page"); }
      return response.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      if (steps.length === 0) {
        document.body.setAttribute("data-title", document.title);
        document.body.setAttribute("data-lang", document.documentElement.lang);
        steps.push(document.body);
        window.history.replaceState({ step: 0 }, "");
      }
      steps = steps.slice(0, current + 1);
      next.body.setAttribute("data-title", next.title);
      next.body.setAttribute("data-lang", next.documentElement.lang);
      steps.push(next.body);
      shareToken(next.body);
      sending = false;
      current = steps.length - 1;
      window.history.pushState({ step: current }, "");
      show(next.body, next.title);
    }).catch(function () {
      // The page could not be fetched in place: send the form the ordinary way.
      sending = false;
      form.removeEventListener("submit", submitInPlace);
      if (submitter && submitter.name) {
        var field = document.createElement("input");
        field.type = "hidden";
        field.name = submitter.name;
        field.value = submitter.value;
        form.appendChild(field);
      }
      HTMLFormElement.prototype.submit.call(form);
    });
  }

  document.addEventListener("submit", submitInPlace);

  window.addEventListener("popstate", function (event) {
    var step = event.state && typeof event.state.step === "number" ? event.state.step : null;
    if (step === null || !steps[step]) { return; }
    current = step;
    show(steps[step], steps[step].getAttribute("data-title") || document.title);
  });

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) { return; }
    if (target.closest("#quick-exit")) { leave(event); return; }
    if (target.closest("a[data-start-again]")) { forgetTicks(); return; }
    if (target.closest("#copy-saved-code")) { copySavedCode(); return; }
    var copy = target.closest("[data-copy-text]");
    if (copy) { copyWords(copy); return; }
    if (target.closest("#print-plan")) { window.print(); return; }
    var link = target.closest(".error-summary a");
    if (link) {
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (input) {
        event.preventDefault();
        var legend = input.closest("fieldset");
        (legend || input).scrollIntoView();
        input.focus({ preventScroll: true });
      }
    }
  });

  showTicks();

  // Print every step, open or closed.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-print-opened");
    });
  });
})();
