"""InputGuard / UnreadableInputOverride: bad input is tamed, never lost."""

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.input_text import MAX_CLASSIFIED_CHARS, clean_text, is_unreadable
from iop_assistant.nlu.input_guard import ORIGINAL_TEXT, InputGuard, UnreadableInputOverride


@pytest.mark.parametrize(
    "text", ["", "   ", "😀😀😀", "\x00\x01\x02\x7f", "🙏🙏🙏🙏", "?!?! ...", "\ufffd\ufffd\ufffd"]
)
def test_letterless_messages_are_unreadable(text):
    assert is_unreadable(text)


@pytest.mark.parametrize(
    "text",
    [
        "1",
        "2",
        "hi",
        "what is iop",
        "¿Dónde está la clínica?",
        "привет",
        "<script>alert(1)</script> what is iop",
        "ok 👍",
    ],
)
def test_real_messages_are_readable(text):
    assert not is_unreadable(text)


def test_clean_text_strips_controls_and_caps_length():
    assert clean_text("hi\x00\x07 there\n\n  you") == "hi there you"
    assert len(clean_text("a " * 10_000)) == MAX_CLASSIFIED_CHARS


def test_input_guard_keeps_the_original():
    huge = "help " * 3000
    message = Message({TEXT: huge})
    InputGuard().process([message])
    assert message.get(ORIGINAL_TEXT) == huge
    assert len(message.get(TEXT)) == MAX_CLASSIFIED_CHARS


def test_override_marks_unreadable_as_fallback():
    message = Message({TEXT: "😀😀"})
    InputGuard().process([message])
    message.set(INTENT, {"name": "greet", "confidence": 0.8})
    UnreadableInputOverride().process([message])
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 1.0}


def test_override_leaves_readable_messages_alone():
    message = Message({TEXT: "what is iop"})
    InputGuard().process([message])
    message.set(INTENT, {"name": "ask_what_is_iop", "confidence": 0.8})
    UnreadableInputOverride().process([message])
    assert message.get(INTENT)["name"] == "ask_what_is_iop"


@pytest.mark.parametrize(
    "text, read",
    [
        ("hi, what is iop", "what is iop"),
        ("Hello there. how much does it cost", "how much does it cost"),
        ("good morning, can my son still start next week", "can my son still start next week"),
        ("hey, first time using this chat", "hey, first time using this chat"),  # small talk
        ("hi there", "hi there"),  # nothing but a greeting stays a greeting
        ("hey you there?", "hey you there?"),
        ("hiking near you?", "hiking near you?"),
    ],
)
def test_the_classifier_reads_the_question_behind_a_greeting(text: str, read: str) -> None:
    (message,) = InputGuard().process([Message(data={TEXT: text})])
    assert message.get(TEXT) == read
    assert message.get(ORIGINAL_TEXT) == text  # the crisis guard and the gate see it all
