"""Round 22: what v16 and es-v7 (blind until read) showed, in their authors' words and ours."""

from __future__ import annotations

import pytest

from iop_assistant.channels import voice_twiml as twiml
from iop_assistant.form_answers import parse_best_time, parse_screening_for
from iop_assistant.language.detect import detect
from iop_assistant.nlu.contact_questions import (
    asks_about_helpline_hours,
    tells_no_one_called_back,
)
from iop_assistant.nlu.control_intents import _LAST_WORD_FAREWELL
from iop_assistant.nlu.dosing_questions import asks_about_dosing


@pytest.mark.parametrize(
    "text,expected",
    [
        ("actually afternoon is better, i have court in the morning", "afternoon"),
        ("wait, make that evening, I'm at work in the morning", "evening"),
        ("not in the morning, afternoon please", "afternoon"),
        ("morning is fine, not evening", "morning"),
        ("morning", "morning"),
        ("asap", "now"),
    ],
)
def test_the_part_of_the_day_asked_for_not_the_one_they_are_busy_in(text, expected) -> None:
    assert parse_best_time(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("pa mi", "self"),
        ("pa' mi", "self"),
        ("nel, nunca he ido a rehab ni nada", None),
        ("he has been drinking every day", "other"),
        ("es pa mi hijo", "other"),
    ],
)
def test_who_the_screening_is_for_in_spanish(text, expected) -> None:
    assert parse_screening_for(text) == expected


@pytest.mark.parametrize(
    "text,said",
    [
        ("WHY HASNT ANYONE CALLED ME BACK I ASKED YESTERDAY", True),
        ("you guys never called me back", True),
        ("nobody ever called me", True),
        ("still waiting on a callback", True),
        ("todavia no me han llamado", True),
        ("nadie me ha llamado", True),
        ("i never called them", False),
        ("he hasnt called me back", False),
        ("can someone call me back", False),
        ("i have not called back my doctor", False),
    ],
)
def test_a_callback_that_has_not_come(text, said) -> None:
    assert tells_no_one_called_back(text) is said


@pytest.mark.parametrize(
    "text,asks",
    [
        ("is anyone even there at 11pm??", True),
        ("is anyone there at 11:30", True),
        ("is anyone there", False),
    ],
)
def test_whether_anyone_answers_at_an_hour(text, asks) -> None:
    assert asks_about_helpline_hours(text) is asks


@pytest.mark.parametrize(
    "text,asks",
    [
        (
            "been on klonopin 3 yrs, its prescribed. can i just stop taking it so i can start "
            "your program",
            True,
        ),
        ("can i just stop taking my xanax", True),
        ("should he stop taking his suboxone", True),
        ("my son is on suboxone, do i need to stop taking my vitamins lol", False),
        ("how do I stop taking care of everyone", False),
    ],
)
def test_stopping_a_medicine_is_the_dosing_question(text, asks) -> None:
    assert asks_about_dosing(text) is asks


@pytest.mark.parametrize(
    "text,spanish",
    [("hola info porfa", True), ("hola buenas", True), ("hola", False), ("hola Maria", False)],
)
def test_a_short_spanish_greeting_with_a_request(text, spanish) -> None:
    assert (detect(text) == "es") is spanish


@pytest.mark.parametrize(
    "text,farewell",
    [
        ("esta bien muchas gracias adios que dios la bendiga", True),
        ("thanks so much bye god bless", True),
        ("que dios la bendiga", False),
    ],
)
def test_a_farewell_with_a_blessing(text, farewell) -> None:
    assert bool(_LAST_WORD_FAREWELL.search(text)) is farewell


@pytest.mark.parametrize(
    "speech,again",
    [
        ("sorry can you repeat that slower", True),
        ("say that again", True),
        ("otra vez por favor", True),
        ("what does the program cost", False),
    ],
)
def test_a_caller_asks_to_hear_it_again(speech, again) -> None:
    assert twiml.asks_again(speech) is again


@pytest.mark.parametrize(
    "speech,bye",
    [
        ("ok the ambulance is here, bye", True),
        ("they're here now, gotta go", True),
        ("ya llegaron, adios", True),
        ("the ambulance is here", False),
        ("he said bye to me before he took them", False),
    ],
)
def test_a_caller_leaving(speech, bye) -> None:
    assert twiml.says_goodbye(speech) is bye


def test_just_the_number() -> None:
    assert twiml.asks_for_the_number("can you just the number")
    assert twiml.asks_for_the_number("could you just give me the number")


@pytest.mark.parametrize(
    "text,asks",
    [
        ("what should i say to get my brother to go to treatment", True),
        ("how do i convince my son to get help", True),
        ("how can i get him to agree to go", True),
        ("que le digo para que acepte ir", True),
        ("como lo convenzo", True),
        ("what should i say to him", False),
        ("how do i get to the program", False),
        ("how can i get my insurance to pay", False),
    ],
)
def test_what_to_say_to_a_loved_one(text, asks) -> None:
    from iop_assistant.nlu.contact_questions import asks_how_to_persuade

    assert asks_how_to_persuade(text) is asks


@pytest.mark.parametrize(
    "text,screening",
    [
        ("i shake in the morning til i drink, should i do detox", True),
        ("i'm afraid of withdrawal, do i need to be medically supervised", True),
        ("do i need medical help to come off benzos", True),
        ("my dad drinks a fifth a day, could quitting at home hurt him", True),
        ("could stopping kill me", True),
        ("should i do the homework first", False),
        ("could quitting my job hurt my chances", False),
    ],
)
def test_whether_stopping_needs_medical_help_is_the_screening(text, screening) -> None:
    from iop_assistant.nlu.control_intents import asks_for_screening

    assert asks_for_screening(text) is screening


@pytest.mark.parametrize(
    "text,now",
    [
        ("can i get someone on the phone please", True),
        ("who can i call to talk this through", True),
        ("can someone call me back tomorrow", False),
        ("who can i call if he overdoses", False),
    ],
)
def test_a_person_now_not_a_call_later(text, now) -> None:
    from iop_assistant.nlu.control_intents import asks_for_a_person_now

    assert asks_for_a_person_now(text) is now


@pytest.mark.parametrize(
    "text,bot",
    [
        ("is an actual counselor answering me", True),
        ("is a real person reading this?", True),
        ("is a real person available", False),
        ("i want a real person", False),
    ],
)
def test_whether_a_person_answers_is_the_bot_question(text, bot) -> None:
    from iop_assistant.call_questions import asks_if_a_person_answers

    assert asks_if_a_person_answers(text) is bot


@pytest.mark.parametrize(
    "text,kind",
    [
        ("would i need to move in or can i sleep at home", None),
        ("can i sleep in my own bed during the program", None),
        ("i took 10 xanax can i go to sleep", "lying_down"),
    ],
)
def test_sleeping_at_home_is_no_update(text, kind) -> None:
    from iop_assistant.nlu.crisis_updates import read_update

    assert read_update(text) == kind


def test_quitting_a_job_for_the_program_is_the_work_question() -> None:
    from iop_assistant.program_question import asks_about_keeping_work

    assert asks_about_keeping_work(
        "ok whatever. if i did the program thing would i have to quit my job"
    )


@pytest.mark.parametrize(
    "text,often",
    [
        ("every single day", "daily"),
        ("every blessed night", "daily"),
        ("every other day", "most_days"),
    ],
)
def test_how_often_said_with_emphasis(text, often) -> None:
    from iop_assistant.screening_answers import parse_frequency

    assert parse_frequency(text) == often


# --- role-play round 23 (over the retrained model), fixed the same round ---


def test_sleepiness_said_with_refusing_911_is_the_overdose_getting_worse() -> None:
    from iop_assistant.nlu.crisis_updates import read_update

    text = (
        "nah im not calling 911 im fine lol. its not like i tried to kill myself. just a "
        "chill night. im kinda sleepy tho"
    )
    assert read_update(text) == "getting_drowsy"
    assert read_update("im not calling 911") == "refuses_911"
    assert read_update("cool. im gonna go lay down now, night") == "lying_down"


@pytest.mark.parametrize("text", ["ok calling", "calling now", "ok im calling"])
def test_ok_calling_is_leaving_to_call(text) -> None:
    from iop_assistant.nlu.control_intents import says_calling_now
    from iop_assistant.nlu.crisis_updates import read_update

    assert says_calling_now(text)
    assert read_update(text) == "help_coming"


def test_a_worry_about_the_call_is_not_cancelling_it() -> None:
    from iop_assistant.nlu.control_intents import cancels_a_call

    assert not cancels_a_call("what if they don't call me again")
    assert cancels_a_call("actually don't call me")


@pytest.mark.parametrize(
    "text",
    ["no I'd never do that, I'm just tired", "no, i would never. just worn out"],
)
def test_never_to_the_check_in_is_a_no(text) -> None:
    from iop_assistant.rasa_hooks.crisis_context import _NO_I_MEANT

    assert _NO_I_MEANT.match(text)


@pytest.mark.parametrize(
    "speech,transfer",
    [
        ("does the help line answer at night", False),
        ("does anyone answer the help line on weekends", False),
        ("connect me to the help line now", True),
    ],
)
def test_asking_when_the_line_answers_is_not_a_transfer(speech, transfer) -> None:
    assert twiml.wants_helpline(speech, "") is transfer


def test_nobody_needs_911_and_danger_in_general() -> None:
    from iop_assistant.nlu.no_emergency import says_no_emergency, without_denial

    assert says_no_emergency("she's at book club. nobody needs 911.")
    left = without_denial(
        "She's fine right now, she's not in any danger this minute. But I read that mixing "
        "those can stop your breathing"
    )
    assert "breathing" not in left


@pytest.mark.parametrize(
    "text,asks",
    [
        ("is it dangerous if i use the same amount i used to before the 90 days", True),
        ("my tolerance is probably down right", True),
        ("puedo usar lo mismo que antes?", True),
        ("what is the same amount of sessions", False),
        ("he has a high tolerance for pain", False),
    ],
)
def test_the_old_amount_after_a_break(text, asks) -> None:
    from iop_assistant.nlu.danger_questions import asks_about_lost_tolerance

    assert asks_about_lost_tolerance(text) is asks
