"""A first message of one Spanish word ("hola", "buenas", "ayuda") chooses Spanish.

One word never switches a conversation's language (``detect``: "hola" from an
English speaker, "si", "Maria"). But a conversation that has no language yet and
opens with a greeting or a plea that only Spanish uses has told us how to answer:
blind Spanish conversations (es-v2) opened with "hola" and "ayuda" and were answered
in English. Read by the conversation-context hook (``rasa_hooks.crisis_context``),
which knows whether the conversation has a language already.
"""

from __future__ import annotations

import re

from iop_assistant.language.requests import fold

_OPENING = re.compile(
    r"^(?:hola+|holi|buenas|buenos\s+d[ií]as|buenas\s+(?:tardes|noches)|ayuda+|ay[uú]d(?:a|e)me|auxilio|"
    r"socorro|informaci[oó]n|info\s+por\s+favor|por\s+favor|"
    # es-v4, voice: "bueno bueno se oye", then "operadora" answered in English
    r"operadora?|(?:bueno\s*)+(?:se\s+oye|me\s+oye|me\s+escucha)?|al[oó]|d[ií]game|"
    r"(?:quiero\s+)?hablar\s+con\s+(?:alguien|una\s+persona)|"
    # "pueden llamarme?" (blind es-v13, SMS: the callback offer in English)
    r"(?:me\s+)?(?:pueden|puede|podrian|podria)\s+(?:llamar(?:me)?|marcar(?:me)?|ayudar(?:me)?)(?:\s+por\s+favor)?|"
    r"llamenme(?:\s+por\s+favor)?|necesito\s+ayuda)$"
)


def opens_in_spanish(text: str | None) -> bool:
    """Whether the whole message is a Spanish-only greeting or plea."""
    cleaned = re.sub(r"[^\w\s]", " ", fold(str(text or "")).lower())
    return bool(_OPENING.match(" ".join(cleaned.split())))
