"""What queued texts say: minimum necessary, and nothing that reveals treatment."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iop_assistant import callback_texts
from iop_assistant.channels.sms_format import KEYWORD_STOP, keyword_of
from iop_assistant.program_facts import load

FACTS = load()
NAMES = [None, "", "Sam", "Mary-Jo", "José", "O'Neil", "Sam Recovery", "IOP", "x" * 60, "R2D2"]
TIMES = ["now", "morning", "afternoon", "evening", "any time", "after 6 near my job"]
EXTRA_FORBIDDEN = [FACTS.program_name.lower(), "intensive", "outpatient", "opioid", "meth"]


def words_in(body: str) -> set[str]:
    return set(re.findall(r"[a-z]+", body.lower()))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("best_time", TIMES)
def test_confirmation_reveals_nothing(name, best_time):
    body = callback_texts.callback_confirmation(12, name, best_time)
    lowered = body.lower()
    for word in (*callback_texts.FORBIDDEN_WORDS, *EXTRA_FORBIDDEN):
        assert not re.search(rf"\b{re.escape(word)}\b", lowered), (word, body)
    assert FACTS.helpline in body
    assert "Reply STOP to opt out." in body
    assert "(ref 12)" in body  # unique per request: the crash lookup matches on it
    assert body.isascii() or name == "José"
    assert len(body) <= 160 or name == "José"
    if best_time.startswith("after"):
        assert "near my job" not in body


def test_confirmation_example():
    assert callback_texts.callback_confirmation(12, "Sam", "morning", "(888) 783-3291") == (
        "Hi Sam, we got your request (ref 12) and will call you in the morning. "
        "If it can't wait, call (888) 783-3291. Reply STOP to opt out."
    )


def test_a_name_that_is_not_a_name_is_left_out():
    assert callback_texts.callback_confirmation(3, "<script>", "now").startswith("Hi, we got")
    assert callback_texts.safe_first_name("Sam Recovery") is None


def test_staff_alert_is_minimal():
    assert callback_texts.staff_alert(12, "morning") == (
        "New callback request #12, best time: morning. Open the staff console."
    )
    body = callback_texts.staff_alert(7, "call my cell 773 555 0123 after rehab")
    assert words_in(body) == words_in("New callback request best time see console Open the staff")


@pytest.mark.parametrize("language", ["en", "es"])
@given(name=st.text(max_size=80), request_id=st.integers(min_value=1, max_value=10**9))
def test_no_name_can_make_the_confirmation_revealing(language, name, request_id):
    body = callback_texts.callback_confirmation(
        request_id, name, "morning", "(888) 783-3291", language=language
    )
    lowered = body.lower()
    for word in callback_texts.FORBIDDEN_WORDS:
        assert not re.search(rf"\b{re.escape(word)}\b", lowered), (word, body)
    digits = re.sub(r"\(ref \d+\)|\(888\) 783-3291", "", body)
    assert not re.search(r"\d", digits)  # no number but the reference and the help line


# Spanish (issue 18) --------------------------------------------------------------
def spanish(name: str | None, best_time: str, helpline: str | None = None) -> str:
    return callback_texts.callback_confirmation(12, name, best_time, helpline, language="es")


def test_spanish_confirmation_example():
    assert spanish("Sam", "morning", "(888) 783-3291") == (
        "Hola Sam, recibimos su pedido (ref 12) y le llamaremos en la mañana. "
        "Si no puede esperar, llame al (888) 783-3291. "
        "Responda STOP (o PARAR) para no recibir más mensajes."
    )
    assert spanish(None, "now", "(888) 783-3291").startswith(
        "Hola, recibimos su pedido (ref 12) y le llamaremos lo antes posible."
    )


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("best_time", TIMES)
def test_spanish_confirmation_reveals_nothing_and_fits(name, best_time):
    body = spanish(name, best_time)
    lowered = body.lower()
    for word in (*callback_texts.FORBIDDEN_WORDS, *EXTRA_FORBIDDEN):
        assert not re.search(rf"\b{re.escape(word)}\b", lowered), (word, body)
    assert FACTS.helpline in body  # from program.yml, as in English
    assert "Responda STOP (o PARAR) para no recibir más mensajes." in body
    assert "(ref 12)" in body
    assert len(body) <= 320  # accents make it a UCS-2 text: 67 characters a segment
    if best_time.startswith("after 6"):
        assert "near my job" not in body and "a la hora que nos indicó" in body


def test_every_best_time_has_a_spanish_phrase():
    assert callback_texts._WHEN_ES.keys() == callback_texts._WHEN.keys()
    for best_time, phrase in callback_texts._WHEN_ES.items():
        assert f"le llamaremos {phrase}. " in spanish("Sam", best_time.upper() + " ")


def test_parar_in_the_spanish_text_is_an_opt_out_the_sms_channel_honours():
    assert keyword_of("STOP") == (KEYWORD_STOP, "STOP")
    assert keyword_of("parar") == (KEYWORD_STOP, "PARAR")


@pytest.mark.parametrize("language", ["en", "fr", "", "ES", "spanish"])
def test_any_language_but_spanish_gets_english(language):
    body = callback_texts.callback_confirmation(12, "Sam", "evening", "(888) 783-3291", language)
    assert body == callback_texts.callback_confirmation(12, "Sam", "evening", "(888) 783-3291")
    assert body.startswith("Hi Sam, we got your request") and "Reply STOP to opt out." in body


def test_a_spanish_word_that_reveals_treatment_is_no_name():
    for name in ("Ana Recuperación", "Luis Adiccion", "Tratamiento"):
        assert callback_texts.safe_first_name(name) is None, name
    assert spanish("Ana Recuperación", "now").startswith("Hola, recibimos")
