"""The Veterans Crisis Line for veterans and the people calling about them.

988 with 1 pressed reaches the Veterans Crisis Line, which also answers texts at 838255
(references.md, 988 Lifeline). A crisis reply to someone who said they, or the person
they write about, served gets that line too (round 22's open list: veterans were only
given 988). No Rasa imports, so it is tested on its own.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from iop_assistant.language.events import user_texts

VETERANS_NOTE = "utter_veterans_crisis_line"
# the replies that send someone to 988 now
CRISIS_REPLIES = frozenset({"utter_crisis", "utter_crisis_checkin", "utter_crisis_followup"})
_SERVED = re.compile(
    r"\b(?:veterans?|veteranos?|veteranas?|ex[- ]?military|combat\s+vet|army\s+vet|navy\s+vet|"
    r"marine\s+vet|military\s+vet|served\s+(?:\w+\s+){0,2}in\s+(?:the\s+)?(?:army|navy|marines?|"
    r"marine\s+corps|air\s+force|military|national\s+guard|coast\s+guard|iraq|afghanistan|vietnam)|"
    r"(?:two|three|four|\d)\s+tours?\s+(?:in|of)\b|deployed\s+(?:to|in)\b|"
    r"sirvi[oó]\s+en\s+(?:el\s+)?(?:ej[eé]rcito|la\s+marina|los\s+marines))",
    re.IGNORECASE,
)


def speaks_of_service(texts: Iterable[str]) -> bool:
    """Someone in the conversation served in the military ("I'm a veteran", "my husband did
    two tours in Iraq")."""
    return any(_SERVED.search(text or "") for text in texts)


def veterans_note(said: str, events: Iterable[Any], responses: dict) -> str | None:
    """The Veterans Crisis Line note after a crisis reply, when someone here served."""
    crisis_reply = said in CRISIS_REPLIES or said.startswith("utter_crisis_update_")
    if not crisis_reply or VETERANS_NOTE not in responses:
        return None
    return VETERANS_NOTE if speaks_of_service(user_texts(events)) else None
