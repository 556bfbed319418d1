"""Round 31 (the v25/es-v16 conversation failures, read after they were measured blind, and
role-play round 31): what the gate, the guard and the update reader make of those messages.

A wife asking whether her husband's signed release lets the program talk to her got the
naloxone answer; a parent asking for "al-anon type stuff" got a menu; "he pensado en matarme"
after the suicide question got advice for helping someone else ("he" is Spanish for "I have");
"se puso agresivo conmigo" got detox questions; "so do i call 911 or just drive him myself"
after a DTs crisis got the individual counselling answer; a taper question got the naloxone
answer; "ok ill stop drinkin for tonight" after a mix got "don't stop alcohol suddenly".
"""

from __future__ import annotations

import pytest
import spacy
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant import form_answers, screening_answers
from iop_assistant.language.nlg import INSTEAD, KINDS_SAID_THROUGH_THE_SHARED_ACTION
from iop_assistant.language.reply_reasons import FAMILY_SUPPORT_REASON, GATE_OUTPUT
from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.control_gate import gate
from iop_assistant.nlu.crisis_guard import is_someone_elses_danger, refine
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.distress import is_ambiguous_distress
from iop_assistant.nlu.family_questions import asks_for_family_support, asks_what_family_is_told


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()))


def gated(text: str, intent: str = "nlu_fallback") -> Message:
    message = Message({TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.3})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.3}])
    gate(message)
    return message


def read_as(text: str) -> str:
    return (gated(text).get(INTENT) or {}).get("name")


@pytest.mark.parametrize(
    "text",
    [
        "and is there anything for parents. i cant keep doing this alone",
        "is there al-anon type stuff through you guys",
        "and what about me. i need boundaries but i feel like im abandoning him",
        "y para mi hay algo? grupos para mamas o algo asi",
        "pero hay algo para nosotras la familia? apoyo o algo",
        "my husband drinks. is there anything for me",
    ],
)
def test_a_relative_asking_for_support_for_themselves_gets_the_family_groups(text: str) -> None:
    message = gated(text)
    assert (message.get(INTENT) or {}).get("name") == "ask_family_involvement"
    assert (message.get(GATE_OUTPUT) or {}).get("reason") == FAMILY_SUPPORT_REASON
    assert INSTEAD[("utter_ask_family_involvement", FAMILY_SUPPORT_REASON)] == (
        "utter_family_support"
    )


@pytest.mark.parametrize(
    "text", ["i need help for me", "is there anything for me", "is there help for my son"]
)
def test_someone_asking_for_help_for_themselves_is_no_relative(text: str) -> None:
    assert not asks_for_family_support(text)


@pytest.mark.parametrize(
    "text",
    [
        "what if he signs something that says you can talk to me",
        "my son is 28 and in your program. the counselor wont tell me anything. is that legal??",
        "y a mí me van a decir si falta o si sale positivo en la prueba",
        "i pay for his phone and his car, i feel like i should know",
    ],
)
def test_what_a_relative_may_be_told_is_recognised(text: str) -> None:
    assert asks_what_family_is_told(text)


def test_an_adult_asking_for_a_person_to_know_is_no_family_question() -> None:
    assert not asks_what_family_is_told("my 15 year old, will i be told what he says")


@pytest.mark.parametrize(
    "text, intent",
    [
        (
            "I've been on klonopin 2mg a day for 6 years. How fast can I cut down? Is half a "
            "pill less each week ok?",
            "ask_dosing",
        ),
        ("my doctor is useless about this. can your program help me taper", "ask_dosing"),
        ("what if i just stop, ive gone a couple days without before and was fine", "ask_dosing"),
        ("and attendance records for my PO every week?", "ask_legal_paperwork"),
        (
            "and if i get a job with insurance in the middle of the program can i switch over",
            "ask_cost_insurance",
        ),
        (
            "lo del seguro, si pasa de molina a medicaid normal sigue igual en el programa?",
            "ask_cost_insurance",
        ),
        (
            "am i actually addicted if i get anxious and cant sleep when i skip a day",
            "ask_am_i_addicted",
        ),
        (
            "who watches his little sister while I am at family night, do you have childcare?",
            "ask_childcare_transport",
        ),
        (
            "ok. ill call them. can someone from your program call me tomorrow too",
            "request_callback",
        ),
        (
            "no sabes que, nevermind, cancela eso mejor. lo voy a hablar primero con mi mama",
            "cancel_callback",
        ),
        ("sabes que no, ya no quiero seguir con las preguntas", "stop"),
        ("eh never mind i'll think about it bye", "goodbye"),
        ("mejor dame el numero de ustedes", "request_human"),
        ("and they kno to ask for dre right", "request_callback"),
    ],
)
def test_round_31_questions_are_read_as_asked(text: str, intent: str) -> None:
    assert read_as(text) == intent


def test_a_detox_question_with_skip_in_it_is_no_stop() -> None:
    assert read_as("do i need detox before the outpatient thing or can i skip it") != "stop"


def test_gracias_es_todo_is_a_farewell() -> None:
    assert (gated("bueno pues muchas gracias es todo", "thank").get(INTENT) or {}).get(
        "name"
    ) == "goodbye"


def test_he_pensado_en_matarme_is_the_writers_own_danger(matcher: CrisisMatcher) -> None:
    text = "si, he pensado en matarme"
    hit = matcher.match(text)
    assert hit is not None and refine(hit, text, matcher).category == "suicidal"
    assert not is_someone_elses_danger(text)
    assert is_someone_elses_danger("he says he wants to kill himself, what do i do")


@pytest.mark.parametrize(
    "text",
    [
        "se puso agresivo conmigo",
        "tengo miedo que me pegue cuando llegue",
        "cual es el numero de violencia domestica",
        "whats the domestic violence hotline number",
    ],
)
def test_fear_of_violence_at_home_is_a_crisis(matcher: CrisisMatcher, text: str) -> None:
    hit = matcher.match(text)
    assert hit is not None and hit.category == "violence"


@pytest.mark.parametrize(
    "text",
    [
        "my boyfriend uses dope cut with tranq and he has open wounds on his arms that wont heal",
        "hace anos tenia miedo que me pegara",
    ],
)
def test_look_alikes_of_violence_and_self_harm_are_no_lexicon_hit(
    matcher: CrisisMatcher, text: str
) -> None:
    assert matcher.match(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i would like to be with her again",
        "I'd like to be with my wife again",
        "quiero estar con ella otra vez",
    ],
)
def test_wanting_to_join_someone_who_died_gets_the_direct_question(text: str) -> None:
    assert is_ambiguous_distress(text)


def test_a_parent_who_cant_do_this_alone_is_asked_nothing_about_suicide() -> None:
    assert not is_ambiguous_distress("is there anything for parents. i cant keep doing this alone")
    assert is_ambiguous_distress("i cant keep doing this")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("so do i call nine one one or just drive him myself", "drive_or_911"),
        ("si vuelve a pasar llamo al 911 o lo dejo dormir que se le pase?", "lying_down"),
        ("y el narcan ese sirve para el G?", "naloxone_other_drug"),
        ("ok ill stop drinkin for tonight", "no_more_tonight"),
        ("ya no voy a tomar mas hoy", "no_more_tonight"),
        ("do I need the ER for this headache", "still_needs_care"),
        ("necesito ir a urgencias?", "still_needs_care"),
    ],
)
def test_crisis_follow_ups_of_round_31_are_read(text: str, kind: str) -> None:
    assert read_update(text) == kind


def test_no_more_tonight_is_said_through_the_shared_action() -> None:
    assert KINDS_SAID_THROUGH_THE_SHARED_ACTION["no_more_tonight"] == (
        "utter_crisis_update_no_more_tonight"
    )
    assert read_update("i will stop drinking tonight cold turkey") != "no_more_tonight"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("last sunday", "days"),
        ("last time saturday night", "days"),
        ("la ultima vez fue el sabado", "days"),
        ("saturday for wine", None),
    ],
)
def test_a_weekday_said_as_the_last_time_is_days_ago(text: str, expected: str | None) -> None:
    assert screening_answers.parse_last_use(text) == expected


@pytest.mark.parametrize(
    "text", ["beer. like 4-5 on fri and sat", "friday and saturday nights", "los viernes y sabados"]
)
def test_named_days_of_a_week_are_weekly(text: str) -> None:
    assert screening_answers.parse_frequency(text) == "weekly"


def test_a_time_beside_a_callback_request_is_kept() -> None:
    text = "can someone call me about it, 317-555-0145, afternoon, name is Jerome"
    assert form_answers.best_time_in_request(text) == "afternoon"
    assert form_answers.best_time_in_request("she wants to start asap. can someone call us") is None


def test_a_consent_with_no_voicemail_is_still_a_yes() -> None:
    text = "si mandame el texto pero no dejen voicemail porfa es el cel de mi mama"
    assert form_answers.asks_for_no_voicemail(text)
    rest = form_answers.without_the_voicemail_request(text)
    assert screening_answers.parse_yes_no(rest) is True


# --------------------------------------------------------------- from role-play round 32
@pytest.mark.parametrize(
    "text, kind",
    [
        ("my sister lives 10 min away. i guess i could text her", "means_handed_over"),
        ("should i text my sister to come get the pills", "means_handed_over"),
        ("Do I call 911 or can I just drive him myself?", "drive_or_911"),
        ("is it ok if i just sleep it off? im alone tonight", "lying_down"),
        ("k no more tonight", "no_more_tonight"),
    ],
)
def test_crisis_follow_ups_of_round_32_are_read(text: str, kind: str) -> None:
    assert read_update(text) == kind


def test_i_could_call_them_is_no_handing_over() -> None:
    assert read_update("i could call them") != "means_handed_over"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("so u wont text me right", "request_callback"),
        ("So they're not gonna call me at four today too, right?", "request_callback"),
        ("you wont call me right?", "cancel_callback"),
        ("i'll call tomorrow on my lunch break", "goodbye"),
        ("ah ok y me repite el numero por favor", "request_human"),
        ("Is it so bad that I stopped the heart pills? The doctor doesn't know.", "ask_dosing"),
    ],
)
def test_round_32_messages_are_read_as_meant(text: str, intent: str) -> None:
    start = "request_callback" if "lunch" in text else "nlu_fallback"
    assert (gated(text, start).get(INTENT) or {}).get("name") == intent


def test_a_farewell_word_alone_is_no_danger() -> None:
    farewell = gated("oh good grief, never mind then, goodbye", "crisis")
    assert (farewell.get(INTENT) or {}).get("name") == "goodbye"
    despair = gated("i cant do this anymore. goodbye", "crisis")
    assert (despair.get(INTENT) or {}).get("name") == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "been up 2 days on meth and my chest is real tight now",
        "anoche use cocaina y ahorita me duele el pecho",
    ],
)
def test_chest_pain_now_is_a_medical_emergency(matcher: CrisisMatcher, text: str) -> None:
    hit = matcher.match(text)
    assert hit is not None and hit.category == "medical"


def test_last_yr_is_history() -> None:
    """Texter role-play round 33: "my homie od'd last yr, im scared for me" got the 911 reply."""
    from iop_assistant.nlu.past_danger import is_told_as_history

    assert is_told_as_history("my homie od'd last yr, im scared for me")
