"""QuestionFirst: a message that tells something and asks about the program gets its
question answered (role-play 2026-12-04), and a crisis is never changed."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.question_first import QuestionFirst


def r(first: str, p: float, second: str, q: float) -> list:
    return [{"name": first, "confidence": p}, {"name": second, "confidence": q}]


def parsed(text: str, ranking: list) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, dict(ranking[0]))
    message.set(INTENT_RANKING_KEY, ranking)
    return QuestionFirst().process([message])[0]


def test_telling_and_asking_gets_the_question_answered():
    ranking = r("inform_use", 0.38, "ask_admission_process", 0.18)
    text = "i wont do anything tonight, i just need to quit drinking. how do i sign up?"
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_admission_process"


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        # no question about the program
        (
            "i drink every day",
            r("inform_use", 0.6, "ask_schedule", 0.3),
        ),
        # the topic is too unsure
        (
            "i use daily, what do you do?",
            r("inform_use", 0.8, "ask_schedule", 0.05),
        ),
        # a crisis is never changed
        (
            "i want to die, how do i sign up",
            r("crisis", 1.0, "ask_admission_process", 0.5),
        ),
        # an FAQ reading is kept
        (
            "what are the hours",
            r("ask_location_hours", 0.5, "ask_schedule", 0.4),
        ),
    ],
)
def test_everything_else_is_left_alone(text, ranking):
    assert parsed(text, ranking).get(INTENT)["name"] == ranking[0]["name"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("She is safe. How do we sign up for the program?", "ask_safety_procedures"),
        ("how does someone start your iop", "ask_schedule"),
        ("what are the steps to enroll", "nlu_fallback"),
    ],
)
def test_a_plain_enrolment_question_is_the_admission_question(text, intent):
    message = parsed(text, r(intent, 0.6, "ask_admission_process", 0.1))
    assert message.get(INTENT)["name"] == "ask_admission_process"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how do i start tapering", "ask_dosing"),
        ("i want to die. how do i sign up", "crisis"),
        ("can someone call me about how to sign up", "request_callback"),
    ],
)
def test_other_readings_of_starting_are_kept(text, intent):
    assert parsed(text, r(intent, 0.6, "ask_admission_process", 0.1)).get(INTENT)["name"] == intent


@pytest.mark.parametrize("intent", ["nlu_fallback", "inform_use", "inform"])
def test_what_is_iop_asked_in_so_many_words_is_answered(intent):
    message = parsed(
        "my name is Jose Garcia, what is IOP?", r(intent, 0.35, "ask_what_is_iop", 0.26)
    )
    assert message.get(INTENT)["name"] == "ask_what_is_iop"


def test_what_is_iop_inside_another_reading_is_left_alone():
    message = parsed("what is the iop schedule", r("ask_schedule", 0.9, "ask_what_is_iop", 0.05))
    assert message.get(INTENT)["name"] == "ask_schedule"
