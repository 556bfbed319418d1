"""What every channel does to a person's text before Rasa reads it.

No channel (SMS, voice, REST, socket.io) may let free text trigger intents
directly ("/affirm{...}"); keeping the rule in one place keeps them alike.
Reading a signed Twilio form post is :mod:`.twilio_webhook`.
"""

from __future__ import annotations

import unicodedata


def is_invisible(ch: str) -> bool:
    """Whitespace, the replacement character, or a control/format/unassigned character.

    These are what the NLU pipeline's first step (``InputGuard.clean_text``)
    turns into spaces and then strips: zero-width space, BOM, soft hyphen,
    direction marks, C0/C1 controls.
    """
    return ch.isspace() or ch == "\ufffd" or unicodedata.category(ch)[0] == "C"


def strip_invisible(text: str) -> str:
    """``text`` without the invisible characters (:func:`is_invisible`) it starts with."""
    start = 0
    while start < len(text) and is_invisible(text[start]):
        start += 1
    return text[start:]


def defuse_intent_syntax(text: str) -> str:
    """Free text may not trigger intents directly ("/affirm{...}"): drop leading slashes.

    Rasa treats a message as an intent when it starts with "/" -- and the
    NLU pipeline reads it *after* cleaning (control and format characters
    become spaces, then the text is stripped), so "\u200b/crisis{...}" was an
    intent with entities too. Slashes, whitespace and invisible characters
    are dropped until the cleaned text no longer starts with "/":
    "/ /affirm", "/\n/deny" (found by fuzz/fuzz_intent_syntax.py) and
    "\ufeff\u00ad/restart" must not get through. Text that does not look
    like an intent after cleaning is returned unchanged.
    """
    defused = text
    while strip_invisible(defused).startswith("/"):
        defused = strip_invisible(defused).lstrip("/")
    return defused
