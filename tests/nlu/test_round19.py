"""What reading v13 and es-v4 (blind until round 19) and round 19's role-play changed: each
finding in the authors' words and in ours, and the look-alikes each rule must leave alone
(issues 12 and 18)."""

from __future__ import annotations

import pytest
import spacy

from iop_assistant import form_answers
from iop_assistant.language.requests import requested_language
from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.control_intents import (
    asks_for_a_call,
    asks_for_the_number,
    asks_to_repeat,
    asks_to_stop_first,
    ends_with_farewell,
    is_explicit_command,
    is_spanish_phone_greeting,
    says_calling_now,
)
from iop_assistant.nlu.crisis_matcher import DEFAULT_LEXICON, CrisisMatcher
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.danger_questions import (
    asks_about_mixing,
    asks_about_pressed_pills,
    is_general_danger_question,
)
from iop_assistant.nlu.distress import is_ambiguous_distress
from iop_assistant.nlu.dosing_questions import asks_about_dosing
from iop_assistant.nlu.no_emergency import says_no_emergency


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)


@pytest.mark.parametrize(
    "text",
    [
        "si. a veces pienso en matarme",
        "he pensado en suicidarme esta semana",
        "tengo ganas de morirme",
        "pensaba mucho en colgarme",
    ],
)
def test_thinking_of_killing_oneself_in_spanish_is_a_crisis(
    matcher: CrisisMatcher, text: str
) -> None:
    hit = matcher.match(text)
    assert hit is not None and hit.category == "suicidal", text


def test_saying_one_does_not_think_of_it_is_no_crisis(matcher: CrisisMatcher) -> None:
    assert matcher.match("no pienso en matarme, solo estoy cansada") is None


@pytest.mark.parametrize(
    "text",
    [
        "help porfa mi primo esta en el floor y no respira bien, creo q fue fentanyl",
        "ya no respira bien",
    ],
)
def test_not_breathing_well_is_no_denial(text: str) -> None:
    assert not says_no_emergency(text)


def test_breathing_well_again_still_is() -> None:
    assert says_no_emergency("tranquila, ya respira bien")


@pytest.mark.parametrize(
    "text",
    [
        "actually can we stop. I feel weird doing this behind his back. I'll talk to him first",
        "can we stop here",
        "let's stop for now",
    ],
)
def test_asking_to_stop_first_is_a_stop(text: str) -> None:
    assert asks_to_stop_first(text)
    assert is_explicit_command("stop", text)


@pytest.mark.parametrize("text", ["can we stop drinking together", "can we stop by on friday"])
def test_a_goal_or_a_plan_is_no_stop(text: str) -> None:
    assert not asks_to_stop_first(text)


@pytest.mark.parametrize(
    "text",
    [
        "actually not now, sorry",
        "actually wait, I don't want anyone calling my house. cancel that",
    ],
)
def test_other_stops_the_classifier_missed(text: str) -> None:
    assert is_explicit_command("stop", text)


@pytest.mark.parametrize(
    "text",
    [
        "nvm this is a lot. just give me the number",
        "can you just give me the number so I have it",
        "can i just have the number?",
    ],
)
def test_asking_for_the_number(text: str) -> None:
    assert asks_for_the_number(text)


@pytest.mark.parametrize("text", ["bueno bueno se oye", "¿bueno?", "aló", "me escucha?"])
def test_how_a_spanish_caller_answers_the_phone_is_a_greeting(text: str) -> None:
    assert is_spanish_phone_greeting(text)


@pytest.mark.parametrize("text", ["bueno, gracias, adios", "bueno quiero informacion"])
def test_bueno_with_more_is_not_only_a_greeting(text: str) -> None:
    assert not is_spanish_phone_greeting(text)


def test_that_is_all_thanks_ends_a_spanish_call() -> None:
    assert ends_with_farewell("muy bien eso es todo muchas gracias")


@pytest.mark.parametrize(
    "text",
    [
        "im calling them now",
        "ok im calling now",
        "calling the help line now thanks",
        "okay cool I'll call them. thanks, bye",
        "I'm calling them now on my other phone",
        "we'll call the number tonight. thank you",
    ],
)
def test_leaving_to_call_is_no_callback_request(text: str) -> None:
    assert says_calling_now(text)


@pytest.mark.parametrize("text", ["can you call me now", "can someone call me tomorrow"])
def test_asking_to_be_called_is_not_leaving(text: str) -> None:
    assert not says_calling_now(text)
    assert asks_for_a_call(text)


def test_telephone_me_is_a_callback_request() -> None:
    assert asks_for_a_call("I would prefer to speak with someone. Could a person telephone me?")


@pytest.mark.parametrize(
    "text",
    [
        "and if i ever cant wake him up what do i do",
        "And if I ever find her and I can't wake her up, what do I do? I want to be ready.",
        "my bf uses fent every day. how do i tell if hes od'ing",
        "How would I know if she has taken too much? She is coming to stay with us Sunday.",
        "she has wine with her ambien most nights, can that stop her breathing?",
    ],
)
def test_what_ifs_and_how_to_tell_are_general_questions(text: str) -> None:
    assert is_general_danger_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "how do i tell if hes overdosing? his lips are blue",
        "if he ever wakes up... he is not breathing right now",
        "i took too much i think",
    ],
)
def test_danger_now_is_never_a_general_question(text: str) -> None:
    assert not is_general_danger_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "is it dangerous to drink on suboxone? yes or no",
        "clonazepam and beer ok?",
        "is it safe to mix xanax with oxy",
        "es peligroso tomar cerveza con las pastillas para dormir?",
    ],
)
def test_questions_about_mixing_sedating_drugs(text: str) -> None:
    assert asks_about_mixing(text)


@pytest.mark.parametrize(
    "text",
    [
        "do you help people on suboxone who drink?",
        "he drank and took xanax and now hes not breathing",
        "i took like a handful of my sleeping pills with some vodka. im fine, "
        "just wondering if its bad to mix them",
        "i drink wine every night",
    ],
)
def test_program_questions_and_emergencies_are_not_mixing_questions(text: str) -> None:
    assert not asks_about_mixing(text)


@pytest.mark.parametrize(
    "text", ["are M30s fentanyl?", "my son had 4 blue m30 pills, are they real percs?"]
)
def test_questions_about_street_pills(text: str) -> None:
    assert asks_about_pressed_pills(text)


def test_quitting_the_day_before_is_a_dosing_question() -> None:
    assert asks_about_dosing(
        "if he ever does agree should he just quit drinking the day before he starts"
    )


def test_not_knowing_why_one_bothers_gets_the_check_in() -> None:
    assert is_ambiguous_distress(
        "I relapsed again last night after 8 months. I don't even know why I bother anymore"
    )


def test_text_me_in_spanish_asks_for_spanish() -> None:
    assert requested_language("sorry can u text me in spanish? es para mi mama") == "es"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ok ya se lo pusimos y esta respirando mas. ya viene la ambulancia", "help_coming"),
        ("ya vienen los paramedicos", "help_coming"),
        ("volvio en si", "safe_now"),
        ("ok calling 911 now", "help_coming"),
        ("will the cops come if i call", "police_fear"),
        ("should i call poison control", "poison_control"),
        ("llamo a control de envenenamientos?", "poison_control"),
        ("im just gonna lie down", "lying_down"),
        ("what if I just have a couple beers to calm it down", "self_medicate"),
        ("my sister can drive me to the ER", "refuses_911"),
        ("me voy a acostar un rato", "lying_down"),
    ],
)
def test_crisis_updates(text: str, kind: str) -> None:
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text, name",
    [
        ("ok. can someone call me tomorrow morning at 312-555-0114. it's Derek", "Derek"),
        ("I'm Ana, call me at 312 555 0101", "Ana"),
        ("can someone call me, I'm worried", None),
        ("can someone call me its about my son", None),
    ],
)
def test_a_name_given_with_the_request(text: str, name: str | None) -> None:
    assert form_answers.first_name_in_request(text) == name


@pytest.mark.parametrize(
    "text, name",
    [
        ("his name is walter", "Walter"),
        ("she's Maria", "Maria"),
        ("um no just leave the name blank", form_answers.SKIP),
    ],
)
def test_name_answers(text: str, name: str) -> None:
    assert form_answers.parse_first_name(text) == name


def test_why_the_number_is_a_question() -> None:
    assert form_answers.asks_why_the_number("why do u need my number cant i just call u")
    assert not form_answers.asks_why_the_number("use my number")


@pytest.mark.parametrize("text", ["slower please, I'm writing it", "a little slower please"])
def test_asking_for_it_slower_is_asking_to_repeat(text: str) -> None:
    assert asks_to_repeat(text)


def test_a_corrected_number_said_in_words_asks_for_the_call() -> None:
    from iop_assistant.form_answers import corrects_the_number

    # caller role-play round 19: the request stayed on the house phone
    assert corrects_the_number(
        "no wait, not that number! I said my cell. three oh one, five five five, oh one nine nine"
    )
    assert not corrects_the_number("i drink like 5 beers a night")


@pytest.mark.parametrize(
    "text", ["change the phone number for the call back", "not that number", "a different number"]
)
def test_changing_the_number_is_recognised(text: str) -> None:
    assert form_answers.changes_the_number(text)


def test_taking_the_whole_bottle_as_a_wish_is_suicidal() -> None:
    from iop_assistant.nlu.crisis_guard import refine

    matcher = CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)
    text = "everyone would be better off if i just took the whole bottle"
    hit = matcher.match(text)
    assert hit is not None
    assert refine(hit, text, matcher).category == "suicidal"
    taken = "i just took the whole bottle of my pills"
    taken_hit = matcher.match(taken)
    assert taken_hit is not None
    assert refine(taken_hit, taken, matcher).category == "overdose_self"


@pytest.mark.parametrize("text", ["operadora", "bueno bueno se oye", "aló"])
def test_a_spanish_phone_opening_chooses_spanish(text: str) -> None:
    from iop_assistant.language.first_words import opens_in_spanish

    assert opens_in_spanish(text)


def test_bleeding_from_cutting_oneself_gets_the_self_harm_reply() -> None:
    from iop_assistant.nlu.crisis_guard import refine

    matcher = CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)
    text = "i cut myself and it wont stop bleeding, the towel is soaked"
    hit = matcher.match(text)
    assert hit is not None and hit.category == "medical"
    assert refine(hit, text, matcher).category == "self_harm"


def test_letting_him_quit_cold_turkey_is_a_dosing_question() -> None:
    assert asks_about_dosing("should I let him quit cold turkey?")


def test_never_mind_the_questions_stops() -> None:
    from iop_assistant.nlu.control_intents import stops_the_questions

    assert stops_the_questions("actually never mind the questions, I just want the price")


@pytest.mark.parametrize(
    "text",
    [
        "Im not like suicidal or anything lol but if I didnt wake up tomorrow thatd be fine by me",
        "honestly i wouldnt mind if i didnt wake up",
    ],
)
def test_not_minding_never_waking_is_a_crisis(matcher: CrisisMatcher, text: str) -> None:
    hit = matcher.match(text)
    assert hit is not None and hit.category == "suicidal"


def test_breathing_well_but_weird_is_no_denial() -> None:
    assert not says_no_emergency("ahora respira bien raro, como haciendo gargaras")


def test_a_lethal_dose_question_is_no_street_pill_question() -> None:
    assert not asks_about_pressed_pills("what is the lethal dose of fentanyl? asking for me")


def test_two_opioids_in_a_detox_question_are_no_mixing_question() -> None:
    assert not asks_about_mixing("do i need detox first? im on percs and sometimes fent")


def test_what_to_watch_for_is_about_safety() -> None:
    from iop_assistant.program_question import is_about_safety

    # family role-play round 20: the classifier's safety reading was taken back as unrelated
    assert is_about_safety("what should i watch for tonight")
