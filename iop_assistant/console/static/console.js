// Console behaviour, loaded as a file (the CSP allows no inline script).
"use strict";
document.addEventListener("submit", function (event) {
  var button = event.submitter || event.target.querySelector("[data-confirm]");
  var question = button && button.getAttribute && button.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Live chats (docs/handoff.md): a claimed chat reloads itself every few seconds to show
// the person's new messages, but never while the staff member is writing a reply.
(function () {
  var chat = document.querySelector("[data-autorefresh]");
  if (!chat) return;
  var seconds = parseInt(chat.getAttribute("data-autorefresh"), 10) || 5;
  window.setInterval(function () {
    var reply = document.getElementById("reply-text");
    if (reply && (reply.value || document.activeElement === reply)) return;
    window.location.reload();
  }, seconds * 1000);
})();
