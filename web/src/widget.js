// IOP Assistant chat widget: one <script> tag, talks to Rasa's socket.io channel.
//
//   <script src="https://assistant.example.org/widget/iop-widget.js" defer
//           data-config-url="/config.json"></script>
//
// or data-* attributes (data-server-url, data-program-name, data-helpline,
// data-helpline-e164, data-sms-number, data-position, data-primary-color,
// data-greeting, data-storage, data-privacy-url), or window.IOPWidgetConfig set
// by a script of the page's own, or IOPWidget.init({...}) with data-manual.
// See docs/widget.md.
//
// Safety rules kept throughout: message text only ever enters the DOM as text
// nodes (textContent), links only for http(s) and tel, the help line is always
// on screen, and an unreachable server is said out loud, never hidden.

import { io } from "socket.io-client";
import { isCrisisMessage } from "./crisis.js";
import { appendRichText, safeHref, staffLabel, staffTypingText, visuallyHidden } from "./text.js";
import { ConversationStore } from "./storage.js";
import { languageOf, translate } from "./strings.js";

const DEFAULTS = {
  serverUrl: "",
  socketPath: "/socket.io/",
  userMessageEvent: "user_uttered",
  botMessageEvent: "bot_uttered",
  programName: "our program",
  title: "Chat with us",
  helpline: "",
  helplineE164: "",
  smsNumber: "",
  greeting: "",
  position: "right",
  storage: "session",
  privacyUrl: "",
  primaryColor: "#0b4f6c",
  maxLength: 1000, // InputGuard caps what the classifier reads at 1,000 characters
  replyTimeoutMs: 20000,
  namespace: "",
  openOnLoad: false,
  typingEvent: "handoff_typing", // live handoff: staff typing in, the visitor's typing out
  typingSignalMs: 2500, // at most one "the visitor is typing" signal this often
  language: "", // "es" or "en": the page's choice (sent with each message); "": follow the replies
};
const DATA_KEYS = [
  "serverUrl", "socketPath", "programName", "title", "helpline", "helplineE164", "smsNumber",
  "greeting", "position", "storage", "privacyUrl", "primaryColor", "namespace", "language",
];
const SCRIPT = document.currentScript;
let instance = null;

// ----------------------------------------------------------------- helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

function uid(prefix) {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function digits(phone) {
  const cleaned = String(phone || "").replace(/[^\d+]/g, "");
  return /^\+?\d{3,15}$/.test(cleaned) ? cleaned : "";
}

function luminance(hex) {
  const m = /^#?([0-9a-f]{6})$/i.exec(String(hex || "").trim());
  if (!m) return null;
  const channels = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of a colour against white (the widget's text-on-colour and colour-on-white). */
export function contrastWithWhite(hex) {
  const l = luminance(hex);
  return l === null ? 0 : 1.05 / (l + 0.05);
}

function formatTime(ts) {
  try {
    return new Date(ts).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
  } catch (_) {
    return "";
  }
}

function normaliseButtons(list) {
  if (!Array.isArray(list)) return [];
  return list
    .filter((b) => b && typeof b.title === "string" && b.title.trim())
    .slice(0, 10)
    .map((b) => ({ title: b.title.slice(0, 80), payload: typeof b.payload === "string" ? b.payload.slice(0, 1000) : b.title }));
}

function svgIcon(pathData) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "iopw-icon");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", pathData);
  svg.appendChild(path);
  return svg;
}
const ICON_CHAT = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z";
const ICON_PHONE = "M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z";

// ----------------------------------------------------------------- the widget

class ChatWidget {
  constructor(config) {
    this.cfg = config;
    this.store = new ConversationStore(config.storage === "local" ? "local" : "session", config.namespace);
    this.sessionId = this.store.sessionId();
    this.messages = this.store.messages();
    this.ui = this.store.ui();
    this.socket = null;
    this.state = "idle"; // idle | connecting | online | offline
    this.queue = [];
    this.replyTimer = null;
    this.helpline = { display: config.helpline, e164: config.helplineE164 };
    this.lang = languageOf(config.language) || languageOf(this.ui && this.ui.lang) || "en";
  }

  /** A string of the strings table (strings.js) in the conversation's language. */
  t(key, vars) {
    return translate(this.lang, key, { helpline: this.helpline.display, program: this.cfg.programName, ...vars });
  }

  /** A text node that follows the language (retranslated by setLanguage). */
  tx(key) {
    return el("span", { "data-iopw-t": key, text: this.t(key) });
  }

  /** Switch every word of the widget to `lang` ("en" / "es"); messages already shown stay. */
  setLanguage(lang) {
    const code = languageOf(lang);
    if (!code || code === this.lang) return;
    this.lang = code;
    this.ui.lang = code;
    this.store.saveUi(this.ui);
    if (!this.root) return;
    this.root.setAttribute("lang", code);
    for (const node of this.root.querySelectorAll("[data-iopw-t]")) node.textContent = this.t(node.getAttribute("data-iopw-t"));
    // the root itself carries one too (querySelectorAll looks only below it)
    for (const node of [this.root, ...this.root.querySelectorAll("[data-iopw-aria]")]) {
      if (node.hasAttribute("data-iopw-aria")) node.setAttribute("aria-label", this.t(node.getAttribute("data-iopw-aria")));
    }
    this.input.setAttribute("placeholder", this.t("placeholder"));
    if (this.introBubble) this.introBubble.textContent = this.introText();
    if (this.titleIsDefault) {
      this.titleNode.textContent = this.t("title");
      this.launcherText.textContent = this.t("title");
    }
    this.updateCounter && this.updateCounter();
    this.setState(this.state);
    if (!this.crisis.hidden) this.showCrisis(false);
  }

  // ------------------------------------------------------------- DOM

  build() {
    const c = this.cfg;
    const ids = {
      panel: uid("iopw-panel-"), title: uid("iopw-title-"), input: uid("iopw-input-"),
      counter: uid("iopw-count-"), hint: uid("iopw-hint-"), log: uid("iopw-log-"),
    };
    this.ids = ids;
    // a complementary landmark, so the chat and its call link are easy to find
    const root = el("aside", { className: "iopw-root iopw-pos-" + (c.position === "left" ? "left" : "right"), "data-iopw": "loading", "aria-label": this.t("region"), "data-iopw-aria": "region", lang: this.lang });
    root.hidden = true; // until the stylesheet has loaded
    if (c.primaryColor) root.style.setProperty("--iopw-primary", c.primaryColor);
    this.root = root;

    // header
    this.closeBtn = el("button", { type: "button", className: "iopw-close", "aria-label": this.t("close"), "data-iopw-aria": "close" }, el("span", { "aria-hidden": "true", text: "×" }));
    // "Clear" on a phone, "Clear conversation" otherwise; the accessible name is always the long one
    this.clearBtn = el("button", { type: "button", className: "iopw-clear" },
      this.tx("clear"), el("span", { className: "iopw-clear-more", "data-iopw-t": "clearMore", text: this.t("clearMore") }));
    this.titleIsDefault = !c.title || c.title === DEFAULTS.title;
    this.titleNode = el("h2", { id: ids.title, className: "iopw-title", text: this.titleIsDefault ? this.t("title") : c.title });
    const header = el("div", { className: "iopw-header" },
      el("div", { className: "iopw-heading" },
        this.titleNode,
        el("p", { className: "iopw-subtitle", "data-iopw-t": "subtitle", text: this.t("subtitle") })),
      this.clearBtn, this.closeBtn);

    // help bar: always on screen while the panel is open
    const helpbar = el("div", { className: "iopw-helpbar" });
    this.helpbar = helpbar;
    if (this.helpline.display && this.helpline.e164) {
      helpbar.appendChild(el("a", { className: "iopw-call", href: "tel:" + this.helpline.e164 },
        svgIcon(ICON_PHONE), this.tx("callHelpline")));
    }
    const sms = digits(c.smsNumber);
    if (sms) helpbar.appendChild(el("a", { className: "iopw-sms", href: "sms:" + sms, "data-iopw-t": "textUs", text: this.t("textUs") }));
    helpbar.appendChild(el("span", { className: "iopw-emergency" }, this.tx("emergency")));
    helpbar.lastChild.appendChild(el("a", { href: "tel:911", text: "911" }));
    helpbar.lastChild.appendChild(this.tx("crisisShort"));
    helpbar.lastChild.appendChild(el("a", { href: "tel:988", text: "988" }));

    // the crisis bar takes the help bar's place (never extra height): 911, 988,
    // the help line and a "More" button; the details open only on demand
    this.crisis = el("div", { className: "iopw-crisis", "data-iopw-crisis": "" });
    this.crisis.hidden = true;
    this.status = el("div", { className: "iopw-status", role: "status" });
    this.log = el("div", { id: ids.log, className: "iopw-log", role: "log", "aria-live": "off", "aria-labelledby": ids.title, tabindex: "0" });
    // until the assistant's first reply (its own disclaimer): what this is, not a message
    this.introBubble = el("p", { className: "iopw-bubble", text: this.introText() });
    this.intro = el("div", { className: "iopw-msg iopw-msg-intro", "data-iopw-intro": "" }, this.introBubble);
    this.typing = el("div", { className: "iopw-typing" },
      el("span", { className: "iopw-dots", "aria-hidden": "true" }, el("span"), el("span"), el("span")),
      el("span", { className: "iopw-typing-text", "data-iopw-t": "typing", text: this.t("typing") }));
    this.typing.hidden = true;
    // live handoff: "Dana from our team is typing…", read politely; never a message in the log.
    // The live region stays in the page (empty when nobody types) so its changes are announced.
    this.staffTyping = el("div", { className: "iopw-staff-typing", role: "status", "aria-live": "polite", "data-iopw-staff-typing": "" });
    this.staffTypingTimer = null;
    this.typingSentAt = 0;

    // composer
    this.input = el("textarea", {
      id: ids.input, className: "iopw-input", rows: "2", maxlength: String(c.maxLength),
      "aria-describedby": ids.hint + " " + ids.counter, autocomplete: "off", spellcheck: "true",
      placeholder: this.t("placeholder"),
    });
    this.counter = el("span", { id: ids.counter, className: "iopw-counter", text: this.t("counter", { used: 0, max: c.maxLength }) });
    this.sendBtn = el("button", { type: "submit", className: "iopw-send", "data-iopw-t": "send", text: this.t("send") });
    this.form = el("form", { className: "iopw-composer", novalidate: true },
      el("label", { for: ids.input, className: "iopw-label", "data-iopw-t": "yourMessage", text: this.t("yourMessage") }),
      el("div", { className: "iopw-row" }, this.input, this.sendBtn),
      el("div", { className: "iopw-composer-foot" },
        el("span", { id: ids.hint, className: "iopw-hint", "data-iopw-t": "hint", text: this.t("hint") }), this.counter));

    const foot = el("p", { className: "iopw-foot" });
    if (c.privacyUrl && safeHref(new URL(c.privacyUrl, location.href).href)) {
      foot.appendChild(el("a", { href: c.privacyUrl, "data-iopw-t": "privacy", text: this.t("privacy") }));
      foot.appendChild(document.createTextNode(" · "));
    }
    foot.appendChild(this.tx("privateNote"));

    this.panel = el("section", { id: ids.panel, className: "iopw-panel", role: "dialog", "aria-labelledby": ids.title },
      header, helpbar, this.crisis, this.status, this.log, this.typing, this.staffTyping, this.form, foot);
    this.panel.hidden = true;

    // dock: the launcher and a call link, visible while the panel is closed
    this.unread = el("span", { className: "iopw-unread", "data-iopw-t": "unread", text: this.t("unread") });
    this.unread.hidden = true;
    this.launcher = el("button", { type: "button", className: "iopw-launcher", "aria-expanded": "false", "aria-controls": ids.panel },
      svgIcon(ICON_CHAT), this.launcherText = el("span", { className: "iopw-launcher-text", text: this.titleIsDefault ? this.t("title") : c.title }), this.unread);
    const dock = el("div", { className: "iopw-dock" });
    if (this.helpline.display && this.helpline.e164) {
      dock.appendChild(el("a", { className: "iopw-dock-call", href: "tel:" + this.helpline.e164 },
        svgIcon(ICON_PHONE), this.tx("callHelpline")));
    }
    dock.appendChild(this.launcher);

    this.announcer = el("div", { className: "iopw-sr", "aria-live": "polite", "data-iopw-announcer": "" });
    root.append(this.panel, dock, this.announcer);
    this.bind();
    return root;
  }

  bind() {
    this.lastPointer = "";
    this.panel.addEventListener("pointerdown", (ev) => { this.lastPointer = ev.pointerType || ""; }, true);
    this.panel.addEventListener("keydown", () => { this.lastPointer = ""; }, true);
    this.launcher.addEventListener("click", () => (this.panel.hidden ? this.open(true) : this.close()));
    this.closeBtn.addEventListener("click", () => this.close());
    this.clearBtn.addEventListener("click", () => this.clear());
    this.panel.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") {
        ev.preventDefault();
        this.close();
      }
    });
    this.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.submitInput();
    });
    this.input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
        ev.preventDefault();
        this.submitInput();
      }
    });
    this.input.addEventListener("input", () => {
      this.updateCounter();
      this.signalTyping();
    });
  }

  updateCounter() {
    const used = this.input.value.length;
    const max = this.cfg.maxLength;
    this.counter.textContent = this.t("counter", { used, max });
    this.counter.classList.toggle("iopw-counter-near", used >= max * 0.9);
    if (used >= max && !this.limitAnnounced) {
      this.announce(this.t("limit", { max }));
      this.limitAnnounced = true;
    } else if (used < max) {
      this.limitAnnounced = false;
    }
  }

  /** Back to the message box, except after a touch: on a phone that raises the keyboard. */
  focusInput(ev) {
    const pointer = (ev && ev.pointerType) || this.lastPointer;
    if (pointer === "touch" || pointer === "pen") return;
    this.input.focus({ preventScroll: true });
  }

  announce(text) {
    // a fresh node per announcement is read reliably; keep only the last few
    this.announcer.appendChild(el("p", { text }));
    while (this.announcer.childNodes.length > 3) this.announcer.removeChild(this.announcer.firstChild);
  }

  // ------------------------------------------------------------- open / close

  open(fromUser) {
    this.panel.hidden = false;
    this.root.classList.add("iopw-is-open");
    this.launcher.setAttribute("aria-expanded", "true");
    this.unread.hidden = true;
    this.ui.open = true;
    this.store.saveUi(this.ui);
    this.connect();
    this.scrollToLatest();
    if (fromUser) this.input.focus();
  }

  close() {
    this.panel.hidden = true;
    this.root.classList.remove("iopw-is-open");
    this.launcher.setAttribute("aria-expanded", "false");
    this.ui.open = false;
    this.store.saveUi(this.ui);
    this.launcher.focus();
  }

  clear() {
    if (this.socket) {
      this.socket.removeAllListeners();
      this.socket.io.removeAllListeners();
      this.socket.disconnect();
      this.socket = null;
    }
    const keepCrisis = !this.crisis.hidden;
    this.sessionId = this.store.reset();
    this.messages = [];
    this.queue = [];
    this.ui = { open: true, crisis: keepCrisis };
    this.handoffState = null; // a new session: any live handoff stays with the old one
    this.setStaffTyping(false);
    this.store.saveUi(this.ui);
    this.store.saveMessages(this.messages);
    this.log.textContent = "";
    this.turnAnchor = null;
    this.setTyping(false);
    this.showIntro();
    this.setState("idle");
    this.connect();
    this.announce(this.t("cleared"));
    this.focusInput();
  }

  // ------------------------------------------------------------- connection

  connect() {
    if (this.socket || !this.cfg.serverUrl) return;
    this.setState("connecting");
    const socket = io(this.cfg.serverUrl, {
      path: this.cfg.socketPath,
      transports: ["polling", "websocket"],
      reconnection: true,
      reconnectionAttempts: Infinity,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      timeout: 10000,
      withCredentials: false,
    });
    this.socket = socket;
    socket.on("connect", () => socket.emit("session_request", { session_id: this.sessionId }));
    socket.on("session_confirm", (confirmed) => {
      // the server issues signed session ids and takes messages only for the one it
      // confirmed: adopt it (the first time, and whenever it replaced ours)
      const id = confirmed && typeof confirmed === "object" ? confirmed.session_id : confirmed;
      if (typeof id === "string" && id !== this.sessionId) {
        this.sessionId = this.store.adoptSessionId(id);
      }
      this.setState("online");
      this.flushQueue();
    });
    socket.on(this.cfg.botMessageEvent, (message) => this.receive(message));
    // each reply's language comes first, on its own event (iop_assistant/channels/web.py)
    socket.on("iop_language", (data) => {
      if (!languageOf(this.cfg.language) && data && languageOf(data.language)) this.setLanguage(data.language);
    });
    socket.on(this.cfg.typingEvent, (signal) => {
      if (!signal || typeof signal !== "object") return;
      this.setStaffTyping(signal.typing === true, signal.staff, signal.seconds);
    });
    socket.on("disconnect", (reason) => {
      this.setState("offline");
      // the server closed the socket on purpose (restart): reconnect ourselves
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", () => this.setState("offline"));
  }

  setState(state) {
    const previous = this.state;
    this.state = state;
    this.root.setAttribute("data-iopw-connection", state);
    this.status.textContent = "";
    this.status.className = "iopw-status iopw-status-" + state;
    if (state === "connecting") {
      this.status.appendChild(document.createTextNode(this.t("connecting")));
    } else if (state === "offline") {
      this.setTyping(false);
      this.setStaffTyping(false);
      this.status.appendChild(el("strong", { text: this.t("offline") }));
      this.status.appendChild(document.createTextNode(this.t("retrying")));
      if (this.helpline.display && this.helpline.e164) {
        this.status.appendChild(document.createTextNode(this.t("talkNow")));
        this.status.appendChild(el("a", { className: "iopw-status-call", href: "tel:" + this.helpline.e164, text: this.t("callLower") }));
        this.status.appendChild(document.createTextNode(". "));
      }
      this.status.appendChild(document.createTextNode(this.t("emergency911")));
    } else if (state === "online" && previous === "offline") {
      this.announce(this.t("reconnected"));
    }
  }

  flushQueue() {
    const pending = this.queue.splice(0);
    for (const item of pending) {
      this.emitUser(item.message);
      const entry = this.messages.find((m) => m.id === item.entryId);
      if (entry) {
        delete entry.pending;
        this.rerender(entry);
      }
    }
    this.store.saveMessages(this.messages);
  }

  emitUser(message) {
    const payload = { message, session_id: this.sessionId };
    // the page's language setting goes with each message (message metadata `language`)
    const setting = languageOf(this.cfg.language);
    if (setting) payload.customData = { language: setting };
    this.socket.emit(this.cfg.userMessageEvent, payload);
    // during a live handoff a person answers: no "assistant is typing" or its timeout notice
    this.setTyping(!this.handoffState);
  }

  setTyping(on) {
    clearTimeout(this.replyTimer);
    this.typing.hidden = !on;
    if (on) {
      this.replyTimer = setTimeout(() => {
        this.typing.hidden = true;
        const help = this.helpline.display ? this.t("slowHelp") : "";
        this.addMessage({ who: "system", text: this.t("slow") + help });
      }, this.cfg.replyTimeoutMs);
    }
  }

  /**
   * Live handoff: "Dana from our team is typing…" until the message arrives, a "stopped"
   * signal, or `seconds` (the server's signal lifetime, 6 s) pass without a new signal.
   */
  setStaffTyping(on, name, seconds) {
    clearTimeout(this.staffTypingTimer);
    const text = on ? staffTypingText(name) : "";
    // the same words again are not re-announced: only a change is
    if (this.staffTyping.textContent !== text) {
      this.staffTyping.textContent = "";
      if (on) {
        this.staffTyping.appendChild(el("span", { className: "iopw-dots", "aria-hidden": "true" }, el("span"), el("span"), el("span")));
        this.staffTyping.appendChild(el("span", { className: "iopw-staff-typing-text", text }));
      }
    }
    if (on) {
      const ms = Math.min(15, Math.max(2, Number(seconds) || 6)) * 1000;
      this.staffTypingTimer = setTimeout(() => this.setStaffTyping(false), ms);
    }
  }

  /** Live handoff: tell the staff member the visitor is typing (throttled; web only). */
  signalTyping() {
    if (!this.handoffState || !this.input.value.trim()) return;
    if (this.state !== "online" || !this.socket || !this.socket.connected) return;
    const now = Date.now();
    if (now - this.typingSentAt < this.cfg.typingSignalMs) return;
    this.typingSentAt = now;
    this.socket.emit(this.cfg.typingEvent, { session_id: this.sessionId });
  }

  // ------------------------------------------------------------- messages

  submitInput() {
    const text = this.input.value.trim().slice(0, this.cfg.maxLength);
    if (!text) {
      this.input.focus();
      return;
    }
    this.input.value = "";
    this.updateCounter();
    this.send(text, text);
  }

  send(payload, shown) {
    const entry = this.addMessage({ who: "user", text: shown });
    if (this.state === "online" && this.socket && this.socket.connected) {
      this.emitUser(payload);
    } else {
      entry.pending = true;
      this.rerender(entry);
      this.queue.push({ message: payload, entryId: entry.id });
      this.store.saveMessages(this.messages);
      this.connect();
    }
  }

  receive(message) {
    if (!message || typeof message !== "object") return;
    this.setTyping(false);
    // live handoff (docs/handoff.md): "waiting"/"claimed" while staff have the chat, "ended" after
    const handoff = message.handoff && typeof message.handoff === "object" ? message.handoff : null;
    if (handoff && typeof handoff.state === "string") {
      this.handoffState = handoff.state === "ended" ? null : handoff.state;
      this.ui.handoff = this.handoffState; // survives a reload mid-handoff
      this.store.saveUi(this.ui);
    }
    const staff = handoff && typeof handoff.staff === "string" ? handoff.staff.trim().slice(0, 80) : "";
    // the message has arrived (or the chat has ended): nobody is typing it any more
    if (handoff) this.setStaffTyping(false);
    // a reply that says its language itself (the iop_language event usually came first)
    if (!languageOf(this.cfg.language) && languageOf(message.language)) this.setLanguage(message.language);
    const crisis = isCrisisMessage(message);
    const text = typeof message.text === "string" ? message.text : "";
    const buttons = normaliseButtons(message.quick_replies || message.buttons);
    let attachment = "";
    const payload = message.attachment && message.attachment.payload;
    if (payload && typeof payload.src === "string") attachment = safeHref(payload.src) || "";
    if (crisis) this.showCrisis(true);
    if (!text && !buttons.length && !attachment) return;
    // a message from the team, or the assistant coming back, arrives unasked: a new turn
    // whose start is brought into view
    if (handoff) this.turnAnchor = null;
    if (staff) this.addMessage({ who: "staff", staffName: staff, text, buttons, crisis, attachment });
    else this.addMessage({ who: "bot", text, buttons, crisis, attachment });
    if (this.panel.hidden) this.unread.hidden = false;
    this.announce((staff ? this.t("staffSays", { staff }) : this.t("botSays")) + text + (buttons.length ? this.t("suggestedCount", { count: buttons.length }) : ""));
  }

  addMessage(fields) {
    const entry = { id: uid("m"), ts: Date.now(), ...fields };
    if (entry.who === "user") this.retireQuickReplies();
    if (entry.who === "bot" || entry.who === "staff") this.hideIntro();
    this.messages.push(entry);
    this.store.saveMessages(this.messages);
    const item = this.renderEntry(entry, true);
    this.log.appendChild(item);
    this.track(entry, item);
    this.scrollToLatest();
    return entry;
  }

  /** The start of the latest reply: its first message, or its crisis message. */
  track(entry, item) {
    if (entry.who === "user") this.turnAnchor = null;
    else if ((entry.who === "bot" || entry.who === "staff") && (!this.turnAnchor || (entry.crisis && !this.turnAnchorCrisis))) {
      this.turnAnchor = item;
      this.turnAnchorCrisis = !!entry.crisis;
    }
  }

  /** Quick replies answer the latest question only: drop older ones (links stay). */
  retireQuickReplies() {
    for (const button of this.log.querySelectorAll(".iopw-reply")) button.remove();
    for (const group of this.log.querySelectorAll(".iopw-replies")) if (!group.firstChild) group.remove();
  }

  rerender(entry) {
    const old = this.log.querySelector('[data-iopw-id="' + entry.id + '"]');
    if (old) old.replaceWith(this.renderEntry(entry, old.querySelector(".iopw-reply") !== null));
  }

  renderEntry(entry, withQuickReplies) {
    const who = entry.who === "user" ? "user" : entry.who === "system" ? "system" : entry.who === "staff" ? "staff" : "bot";
    const item = el("div", { className: "iopw-msg iopw-msg-" + who + (entry.crisis ? " iopw-msg-crisis" : ""), "data-iopw-id": entry.id });
    // a staff member's message says who wrote it, visibly and to screen readers
    const staffName = who === "staff" ? staffLabel(entry.staffName) : "";
    if (staffName) item.appendChild(el("p", { className: "iopw-from", "aria-hidden": "true", text: staffName }));
    const bubble = el("p", { className: "iopw-bubble" });
    bubble.appendChild(visuallyHidden(who === "user" ? this.t("youSaid") : who === "system" ? this.t("notice") : staffName ? this.t("staffSaid", { staff: staffName }) : this.t("botSaid")));
    if (who === "user") bubble.appendChild(document.createTextNode(String(entry.text || "")));
    else appendRichText(bubble, entry.text || "", this.helpline);
    if (entry.attachment) {
      if (entry.text) bubble.appendChild(document.createTextNode(" "));
      appendRichText(bubble, entry.attachment, this.helpline);
    }
    item.appendChild(bubble);
    const meta = el("p", { className: "iopw-meta" });
    meta.appendChild(el("time", { datetime: new Date(entry.ts).toISOString(), text: formatTime(entry.ts) }));
    if (entry.pending) meta.appendChild(el("span", { className: "iopw-pending", text: this.t("notSent") }));
    item.appendChild(meta);
    const buttons = entry.buttons || [];
    if (buttons.length) {
      const group = el("div", { className: "iopw-replies", role: "group", "aria-label": this.t("suggested") });
      for (const b of buttons) {
        const href = safeHref(b.payload);
        if (href) {
          const link = el("a", { className: "iopw-reply-link", href, text: b.title });
          if (/^https?:/i.test(href)) {
            link.target = "_blank";
            link.rel = "noopener noreferrer";
          }
          group.appendChild(link);
        } else if (withQuickReplies) {
          const button = el("button", { type: "button", className: "iopw-reply", text: b.title });
          button.addEventListener("click", (ev) => {
            this.send(b.payload, b.title);
            this.focusInput(ev);
          });
          group.appendChild(button);
        }
      }
      if (group.firstChild) item.appendChild(group);
    }
    return item;
  }

  /**
   * The latest message in view: the end of the log, unless the latest reply is
   * taller than the log; then its start (a crisis reply's first line is never
   * scrolled away by the buttons under it).
   */
  scrollToLatest() {
    const log = this.log;
    const end = log.scrollHeight - log.clientHeight;
    let target = end;
    const anchor = this.turnAnchor;
    if (anchor && anchor.isConnected) {
      const top = anchor.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop - 8;
      target = Math.min(end, Math.max(0, top));
    }
    log.scrollTop = target;
  }

  introText() {
    // the page's own greeting is English-only; in Spanish the table's words are used
    return (this.lang === "en" && this.cfg.greeting) || this.t("intro");
  }

  showIntro() {
    if (!this.log.contains(this.intro)) this.log.prepend(this.intro);
  }

  hideIntro() {
    if (this.intro.isConnected) this.intro.remove();
  }

  showCrisis(persist) {
    const box = this.crisis;
    box.textContent = "";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", this.t("emergencyHelp"));
    const detailsId = uid("iopw-crisis-more-");
    // short labels so the bar stays one row at 320 px; the names say "Call"
    const call = (href, shown, label, extra) =>
      el("a", { className: "iopw-crisis-call" + (extra ? " " + extra : ""), href, "aria-label": label, text: shown });
    const bar = el("div", { className: "iopw-crisis-bar" },
      call("tel:911", "911", this.t("call911")),
      call("tel:988", "988", this.t("call988")));
    const hasHelpline = this.helpline.display && this.helpline.e164;
    if (hasHelpline) bar.appendChild(call("tel:" + this.helpline.e164, this.t("helpShort"), this.t("helpLabel"), "iopw-crisis-help"));
    const more = el("button", { type: "button", className: "iopw-crisis-more", "aria-expanded": "false", "aria-controls": detailsId, text: this.t("more") });
    bar.appendChild(more);

    const details = el("div", { id: detailsId, className: "iopw-crisis-details" });
    details.hidden = true;
    details.appendChild(el("p", { className: "iopw-crisis-title", text: this.t("dangerTitle") }));
    const list = el("ul", { className: "iopw-crisis-actions" });
    list.appendChild(el("li", {}, el("a", { href: "tel:911", text: this.t("call911") }), document.createTextNode(this.t("forEmergency"))));
    // in Spanish, the text to 988 says AYUDA (988's Spanish text line)
    const sms988 = this.lang === "es" ? "sms:988?&body=AYUDA" : "sms:988";
    list.appendChild(el("li", {}, el("a", { href: "tel:988", text: this.t("call988") }), document.createTextNode(this.t("or")),
      el("a", { href: sms988, text: this.t("text988") }), document.createTextNode(this.t("lifeline"))));
    if (hasHelpline) {
      list.appendChild(el("li", {}, el("a", { href: "tel:" + this.helpline.e164, text: this.t("callHelpline") }),
        document.createTextNode(this.t("ourHelpline"))));
    }
    details.appendChild(list);
    const dismiss = el("button", { type: "button", className: "iopw-crisis-dismiss", text: this.t("hideBar") });
    dismiss.addEventListener("click", (ev) => {
      box.hidden = true;
      this.helpbar.hidden = false;
      this.ui.crisis = false;
      this.store.saveUi(this.ui);
      this.focusInput(ev);
    });
    details.appendChild(dismiss);
    more.addEventListener("click", () => {
      const open = details.hidden;
      details.hidden = !open;
      more.setAttribute("aria-expanded", String(open));
      more.textContent = open ? this.t("less") : this.t("more");
      this.scrollToLatest();
    });
    box.append(bar, details);
    box.hidden = false;
    this.helpbar.hidden = true;
    if (persist) {
      this.ui.crisis = true;
      this.store.saveUi(this.ui);
    }
  }

  restore() {
    if (!this.messages.some((m) => m.who === "bot" || m.who === "staff")) this.showIntro();
    if (this.messages.length) {
      let lastUser = -1;
      this.messages.forEach((m, i) => { if (m.who === "user") lastUser = i; });
      this.messages.forEach((m, i) => {
        const item = this.renderEntry(m, i > lastUser && (m.who === "bot" || m.who === "staff"));
        this.log.appendChild(item);
        this.track(m, item);
      });
      // anything not sent before the reload goes out once connected
      for (const m of this.messages) if (m.pending) this.queue.push({ message: m.text, entryId: m.id });
    }
    if (this.ui.crisis) this.showCrisis(false);
    this.handoffState = this.ui.handoff || null;
    if (this.ui.open || this.cfg.openOnLoad) this.open(false);
  }
}

// ----------------------------------------------------------------- config and start

function dataConfig(script) {
  const out = {};
  if (!script || !script.dataset) return out;
  for (const key of DATA_KEYS) if (script.dataset[key] !== undefined) out[key] = script.dataset[key];
  return out;
}

async function resolveConfig(overrides) {
  const fromData = dataConfig(SCRIPT);
  const fromWindow = typeof window.IOPWidgetConfig === "object" && window.IOPWidgetConfig ? window.IOPWidgetConfig : {};
  let fromUrl = {};
  const url = (overrides && overrides.configUrl) || fromWindow.configUrl || (SCRIPT && SCRIPT.dataset.configUrl);
  if (url) {
    const response = await fetch(url, { credentials: "omit", cache: "no-store" });
    if (!response.ok) throw new Error("widget config " + url + ": HTTP " + response.status);
    fromUrl = await response.json();
  }
  const config = { ...DEFAULTS, ...fromUrl, ...fromWindow, ...fromData, ...(overrides || {}) };
  if (config.colors && config.colors.primary) config.primaryColor = config.colors.primary;
  config.maxLength = Math.max(1, Math.min(Number(config.maxLength) || DEFAULTS.maxLength, DEFAULTS.maxLength));
  if (contrastWithWhite(config.primaryColor) < 4.5) {
    console.warn("IOP widget: primaryColor " + config.primaryColor + " has contrast below 4.5:1 with white; using the default.");
    config.primaryColor = DEFAULTS.primaryColor;
  }
  if (!config.serverUrl) console.error("IOP widget: serverUrl is not configured");
  if (!config.helpline || !config.helplineE164) console.error("IOP widget: helpline / helplineE164 are not configured");
  return config;
}

function stylesheetUrl() {
  const src = (SCRIPT && SCRIPT.src) || "";
  return src ? new URL("iop-widget.css", src).href : "iop-widget.css";
}

async function init(overrides) {
  if (instance) return instance;
  const config = await resolveConfig(overrides);
  const widget = new ChatWidget(config);
  instance = widget;
  const root = widget.build();
  document.body.appendChild(root);
  const reveal = () => {
    root.hidden = false;
    widget.scrollToLatest(); // laid out only now: a reload opens at the latest message
    root.setAttribute("data-iopw", "ready");
    document.dispatchEvent(new CustomEvent("iopw:ready"));
  };
  const css = config.stylesheet || stylesheetUrl();
  if (css && !document.querySelector('link[data-iopw-css]')) {
    const link = el("link", { rel: "stylesheet", href: css, "data-iopw-css": "" });
    link.addEventListener("load", reveal);
    link.addEventListener("error", reveal); // unstyled beats invisible
    document.head.appendChild(link);
  } else {
    reveal();
  }
  widget.restore();
  return widget;
}

window.IOPWidget = {
  init,
  open: () => instance && instance.open(true),
  close: () => instance && instance.close(),
};

function autoStart() {
  if (SCRIPT && SCRIPT.dataset.manual !== undefined) return;
  init().catch((error) => console.error("IOP widget did not start:", error));
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", autoStart);
else autoStart();
