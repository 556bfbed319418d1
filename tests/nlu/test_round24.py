"""Round 24: what the round-24 role-play and v18/es-v9 (read this round) showed."""

from __future__ import annotations

import pytest

from iop_assistant.channels import voice_twiml as twiml
from iop_assistant.channels.options import select_option
from iop_assistant.form_answers import parse_first_name
from iop_assistant.language.detect import detect
from iop_assistant.nlu.contact_questions import asks_about_helpline_hours, says_not_ready
from iop_assistant.nlu.control_intents import asks_for_screening, cancels_a_call
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.danger_words import has_danger_words
from iop_assistant.nlu.dosing_questions import asks_about_dosing
from iop_assistant.nlu.withdrawal_story import tells_of_mild_withdrawal
from iop_assistant.program_question import asks_about_cps


@pytest.mark.parametrize(
    "speech,transfer",
    [
        # a question about the help line is answered, not transferred (caller role-play)
        (
            "if I call that help line at like three in the morning does an actual person pick up?",
            False,
        ),
        ("at 2 am will a real person answer", False),
        ("what time does the help line close", False),
        ("can i talk to a real person", True),
        ("help line please", True),
    ],
)
def test_a_caller_asking_whether_a_person_answers_at_night(speech, transfer) -> None:
    assert twiml.wants_helpline(speech, "") is transfer


@pytest.mark.parametrize(
    "text,asks",
    [
        ("is the phone open sundays tho", True),
        ("are the phones staffed on holidays", True),
        ("is your number answered on saturdays", True),
        ("is anybody there at six thirty", True),
        ("can i call at midnight", True),
        ("is the line open now", True),
        ("my phone died on sunday", False),
        ("i waited in line for an hour", False),
        ("can i call my mom at six", False),
        ("the phone on the table rings on mondays, is that you", False),
    ],
)
def test_when_the_phone_line_answers(text, asks) -> None:
    assert asks_about_helpline_hours(text) is asks


@pytest.mark.parametrize(
    "text,kind",
    [
        # the crisis replies say "if cost or the police worry you, tell me"; these tell
        ("yeah the police worry me, I just said that", "police_fear"),
        ("the police. last time they cuffed me in front of my kids", "police_fear"),
        ("im not calling 911, cops show up to a vet with a gun, you know", "police_fear"),
        ("im not calling 911. theyll just lock me up. i just wanted u to know", "police_fear"),
        ("why would the police come. i havent done anything", "police_fear"),
        ("the cops", "police_fear"),
        ("la policia me da miedo", "police_fear"),
        # caller role-play round 25: the DV reply to a suicidal man afraid of the police
        (
            "I don't want to call some hotline, they'll just send the cops to my house",
            "police_fear",
        ),
        ("no, nobody's hurting me. I'm worried if I call 988 they'll send police", "police_fear"),
        ("the police are here now", "help_here"),
        ("im not calling 911", "refuses_911"),
        ("my dad is a cop", None),
    ],
)
def test_the_police_named_as_the_worry(text, kind) -> None:
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text,kind",
    [
        # crisis role-play round 24: each got the first crisis reply again, or a program answer
        ("maybe ill turn the stove off. can i just keep typing to you", "stay_with_me"),
        ("will you stay with me", "stay_with_me"),
        ("no me dejes", "stay_with_me"),
        ("can we give narcan?", "naloxone_question"),
        ("puedo darle narcan?", "naloxone_question"),
        ("we gave him narcan and hes breathing", "naloxone_given"),
        ("i turned it off, im still here", "safe_now"),
        ("ok i put the knife in the drawer", "safe_now"),
        ("i dont go out much", None),
    ],
)
def test_what_people_say_after_a_crisis_reply(text, kind) -> None:
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text,name",
    [
        # caller role-play round 24: a spelled name got a Suboxone answer; "my name? Dorothy"
        # the intake steps; family role-play: "Kayla. afternoon is better" the name question again
        ("W A D E", "Wade"),
        ("w-a-d-e", "Wade"),
        ("its bob, B O B", "Bob"),
        ("B. O. B.", "Bob"),
        ("my name? Dorothy", "Dorothy"),
        ("Kayla. afternoon is better", "Kayla"),
        ("I M", None),
        ("yes. mornings are best", None),
        ("ok", None),
    ],
)
def test_names_as_callers_and_texters_give_them(text, name) -> None:
    assert parse_first_name(text) == name


@pytest.mark.parametrize(
    "text,number",
    [
        # caller role-play round 24: "the second one" chose the first option
        ("the second one", 2),
        ("la segunda", 2),
        ("the last one", 3),
        ("first please", 1),
        ("one second", None),
        ("second thoughts", None),
    ],
)
def test_options_chosen_by_their_place(text, number) -> None:
    options = [
        {"number": 1, "title": "What is IOP?"},
        {"number": 2, "title": "Do I need detox first?"},
        {"number": 3, "title": "Talk to someone"},
    ]
    chosen = select_option(text, options)
    assert (chosen and chosen["number"]) == number


@pytest.mark.parametrize(
    "text,language",
    [
        # Spanish role-play round 24: the first contact answered in English
        ("ola buenas info", "es"),
        ("a que hora abren", "es"),
        ("what time do you open", None),
        ("ola", None),
    ],
)
def test_short_spanish_first_messages(text, language) -> None:
    assert detect(text) == language


@pytest.mark.parametrize(
    "text,cancels",
    [
        # blind v18/es-v9, read in round 24: a new request, the time question again, "that
        # doesn't look like a US number"
        (
            "hi i asked for somebody to call me back yesterday but i dont need it anymore "
            "can you cancel that",
            True,
        ),
        ("actually no wait forget it i dont want nobody calling the house", True),
        ("sabe que, olvidelo, mejor no. todavia no estoy lista", True),
        ("i dont want anyone to call my mom, call me", False),
        ("can you cancel that appointment thing and tell me the hours", False),
    ],
)
def test_taking_a_callback_request_back(text, cancels) -> None:
    assert cancels_a_call(text) is cancels


@pytest.mark.parametrize(
    "text,mild",
    [
        # blind v18/es-v9, read in round 24: the classifier's sure crisis (911) for signs
        # the screening asks about
        ("her hands shake in the morning until she gets a glass in her and she sweats a lot", True),
        ("Sí, por la mañana me tiemblan las manos y sudo mucho hasta que me doy un trago.", True),
        ("i get the shakes in the morning when i drink", True),
        ("hes shaking so bad he cant stand", False),
        ("i stopped drinking 2 days ago and im shaking and sweating right now", False),
        ("she is shaking and sweating and confused", False),
    ],
)
def test_mild_withdrawal_told_as_a_story(text, mild) -> None:
    assert tells_of_mild_withdrawal(text) is mild


def test_a_drink_is_not_swallowing() -> None:
    # "hasta que me doy un trago" (a drink) is no danger; "se tragó las pastillas" is
    assert not has_danger_words("sudo mucho hasta que me doy un trago")
    assert has_danger_words("se tragó todo el frasco")


@pytest.mark.parametrize(
    "text,kind",
    [
        ("its been going on like 3 minutes what do i do", "seizure_first_aid"),
        ("hes been shaking for about five minutes", "seizure_first_aid"),
    ],
)
def test_how_long_a_seizure_has_gone_on(text, kind) -> None:
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text,asks",
    [
        # blind v18, read in round 24: a menu
        ("im pregnant and using. if i come in will u call cps on me", True),
        ("will they take my baby away if i go to treatment", True),
        ("do you report to child protective services", True),
        ("me van a quitar a mis hijos si voy?", True),
        ("cps took my kids last year", False),
        ("my cps worker wants me in a program", False),
    ],
)
def test_whether_treatment_means_a_cps_report(text, asks) -> None:
    assert asks_about_cps(text) is asks


@pytest.mark.parametrize(
    "text,screening",
    [
        (
            "well hello yes um my daughter said you could ask some questions about whether "
            "somebody needs the detox",
            True,
        ),
        ("do you offer detox", False),
    ],
)
def test_asking_for_the_detox_questions(text, screening) -> None:
    assert asks_for_screening(text) is screening


def test_a_prescriber_changing_the_dose_is_a_dosing_question() -> None:
    assert asks_about_dosing("my clinic wants to lower me to 60 should i let them")
    assert not asks_about_dosing("my mom wants to lower the thermostat")


@pytest.mark.parametrize(
    "text,not_ready",
    [
        # texter role-play round 25: the crisis text twice for "not ready"
        ("idk man i aint ready fr", True),
        ("like not ready to stop yet", True),
        ("im not ready to quit", True),
        ("no estoy lista", True),
        ("im ready to start", False),
        ("i am ready for help", False),
    ],
)
def test_not_ready(text, not_ready) -> None:
    assert says_not_ready(text) is not_ready


def test_not_ready_read_as_a_sure_crisis_is_the_no_pressure_answer(gated) -> None:
    assert gated("idk man i aint ready fr", "crisis", 1.0) == "request_help"
    assert gated("im not ready, i have the pills and tonight im done", "crisis", 1.0) == "crisis"
    assert gated("not ready, got the pills, im done", "crisis", 1.0) == "crisis"
    assert gated("i rly wanna use rn. idk what to do", "crisis", 1.0) == "request_help"


@pytest.mark.parametrize(
    "speech,declines",
    [
        # caller role-play round 25: "not yet" started a second transfer
        ("not yet, I'm not ready to talk to somebody", True),
        ("wait no, not yet", True),
        ("no no i dont want to talk to anyone right now", True),
        ("i want to talk to somebody", False),
        ("im not drinking now", False),
    ],
)
def test_a_caller_who_is_not_ready_to_be_put_through(speech, declines) -> None:
    assert twiml.declines_a_transfer(speech) is declines


@pytest.mark.parametrize(
    "text",
    [
        # crisis role-play round 25: the 988 text, then "I'm really glad you're safe right now"
        "she seems ok now. does she still need to go to the hospital if the seizure stopped?",
        "i'm asking is a seizure from adderall an emergency even if she's awake now",
        "todavia hay que llevarla al hospital?",
    ],
)
def test_whether_someone_still_needs_care(text) -> None:
    assert read_update(text) == "still_needs_care"


def test_a_worry_about_calling_keeps_the_conversations_crisis_category() -> None:
    """ "they'll just send the cops to my house" after a suicidal crisis: the guard read
    violence at home, and the replies turned to the domestic violence ones (round 25)."""
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.crisis_updates import apply_update

    message = Message({"text": "theyll just send the cops to my house"})
    message.set("entities", [{"entity": "crisis_category", "value": "violence"}])
    apply_update(message, "police_fear", "theyll just send the cops to my house")
    assert [e["entity"] for e in message.get("entities")] == ["crisis_update"]
    kept = Message({"text": "the police are here now"})
    kept.set("entities", [{"entity": "crisis_category", "value": "violence"}])
    apply_update(kept, "help_here", "the police are here now")
    assert [e["entity"] for e in kept.get("entities")] == ["crisis_category", "crisis_update"]
