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

// Typing indicators in a live web chat (docs/handoff.md). While staff write a reply, a
// signal goes to the console at most every few seconds (the widget shows "Name from our
// team is typing…"); the page asks whether the person is typing every 2 seconds, because
// its own reload pauses while staff type. SMS chats have neither (no data attributes).
(function () {
  var box = document.querySelector("textarea[data-typing-url]");
  if (box && box.form) {
    var every = (parseFloat(box.getAttribute("data-typing-every")) || 2.5) * 1000;
    var last = 0;
    box.addEventListener("input", function () {
      var now = Date.now();
      if (!box.value.trim() || now - last < every) return;
      last = now;
      var body = new URLSearchParams();
      body.set("id", box.form.elements.namedItem("id").value);
      body.set("csrf_token", box.form.elements.namedItem("csrf_token").value);
      fetch(box.getAttribute("data-typing-url"), {
        method: "POST", body: body, credentials: "same-origin",
      }).catch(function () { /* a lost signal only hides the indicator sooner */ });
    });
  }

  var note = document.querySelector("#person-typing[data-state-url]");
  if (!note) return;
  var url = note.getAttribute("data-state-url");
  var timer = window.setInterval(function () {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) return;
        var text = state.person_typing ? "The person is typing…" : "";
        if (note.textContent !== text) note.textContent = text;
        if (state.status !== "waiting" && state.status !== "claimed") window.clearInterval(timer);
      })
      .catch(function () { /* the next poll tries again */ });
  }, 2000);
})();
