"""A second program question in the same message (no Rasa imports).

Family members write one long message with two or three questions in it: "Does insurance
cover this? And can I be part of his sessions?" The classifier picks one topic and the
other went unanswered (role-played parents, rounds 16-17: "multi-question family
messages get one answer"). This module splits a message into its sentences and says
which of them ask something, so the parse hook (``rasa_hooks/second_question``) can read
each question on its own and the answer to a second topic can follow the first.
"""

from __future__ import annotations

import re
from typing import List

# sentence ends, line breaks, and "also"/"and" starting a new question after a comma
_QUESTION_WORDS = (
    r"do|does|did|can|could|is|are|how|what|whats|what's|wat|when|where|will|would|who|which|"
    r"should|r|any|puedo|pueden|puede|cuanto|cuánto|como|cómo|donde|dónde|cuando|cuándo|hay|"
    r"tienen|aceptan|que|qué|es|son|se"
)
# a sentence that asks: a question mark, or a question word first ("how long is it")
_ASKS = re.compile(
    rf"[?¿]|^(?:{_QUESTION_WORDS})\b|\b(?:wondering|(?:want|need)\s+to\s+know|quisiera\s+saber|"
    r"quiero\s+saber|tell\s+me\s+how|quiero\s+informaci[oó]n)\b|\bhow\s+(?:do|would|can|to)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[?!.])\s+|\n+|[?¿](?=\S)")
_JOINED_QUESTION = re.compile(
    r"(?:^|,?\s+)(?:and\s+also|also|and|plus|y\s+tambien|y\s+también|tambien|también|y)\s+"
    rf"(?=(?:{_QUESTION_WORDS})\b)",
    re.IGNORECASE,
)
MIN_WORDS = 2
MAX_QUESTIONS = 4


def sentences(text: str) -> List[str]:
    """The message's sentences (and questions joined by "and also ..."), trimmed."""
    parts: List[str] = []
    for sentence in _SENTENCE_END.split(text or ""):
        parts.extend(p.strip(" ,;-") for p in _JOINED_QUESTION.split(sentence))
    return [p for p in parts if p]


def questions(text: str) -> List[str]:
    """The sentences that ask something and are long enough to be read on their own,
    at most ``MAX_QUESTIONS``; empty when the message holds fewer than two sentences."""
    parts = sentences(text)
    if len(parts) < 2:
        return []
    asked = [p for p in parts if len(p.split()) >= MIN_WORDS and _ASKS.search(p)]
    return asked[:MAX_QUESTIONS]
