// The "Copy the key" button. Without script the button stays hidden and the key can still be
// selected: one click selects all of it (user-select: all), and it has no hyphen to break a
// double click.
(function () {
  "use strict";
  var button = document.getElementById("copy-key");
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute("data-copy"));
  var status = document.getElementById("copy-key-status");

  function selectKey() {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copiedByCommand() {
    selectKey();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function done(copied) {
    status.textContent = status.getAttribute(copied ? "data-copied" : "data-select");
    if (!copied) {
      selectKey();
    }
  }

  button.hidden = false;
  button.addEventListener("click", function () {
    var key = source.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(key).then(
        function () { done(true); },
        function () { done(copiedByCommand()); }
      );
    } else {
      done(copiedByCommand());
    }
  });
}());
