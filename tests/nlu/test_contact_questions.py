"""Asking for a text back, or when the help line answers, is answered as asked: not read
as a callback request, a "no" to the offered number, or the locations answer (texter and
family role-plays, 2026-12-04, late)."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.contact_questions import (
    HELPLINE_HOURS_INTENT,
    TEXT_BACK_INTENT,
    asks_about_helpline_hours,
    asks_for_a_text_back,
)

TEXT_BACK = [
    # the texter's words, then worded apart
    "cant call rn im at work can somone text me back a real person",
    "no i said TEXT not call. do ppl text back or not",
    "so a human can text me or no",
    "is there a number i can text instead",
    "could somebody just message me back, i cant talk at home",
    "i'd rather text not call",
    "i hate phone calls, is there someone who can just text me instead?",
    "¿alguien me puede escribir? no puedo hablar",
]
NOT_TEXT_BACK = [
    "can i text 988",
    "can you text me the address",
    "will they text me before they call",
    "please call me back after 6",
    "text me the number",
]
HOURS = [
    "is the help line open at night or just business hours? I work til 6",
    "what are the help line hours",
    "does anyone answer that number on weekends?",
    "when does someone answer the phone line",
    "¿a qué hora contestan en la línea de ayuda?",
]
NOT_HOURS = [
    "what are your hours",
    "is 988 open at night",
    "call the help line",
    "what's the number",
]


@pytest.mark.parametrize("text", TEXT_BACK)
def test_asking_for_a_text_back_is_recognised(text):
    assert asks_for_a_text_back(text)


@pytest.mark.parametrize("text", NOT_TEXT_BACK)
def test_other_texts_are_not_a_text_back(text):
    assert not asks_for_a_text_back(text)


@pytest.mark.parametrize("text", HOURS)
def test_asking_when_the_help_line_answers_is_recognised(text):
    assert asks_about_helpline_hours(text)


@pytest.mark.parametrize("text", NOT_HOURS)
def test_other_questions_are_not_about_help_line_hours(text):
    assert not asks_about_helpline_hours(text)


@pytest.mark.parametrize(
    "classified", ["request_callback", "deny", "nlu_fallback", "cancel_callback"]
)
def test_the_gate_answers_a_text_back_question(gated, classified):
    assert gated(TEXT_BACK[1], classified) == TEXT_BACK_INTENT


@pytest.mark.parametrize("classified", ["ask_location_hours", "request_human"])
def test_the_gate_answers_when_the_help_line_answers(gated, classified):
    assert gated(HOURS[0], classified) == HELPLINE_HOURS_INTENT


def test_a_crisis_reading_stays_with_the_crisis_guard(gated):
    assert gated("can someone text me back, i took all my pills", "crisis") == "crisis"
