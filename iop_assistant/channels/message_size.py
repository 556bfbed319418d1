"""One bound on what a person's message may cost, the same on every channel.

A 5 MB REST message held the single Rasa worker for about 14 s (the spaCy
crisis matcher and the tokenizers read all of it) while SMS crisis replies hit
their own timeout, and it was stored whole (issue 14, item 6). Every channel
(REST, socket.io, SMS, voice) now passes at most :data:`MAX_MESSAGE_CHARS`
characters to Rasa: the person's first :data:`HEAD_CHARS` characters, a
visible mark, and the last :data:`TAIL_CHARS` characters, so a crisis written
at the end of a long paste is still read. The turn's metadata says it was
``truncated`` and how long the original was; the middle is not kept anywhere.

Sanic's own request size limit (:func:`request_max_bytes`) refuses bigger
bodies with 413 before they are read.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Tuple

MAX_MESSAGE_CHARS = 4000
HEAD_CHARS = 3000
TAIL_CHARS = 900
CUT_MARK = " […truncated…] "
REQUEST_MAX_BYTES_ENV = "IOP_REQUEST_MAX_BYTES"
DEFAULT_REQUEST_MAX_BYTES = 1_000_000
TRUNCATED_KEY = "truncated"


def cap_message(text: str | None) -> Tuple[str | None, Dict[str, Any] | None]:
    """``text`` bounded to :data:`MAX_MESSAGE_CHARS`, and what to record when it was cut.

    Returns ``(text, None)`` for a message within the limit; otherwise the
    first and last parts around :data:`CUT_MARK` and ``{"original_chars": n,
    "dropped_chars": m}`` for the turn's metadata under ``"truncated"``.
    """
    if not text or len(text) <= MAX_MESSAGE_CHARS:
        return text, None
    kept = text[:HEAD_CHARS] + CUT_MARK + text[-TAIL_CHARS:]
    return kept, {
        "original_chars": len(text),
        "dropped_chars": len(text) - HEAD_CHARS - TAIL_CHARS,
    }


def bounded_for_reading(text: str | None, head: int = 8000, tail: int = 2000) -> str:
    """A prefix and a suffix of ``text``: what a matcher may read of any one message.

    The crisis guard reads this, so a message that reached Rasa by another
    path (the HTTP API) still costs a bounded time, and words at either end
    are read.
    """
    text = text or ""
    if len(text) <= head + tail:
        return text
    return text[:head] + " \n " + text[-tail:]


def request_max_bytes(environ: Dict[str, str] | None = None) -> int:
    """Sanic's ``REQUEST_MAX_SIZE`` for the Rasa server (``IOP_REQUEST_MAX_BYTES``)."""
    env = os.environ if environ is None else environ
    try:
        value = int(env.get(REQUEST_MAX_BYTES_ENV) or DEFAULT_REQUEST_MAX_BYTES)
    except ValueError:
        value = DEFAULT_REQUEST_MAX_BYTES
    return max(16_384, value)
