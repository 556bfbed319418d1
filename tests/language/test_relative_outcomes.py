"""A relative who answers the detox questions for someone hears about *them*, not "you"
(family role-play round 34: "Tell the intake team and your prescriber what you take" to a
husband answering for his wife). The relative's variation has one condition more than the
person's own, and the most specific match wins (``language.nlg.most_specific``)."""

from __future__ import annotations

import pytest

from iop_assistant.language.nlg import most_specific
from tests.domains import render

OUTCOMES = [
    ("utter_screening_detox_first", "withdrawal_now"),
    ("utter_screening_detox_first", None),
    ("utter_screening_iop_may_fit", "sedatives_named"),
    ("utter_screening_iop_may_fit", None),
    ("utter_screening_helpline", "prescribed"),
    ("utter_screening_helpline", None),
    ("utter_screening_prescribed_note", None),
    ("utter_screening_opioid_note", None),
]


@pytest.mark.parametrize("name, note", OUTCOMES)
@pytest.mark.parametrize("channel", ["rest", "twilio", "voice"])
def test_a_relative_always_hears_they_not_you(name: str, note: str | None, channel: str) -> None:
    for _ in range(8):  # Rasa picks at random among matches: every pick must be the relative's
        text = render(name, "en", channel, screening_for="other", screening_note=note)["text"]
        assert " your own" not in text and "your prescriber" not in text, text
        assert "they" in text.lower() or "them" in text.lower(), text


@pytest.mark.parametrize("name, note", OUTCOMES)
def test_spanish_relatives_hear_esa_persona(name: str, note: str | None) -> None:
    for _ in range(8):
        text = render(name, "es", "rest", screening_for="other", screening_note=note)["text"]
        assert "esa persona" in text.lower(), text


@pytest.mark.parametrize("name, note", OUTCOMES)
def test_the_person_themself_still_hears_you(name: str, note: str | None) -> None:
    text = render(name, "en", "rest", screening_for="self", screening_note=note)["text"]
    assert "for them" not in text and "their own" not in text, text


def test_most_specific_keeps_defaults_and_the_fullest_match() -> None:
    one = {"condition": [{"type": "slot", "name": "a", "value": 1}], "text": "one"}
    two = {
        "condition": [
            {"type": "slot", "name": "a", "value": 1},
            {"type": "slot", "name": "b", "value": 2},
        ],
        "text": "two",
    }
    default = {"text": "default"}
    assert most_specific([one, two, default], {"a": 1, "b": 2}) == [two, default]
    assert most_specific([one, two, default], {"a": 1}) == [one, two, default]
    assert most_specific([one, two, default], {}) == [one, two, default]
