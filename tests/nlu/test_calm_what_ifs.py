"""A wife asking what to do *if* her husband's withdrawal starts this weekend, or saying
nothing is happening now, gets an answer, not "Call 911 now" (voice role-play, late)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT


def intent_of(guarded, text: str) -> str:
    return guarded(text).get(INTENT)["name"]


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
def test_what_ifs_and_calm_questions_are_answered(guarded, text, answered_with):
    assert intent_of(guarded, text) == answered_with


def test_nothing_happening_now_is_not_the_crisis_reply(guarded):
    text = (
        "No no, it's not happening right now, he's at work. I mean if it happens this "
        "weekend. Can your program take him?"
    )
    assert intent_of(guarded, text) != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "what do i do he started shaking and seeing things after he stopped drinking",
        "what do i do if he starts shaking, he is shaking right now and seeing bugs",
        "its not happening right now but he just had a seizure an hour ago and wont wake up",
    ],
)
def test_something_happening_now_keeps_the_crisis_reply(guarded, text):
    assert intent_of(guarded, text) == "crisis"
