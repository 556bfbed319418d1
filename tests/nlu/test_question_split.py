"""A message with two program questions has both read (role-played parents, rounds
16-17: "multi-question family messages get one answer")."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.second_question import MAX_QUESTIONS, questions, sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Does insurance cover this? And can I sit in on his sessions?",
            ["Does insurance cover this?", "can I sit in on his sessions?"],
        ),
        (
            "how long is the program, and also can he keep working",
            ["how long is the program", "can he keep working"],
        ),
        (
            "Cuanto cuesta? y tambien puedo ir con mi hijo a las sesiones?",
            ["Cuanto cuesta?", "puedo ir con mi hijo a las sesiones?"],
        ),
        ("whats the cost?\nwhen are groups", ["whats the cost?", "when are groups"]),
    ],
)
def test_each_question_of_a_message_is_found(text: str, expected: list[str]) -> None:
    assert questions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "what is iop?",  # one question
        "",
        "My husband drinks. I am worried. What do I do?",  # one question after a story
        "ok thanks. bye",
    ],
)
def test_a_message_with_one_question_or_none_is_left_alone(text: str) -> None:
    assert len(questions(text)) < 2


def test_statements_are_sentences_but_not_questions() -> None:
    text = "My son is home from rehab. He wants to keep working."
    assert sentences(text) == ["My son is home from rehab.", "He wants to keep working."]
    assert questions(text) == []


def test_a_long_list_of_questions_is_cut() -> None:
    text = " ".join(f"what about topic {n}?" for n in range(10))
    assert len(questions(text)) == MAX_QUESTIONS
