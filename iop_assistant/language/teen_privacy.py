"""A privacy question about someone under 18 gets the teen answer, not the adult one.

A grandfather wrote that his grandson is 16, then asked whether the program could help
him "without the parents knowing", and got the adult answer: records "can't be shared
unless you say yes in writing" (family role-play round 36). For a minor that misleads:
whether a teen can start without a parent, and what a parent or guardian is told, depend
on the state's law and the program. When the conversation names someone under 18 (the
writer or the person written about), the privacy answers give way to the teen answer.
No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Iterable

from iop_assistant.language.child_safety import MINOR
from iop_assistant.language.events import user_texts

TEEN_ANSWER = "utter_minor_in_treatment"
# the answers written for adults: the records law, and what a relative is told
ADULT_PRIVACY_ANSWERS = frozenset({"utter_ask_confidentiality", "utter_what_family_is_told"})
_AGE = (
    r"(?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|doce|trece|catorce|quince|"
    r"diecis[eé]is|diecisiete)"
)
_YOUNG_RELATIVE = (
    r"(?:son|daughter|grandson|granddaughter|kid|child|boy|girl|nephew|niece|stepson|stepdaughter|"
    r"brother|sister|hijo|hija|nieto|nieta|sobrin[oa]|hermanit[oa]|muchach[oa]|chamac[oa])"
)
# an age told of someone: "my grandson is 16", "my 17 year old", "mi hijo de 15"; not "15
# years clean" or "drinking for 16 years"
TEEN_NAMED = re.compile(
    rf"\b{_AGE}\s*(?:-|\s)?(?:years?|yrs?)\s*-?\s*old\b|\b{_AGE}\s*(?:yo|y/o)\b|"
    rf"\b{_YOUNG_RELATIVE}\b[^.!?]{{0,30}}?\b(?:is|he'?s|she'?s|hes|shes|turned|just\s+turned|aged?|"
    rf"de|tiene|who'?s|whos)\s+(?:only\s+|just\s+|solo\s+)?{_AGE}\b(?!\s*(?:years?|yrs?|a[nñ]os)\s+(?:sober|clean|limpi|sobri))|"
    rf"\b(?:my|our|his|her)\s+(?:\w+\s+)?(?:teen|teenager|teenage\s+\w+)\b|\b(?:under|below)\s+18\b|"
    r"\b(?:is|still|just)\s+a\s+minor\b|\bmenor\s+de\s+edad\b|\b(?:mi|su)\s+(?:\w+\s+)?adolescente\b|"
    r"\b(?:is|he'?s|she'?s|hes|shes|still)\s+(?:in|a)\s+(?:high\s+school|(?:9|10|11|12)th\s+grade)\b|"
    r"\best[aá]\s+en\s+(?:la\s+)?(?:secundaria|prepa)\b",
    re.IGNORECASE,
)


def names_a_teen(texts: Iterable[str]) -> bool:
    """Someone in the conversation said they, or the person they write about, are under 18."""
    return any(TEEN_NAMED.search(t or "") or MINOR.search(t or "") for t in texts)


def for_a_teen(said: str, events: Iterable, responses: dict) -> str:
    """The teen answer in place of an adult privacy answer, when a minor was named."""
    if said not in ADULT_PRIVACY_ANSWERS or TEEN_ANSWER not in responses:
        return said
    return TEEN_ANSWER if names_a_teen(user_texts(events)) else said
