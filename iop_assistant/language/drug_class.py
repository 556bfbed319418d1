"""Which family a named drug belongs to, when someone asks ("is lorazepam a benzo?").

"is lorazepam one of those benzos?" from an older caller went unanswered (caller role-play
round 24). Which family a drug is in is a plain fact, and for benzodiazepines it carries the
safety line that matters (don't stop suddenly). Said after the reply when the latest message
asks whether a drug is a benzo, opioid, stimulant or sedative and names exactly one family's
drug (data/lookups/substances.yml). No dosing, no advice for one person. No Rasa imports.
"""

from __future__ import annotations

import re

from iop_assistant.language.events import user_texts
from iop_assistant.substances import categories_in_text

CLASS_NOTES = {
    "benzodiazepine": "utter_drug_class_benzodiazepine",
    "opioid": "utter_drug_class_opioid",
    "stimulant": "utter_drug_class_stimulant",
    "sedative": "utter_drug_class_sedative",
}
_ASKS_THE_FAMILY = re.compile(
    r"\b(?:is|are|isn'?t|aren'?t)\s+(?:\w+\s+){1,4}?(?:an?\s+|one\s+of\s+(?:those|these|the|them)\s+|"
    r"considered\s+(?:an?\s+)?|like\s+an?\s+|in\s+the\s+same\s+family\s+as\s+)?(?:benzos?|benzodiazepines?|opioids?|"
    r"opiates?|narcotics?|stimulants?|uppers?|downers?|sedatives?|tranquili[sz]ers?)\b|"
    r"\bwhat\s+(?:kind|type|class|sort)\s+of\s+(?:drug|med|medicine|medication|pill)s?\s+(?:is|are)\b|"
    r"\b(?:es|son)\s+(?:\w+\s+){0,4}?(?:una?\s+)?(?:benzos?|benzodiacepinas?|benzodiazepinas?|opioides?|"
    r"opi[aá]ceos?|estimulantes?|calmantes?|sedantes?)\b|"
    r"\bqu[eé]\s+(?:tipo|clase)\s+de\s+(?:droga|medicina|medicamento|pastilla)\s+es\b",
    re.IGNORECASE,
)


# the families' own names: "G isn't alcohol or benzos, so it's fine to stop?" named no benzo
# (caller role-play round 29: "That one is a benzodiazepine", twice, about GHB)
_FAMILY_NAMES = re.compile(
    r"\b(?:benzos?|benzodiazepines?|opioids?|opiates?|narcotics?|stimulants?|uppers?|downers?|sedatives?|"
    r"tranquili[sz]ers?|benzodiacepinas?|benzodiazepinas?|opioides?|opi[aá]ceos?|estimulantes?|calmantes?|"
    r"sedantes?)\b",
    re.IGNORECASE,
)


def asked_family(text: str | None) -> str | None:
    """The family of the one drug the message asks about, or None."""
    if not _ASKS_THE_FAMILY.search(text or ""):
        return None
    named = _FAMILY_NAMES.sub(" ", text or "")
    found = categories_in_text(named) & set(CLASS_NOTES)
    return next(iter(found)) if len(found) == 1 else None


def drug_class_note(said: str, events: list, responses: dict) -> str | None:
    """The family note after ``said``, when the latest message asks a drug's family."""
    if said.startswith("utter_crisis"):
        return None
    texts = user_texts(events)
    family = asked_family(texts[-1]) if texts else None
    note = CLASS_NOTES.get(family or "")
    return note if note and note in responses and note != said else None
