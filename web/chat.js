// Minimal chat page over Rasa's REST channel. Text is always inserted as
// text (textContent), never as HTML; links are limited to http(s) and tel.
(async function () {
  const config = await (await fetch("/config.json")).json();
  const log = document.getElementById("log");
  const status = document.getElementById("status");
  const input = document.getElementById("message");
  document.getElementById("program-name").textContent = config.programName;
  const helpline = document.getElementById("helpline-link");
  helpline.textContent = config.helpline;
  helpline.href = "tel:" + config.helplineE164;

  function newSenderId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  const senderId = sessionStorage.getItem("iop-sender") || newSenderId();
  sessionStorage.setItem("iop-sender", senderId);

  function safeHref(payload) {
    return /^(https?:|tel:)/i.test(payload) ? payload : null;
  }

  function addMessage(who, text, buttons) {
    const div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text || "";
    if (buttons && buttons.length) {
      const row = document.createElement("div");
      row.className = "buttons";
      for (const b of buttons) {
        const href = safeHref(b.payload || "");
        let el;
        if (href) {
          el = document.createElement("a");
          el.href = href;
        } else {
          el = document.createElement("button");
          el.type = "button";
          el.addEventListener("click", () => send(b.payload, b.title));
        }
        el.textContent = b.title;
        row.appendChild(el);
      }
      div.appendChild(row);
    }
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }

  async function send(message, shown) {
    addMessage("user", shown || message);
    status.textContent = "The assistant is typing…";
    try {
      const res = await fetch(config.rasaUrl + "/webhooks/rest/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: senderId, message }),
      });
      if (!res.ok) throw new Error(res.status);
      const replies = await res.json();
      status.textContent = "";
      for (const r of replies) addMessage("bot", r.text, r.buttons);
    } catch (e) {
      status.textContent = "We can't reach the assistant right now. Please call " + config.helpline + ".";
    }
  }

  document.getElementById("composer").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });
})();
