"""The warning about alcohol with opioids, benzodiazepines or sleeping pills, told once.

"my dad is 70, on oxycodone for his back, and has wine every night with it" got an answer to
his question and nothing about the mix (family role-play round 24), though alcohol with
those medicines can stop breathing and many overdoses involve such a mix (references.md).
When a message names alcohol with one of them, outside a form and a crisis reply, the
mixing answer follows the reply, once in a conversation. No Rasa imports.
"""

from __future__ import annotations

from iop_assistant.language.events import note_said_before, user_texts
from iop_assistant.substances import categories_in_text

MIXING_NOTE = "utter_mixing_danger"
_WITH_ALCOHOL = frozenset({"opioid", "benzodiazepine", "sedative"})


def names_a_dangerous_mix(text: str) -> bool:
    """Alcohol and an opioid, benzodiazepine or sleeping pill named in one message."""
    found = categories_in_text(text or "")
    return "alcohol" in found and bool(found & _WITH_ALCOHOL)


# words of the mixing answer (English and Spanish), to find it also where it followed
# another answer in the same message
_ITS_WORDS = ("can slow or stop breathing", "la respiración se detenga")


def mixing_note(said: str, events: list, in_a_form: bool, responses: dict) -> str | None:
    """The mixing answer after ``said``, when the latest message names such a mix."""
    if in_a_form or MIXING_NOTE not in responses or said == MIXING_NOTE:
        return None
    if said.startswith("utter_crisis") or said.startswith("utter_screening"):
        return None
    texts = user_texts(events)
    if (
        not texts
        or not names_a_dangerous_mix(texts[-1])
        or note_said_before(events, MIXING_NOTE, _ITS_WORDS)
    ):
        return None
    return MIXING_NOTE
