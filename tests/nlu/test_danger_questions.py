"""A general question about danger is answered; a question about someone now is not one."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.danger_questions import answer_for, is_general_danger_question


@pytest.mark.parametrize(
    "text, intent",
    [
        ("are gray lips a sign of an overdose or is he just cold?", "ask_safety_procedures"),
        ("what does it mean if somebody's pupils are tiny", "ask_safety_procedures"),
        ("can quitting benzos suddenly cause a seizure?", "request_detox_screening"),
        ("how do i ask my brother if he thinks about suicide", None),
        # v6 look-alikes, in the lead's own words
        ("why does someone's skin go blue when they overdose", "ask_safety_procedures"),
        ("what does 'the shakes' mean in withdrawal", "request_detox_screening"),
        ("is a racing heart a symptom of withdrawal?", "request_detox_screening"),
        # v7 look-alikes, in the lead's own words
        ("do people still have to call 911 if narcan worked?", "ask_safety_procedures"),
        ("what's the difference between nodding off and an overdose", "ask_safety_procedures"),
    ],
)
def test_general_questions_are_answered(text: str, intent: str | None) -> None:
    assert is_general_danger_question(text)
    assert answer_for(text, None) == intent


@pytest.mark.parametrize(
    "text",
    [
        "how do i tell if hes overdosing? his lips are blue",
        "is it a sign of overdose if she wont wake up",
        "what do i do, my friend is not breathing",
        "can stopping xanax cause seizures? im shaking right now",
        "i think my son is overdosing",
    ],
)
def test_anything_about_someone_now_is_not_a_general_question(text: str) -> None:
    assert not is_general_danger_question(text)
