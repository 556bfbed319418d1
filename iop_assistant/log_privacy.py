"""Keep what people typed out of the server logs.

Rasa warns "Failed to parse arguments in line '<the whole message>'" when a
message that starts with "/" has arguments it cannot read; the whole text
(names, numbers) went to the log (issue 14, item 8). Installed by the web
channels (which Rasa imports at start), this rewrites those warnings to their
kind and length, whether Rasa shows warnings itself or logs them
(``logging.captureWarnings``).
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

LEAKY_PREFIXES = ("Failed to parse arguments in line",)
_MARK = "_iop_redacting"


def redacted(text: str) -> str:
    """The warning without the message it quotes: its kind and length only."""
    for prefix in LEAKY_PREFIXES:
        if text.startswith(prefix):
            return (
                f"{prefix} of an intent message ({len(text)} characters; "
                "text not logged): continuing without its arguments"
            )
    return text


class RedactingFilter(logging.Filter):
    """For the ``py.warnings`` logger: warnings that quote a message are rewritten."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if any(prefix in text for prefix in LEAKY_PREFIXES):
            start = min(text.find(p) for p in LEAKY_PREFIXES if p in text)
            record.msg, record.args = redacted(text[start:]), None
        return True


def install() -> None:
    """Rewrite leaky warnings wherever they go (idempotent)."""
    previous = warnings.showwarning
    if not getattr(previous, _MARK, False):

        def showwarning(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
            text = str(message)
            if text.startswith(LEAKY_PREFIXES):
                message = category(redacted(text))
            previous(message, category, *args, **kwargs)

        setattr(showwarning, _MARK, True)
        warnings.showwarning = showwarning
    py_warnings = logging.getLogger("py.warnings")
    if not any(isinstance(f, RedactingFilter) for f in py_warnings.filters):
        py_warnings.addFilter(RedactingFilter())
