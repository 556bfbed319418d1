"""Round 19's new replies in both languages and by what the person said: the safety answers
the control gate chose from the words, and lying down after a crisis reply."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG
from iop_assistant.language.reply_reasons import GATE_OUTPUT, MIXING_REASON, PRESSED_PILLS_REASON
from tests.domains import rasa_domain


def _reply(response: str, language: str, gate_reason: str = "", **slots: Any) -> Dict[str, Any]:
    domain = rasa_domain()
    tracker = DialogueStateTracker.from_events("t", [], slots=domain.slots)
    tracker.update(SlotSet("language", language))
    for name, value in slots.items():
        tracker.update(SlotSet(name, value))
    parse = {"intent": {"name": "ask_safety_procedures", "confidence": 1.0}}
    if gate_reason:
        parse[GATE_OUTPUT] = {"from": "nlu_fallback", "reason": gate_reason}
    tracker.update(UserUttered("x", parse_data=parse))
    reply = asyncio.run(LanguageNLG(domain=domain).generate(response, tracker, "rest"))
    assert reply is not None
    return reply


def test_mixing_questions_get_the_mixing_answer_in_both_languages() -> None:
    en = _reply("utter_ask_safety_procedures", "en", MIXING_REASON)
    es = _reply("utter_ask_safety_procedures", "es", MIXING_REASON)
    assert "slow or stop breathing" in en["text"] and "911" in en["text"]
    assert "respiración" in es["text"] and "911" in es["text"]


def test_street_pill_questions_get_the_fentanyl_answer() -> None:
    en = _reply("utter_ask_safety_procedures", "en", PRESSED_PILLS_REASON)
    assert "fentanyl" in en["text"] and "naloxone" in en["text"].lower()


def test_lying_down_after_pills_is_not_alone_and_otherwise_988_close() -> None:
    pills = _reply("utter_crisis_update_lying_down", "en", crisis_category="overdose_self")
    calm = _reply("utter_crisis_update_lying_down", "en", crisis_category="suicidal")
    pills_es = _reply("utter_crisis_update_lying_down", "es", crisis_category="overdose_self")
    assert "don't lie down alone" in pills["text"] and "1-800-222-1222" in pills["text"]
    assert "988" in calm["text"] and "taken" not in calm["text"]
    assert "no se acueste solo" in pills_es["text"]
