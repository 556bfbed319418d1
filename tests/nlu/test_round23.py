"""Round 23: what v17 and es-v8 (blind until read) showed, in their authors' words and ours."""

from __future__ import annotations

import pytest

from iop_assistant.channels import voice_twiml as twiml
from iop_assistant.form_answers import parse_first_name, parse_screening_for
from iop_assistant.input_text import written_forms
from iop_assistant.language.requests import spanish_yes_no
from iop_assistant.nlu.contact_questions import asks_about_helpline_hours, asks_how_to_persuade
from iop_assistant.nlu.control_intents import (
    asks_for_a_call,
    asks_for_the_number,
    asks_to_be_connected,
    ends_with_farewell,
    says_stop,
)
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.screening_answers import parse_last_use


@pytest.mark.parametrize(
    "text,when",
    [
        # how long someone has used, not when they last did (a daily Xanax user with
        # withdrawal got "IOP may fit": "every day for like 3 yrs" was "over a month ago")
        ("every day for like 3 yrs", None),
        ("every day for like a year", None),
        ("daily for years", None),
        ("for the past 2 years, last used yesterday", "days"),
        ("been using for 3 years, last time today", "today"),
        ("3 years ago", "months"),
        ("clean for like 2 years", "months"),
        ("sober for about 3 months", "months"),
    ],
)
def test_how_long_is_not_when_last(text, when) -> None:
    assert parse_last_use(text) == when


@pytest.mark.parametrize(
    "text,who",
    [
        ("its for my stepson, hes 24", "other"),
        ("my stepdaughter", "other"),
        ("for my grandma", "other"),
        ("myself", "self"),
        ("its for me bro", "self"),
    ],
)
def test_step_and_grand_relatives(text, who) -> None:
    assert parse_screening_for(text) == who


def test_a_name_after_names() -> None:
    assert parse_first_name("names wade") == "Wade"
    assert parse_first_name("my names jo") == "Jo"


@pytest.mark.parametrize(
    "said,written",
    [
        ("what is eye oh pee", "what is IOP"),
        ("do you guys take uh medic aid", "do you guys take uh Medicaid"),
        ("we already get tested for d o t", "we already get tested for DOT"),
        ("i dont want to go to the e r", "i dont want to go to the ER"),
        ("eye opener", "eye opener"),
    ],
)
def test_words_speech_spells_out(said, written) -> None:
    assert written_forms(said) == written


@pytest.mark.parametrize(
    "text,kind",
    [
        ("i dont want to go to the e r they cant do nothing", "refuses_911"),
        ("im not going to the er", "refuses_911"),
        ("i dont want to go to the hospital for detox", None),
    ],
)
def test_refusing_the_er(text, kind) -> None:
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text,farewell",
    [
        ("alright my breaks about up i gotta get back on the road", True),
        ("no thats it", True),
        ("nope thats all thanks", True),
        ("thats it?", False),
        ("i need to get back to work at 1 tho", False),
        ("no thats it, he drinks vodka too", False),
    ],
)
def test_leaving_for_work_and_nothing_else(text, farewell) -> None:
    assert ends_with_farewell(text) is farewell


@pytest.mark.parametrize(
    "text,number",
    [
        ("Ok. What's the number, I'll call from my car on break.", True),
        ("cual es el numero", True),
        ("y cual es el numero de ustedes?", True),
        ("cual es el numero de casos", False),
    ],
)
def test_the_number_asked_for(text, number) -> None:
    assert asks_for_the_number(text) is number


@pytest.mark.parametrize(
    "text,connect",
    [
        ("ok entonces paseme ahorita", True),
        ("sabe que mejor paseme con alguien", True),
        ("paseme el numero", False),
    ],
)
def test_a_spanish_request_to_be_put_through(text, connect) -> None:
    assert asks_to_be_connected(text) is connect


@pytest.mark.parametrize(
    "speech,transfer",
    [
        ("la linea de ayuda contesta en la noche o nomas en el dia", False),
        ("ok entonces paseme ahorita", True),
        ("paseme con la linea de ayuda", True),
    ],
)
def test_spanish_callers_asking_when_or_to_be_put_through(speech, transfer) -> None:
    assert twiml.wants_helpline(speech, "") is transfer


@pytest.mark.parametrize(
    "text,answer",
    [("sale", "affirm"), ("simon", "affirm"), ("sale pues", "affirm"), ("sale de casa", None)],
)
def test_a_mexican_yes(text, answer) -> None:
    assert spanish_yes_no(text) == answer


@pytest.mark.parametrize(
    "text,stop",
    [
        ("sabes que ya no, mejor otro dia, ya llego el", True),
        ("sabe que ya no, mejor despues", True),
        ("ya no", False),
        ("ya no, hace un mes", False),
        ("ya no toma", False),
    ],
)
def test_ya_no_then_a_stop(text, stop) -> None:
    assert says_stop(text) is stop


def test_a_spanish_call_asked_for_a_relative() -> None:
    assert asks_for_a_call(
        "hi im texting for my mom she doesnt speak english. mi mama quiere que alguien le "
        "llame en español para hablar de mi hermano"
    )


@pytest.mark.parametrize(
    "text,asks",
    [
        ("how would i even bring it up with him", True),
        ("how do i approach her about it", True),
        ("how do i bring up the cost", False),
    ],
)
def test_how_to_raise_it_with_a_loved_one(text, asks) -> None:
    assert asks_how_to_persuade(text) is asks


@pytest.mark.parametrize(
    "text,asks",
    [
        (
            "yeah uh is there somebody i can call like at three in the morning when i cant "
            "sleep and im craving",
            True,
        ),
        ("is there someone i can talk to about my son", False),
    ],
)
def test_someone_to_call_at_an_hour(text, asks) -> None:
    assert asks_about_helpline_hours(text) is asks


@pytest.mark.parametrize("text,yes", [("sale", True), ("Sale!", True), ("el sale a las 5", None)])
def test_sale_alone_answers_yes(text, yes) -> None:
    from iop_assistant.screening_answers import parse_yes_no

    assert parse_yes_no(text) is yes


@pytest.mark.parametrize(
    "text,stop",
    [
        ("stop texting me", True),
        ("i said stop", True),
        ("pls stop texting me!!", True),
        ("deja de mandarme mensajes", True),
        ("no dont text me", False),  # answers the callback's texting question
        ("I want to stop drinking", False),
    ],
)
def test_an_opt_out_in_plain_words(text, stop) -> None:
    from iop_assistant.channels.sms_format import KEYWORD_STOP, keyword_of

    assert (keyword_of(text) == (KEYWORD_STOP, "STOP")) is stop


def test_someone_else_will_call_and_no_call_wanted() -> None:
    from iop_assistant.nlu.control_intents import cancels_a_call

    assert not asks_for_a_call("ill have my mom call them")
    assert asks_for_the_number("ill have my mom call them")
    assert cancels_a_call("ur not gonna have them call me right?")


def test_a_failed_test_is_the_drug_testing_question() -> None:
    from iop_assistant.nlu.contact_questions import asks_about_a_failed_test

    assert asks_about_a_failed_test("what happens if he fails one?")
    assert asks_about_a_failed_test("does a dirty UA get you kicked out")
    assert not asks_about_a_failed_test("he failed a test at work last year")


def test_the_part_of_the_day_said_to_be_best() -> None:
    from iop_assistant.form_answers import best_time_in_request

    assert (
        best_time_in_request(
            "can you have them call me then? mornings are best, I'm hard of hearing on the phone "
            "in the afternoon when the TV's on"
        )
        == "morning"
    )


def test_the_last_part_of_the_number() -> None:
    assert twiml.asks_for_the_number(
        "eight eight eight seven eight three... what was the last part"
    )


@pytest.mark.parametrize(
    "text,kind",
    [
        ("ok i turned it off and opened the window. im still here", "safe_now"),
        ("ok. i turned the car off and opened the door. now what", "safe_now"),
        ("ya lo guarde en el carro", "safe_now"),
        ("i put the pills away", "safe_now"),
        ("i turned off the stove, dinner is ready", None),
    ],
)
def test_the_means_put_away(text, kind) -> None:
    assert read_update(text) == kind


def test_no_mejor_no_is_a_no() -> None:
    assert spanish_yes_no("no mejor no") == "deny"


@pytest.mark.parametrize(
    "text,bot", [("who dis", True), ("hi. who is this", True), ("who is this program for", False)]
)
def test_who_is_this_is_the_bot_question(text, bot) -> None:
    from iop_assistant.call_questions import asks_if_a_person_answers

    assert asks_if_a_person_answers(text) is bot


def test_a_drink_to_stop_the_shaking() -> None:
    assert read_update(
        "i quit 3 days ago and im shaking bad, should i just have a drink to stop it"
    ) == ("self_medicate")


@pytest.mark.parametrize(
    "text,idiom",
    [
        ("my engine seized up on the highway so i need a ride to group", True),
        ("the police seized my car after my dui, is there a bus that goes near you", True),
        ("sorry i dropped off, my phone died mid text", True),
        ("he seized and his phone died", False),
    ],
)
def test_things_that_seize_or_die(text, idiom) -> None:
    from iop_assistant.nlu.danger_idioms import is_idiom_only

    assert is_idiom_only(text) is idiom


@pytest.mark.parametrize(
    "text,plea",
    [
        ("que hago que hago", True),
        ("¿y ahora qué hago?", True),
        ("ayudenme", True),
        ("que hago para inscribirme", False),
    ],
)
def test_a_spanish_plea(text, plea) -> None:
    from iop_assistant.nlu.control_intents import is_plea

    assert is_plea(text) is plea


@pytest.mark.parametrize("text,name", [("nel", "skip"), ("sale", "skip"), ("Nelson", "Nelson")])
def test_a_spanish_no_to_the_name_question(text, name) -> None:
    assert parse_first_name(text) == name
