"""Round 20: what v14 and es-v5 (blind until read) showed, in their authors' words and ours."""

from __future__ import annotations

from typing import Callable

import pytest
from rasa.shared.nlu.constants import INTENT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.contact_questions import asks_about_chat_privacy
from iop_assistant.nlu.control_intents import (
    asks_for_a_call,
    asks_to_repeat,
    is_farewell_with_thanks,
    says_stop,
    tells_of_a_relatives_habit,
)
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.danger_words import has_danger_words
from iop_assistant.nlu.distress_es import is_ambiguous_distress_es
from iop_assistant.nlu.dosing_questions import asks_about_dosing
from iop_assistant.program_question import asks_about_an_unknown_detail


@pytest.mark.parametrize(
    "text",
    [
        "gonna quit drinking cold turkey tmrw, i drink like 12 beers a day. good idea?",
        "can't i just stop? i'm so sick of being dependent on them",
        "can i cut to 8 before i start",
        "could i drop it down to 2mg next week",
        "es que me dan 8 mg pero siento que no me alcanza, le puedo subir a 16 yo solo?",
        "mejor dime cuanto suboxone me tomo pa la malilla, un compa me vende",
        "bro tomo como 4 o 5 xanax al dia. puedo parar cold turkey o me va a pasar algo?",
    ],
)
def test_plans_and_questions_about_stopping_or_changing_a_dose(text: str) -> None:
    assert asks_about_dosing(text)


@pytest.mark.parametrize(
    "text",
    [
        "can i just stop the questions?",
        "can i just stop? this is too many questions",
        "i want to quit drinking",
        "can i go down to 3 days a week",
        "gonna stop by tomorrow, is that ok?",
    ],
)
def test_goals_visits_and_schedules_are_no_dosing_questions(text: str) -> None:
    assert not asks_about_dosing(text)


def test_an_unsure_dosing_reading_is_lifted_past_the_fallback(gated: Callable) -> None:
    # es-v5: the classifier's own ask_dosing at 0.35 became a menu
    text = "mi mama toma clonazepam desde hace años y quiere dejarlo de un jalon puede hacer eso"
    assert gated(text, "ask_dosing", 0.33) == "ask_dosing"


@pytest.mark.parametrize(
    "text",
    [
        "y esto que estoy escribiendo quien lo lee? se guarda?",
        "who reads this chat? is it a real person on the other end?",
        "is this conversation saved somewhere",
    ],
)
def test_who_reads_this_chat(text: str, gated: Callable) -> None:
    assert asks_about_chat_privacy(text)
    assert gated(text, "crisis", 0.98) == "ask_chat_privacy"


def test_who_reads_a_treatment_file_is_not_about_this_chat() -> None:
    assert not asks_about_chat_privacy("who reads my file at the clinic")


def test_danger_words_keep_the_crisis_reading_of_a_chat_question(gated: Callable) -> None:
    assert gated("who reads this? i just want to die", "crisis", 0.98) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "my daughter is 24 and using coke again. she lives with us and i found baggies in the "
        "bathroom. she says she has it under control but shes missing work. i dont know what to "
        "do anymore",
        "my dad drinks every single night, has for years. he finally said hes willing to look at "
        "something. im the one looking because he wont go online",
    ],
)
def test_a_relatives_habit_with_no_danger_is_a_family_story(text: str, guarded: Callable) -> None:
    assert tells_of_a_relatives_habit(text)
    assert guarded(text).get(INTENT)["name"] == "inform_use"


@pytest.mark.parametrize(
    "text",
    [
        "my dad drinks every night and tonight he fell and hit his head, hes confused",
        "my son relapsed again and he isnt breathing",
    ],
)
def test_a_relatives_habit_with_danger_stays_a_crisis(text: str, guarded: Callable) -> None:
    message: Message = guarded(text)
    assert message.get(INTENT)["name"] == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "la neta ya no le veo sentido a nada. recai otra vez y ya ni se pa que sigo",
        "ya pa que sigo intentando la verdad",
    ],
)
def test_spanish_distress_gets_the_check_in(text: str) -> None:
    assert is_ambiguous_distress_es(text)


def test_why_do_i_keep_drinking_is_not_distress() -> None:
    assert not is_ambiguous_distress_es("pa que sigo tomando?")


def test_drinks_are_not_swallowing() -> None:
    assert not has_danger_words(
        "hoy en la mañana me eche unos tragos pa que se me quitara la temblorina"
    )
    assert has_danger_words("se tragó todas las pastillas")


@pytest.mark.parametrize(
    "text",
    [
        "what what was that i didn't catch it can you say that again",
        "pardon me could you say that again a little slower",
    ],
)
def test_run_together_requests_to_repeat(text: str) -> None:
    assert asks_to_repeat(text)


def test_a_question_about_what_was_not_said_is_no_request_to_repeat() -> None:
    assert not asks_to_repeat("i didnt hear you say anything about cost, how much is it")


def test_thats_all_i_needed_thank_you_ends_the_call() -> None:
    assert is_farewell_with_thanks("okay that's all i needed thank you have a good one")


def test_thanks_for_not_leaving_is_no_farewell(gated: Callable) -> None:
    assert gated("ok. thank you for not just leaving", "thank", 0.5) != "goodbye"


def test_a_spanish_stop_with_a_reason() -> None:
    assert says_stop("sabes que mejor no, olvidalo, ahorita no puedo hablar de esto")


@pytest.mark.parametrize(
    "text", ["pueden llamarle a el? el ya me dijo que si", "me pueden llamar mañana en la tarde"]
)
def test_spanish_requests_for_a_call(text: str) -> None:
    assert asks_for_a_call(text)


def test_a_call_asked_for_with_a_real_person_stays_a_call(gated: Callable) -> None:
    text = "can someone from the program call me? i'd rather talk to a real person"
    assert gated(text, "request_callback", 0.63) == "request_callback"


@pytest.mark.parametrize(
    "text",
    [
        "is this a religious program? the last place i went was all god this, higher power that",
        "is there a women-only group? i don't feel safe in groups with men",
        "hi quick weird question, can i bring my dog to sessions?",
        "also are there smoking breaks? 3 hours without a cigarette is going to be rough lol",
    ],
)
def test_details_nobody_told_us_get_the_honest_answer(text: str, gated: Callable) -> None:
    assert asks_about_an_unknown_detail(text)
    assert gated(text, "ask_therapies", 0.95) == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "i smoke weed every day is that addiction",
        "what is group therapy like",
        "do you treat nicotine addiction?",
        "my son is gay and uses meth, can you help him?",
    ],
)
def test_known_topics_are_not_unknown_details(text: str) -> None:
    assert not asks_about_an_unknown_detail(text)


@pytest.mark.parametrize("text", ["¿qué hago con la pistola?", "que hago con las pastillas"])
def test_what_to_do_with_the_means_is_a_crisis_update(text: str) -> None:
    assert read_update(text) == "has_means"


def test_not_understanding_the_numbers_is_no_crisis(guarded: Callable) -> None:
    # role-play round 20: the crisis reply to "I don't understand the numbers"
    message = guarded("I don't understand the numbers", "crisis", "greet")
    assert message.get(INTENT)["name"] == "nlu_fallback"


def test_calling_them_later_needs_the_number(gated: Callable) -> None:
    # v14: "can i just call u later" after cancelling a callback started the questions again
    assert gated("can i just call u later", "request_callback", 0.89) == "request_human"


# role-play round 21 (after the retrain), in the role-players' words


def test_a_settled_goodbye_after_a_crisis_is_no_cancelled_callback(gated: Callable) -> None:
    text = "dont bother. i already decided. i just wanted someone to know"
    assert has_danger_words(text)
    assert gated(text, "crisis", 0.99) == "crisis"


def test_deciding_to_sign_up_is_no_danger() -> None:
    assert not has_danger_words("i decided to sign up")
    assert not has_danger_words("i already decided on the evening group")


@pytest.mark.parametrize(
    "text",
    [
        "um. actually never mind. I can't do this right now",
        "stop. I said never mind",
        "never mind. I guess I'll just call the number tomorrow. Thanks.",
    ],
)
def test_stops_and_leaving_said_with_reasons(text: str) -> None:
    from iop_assistant.nlu.control_intents import says_calling_now

    assert says_stop(text) or says_calling_now(text)


def test_calling_tomorrow_is_a_goodbye(gated: Callable) -> None:
    assert gated("ok. ill call tomorrow i guess", "nlu_fallback", 0.35) == "goodbye"


def test_fine_and_awake_is_no_emergency() -> None:
    from iop_assistant.nlu.no_emergency import says_no_emergency

    assert says_no_emergency("I told you he is fine and awake. He last used yesterday.")
    assert says_no_emergency("She is fine, she's at work right now.")
    assert not says_no_emergency("he is fine and not breathing")


def test_the_risk_of_benzos_and_alcohol_after_a_no_is_the_mixing_question(guard) -> None:
    from rasa.shared.nlu.constants import INTENT_RANKING_KEY, TEXT

    from iop_assistant.nlu.control_gate import gate
    from iop_assistant.nlu.crisis_updates import CrisisUpdateReader
    from iop_assistant.nlu.input_guard import InputGuard
    from iop_assistant.nlu.question_first import QuestionFirst

    text = (
        "This is NOT an emergency. She is fine, she's at work right now. I just want to know "
        "about the risk of benzos and alcohol"
    )
    message = Message({TEXT: text})
    InputGuard().process([message])
    reading = {"name": "ask_confidentiality", "confidence": 0.99}
    message.set(INTENT, reading)
    message.set(INTENT_RANKING_KEY, [reading])
    gate(message)
    guard.process([message])
    CrisisUpdateReader().process([message])
    QuestionFirst().process([message])
    assert message.get(INTENT)["name"] == "ask_safety_procedures"


def test_a_relative_who_wont_go_is_the_family_question() -> None:
    from iop_assistant.program_question import asks_to_make_someone_go

    assert asks_to_make_someone_go("he says hes fine and wont go. what do i do")


def test_tengo_la_pistola_is_the_means() -> None:
    assert read_update("Tengo la pistola aquí en la mesa.") == "has_means"


def test_an_overdose_already_treated_gets_the_overdose_answer(guarded: Callable) -> None:
    text = (
        "My son is 19 and he overdosed last night. The paramedics gave him narcan and he was in "
        "the ER most of the night and they sent him home this morning. He's asleep upstairs now. "
        "What do I do now??"
    )
    assert guarded(text).get(INTENT)["name"] == "ask_safety_procedures"


def test_not_breathing_after_coming_home_is_still_a_crisis(guarded: Callable) -> None:
    text = "they sent him home from the ER this morning and now hes not breathing"
    assert guarded(text).get(INTENT)["name"] != "ask_safety_procedures"
