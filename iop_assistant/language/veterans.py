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
# "is there somebody who's a vet i can talk to" asked twice by a veteran with his pistol out
# got the one-on-one therapy answer, then the domestic violence hotline (caller role-play
# round 24): the Veterans Crisis Line, whose responders are often veterans themselves
VETERAN_PEER_NOTE = "utter_veterans_peer"
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


_ASKS_FOR_A_VETERAN = re.compile(
    r"\b(?:someone|somebody|some1|anyone|anybody|a\s+person|a\s+guy|people|talk\s+to|speak\s+(?:to|with)|"
    r"talk\s+with)\s+(?:\w+\s+){0,3}?(?:who(?:'?s|\s+is|\s+was|\s+has)\s+(?:a\s+|also\s+a\s+)?(?:vet|veteran|"
    r"served|been\s+(?:in\s+the\s+military|deployed))|(?:another|other|a\s+fellow|fellow|a)\s+(?:vets?|veterans?))\b|"
    r"\b(?:alguien|otro|otra)\s+(?:que\s+(?:sea|haya\s+sido)\s+)?veteran[oa]\b",
    re.IGNORECASE,
)


def asks_for_a_veteran(text: str | None) -> bool:
    """The person asks to talk with someone who served ("is there someone who's a vet")."""
    return bool(_ASKS_FOR_A_VETERAN.search(text or ""))


def speaks_of_service(texts: Iterable[str]) -> bool:
    """Someone in the conversation served in the military ("I'm a veteran", "my husband did
    two tours in Iraq")."""
    return any(_SERVED.search(text or "") for text in texts)


def veterans_note(said: str, events: Iterable[Any], responses: dict) -> str | None:
    """The Veterans Crisis Line note after a crisis reply, when someone here served; the
    peer note after any reply to someone asking for a fellow veteran."""
    texts = user_texts(events)
    if texts and asks_for_a_veteran(texts[-1]) and VETERAN_PEER_NOTE in responses:
        return VETERAN_PEER_NOTE
    crisis_reply = said in CRISIS_REPLIES or said.startswith("utter_crisis_update_")
    if not crisis_reply or VETERANS_NOTE not in responses:
        return None
    return VETERANS_NOTE if speaks_of_service(texts) else None
