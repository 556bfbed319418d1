"""The screening's opening, for someone who has already stopped.

"Until you talk with a clinician, please don't stop alcohol or benzodiazepines suddenly"
was said to people who had stopped days before (role-play round 38's open list): advice
about a choice already made. When the conversation told that use stopped days ago (the
person's or the one they write about), the opening says what matters now instead:
withdrawal can get worse for several days, and which signs mean 911 (ASAM 2020). No Rasa
imports.
"""

from __future__ import annotations

import re
from typing import Iterable

from iop_assistant.language.events import user_texts

_DAYS = r"(?:\d{1,2}|a\s+few|a\s+couple(?:\s+of)?|couple|two|three|four|five|six|seven|several)"
_USE = (
    r"(?:drinking|using|the\s+(?:pills|xanax|benzos|alcohol|booze)|alcohol|booze|pills|xanax|benzos|"
    r"klonopin|ativan|valium|everything|it)"
)
STOPPED_TOLD = re.compile(
    rf"\b(?:stopped|quit|gave\s+up|cut\s+off|put\s+down)\s+(?:\w+\s+)?{_USE}?\s*(?:cold\s+turkey\s+)?"
    rf"(?:about\s+|like\s+|around\s+)?{_DAYS}\s+days?\s+ago\b|"
    rf"\b(?:haven'?t|havent|hasn'?t|hasnt|have\s+not|has\s+not)\s+(?:had\s+a\s+(?:drink|sip|beer|pill)|"
    rf"drunk|drank|had\s+anything|used|touched\s+\w+)\s+(?:in|for)\s+(?:about\s+|like\s+)?{_DAYS}\s+days\b|"
    rf"\b(?:day|d[ií]a)\s+\d{{1,2}}\s+(?:no|without|off|sin)\s+\w+|"
    rf"\b{_DAYS}\s+days?\s+(?:without|w/o|no|off)\s+(?:a\s+)?(?:drink|drinking|alcohol|booze|using|pills|xanax)\b|"
    r"\b(?:dej[eéoó]|dejamos)\s+de\s+(?:tomar|beber|usar|consumir)\s+hace\s+(?:\d{1,2}|unos|dos|tres|cuatro|cinco)"
    r"(?:\s+\w+)?\s+d[ií]as\b|"
    r"\b(?:llevo|lleva|llevamos)\s+(?:\d{1,2}|dos|tres|cuatro|cinco|seis|siete)\s+d[ií]as\s+sin\s+(?:tomar|beber|usar|consumir)\b",
    re.IGNORECASE,
)
OPENINGS = {
    "utter_screening_intro": "utter_screening_intro_stopped",
    "utter_ask_screening_for": "utter_ask_screening_for_stopped",
}


def told_use_stopped(texts: Iterable[str]) -> bool:
    """Someone in the conversation said use stopped days ago."""
    return any(STOPPED_TOLD.search(" ".join(str(t or "").split())) for t in texts)


def opening_after_stopping(said: str, events: Iterable, responses: dict) -> str:
    """The opening for someone who already stopped, in place of "don't stop suddenly"."""
    other = OPENINGS.get(said)
    if other is None or other not in responses:
        return said
    return other if told_use_stopped(user_texts(events)) else said
