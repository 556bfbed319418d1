"""Words for a young person whose parent drinks or uses, told once.

A 15-year-old wrote "my mom drinks every day and drives me to school, is it safe to ride
with her if she's been drinking" and got a "did you mean" menu, then the detox screening
offer twice (family role-play round 24). A young person living with a parent's drinking
needs: it isn't your fault, don't ride with someone who has been drinking, a trusted adult
or school counsellor, Alateen, and 911 if they are driving drunk now. Said after the
reply, once in a conversation, when the conversation says the person is under 18 and the
latest message tells of a parent's drinking or use (or asks about riding with them). A
parent hurting them gets Childhelp instead (child_safety.py). No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Iterable

from iop_assistant.language.child_safety import MINOR, is_a_minor_hurt_at_home
from iop_assistant.language.events import note_said_before, user_texts

TEEN_NOTE = "utter_teen_parent_uses"
_PARENT = (
    r"(?:mom|mum|mother|mommy|dad|father|daddy|stepdad|step\s+dad|stepfather|stepmom|step\s+mom|"
    r"stepmother|parents?|mom'?s\s+(?:boyfriend|bf)|grandma|grandpa|"
    r"mam[aá]|mami|pap[aá]|papi|ap[aá]|am[aá]|padrastro|madrastra|padres|abuel[ao])"
)
_PARENT_USES = re.compile(
    rf"\b(?:my|mi)\s+{_PARENT}\s+(?:\w+\s+){{0,6}}?(?:drinks?|drinking|drunk|wasted|"
    r"gets?\s+(?:drunk|high|wasted)|is\s+(?:high|drunk|wasted)|uses?|using|smokes?\s+(?:meth|crack)|"
    r"does\s+(?:drugs|meth|coke|pills)|takes?\s+(?:pills|xanax|oxy)|"
    r"toma|bebe|chupa|se\s+emborracha|est[aá]\s+(?:borrach[oa]|drogad[oa]|pedo)|se\s+droga|usa)\b",
    re.IGNORECASE,
)
_RIDE_WITH_THEM = re.compile(
    r"\b(?:ride|riding|get\s+in\s+the\s+car|drive[sn]?\s+me|driving\s+me|picks?\s+me\s+up|"
    r"subirme\s+al\s+carro|me\s+lleva|manejar?|maneja)\b",
    re.IGNORECASE,
)
# words of the note (English and Spanish), to find it where it followed another answer
_ITS_WORDS = ("al-anon.org/alateen", "Alateen")


def tells_of_a_parent_using(latest: str, earlier: Iterable[str]) -> bool:
    """The person is under 18 (said now or before) and the latest message tells of a
    parent's drinking or use, or asks about riding with a parent the conversation said
    drinks."""
    earlier = list(earlier)
    if not (MINOR.search(latest or "") or any(MINOR.search(t or "") for t in earlier)):
        return False
    if _PARENT_USES.search(latest or ""):
        return True
    return bool(_RIDE_WITH_THEM.search(latest or "")) and any(
        _PARENT_USES.search(t or "") for t in earlier
    )


def teen_note(said: str, events: list, responses: dict) -> str | None:
    """The note for a young person living with a parent's use, after ``said``."""
    if TEEN_NOTE not in responses or said == TEEN_NOTE or said.startswith("utter_crisis"):
        return None
    texts = user_texts(events)
    if not texts or note_said_before(events, TEEN_NOTE, _ITS_WORDS):
        return None
    latest, earlier = texts[-1], texts[:-1]
    if is_a_minor_hurt_at_home(latest, earlier):
        return None
    return TEEN_NOTE if tells_of_a_parent_using(latest, earlier) else None
