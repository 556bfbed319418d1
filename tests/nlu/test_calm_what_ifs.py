"""A wife asking what to do *if* her husband's withdrawal starts this weekend, or saying
nothing is happening now, gets an answer, not "Call 911 now" (voice role-play, late)."""

from __future__ import annotations

import pytest
import spacy
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.crisis_guard import CrisisGuard
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.input_guard import InputGuard


@pytest.fixture(scope="module")
def guard() -> CrisisGuard:
    return CrisisGuard(CrisisMatcher(spacy.load(spacy_pipeline.build())))


def read(guard: CrisisGuard, text: str, intent: str = "crisis") -> str:
    message = Message({TEXT: text})
    InputGuard().process([message])
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": intent, "confidence": 0.9}, {"name": "ask_who_benefits", "confidence": 0.05}],
    )
    guard.process([message])
    return message.get(INTENT)["name"]


@pytest.mark.parametrize(
    "text, answered_with",
    [
        (
            "So what do I do if he stops Saturday and starts shaking real bad or seeing "
            "things that aren't there?",
            "request_detox_screening",
        ),
        (
            "He's fine right now, nobody's in danger. I'm just asking, can your program help "
            "him, or does he have to go to detox first?",
            "request_detox_screening",
        ),
    ],
)
def test_what_ifs_and_calm_questions_are_answered(guard, text, answered_with):
    assert read(guard, text) == answered_with


def test_nothing_happening_now_is_not_the_crisis_reply(guard):
    text = (
        "No no, it's not happening right now, he's at work. I mean if it happens this "
        "weekend. Can your program take him?"
    )
    assert read(guard, text) != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "what do i do he started shaking and seeing things after he stopped drinking",
        "what do i do if he starts shaking, he is shaking right now and seeing bugs",
        "its not happening right now but he just had a seizure an hour ago and wont wake up",
    ],
)
def test_something_happening_now_keeps_the_crisis_reply(guard, text):
    assert read(guard, text) == "crisis"
