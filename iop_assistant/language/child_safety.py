"""Childhelp for a young person who says an adult at home hurts them.

"my dad drinks and hits me and my mom, im 15" got the program's answer (family role-play
round 23): a child disclosing abuse needs a line for children (Childhelp, call or text,
any hour), a trusted adult, and 911 in danger, whatever else the reply says. Said when
the latest message tells of the hurt and the conversation says the person is a minor.
No Rasa imports, so it is tested on its own.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from iop_assistant.language.events import user_texts

CHILDHELP_NOTE = "utter_child_abuse_line"
_ADULT_AT_HOME = (
    r"(?:mom|mum|mother|mommy|dad|father|daddy|stepdad|step\s+dad|stepfather|stepmom|step\s+mom|"
    r"stepmother|parents?|mom'?s\s+(?:boyfriend|bf)|uncle|grandpa|grandfather|"
    r"mam[aá]|mami|pap[aá]|papi|padrastro|madrastra|padres|t[ií]o|abuelo)"
)
_HURTS_ME = re.compile(
    rf"\b(?:my|mi)\s+{_ADULT_AT_HOME}\s+(?:\w+\s+){{0,7}}?(?:hits?|hitting|beats?|beating|hurts?|hurting|"
    r"punch(?:es|ed|ing)?|slaps?|slapped|slapping|kicks?|kicked|chokes?|choked|smacks?|smacked|"
    r"throws?\s+(?:stuff|things)\s+at|threw\s+(?:stuff|things)\s+at)\s+(?:me|us)\b|"
    rf"\b(?:my|mi)\s+{_ADULT_AT_HOME}\s+(?:\w+\s+){{0,4}}?(?:me|nos)\s+(?:pega|golpea|lastima|maltrata|"
    r"peg[oó]|golpe[oó]|ahorca)\b",
    re.IGNORECASE,
)
MINOR = re.compile(
    r"\b(?:i'?m|im|i\s+am|tengo)\s+(?:only\s+|just\s+|solo\s+)?(?:1[0-7]|[89]|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|diez|once|doce|trece|catorce|quince|dieciseis|diecis[eé]is|"
    r"diecisiete)\b(?!\s*(?:years?|yrs?|months?|days?|a[nñ]os\s+(?:sobri|limpi)|weeks?)\s+(?:sober|clean|old\s+son|"
    r"old\s+daughter))|"
    r"\b(?:i'?m|im|i\s+am)\s+(?:in|a)\s+(?:(?:\d+(?:th|st|nd|rd)|middle|high)\s+(?:school|grade)|freshman|sophomore|"
    r"junior\s+in\s+high\s+school|teen(?:ager)?|minor|kid)\b|\bestoy\s+en\s+(?:la\s+)?(?:secundaria|prepa)\b",
    re.IGNORECASE,
)


def is_a_minor_hurt_at_home(latest: str, earlier: Iterable[str]) -> bool:
    """The latest message tells of an adult at home hurting them, and someone in the
    conversation said they are under 18."""
    if not _HURTS_ME.search(latest or ""):
        return False
    return bool(MINOR.search(latest or "")) or any(MINOR.search(t or "") for t in earlier)


def childhelp_note(events: Iterable[Any], responses: dict) -> str | None:
    """The Childhelp note for this reply, when the latest message is such a disclosure."""
    if CHILDHELP_NOTE not in responses:
        return None
    texts = user_texts(events)
    if not texts:
        return None
    return CHILDHELP_NOTE if is_a_minor_hurt_at_home(texts[-1], texts[:-1]) else None
