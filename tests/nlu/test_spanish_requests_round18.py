"""Spanish ways of asking for a dose plan, the help line's hours, a text back, and of
saying goodbye (es-v3, read in round 18: each got a menu or the welcome)."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.contact_questions import asks_about_helpline_hours, asks_for_a_text_back
from iop_assistant.nlu.control_intents import ends_with_farewell
from iop_assistant.nlu.dosing_questions import asks_about_dosing


@pytest.mark.parametrize(
    "text",
    [
        "y si dejo las pastillas de un jalon desde hoy?",
        "cuantas me puedo ir quitando por semana para irlas dejando yo solo?",
        "lo puede dejar de golpe o le tiene que ir bajando?",
        "cuantos mg de metadona son seguros",
    ],
)
def test_spanish_dose_questions(text: str) -> None:
    assert asks_about_dosing(text)


@pytest.mark.parametrize(
    "text",
    ["me dio un golpe en la cabeza", "el precio va bajando?", "dejo a mi hijo en la escuela"],
)
def test_spanish_look_alikes_are_not_dose_questions(text: str) -> None:
    assert not asks_about_dosing(text)


@pytest.mark.parametrize(
    "text",
    [
        "a que hora contestan en el numero de ayuda",
        "puedo llamar un domingo?",
        "si llamo a las 2 de la mañana alguien me contesta?",
        "a que hora puedo llamar al 888",
    ],
)
def test_spanish_help_line_hours(text: str) -> None:
    assert asks_about_helpline_hours(text)


@pytest.mark.parametrize("text", ["a que hora empiezan los grupos", "puedo llamar a mi mama?"])
def test_other_times_are_not_the_help_lines_hours(text: str) -> None:
    assert not asks_about_helpline_hours(text)


@pytest.mark.parametrize(
    "text",
    [
        "me pueden contestar por mensaje? no puedo hablar por telefono en el trabajo",
        "puedo escribirle a alguien por texto?",
    ],
)
def test_spanish_text_back(text: str) -> None:
    assert asks_for_a_text_back(text)


@pytest.mark.parametrize("text", ["bueno muchas gracias eso era todo", "adiós", "ok hasta luego"])
def test_spanish_farewells(text: str) -> None:
    assert ends_with_farewell(text)


@pytest.mark.parametrize("text", ["eso es todo?", "es todo lo que tengo"])
def test_not_farewells(text: str) -> None:
    assert not ends_with_farewell(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("me pueden contestar por mensaje? no puedo hablar por telefono", "ask_text_back"),
        ("a que hora contestan en el numero de ayuda", "ask_helpline_hours"),
        ("y si dejo las pastillas de un jalon desde hoy?", "ask_dosing"),
    ],
)
def test_an_explicit_spanish_request_wins_over_the_spanish_welcome(gated, text, expected):
    # the classifier unsure of the Spanish words: the request, not "Claro, le escribo en español"
    assert gated(text, "ask_chat_privacy", 0.3) == expected


def test_spanish_callback_taken_back_and_nobody_understands_me():
    # Spanish role-play round 17: the callback request stayed, and "nadie me entiende" got
    # "Ese número no parece un número de EE. UU."
    from iop_assistant.nlu.control_intents import cancels_a_call
    from iop_assistant.nlu.distress_es import is_ambiguous_distress_es

    assert cancels_a_call("no te dije que no quiero que me llamen")
    assert cancels_a_call("no me llamen por favor")
    assert not cancels_a_call("me pueden llamar en la tarde?")
    assert is_ambiguous_distress_es("nadie me entiende")
    assert not is_ambiguous_distress_es("nadie me entiende el ingles")
