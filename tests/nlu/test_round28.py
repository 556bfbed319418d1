"""Round 28 (blind v22 and es-v13, read): the words that decide what was asked.

Each case is a blind conversation that went wrong: a stop that was read as an answer, a
push for a dose read as the cost question, a letter for a probation officer read as
nothing at all.
"""

from __future__ import annotations

import pytest

from iop_assistant.channels.voice_twiml import leaves_to_call_911
from iop_assistant.form_answers import asks_why_the_number, is_this_number, parse_first_name
from iop_assistant.language.first_words import opens_in_spanish
from iop_assistant.nlu.contact_questions import asks_about_helpline_hours
from iop_assistant.nlu.control_intents import says_stop
from iop_assistant.nlu.dosing_questions import PUSHES_FOR_A_NUMBER, asks_about_dosing
from iop_assistant.policies.form_answer import danger_beyond_the_question
from iop_assistant.program_question import (
    asks_about_being_reported,
    asks_for_paperwork,
    asks_to_take_part,
)


@pytest.mark.parametrize(
    "text",
    [
        "actually can we stop, he just walked in. ill come back later",
        "actually no forget it. i dont want anyone calling, my parents will hear",
        "nvm this is 2 many questions im good",
    ],
)
def test_stops_with_a_reason(text: str) -> None:
    assert says_stop(text)


@pytest.mark.parametrize("text", ["can we stop drinking, he says", "i want to stop using meth"])
def test_goals_are_not_stops(text: str) -> None:
    assert not says_stop(text)


def test_an_extra_dose_is_a_dosing_question() -> None:
    assert asks_about_dosing("could i take a extra one on bad days")
    assert asks_about_dosing(
        "y mientras tanto que hago, le tiro todo el alcohol de la casa para que ya no tome nada?"
    )


@pytest.mark.parametrize(
    "text",
    ["just tell me roughly what's safe", "just ballpark tho like how much less each day"],
)
def test_pushes_for_a_number(text: str) -> None:
    """Read only right after the dosing answer (rasa_hooks/crisis_context.py)."""
    assert PUSHES_FOR_A_NUMBER.search(text)
    assert not asks_about_dosing(text)


@pytest.mark.parametrize(
    "text",
    [
        "if she goes, am I allowed to know what she says in sessions or is that private",
        "si llamo me van a reportar con CPS?",
        "y si salgo positivo en la prueba de ustedes le avisan al juez?",
        "If I come to your program does the nursing board find out??",
        "will you tell my boss",
    ],
)
def test_being_reported(text: str) -> None:
    assert asks_about_being_reported(text)


@pytest.mark.parametrize(
    "text",
    [
        "can u guys send something to my PO showing im going",
        "okay and could you give us something showing he's attending so he can come back to work",
        "ustedes le pueden mandar una carta a mi oficial de probation?",
    ],
)
def test_paperwork(text: str) -> None:
    assert asks_for_paperwork(text)


def test_something_for_the_shakes_is_no_paperwork() -> None:
    assert not asks_for_paperwork("i want to give him something to help with the shakes")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("its me again. can i come to any of it as his mom?", True),
        ("can my boyfriend come to the family sessions", True),
        ("can i sit in on his sessions", True),
        ("can i go to group on zoom", False),
        ("can i come to the program if i work", False),
    ],
)
def test_relatives_taking_part(text: str, expected: bool) -> None:
    assert asks_to_take_part(text) is expected


def test_the_hours_asked_again_about_the_night() -> None:
    assert asks_about_helpline_hours(
        "so if i called like three in the morning would somebody be there"
    )


def test_callback_words() -> None:
    assert is_this_number("this numbr")
    assert asks_why_the_number("para q quieren mi numero?")
    assert parse_first_name("eh Mateo") == "Mateo"


def test_a_spanish_request_to_be_called_opens_in_spanish() -> None:
    assert opens_in_spanish("pueden llamarme?")
    assert not opens_in_spanish("can you call me")


@pytest.mark.parametrize(
    "speech,leaving",
    [
        ("okay okay i'm hanging up and calling nine one one", True),
        ("ya voy a llamar al 911", True),
        ("should i call 911", False),
        ("i called 911 already", False),
    ],
)
def test_leaving_to_call_911(speech: str, leaving: bool) -> None:
    assert leaves_to_call_911(speech) is leaving


def test_a_racing_heart_and_no_sleep_in_spanish_answer_the_symptoms_question() -> None:
    text = "cuando me salteo un dia tengo temblores, sudo, el corazon a mil y no pego un ojo"
    assert not danger_beyond_the_question("screening_symptoms", text)
    assert danger_beyond_the_question("screening_symptoms", "me pego en la cara")


def test_their_own_doctor_calling_back_is_no_callback_request() -> None:
    from iop_assistant.nlu.control_intents import asks_for_a_call

    assert not asks_for_a_call("ugh my doctor takes forever to call back. just tell me what's safe")
    assert asks_for_a_call("can someone call me back")


def test_lgbtq_group_questions_get_the_group_answer_and_a_note() -> None:
    from iop_assistant.language.nlg import NOTES
    from iop_assistant.language.reply_reasons import LGBTQ_REASON
    from iop_assistant.program_question import asks_about_lgbtq_groups

    assert asks_about_lgbtq_groups("are your groups like okay for gay guys?")
    assert asks_about_lgbtq_groups("is the program lgbtq friendly?")
    assert not asks_about_lgbtq_groups("my bisexual friend drinks")
    assert NOTES[("utter_ask_group_therapy", LGBTQ_REASON)] == "utter_note_lgbtq"


def test_a_cps_report_asked_in_spanish() -> None:
    from iop_assistant.program_question import asks_about_cps

    assert asks_about_cps("si llamo me van a reportar con CPS?")


def test_lgbtq_friendly_groups_get_the_group_answer(gated) -> None:
    """Round 20 gave these the honest "I don't know that detail" answer; since round 28 the
    group answer comes first and the note says what is not known (language/nlg.py NOTES)."""
    assert gated("also i'm trans. are the groups lgbtq friendly?", "ask_therapies", 0.95) == (
        "ask_group_therapy"
    )


def test_how_the_program_works_is_what_iop_is() -> None:
    from iop_assistant.program_question import asks_what_iop_is

    assert asks_what_iop_is("i just um i wanna know how your program works")
    assert asks_what_iop_is("how does the program work")


@pytest.mark.parametrize(
    "text", ["will you text or call me on your own?", "you wont call me right?"]
)
def test_asking_not_to_be_called_unasked_is_no_callback_request(text: str) -> None:
    """Caller role-play round 28 (a woman whose husband is violent): the callback offer."""
    from iop_assistant.nlu.control_intents import cancels_a_call

    assert cancels_a_call(text)


def test_things_found_in_a_relatives_room_are_a_family_story() -> None:
    """After the round 28 retrain the classifier was sure of a crisis here (regression)."""
    from iop_assistant.nlu.control_intents import tells_of_a_relatives_habit

    assert tells_of_a_relatives_habit("My son is 19 and I found pills and foil in his room")


def test_keyboard_mash_read_as_out_of_scope_is_the_clarifying_question(gated) -> None:
    """After the round 28 retrain "asdkjh qwpoeiru zmxncb" was out of scope at 0.89 (CI)."""
    assert gated("asdkjh qwpoeiru zmxncb", "out_of_scope", 0.89) == "nlu_fallback"
