"""Short program answers for the rest of a conversation once a person asked for them.

"too long" or "shorter pls" got the last answer again in one text's worth (actions/repeat.py),
but the next answer was the full paragraph again (texter role-play round 37: 60 of one
texter's 92 replies were longer than one text). After the ask, program answers keep their
first sentences that fit one text message, then the help line. Crisis replies, questions
and notes are never shortened; "tell me more" still gets the whole follow-up.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from iop_assistant import program_facts
from iop_assistant.language.repeats import ANSWERS, NO_MORE
from iop_assistant.language.reply_reasons import GATE_OUTPUT, SHORTER_REASON

SHORT_REPLY_CHARS = 160  # one text message
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MORE_FROM_THE_HELP_LINE = {
    "en": "For more, call {helpline}.",
    "es": "Para más, llame al {helpline}.",
}
# the answers said shorter: program answers and what the assistant can't say about them
SHORTENED = ANSWERS | {NO_MORE}


@lru_cache(maxsize=1)
def helpline() -> str:
    """The help line as written in replies (program.yml)."""
    return program_facts.load().helpline


def shortened(text: str, helpline_text: str, language: str) -> str:
    """The first sentences of ``text`` that fit one text message, then the help line."""
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) + 1 + len(sentence) > SHORT_REPLY_CHARS:
            break
        kept += " " + sentence
    if helpline_text in kept:
        return kept
    more = MORE_FROM_THE_HELP_LINE["es" if language == "es" else "en"]
    return f"{kept} {more.format(helpline=helpline_text)}"


def asked_for_short_replies(events: Iterable[Any]) -> bool:
    """Whether the person asked for shorter replies in this session."""
    asked = False
    for event in events:
        if getattr(event, "type_name", None) == "session_started":
            asked = False
        elif getattr(event, "type_name", None) == "user":
            gate = (getattr(event, "parse_data", None) or {}).get(GATE_OUTPUT) or {}
            asked = asked or gate.get("reason") == SHORTER_REASON
    return asked


def short_if_asked(
    said: str, reply: dict[str, Any] | None, events: Iterable[Any], language: str
) -> dict[str, Any] | None:
    """``reply`` shortened to one text when ``said`` is a program answer and the person
    asked for short replies; otherwise as it is."""
    text = (reply or {}).get("text")
    if not isinstance(text, str) or len(text) <= SHORT_REPLY_CHARS:
        return reply
    if not (said in SHORTENED or said.startswith(f"{NO_MORE}_")):
        return reply
    if not asked_for_short_replies(events):
        return reply
    return {**(reply or {}), "text": shortened(text, helpline(), language)}
