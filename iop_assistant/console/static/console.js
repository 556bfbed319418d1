// Console behaviour, loaded as a file (the CSP allows no inline script).
"use strict";
document.addEventListener("submit", function (event) {
  var button = event.submitter || event.target.querySelector("[data-confirm]");
  var question = button && button.getAttribute && button.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Live chats (docs/handoff.md): the queue and a claimed chat reload themselves every few
// seconds to show new people and new messages, but never while staff are typing or
// have changed a form (a reply, the on-duty hours).
(function () {
  var live = document.querySelector("[data-autorefresh]");
  if (!live) return;
  var seconds = parseInt(live.getAttribute("data-autorefresh"), 10) || 5;
  var edited = false;
  document.addEventListener("input", function () { edited = true; });
  window.setInterval(function () {
    var active = document.activeElement;
    var typing = active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
    if (edited || typing) return;
    window.location.reload();
  }, seconds * 1000);
})();
