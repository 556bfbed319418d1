// Safe rendering of message text. Everything goes into the DOM as text nodes;
// the only elements created are <a> links whose href passed `safeHref`.
// Also the words the widget says about a live handoff's people.

const SAFE_SCHEME = /^(https?:\/\/|tel:)/i;

/** An href we are willing to put on a link: http(s) or tel only, else null. */
export function safeHref(value) {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (!SAFE_SCHEME.test(trimmed)) return null;
  if (/^tel:/i.test(trimmed)) {
    // tel: links carry digits, +, -, spaces, dots and parentheses only
    return /^tel:\+?[\d\s().-]{2,24}$/i.test(trimmed) ? trimmed.replace(/\s/g, "") : null;
  }
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (_) {
    return null;
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Splits bot text into pieces: {text} or {text, href}.
 * Recognised: [title](url) markdown links, bare http(s) URLs, tel: URIs, the
 * program's help line as displayed, and the emergency numbers 911 and 988.
 * A markdown link whose target is not safe stays as its literal text.
 */
export function linkify(text, helpline) {
  const sources = [
    "\\[([^\\]\\n]{1,200})\\]\\(([^)\\s]{1,2000})\\)", // 1: title, 2: target
    "(https?:\\/\\/[^\\s<>\"')\\]]+)", // 3: bare URL
    "(tel:\\+?[\\d().-]{3,20})", // 4: tel URI
    "\\b(911|988)(?![\\w-])", // 5: emergency numbers (not 988lifeline.org)
  ];
  if (helpline && helpline.display) sources.push("(" + escapeRegExp(helpline.display) + ")"); // 6
  const pattern = new RegExp(sources.join("|"), "g");
  const parts = [];
  let last = 0;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    let piece = null;
    if (match[1] !== undefined) {
      const href = safeHref(match[2]);
      piece = href ? { text: match[1], href } : null;
    } else if (match[3] !== undefined) {
      // keep trailing sentence punctuation out of the link
      const url = match[3].replace(/[.,;:!?]+$/, "");
      const href = safeHref(url);
      if (href) {
        piece = { text: url, href };
        pattern.lastIndex = match.index + url.length;
      }
    } else if (match[4] !== undefined) {
      const href = safeHref(match[4]);
      piece = href ? { text: match[4], href } : null;
    } else if (match[5] !== undefined) {
      piece = { text: match[5], href: "tel:" + match[5] };
    } else if (match[6] !== undefined && helpline.e164) {
      piece = { text: match[6], href: "tel:" + helpline.e164 };
    }
    if (!piece) continue; // unsafe link syntax: left in the text as typed
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push(piece);
    last = match.index + (match[3] !== undefined ? piece.text.length : match[0].length);
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Appends `text` to `parent` as text nodes and safe links only. */
export function appendRichText(parent, text, helpline) {
  for (const part of linkify(String(text), helpline)) {
    if (part.href) {
      const link = document.createElement("a");
      link.href = part.href;
      link.textContent = part.text;
      if (/^https?:/i.test(part.href)) {
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        link.appendChild(visuallyHidden(" (opens in a new tab)"));
      }
      parent.appendChild(link);
    } else {
      parent.appendChild(document.createTextNode(part.text));
    }
  }
}

export function visuallyHidden(text) {
  const span = document.createElement("span");
  span.className = "iopw-sr";
  span.textContent = text;
  return span;
}

/** How a staff member is named in the widget (as on their messages): "Dana from our team". */
export function staffLabel(name) {
  const clean = typeof name === "string" ? name.trim().slice(0, 80) : "";
  return (clean || "Someone") + " from our team";
}

/** The live handoff's typing indicator: "Dana from our team is typing…". */
export function staffTypingText(name) {
  return staffLabel(name) + " is typing…";
}
