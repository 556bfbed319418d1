"""Round 33: the retrained classifier's weak guesses, "too long", relatives' outcomes."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.control_intents import asks_for_shorter


@pytest.mark.parametrize(
    "text, expected",
    [
        ("too long", True),
        ("shorter pls", True),
        ("tl;dr", True),
        ("way too long lol", True),
        ("mas corto porfa", True),
        ("muy largo", True),
        ("can u make it shorter", True),
        ("how long is the program", False),
        ("too long to wait?", False),
        ("is it too long", False),
        ("long", False),
    ],
)
def test_asks_for_shorter(text, expected):
    assert asks_for_shorter(text) is expected


@pytest.mark.parametrize(
    "text, intent, confidence, expected",
    [
        # after the round 32 retrain the classifier's own reading was too weak to pass
        ("ok lets do it", "affirm", 0.30, "affirm"),
        ("lets do this", "nlu_fallback", 0.30, "affirm"),
        (
            "i walked out of rehab against medical advice last week. can i still do your program",
            "ask_relapse",
            0.10,
            "ask_relapse",
        ),
        ("too long", "ask_program_length", 0.6, "repeat_last"),
        ("shorter pls", "nlu_fallback", 0.3, "repeat_last"),
    ],
)
def test_weak_or_wrong_readings_are_lifted(gated, text, intent, confidence, expected):
    assert gated(text, intent, confidence) == expected


def test_a_weak_relapse_reading_is_made_sure_for_coming_back():
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.control_gate import gate

    text = "i walked out of rehab against medical advice last week. can i still do your program"
    message = Message({TEXT: text})
    message.set(INTENT, {"name": "ask_relapse", "confidence": 0.1})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_relapse", "confidence": 0.1}])
    gate(message)
    assert message.get(INTENT) == {"name": "ask_relapse", "confidence": 1.0}
