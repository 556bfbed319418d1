"""What the notes after a reply read from a conversation's events.

Rasa gives the response generator event objects, the tests give dicts: both read the same.
No Rasa imports.
"""

from __future__ import annotations

from typing import Any, Iterable, Tuple


def fields(event: Any) -> Tuple[str | None, str, dict]:
    """The event's kind ("user", "bot", ...), its text and its metadata."""
    if isinstance(event, dict):
        return event.get("event"), str(event.get("text") or ""), event.get("metadata") or {}
    kind = getattr(event, "type_name", None)
    return kind, str(getattr(event, "text", None) or ""), getattr(event, "metadata", None) or {}


def user_texts(events: Iterable[Any]) -> list[str]:
    """What the person wrote, in order."""
    return [text for kind, text, _ in map(fields, events) if kind == "user"]


def note_said_before(events: Iterable[Any], note: str, its_words: Iterable[str]) -> bool:
    """Whether the assistant already said ``note``: as its own message, or followed another
    answer in one message (found by words of its English and Spanish texts)."""
    words = tuple(its_words)
    for kind, text, metadata in map(fields, events):
        if metadata.get("utter_action") == note:
            return True
        if kind == "bot" and any(w in text for w in words):
            return True
    return False
