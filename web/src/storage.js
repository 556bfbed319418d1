// Where the conversation lives in the browser: the session id, a copy of the
// transcript (Rasa does not replay it on reconnect) and small UI state.
// sessionStorage by default (gone when the tab closes), localStorage when a
// program opts in. Falls back to memory when storage is blocked.

const MAX_MESSAGES = 300;
// ours before the first confirm (hex), then the server's signed "<hex>.<hex>"
const SESSION_ID = /^[0-9a-f]{32,}(\.[0-9a-f]{32})?$/;

export function randomSessionId() {
  const bytes = new Uint8Array(16); // 128 bits
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function pickStorage(kind) {
  try {
    const store = kind === "local" ? window.localStorage : window.sessionStorage;
    const probe = "iopw.probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch (_) {
    const memory = new Map();
    return {
      getItem: (k) => (memory.has(k) ? memory.get(k) : null),
      setItem: (k, v) => memory.set(k, String(v)),
      removeItem: (k) => memory.delete(k),
    };
  }
}

export class ConversationStore {
  constructor(kind, namespace) {
    this.store = pickStorage(kind);
    this.prefix = "iopw." + (namespace || "default") + ".";
  }

  read(key, fallback) {
    try {
      const raw = this.store.getItem(this.prefix + key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (_) {
      return fallback;
    }
  }

  write(key, value) {
    try {
      this.store.setItem(this.prefix + key, JSON.stringify(value));
    } catch (_) {
      /* quota or blocked storage: the conversation still works, it just won't survive a reload */
    }
  }

  sessionId() {
    let id = this.read("session", null);
    if (typeof id !== "string" || !SESSION_ID.test(id)) {
      id = randomSessionId();
      this.write("session", id);
    }
    return id;
  }

  /** Keep the id the server confirmed (it signs the ids it hands out). */
  adoptSessionId(id) {
    if (typeof id === "string" && SESSION_ID.test(id)) this.write("session", id);
    return this.sessionId();
  }

  messages() {
    const list = this.read("transcript", []);
    return Array.isArray(list) ? list : [];
  }

  saveMessages(list) {
    this.write("transcript", list.slice(-MAX_MESSAGES));
  }

  ui() {
    return this.read("ui", {}) || {};
  }

  saveUi(state) {
    this.write("ui", state);
  }

  /** Forget everything: a new session id, an empty transcript. */
  reset() {
    for (const key of ["session", "transcript", "ui"]) {
      try {
        this.store.removeItem(this.prefix + key);
      } catch (_) {
        /* ignore */
      }
    }
    return this.sessionId();
  }
}
