"""Round 25: what v19/es-v10 (read this round) showed in the language rules."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.control_intents import asks_for_screening
from iop_assistant.nlu.danger_words import has_danger_words
from iop_assistant.nlu.dosing_questions import asks_about_stopping_while_pregnant


@pytest.mark.parametrize(
    "text,asks",
    [
        ("ok perdon mejor en español jaja. como se si necesito detox primero? es para mi", True),
        ("hola, necesito saber si tengo que ir a detox o puedo entrar directo al programa", True),
        ("yo quisiera que me hicieran las preguntas esas de si necesito detox", True),
        ("quiero saber si mi hijo tiene que ir a detox", True),
        ("ustedes hacen detox?", False),
        ("tienen desintoxicacion ahi?", False),
    ],
)
def test_spanish_asks_for_the_screening(text: str, asks: bool) -> None:
    assert asks_for_screening(text) is asks


@pytest.mark.parametrize(
    "text,pregnant",
    [
        ("uso coca los fines de semana, no estoy embarazada, tengo que ir a detox?", False),
        ("i'm not pregnant, do i need to stop before detox", False),
        ("estoy embarazada y quiero dejar las pastillas", True),
        ("im pregnant and want to stop using", True),
    ],
)
def test_a_pregnancy_said_not_to_be_is_no_pregnancy(text: str, pregnant: bool) -> None:
    assert asks_about_stopping_while_pregnant(text) is pregnant


@pytest.mark.parametrize(
    "text,danger",
    [
        ("i found foil and some little blue pills i think its fentanyl", False),
        ("his lips are blue", True),
        ("he is turning blue", True),
    ],
)
def test_the_colour_of_pills_is_no_danger_word(text: str, danger: bool) -> None:
    assert has_danger_words(text) is danger
