"""Round 27: what v21/es-v12 (read this round) showed the NLU layers missing.

Each family is phrased here in our own words (the sets' texts are training data now).
"""

from __future__ import annotations

from typing import Callable

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.input_text import is_getting_a_pen, written_forms
from iop_assistant.nlu.contact_questions import asks_callback_status
from iop_assistant.nlu.control_gate import gate
from iop_assistant.nlu.control_intents import (
    asks_for_a_call,
    asks_for_screening,
    asks_to_be_connected,
    says_stop,
    starts_with_stop,
)
from iop_assistant.nlu.crisis_updates import CrisisUpdateReader, read_update
from iop_assistant.nlu.distress import is_ambiguous_distress
from iop_assistant.nlu.dosing_questions import asks_about_dosing
from iop_assistant.phone import parse_phone_answer
from iop_assistant.program_question import (
    asks_about_age,
    asks_about_coming_back,
    asks_about_psych_medicine,
    asks_about_staying_on_medication,
    asks_whether_someone_finds_out,
    tells_insurance,
)


def _intent(message: Message) -> str:
    return str((message.get("intent") or {}).get("name"))


@pytest.mark.parametrize(
    "text",
    [
        "been reading about the helium method all week, the tank got delivered",
        "pills are in my jacket and im gonna take them after this conversation",
        "tonight im finishing what i started last spring. i have everything i need",
        "my son is cutting in the bathroom right now and wont unlock it",
        "theres blood coming under the door and she wont answer",
        "he took something and his eyes keep rolling back",
        "his eyes are open but he cant respond to me",
        "mom stopped drinking friday and now shes talking to her sister who died",
        "day 2 no booze and im hearing someone calling my name but nobody is home",
        "feeling bugs crawling under my skin and i cant stop shaking, quit drinking yesterday",
        "34 weeks and the baby hasnt moved all day",
        "my words keep coming out wrong and i feel dizzy",
        "dads face looks droopy on one side, is that the alcohol",
        "gonna take every pill in the medicine cabinet tonight",
    ],
)
def test_round27_english_danger_now_is_a_crisis(guarded: Callable[..., Message], text) -> None:
    assert _intent(guarded(text)) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "ya deje las cartas para mis hijos en la mesa",
        "estoy arriba del puente, ya no importa nada",
        "mi hermana tiene los labios morados y no contesta",
        "lleva una hora sin moverse en el piso",
        "veo bichos caminando por el techo y estoy temblando",
        "mi esposo dejo de tomar y ya no me reconoce",
        "deje las pastillas hace 4 dias y se me fue la mente y me cai en la cocina",
        "llevo dos dias vomitando y ya no me puedo parar",
    ],
)
def test_round27_spanish_danger_now_is_a_crisis(guarded: Callable[..., Message], text) -> None:
    assert _intent(guarded(text)) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "my cousin did the helium balloon voice at the party lol",
        "can i take my pills after this chat or should i wait",
        "i want to finish what i started in IOP last year",
        "the baby moved a lot today, what time is group",
        "hace tiempo me desmaye por mezclar alcohol con pastillas",
        "i used to cut when i was a teenager, can i still come",
    ],
)
def test_round27_look_alikes_are_not_a_crisis(guarded: Callable[..., Message], text) -> None:
    """The classifier's other reading stays: the new lexicon families do not fire here."""
    assert _intent(guarded(text, intent="ask_who_benefits")) != "crisis"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ok he left, he drove off in his car. im okay now", "safe_now"),
        ("i got out and im at a friends place. im safe", "safe_now"),
        ("no i dont have a plan, its just thoughts", "no_plan"),
        ("no tengo ningun plan, solo son pensamientos", "no_plan"),
        ("its only me here. maybe i'll just drive myself to urgent care", "drives_self"),
        ("is driving myself ok or not", "drives_self"),
        ("its not me its my wife. shes asleep now. what do i do tomorrow", "not_me"),
        ("would 988 even talk to me if its not me thats suicidal", "not_me"),
        ("should i lock up his pills tonight", "means_for_someone"),
        ("theres a whole bottle of her sleeping pills in the nightstand", "means_for_someone"),
        ("ok ill text 988 tonight and call you tomorrow", "will_reach_out"),
        ("she wont open the door. should i call 911??", "should_call_911"),
    ],
)
def test_round27_crisis_updates(text: str, kind: str) -> None:
    assert read_update(text) == kind


def test_a_later_hospital_visit_is_no_update() -> None:
    assert read_update("i will go to the hospital tomorrow for my checkup") is None
    assert read_update("should i call 911 if he has a seizure") is None


def test_who_it_is_for_alone_is_no_update() -> None:
    """ "its not me its my son" answers "who is this for?" in the screening."""
    assert read_update("its not me its my son") is None


def test_a_question_about_cps_and_the_program_gets_the_privacy_answer() -> None:
    text = "if i sign up will my boss find out? and could cps take my kids"
    message = Message({TEXT: text})
    message.set(INTENT, {"name": "ask_confidentiality", "confidence": 0.6})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_confidentiality", "confidence": 0.6}])
    gate(message)
    CrisisUpdateReader().process([message])
    assert _intent(message) == "ask_confidentiality"
    assert read_update(text) == "cps_fear"  # the reader saw the fear and let the gate's answer be


@pytest.mark.parametrize(
    "text",
    [
        "ya llame al 911, ya vienen. me puede comunicar con alguien mientras?",
        "pasame con alguien por favor",
    ],
)
def test_spanish_asks_to_be_put_through(text: str) -> None:
    assert asks_to_be_connected(text)


def test_better_not_then_a_plan_to_talk_it_over_is_a_stop() -> None:
    assert starts_with_stop("mejor no, primero lo platico con mi esposo")
    assert not starts_with_stop("mejor no, gracias")


@pytest.mark.parametrize(
    "text, number",
    [
        ("two zero two five five five zero one nine two wait no one nine three", "+12025550193"),
        ("202 555 0192 sorry 0193", "+12025550193"),
        ("202 555 0192 wait no 773 555 0123", "+17735550123"),
        ("202-555-0192", "+12025550192"),
    ],
)
def test_a_corrected_number_keeps_the_correction(text: str, number: str) -> None:
    assert parse_phone_answer(text).e164 == number


def test_spoken_methadone_is_written() -> None:
    assert "methadone" in written_forms("im on the meth a done, do i have to get off it")


def test_weeks_pregnant_is_not_an_age() -> None:
    assert not asks_about_age("im 14 weeks pregnant, do i need detox before iop")
    assert asks_about_age("im 16, can i come")


@pytest.mark.parametrize(
    "text",
    [
        "i need to know if my wife has to do a detox first before she starts",
        "we want to know whether he should go to detox",
    ],
)
def test_whether_someone_has_to_do_detox_first_is_the_screening(text: str) -> None:
    assert asks_for_screening(text)


def test_more_strips_than_prescribed_is_a_dose_question() -> None:
    assert asks_about_dosing("could i take 3 strips instead of 2 on bad days")
    assert not asks_about_dosing("can i take 2 classes instead of 3")


@pytest.mark.parametrize(
    "text",
    [
        "i get the vivitrol shot. can i still do the program on it?",
        "do i have to get off methadone to do your program?",
        "estoy en suboxone, puedo entrar al programa?",
    ],
)
def test_staying_on_medication_questions(text: str) -> None:
    assert asks_about_staying_on_medication(text)


def test_staying_on_medication_needs_a_medicine() -> None:
    assert not asks_about_staying_on_medication("can i still do iop with a full time job?")


def test_whats_the_point_of_even_trying_gets_the_check_in() -> None:
    assert is_ambiguous_distress("relapsed again last night, whats the point of even trying")


def test_did_that_go_through_asks_about_the_request() -> None:
    assert asks_callback_status("wait did that go thru??")


@pytest.mark.parametrize(
    "text",
    ["Would we be told what she talks about in group?", "would my company find out about it"],
)
def test_employers_and_relatives_asking_what_they_hear(text: str) -> None:
    assert asks_whether_someone_finds_out(text)


@pytest.mark.parametrize("text", ["how do i find out my schedule", "can i find out the cost"])
def test_finding_out_a_detail_is_no_privacy_question(text: str) -> None:
    assert not asks_whether_someone_finds_out(text)


@pytest.mark.parametrize(
    "text",
    [
        "do i have to stop my lithium to start the program",
        "can i keep my antidepressants",
        "tengo que dejar mis antidepresivos para entrar?",
    ],
)
def test_a_mental_health_medicine_and_the_program(text: str) -> None:
    assert asks_about_psych_medicine(text)


@pytest.mark.parametrize(
    "text",
    [
        "i was in your iop two years ago. can i come back or do i start over from scratch",
        "my husband did the program before and hes drinking again, can he just come back",
        "puedo volver al programa si recai?",
    ],
)
def test_coming_back_to_the_program(text: str) -> None:
    assert asks_about_coming_back(text)


def test_coming_back_to_the_chat_is_not_coming_back_to_the_program() -> None:
    assert not asks_about_coming_back("can i come back later to finish the questions")


@pytest.mark.parametrize("text", ["she has medicaid", "medicaid?", "we have blue cross"])
def test_a_health_plan_named_alone_is_the_cost_question(text: str) -> None:
    assert tells_insurance(text)


def test_needing_to_know_about_detox_is_no_privacy_question() -> None:
    assert not asks_whether_someone_finds_out(
        "i need to know if my wife has to do a detox first before she starts"
    )


@pytest.mark.parametrize(
    "text",
    [
        "did my callback go through",
        "did my call back request go thru or not",
        "is my callback still on for tonight?",
        "i asked for a callback earlier, when will they call?",
    ],
)
def test_asking_about_a_callback_already_requested(text: str) -> None:
    assert asks_callback_status(text)


def test_calling_back_themselves_is_no_callback_request() -> None:
    assert not asks_for_a_call("he just got home, I'll call back another time")
    assert not asks_for_a_call("ok. ill call from my work phone tomorrow. deleting this now")
    assert asks_for_a_call("can someone call me back tomorrow")


def test_wanting_to_stop_a_drug_is_no_stop_of_the_questions() -> None:
    text = "the xanax, i take like 4mg a day. i want to stop. can i just quit before i start"
    assert not says_stop(text)
    assert says_stop("can we stop")


@pytest.mark.parametrize("text", ["just put me through then", "try putting me through"])
def test_put_me_through_mid_call(text: str) -> None:
    assert asks_to_be_connected(text)


def test_writing_the_number_down_in_spanish_is_getting_a_pen() -> None:
    assert is_getting_a_pen("¿me repite el número? lo voy a apuntar")


def test_not_calling_the_cops_on_a_friend_is_no_violence(
    guarded: Callable[..., Message],
) -> None:
    message = guarded(
        "he's breathing but snoring weird. i don't wanna call the cops on him", "crisis_update"
    )
    assert (message.get("crisis_guard") or {}).get("category") != "violence"


def test_an_old_self_harm_history_is_history(guarded: Callable[..., Message]) -> None:
    text = "so my old self harm history isnt gonna get me turned away?"
    assert _intent(guarded(text, intent="ask_who_benefits")) != "crisis"
