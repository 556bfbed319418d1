"""Round 30 (the blind v24/es-v15 failures, read after they were measured).

A farewell hinted while giving a callback time was saved as the time; a roommate shut in a
bathroom for 40 minutes, not answering, got the story-of-use reply; plans to stop Xanax or GHB
"tonight" got the screening offer or the crisis reply instead of why not alone; a relative
asking what they will be told got the what-is-IOP answer; "don't leave a voicemail if I don't
pick up" inside a callback request got the help line's hours.
"""

from __future__ import annotations

import pytest
import spacy
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant import form_answers, substances
from iop_assistant.language.nlg import INSTEAD
from iop_assistant.language.reply_reasons import (
    FAMILY_PRIVACY_REASON,
    FAMILY_RELAPSE_REASON,
    GATE_OUTPUT,
)
from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.contact_questions import asks_about_helpline_hours
from iop_assistant.nlu.control_gate import gate
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.distress import is_ambiguous_distress
from iop_assistant.nlu.dosing_questions import asks_about_dosing
from iop_assistant.nlu.family_questions import asks_about_their_relapse, asks_what_family_is_told
from iop_assistant.nlu.past_danger import is_told_as_history


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()))


def gated(text: str, intent: str = "nlu_fallback") -> Message:
    message = Message({TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.3})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.3}])
    gate(message)
    return message


@pytest.mark.parametrize(
    "text",
    [
        "whenever. after tonight it wont really matter anyway",
        "i dont know whenever honestly nothing really matters anymore",
        "whenever. if im still around lol",
        "after tonight i wont need it",
        "la verdad ya no le veo el caso a nada. llevo 3 recaidas este año",
        "despues de hoy ya no importa",
    ],
)
def test_a_hinted_farewell_gets_the_direct_question(text: str) -> None:
    assert is_ambiguous_distress(text)


@pytest.mark.parametrize(
    "text",
    [
        "whenever is fine",
        "it doesnt matter what time",
        "morning, if im still awake",
        "after tomorrow it wont matter, ill have insurance then",
        "nothing much matters to me about the time",
    ],
)
def test_a_plain_callback_time_is_no_distress(text: str) -> None:
    assert not is_ambiguous_distress(text)


def test_someone_shut_in_a_bathroom_and_not_answering_is_an_emergency(
    matcher: CrisisMatcher,
) -> None:
    text = (
        "my roommate locked himself in the bathroom like 40 min ago and wont answer me, i can "
        "hear the water running. he relapsed last week. should i break the door??"
    )
    hit = matcher.match(text)
    assert hit is not None and hit.pattern_id == "shut_in_not_answering"
    assert not is_told_as_history(text), "40 minutes ago is now, not last week's relapse"
    assert matcher.match("my son has been in the bathroom for an hour and isnt answering")


@pytest.mark.parametrize(
    "text",
    [
        "my teen locked herself in her room and wont talk to me about school",
        "he locked himself in the bathroom and wont come out, he's crying",
        "last year he locked himself in his room and wouldnt answer for days",
    ],
)
def test_a_shut_door_alone_is_not_an_emergency(matcher: CrisisMatcher, text: str) -> None:
    hit = matcher.match(text)
    assert hit is None or hit.pattern_id != "shut_in_not_answering"


@pytest.mark.parametrize(
    "text",
    [
        "ive been taking 4-6 xanax bars a day for about a year, not prescribed, i buy them. im "
        "done. flushing them tonight",
        "been using G every 2-3 hrs round the clock for months. want to just stop tonight. will "
        "i be ok",
        "my daughter wants to stop the g h b tonight cold turkey she says she can just do it at "
        "home is that ok",
        "necesito dejar los xanax ya. esta noche los boto todos a la basura y listo",
        "yo estoy en metadona ya tengo dos años y ya me quiero salir de eso de un jalón",
    ],
)
def test_a_plan_to_stop_a_sedative_at_once_gets_why_not_alone(text: str) -> None:
    assert asks_about_dosing(text)


@pytest.mark.parametrize(
    "text",
    [
        "im quitting weed tonight",
        "i want to stop drinking",
        "i want to quit drinking for good, how does your program work",
        "i want to stop drinking now how do i sign up",
    ],
)
def test_wanting_to_stop_is_not_a_dosing_question(text: str) -> None:
    assert not asks_about_dosing(text)


@pytest.mark.parametrize(
    "text",
    [
        "my daughter wants to stop the g h b tonight",
        "been using G every 2-3 hrs",
        "liquid g",
        "uso G (ghb) todos los dias",
    ],
)
def test_ghb_as_people_say_it_is_a_sedative(text: str) -> None:
    assert substances.categories_in_text(text) == {"sedative"}


def test_a_heroin_h_is_still_an_opioid() -> None:
    assert substances.categories_in_text("h and fent") == {"opioid"}


@pytest.mark.parametrize(
    "text",
    [
        "no es de receta",
        "uso G (ghb) todos los dias cada 2 o 3 horas, even at night. no es de receta",
        "none of its prescribed",
    ],
)
def test_nothing_prescribed_in_those_words(text: str) -> None:
    assert form_answers.prescription_told(text, {"sedative"}) == []


@pytest.mark.parametrize(
    "text,reason,answer",
    [
        (
            "ok. since he's 19 would you guys tell me what he says in there or no",
            FAMILY_PRIVACY_REASON,
            "utter_what_family_is_told",
        ),
        (
            "y si el entra ustedes me van a decir como va? porque ya es mayor de edad",
            FAMILY_PRIVACY_REASON,
            "utter_what_family_is_told",
        ),
        (
            "what if he relapses after the program",
            FAMILY_RELAPSE_REASON,
            "utter_relapse_of_a_loved_one",
        ),
        (
            "my husband relapsed after rehab, can he still do iop?",
            FAMILY_RELAPSE_REASON,
            "utter_relapse_of_a_loved_one",
        ),
    ],
)
def test_a_relatives_own_question_is_answered_for_them(text: str, reason: str, answer: str) -> None:
    message = gated(text)
    assert message.get(GATE_OUTPUT)["reason"] == reason
    said = f"utter_{message.get(INTENT)['name']}"
    assert INSTEAD[(said, reason)] == answer


@pytest.mark.parametrize(
    "text",
    [
        "what if i relapse",
        "is it confidential",
        "how do i know if he drank too much",
        "my son is 16, will i be told what he says",
    ],
)
def test_the_patients_own_questions_keep_their_answers(text: str) -> None:
    assert not asks_what_family_is_told(text) and not asks_about_their_relapse(text)


def test_no_voicemail_if_i_dont_pick_up_is_no_question_about_hours() -> None:
    text = (
        "Can someone from your help line call me? It's about my drinking. Please DON'T leave a "
        "voicemail if I don't pick up"
    )
    assert not asks_about_helpline_hours(text)
    assert gated(text).get(INTENT)["name"] == "request_callback"
    assert asks_about_helpline_hours("does the help line pick up at night")


@pytest.mark.parametrize(
    "text,name",
    [
        ("just say it's Kim", "Kim"),
        ("just say denise", "Denise"),
        ("tell them it is jay", "Jay"),
        ("ask for Dee", "Dee"),
    ],
)
def test_a_name_said_with_say_is_the_name(text: str, name: str) -> None:
    assert form_answers.parse_first_name(text) == name


def test_a_battery_percentage_is_no_callback_time() -> None:
    text = "can they call me instead my phone is at 4% i cant sit on hold"
    assert form_answers.best_time_in_request(text) is None
    assert form_answers.best_time_in_request("call me at 4") == "at 4"


@pytest.mark.parametrize(
    "text",
    [
        "988 is for suicide though right?",
        "isnt 988 only for suicide",
        "el 988 es solo para suicidio?",
    ],
)
def test_a_question_about_988_itself_is_answered_not_alarmed(
    matcher: CrisisMatcher, text: str
) -> None:
    from iop_assistant.nlu.crisis_updates import read_update

    assert matcher.match(text) is None
    assert read_update(text) == "about_988"


def test_danger_said_after_a_question_about_988_is_still_danger(matcher: CrisisMatcher) -> None:
    assert matcher.match("988 is for suicide right? i want to die") is not None
    assert matcher.match("el 988 es solo para suicidio? yo me quiero matar") is not None


@pytest.mark.parametrize(
    "text",
    [
        "so i dont gotta come off it",
        "i get the vivi trawl shot every month does that matter for the program",
    ],
)
def test_staying_on_a_medicine_asked_in_passing(text: str) -> None:
    assert gated(text, "goodbye").get(INTENT)["name"] == "ask_staying_on_medication"


def test_a_two_word_spanish_question_is_spanish() -> None:
    from iop_assistant.language.detect import detect

    assert detect("aceptan medicaid") == "es"
    assert detect("hola maria") is None
    assert detect("do you take medicaid") == "en"


@pytest.mark.parametrize("text", ["👍", "👍🏽", "✅", "👍👍"])
def test_a_thumbs_up_is_a_yes(text: str) -> None:
    from iop_assistant.screening_answers import parse_yes_no

    assert parse_yes_no(text) is True
    assert gated(text).get(INTENT)["name"] == "affirm"


def test_a_crying_face_is_no_yes() -> None:
    from iop_assistant.screening_answers import parse_yes_no

    assert parse_yes_no("😢") is None


@pytest.mark.parametrize(
    "text",
    [
        "no he never had no seizures and hes a boy so no on the pregnant thing",
        "yeah if i go too long i get sick like sweaty and cramps and my nose runs no seizures ever",
        "convulsiones nunca",
    ],
)
def test_signs_named_only_to_say_no_are_no_emergency(text: str) -> None:
    from iop_assistant.nlu.crisis_guard import only_negated_signs

    assert only_negated_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "never had a seizure before but hes having one now",
        "no seizures but hes not breathing",
        "no seizures. i want to die",
    ],
)
def test_a_no_beside_danger_now_is_still_danger(text: str) -> None:
    from iop_assistant.nlu.crisis_guard import only_negated_signs

    assert not only_negated_signs(text)


def test_convulsiones_no_nunca_is_no_sign_now() -> None:
    from iop_assistant import screening_answers

    text = (
        "sí cuando no uso me dan escalofríos diarrea me duelen los huesos y convulsiones no nunca"
    )
    reading = screening_answers.read_emergency(text)
    assert not (reading.now or reading.unclear)


@pytest.mark.parametrize(
    "text",
    ["does narcan work on coke too", "does narcan work for coke?", "el narcan sirve con la coca?"],
)
def test_naloxone_and_other_drugs_gets_its_own_answer(text: str) -> None:
    from iop_assistant.nlu.crisis_updates import read_update

    assert read_update(text) == "naloxone_other_drug"
    assert read_update("can we give narcan") == "naloxone_question"


@pytest.mark.parametrize(
    "text", ["it's a landline honey, it can't get texts", "its a landline", "it doesnt take texts"]
)
def test_a_landline_is_a_no_to_the_text(text: str) -> None:
    assert form_answers.says_no_texts(text)
    assert not form_answers.says_no_texts("I have a landline and a cell, text the cell")
