"""The general safety answer, fitted to what the conversation told.

The general answer to a safety question is about opioids (naloxone at home, rescue breaths,
the old amount after a break). It came back to "is this from not drinking? should i have a
drink" at 2am after a texter stopped drinking and was shaking, and to "does that hurt the
baby?" from someone pregnant (texter and self role-plays, round 37): neither was about an
overdose. With a pregnancy told, the pregnancy note (a doctor or the help line today, no
sudden stop); with withdrawal from alcohol or benzodiazepines told and no opioid named, the
withdrawal care answer (care today, 911 for its danger signs). No Rasa imports.
"""

from __future__ import annotations

from typing import Iterable

from iop_assistant import screening_answers, substances
from iop_assistant.language.events import user_texts

GENERAL_SAFETY_ANSWERS = frozenset({"utter_ask_safety_procedures", "utter_ask_dosing"})
PREGNANCY_NOTE = "utter_note_pregnancy"
WITHDRAWAL_CARE = "utter_withdrawal_care_today"
_WITHDRAWAL_RISK = frozenset({"alcohol", "benzodiazepine", "sedative"})


def _pregnant(texts: Iterable[str]) -> bool:
    return any(screening_answers.pregnancy_stated(t) is True for t in texts)


def _withdrawal_without_opioids(texts: list[str]) -> bool:
    named: set[str] = set()
    for text in texts:
        named |= substances.categories_in_text(text)
    if "opioid" in named or not named & _WITHDRAWAL_RISK:
        return False
    return any(screening_answers.parse_symptoms(t) for t in texts)


def fitted_safety_answer(said: str, events: Iterable, responses: dict) -> str:
    """``said``, or the answer that fits the pregnancy or the withdrawal told."""
    if said not in GENERAL_SAFETY_ANSWERS:
        return said
    texts = user_texts(events)
    if _pregnant(texts) and PREGNANCY_NOTE in responses:
        return PREGNANCY_NOTE
    if (
        said == "utter_ask_safety_procedures"
        and WITHDRAWAL_CARE in responses
        and _withdrawal_without_opioids(texts)
    ):
        return WITHDRAWAL_CARE
    return said
