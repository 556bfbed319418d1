"""Round 29 (crisis role-play round 29 and the unread v23/es-v14 failures): whose danger it is.

A sister whose brother was in the garage with the engine running was answered as if she were
the one at risk, then sent to the domestic violence line; a question about seizure first aid
for a class got the naloxone answer twice; a widow who had stopped her heart medicine and kept
it "until there is enough" got the generic reply.
"""

from __future__ import annotations

from typing import Callable

import pytest
import spacy
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.channels.voice_twiml import leaves_to_call_911
from iop_assistant.language.nlg import INSTEAD
from iop_assistant.language.reply_reasons import GATE_OUTPUT, SEIZURE_AID_REASON
from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.control_gate import gate
from iop_assistant.nlu.crisis_guard import (
    FUMES,
    FUMES_OTHER,
    SUICIDAL_OTHER,
    is_someone_elses_danger,
    refine,
)
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.danger_questions import asks_about_mixing_them, asks_about_seizure_first_aid
from iop_assistant.program_question import (
    asks_about_a_minor_in_treatment,
    asks_about_mental_health_care,
    asks_about_prescribed_pain_medicine,
    asks_for_paperwork,
    asks_for_treatment_elsewhere,
    asks_how_to_refer,
    asks_who_counts_as_family,
)


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()))


def category(matcher: CrisisMatcher, text: str) -> str | None:
    hit = matcher.match(text)
    return refine(hit, text, matcher).category if hit else None


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "my brother has been drinking all day and he locked himself in the garage with the "
            "engine running. he wont answer me",
            FUMES_OTHER,
        ),
        (
            "my brother is in the garage with the engine running and the door shut. what do i do",
            FUMES_OTHER,
        ),
        (
            "me. doesnt matter tho. im sitting in my car in the garage with the hose hooked up",
            FUMES,
        ),
        (
            "my brother just texted me 'take care of mom for me, love you' and now he won't pick "
            "up. he told me last week he wanted to die. what do I do right now",
            SUICIDAL_OTHER,
        ),
        ("I want to kill myself, my husband doesn't even notice", "suicidal"),
        ("Im a burden to everyone. they'd all be better off. tonights the night", "suicidal"),
    ],
)
def test_whose_danger_chooses_the_reply(matcher: CrisisMatcher, text: str, expected: str) -> None:
    assert category(matcher, text) == expected


def test_the_bystanders_own_words_do_not_make_it_theirs() -> None:
    assert is_someone_elses_danger(
        "my sister says she wants to die. i called her, what should i do"
    )
    assert not is_someone_elses_danger("i want to die and my sister doesnt know")
    assert not is_someone_elses_danger("nobody would miss me")


def test_a_door_to_break_is_no_violence(matcher: CrisisMatcher) -> None:
    assert matcher.match("should i break the door or call someone first") is None
    hit = matcher.match("he's trying to break down the door")
    assert hit is not None and hit.category == "violence"


@pytest.mark.parametrize(
    "text",
    [
        "its not me its my BROTHER. should i break the door or call someone first",
        "988 or 911?? which one hes not answering",
        "911 or 988",
        "rompo la puerta o llamo al 911?",
        "llamo al 988 o al 911??",
    ],
)
def test_which_call_first_is_answered_911(text: str) -> None:
    assert read_update(text) == "should_call_911"


def test_a_short_should_i_call_911_is_still_the_crisis_reply_itself() -> None:
    assert read_update("should i call 911") is None


def test_police_sent_by_the_line_is_the_fear_of_calling() -> None:
    assert read_update("what would they even do, send the police to my house?") == "police_fear"


def test_the_police_question_after_the_988_text_is_no_violence(
    guarded: Callable[..., Message],
) -> None:
    message = guarded("what would they even do, send the police to my house?")
    kinds = {e["entity"]: e["value"] for e in message.get("entities") or []}
    assert kinds.get("crisis_update") == "police_fear"
    assert "crisis_category" not in kinds


def test_a_stopped_medicine_kept_until_there_is_enough(matcher: CrisisMatcher) -> None:
    text = (
        "I stopped taking my heart medicine in January and kept them in a jar. There is enough "
        "now. I will be with Walter soon"
    )
    assert category(matcher, text) == "suicidal"
    assert (
        matcher.match(
            "I stopped taking my blood pressure pills, kept them in the drawer because the doctor "
            "changed my dose, i have enough for a month"
        )
        is None
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "what do you do if someone has a seizure? asking for a first aid class im taking, "
            "not an emergency",
            True,
        ),
        ("no i mean seizures, not overdose. do you guys offer first aid or CPR classes?", True),
        ("how do you help someone having a seizure", True),
        ("que se hace si alguien convulsiona?", True),
        ("what do i do hes having a seizure right now", False),
        ("can alcohol withdrawal cause seizures", False),
    ],
)
def test_seizure_first_aid_questions(text: str, expected: bool) -> None:
    assert asks_about_seizure_first_aid(text) is expected


@pytest.mark.parametrize("read_first", ["ask_safety_procedures", "crisis", "ask_therapies"])
def test_the_seizure_question_gets_seizure_first_aid(read_first: str) -> None:
    """Said instead of the naloxone answer (language/nlg.py INSTEAD), also over the
    classifier's crisis when no word says anyone is seizing now."""
    message = Message({TEXT: "what do you do if someone has a seizure? for a first aid class"})
    message.set(INTENT, {"name": read_first, "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": read_first, "confidence": 0.9}])
    gate(message)
    assert (message.get(INTENT) or {}).get("name") == "ask_safety_procedures"
    assert (message.get(GATE_OUTPUT) or {}).get("reason") == SEIZURE_AID_REASON
    assert INSTEAD[("utter_ask_safety_procedures", SEIZURE_AID_REASON)] == "utter_seizure_first_aid"


@pytest.mark.parametrize(
    "text",
    [
        "just tell my mom the money for the program can go back to her. after 9 tonight ill be "
        "gone for good",
        "cant do this anymore. my kids are better off",
        "my wife would be better off without me",
        "take care of my dog for me. tonight's the night",
    ],
)
def test_the_writers_own_danger_with_others_named_stays_theirs(text: str) -> None:
    assert not is_someone_elses_danger(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ok i got out of the car. im in the kitchen. what now", "safe_now"),
        ("i turned it off", "safe_now"),
        ("i turned the engine off and then on again", None),
    ],
)
def test_out_of_the_car_after_the_fumes_reply(text: str, expected: str | None) -> None:
    """Only after a crisis reply (safe_now needs one, rasa_hooks/crisis_context.py)."""
    assert read_update(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("wait can mixing them kill me?", True),
        ("is it bad to take them together", True),
        ("es peligroso mezclarlas?", True),
        ("i took them together and now i cant breathe right", False),
        ("can you mix them for me", False),
    ],
)
def test_the_mix_named_before(text: str, expected: bool) -> None:
    """Self role-play round 29: asked five times inside the screening, taken as how often."""
    assert asks_about_mixing_them(text) is expected


def test_the_mix_named_before_gets_the_mixing_answer(gated: Callable[..., str]) -> None:
    assert gated("wait can mixing them kill me?", "inform_use") == "ask_safety_procedures"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "My pain management doctor suggested I look at IOP. I take oxycodone as prescribed for "
            "a spine injury. I dont use anything else. Do I even qualify for this kind of program?",
            True,
        ),
        (
            "But would I have to stop my pain medication to be in it? I cant function without it",
            True,
        ),
        ("can i keep taking my tramadol, its prescribed", True),
        ("he's been taking his moms oxy, can he join", False),
        ("what are pain meds", False),
    ],
)
def test_prescribed_pain_medicine_and_the_program(text: str, expected: bool) -> None:
    assert asks_about_prescribed_pain_medicine(text) is expected


def test_prescribed_pain_medicine_gets_its_own_answer() -> None:
    message = Message({TEXT: "would I have to stop my pain medication to be in it?"})
    message.set(INTENT, {"name": "nlu_fallback", "confidence": 0.3})
    message.set(INTENT_RANKING_KEY, [{"name": "nlu_fallback", "confidence": 0.3}])
    gate(message)
    assert (message.get(INTENT) or {}).get("name") == "ask_staying_on_medication"
    reason = (message.get(GATE_OUTPUT) or {}).get("reason")
    assert INSTEAD[("utter_ask_staying_on_medication", reason)] == "utter_prescribed_pain_medicine"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("can i come to her family sessions? were not married, ive been her boyfriend 6 yrs", True),
        ("does family have to mean married or blood related?", True),
        ("does a boyfriend count as family for the family sessions", True),
        ("what are the family sessions like", False),
    ],
)
def test_who_counts_as_family(text: str, expected: bool) -> None:
    assert asks_who_counts_as_family(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("im raising my 15 year old grandson, he vapes. can i sign for him?", True),
        ("if he goes will i hear what he says in there? hes 16", True),
        ("my son is 19 and drinks, can i sign him up", False),
        ("i have 15 years clean, can i volunteer", False),
    ],
)
def test_a_minor_in_treatment(text: str, expected: bool) -> None:
    assert asks_about_a_minor_in_treatment(text) is expected


@pytest.mark.parametrize(
    "text,reason,answer",
    [
        (
            "does family have to mean married or blood related?",
            "who counts as family",
            "utter_who_counts_as_family",
        ),
        (
            "im raising my 15 year old grandson. can i sign for him?",
            "a minor in treatment",
            "utter_minor_in_treatment",
        ),
    ],
)
def test_what_is_not_known_here_is_said_with_who_knows(text: str, reason: str, answer: str) -> None:
    message = Message({TEXT: text})
    message.set(INTENT, {"name": "ask_family_involvement", "confidence": 0.6})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_family_involvement", "confidence": 0.6}])
    gate(message)
    assert (message.get(GATE_OUTPUT) or {}).get("reason") == reason
    assert INSTEAD[("utter_ask_family_involvement", reason)] == answer


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "if you're not in ohio can you tell me how to find something near me? columbus area",
            True,
        ),
        ("is there a program near me", True),
        ("can you help me find treatment in dayton", True),
        ("where are you located", False),
    ],
)
def test_treatment_elsewhere(text: str, expected: bool) -> None:
    assert asks_for_treatment_elsewhere(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "lol not like that. i mean im moving to my dads in ohio, my bus leaves at 9. so can i "
        "get a refund for the deposit",
        "no no you misunderstood, i meant im moving",
        "no me refiero a eso, me voy a mudar",
    ],
)
def test_not_like_that_takes_it_back(text: str) -> None:
    """Only after a crisis reply (rasa_hooks/crisis_context.py); the reply asks directly."""
    assert read_update(text) == "takes_it_back"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("how do I refer someone?", True),
        (
            "im a counselor at the county, i have a client who needs IOP, how do i make a referral",
            True,
        ),
        ("my doctor referred me, what now", False),
        ("can you refer me somewhere for detox", False),
    ],
)
def test_a_referral_from_a_professional(text: str, expected: bool) -> None:
    assert asks_how_to_refer(text) is expected


def test_attendance_reports_for_an_officer_are_paperwork() -> None:
    assert asks_for_paperwork("I'm his probation officer, how do I get attendance reports")


@pytest.mark.parametrize(
    "speech,leaving",
    [
        ("okay okay i'm hanging up and calling nine one one", True),
        ("okay I'm calling 911 on my cell right now, can you stay on", False),
        (
            "okay I called 911 on the other phone they're coming. what do I do till they get here",
            False,
        ),
        ("I'm not calling 911, the cops will come. he's on probation", False),
        ("im gonna call 911 now", True),
    ],
)
def test_only_a_caller_leaving_to_dial_is_let_go(speech: str, leaving: bool) -> None:
    """Caller role-play round 30: three people mid-emergency got "Goodbye" and a hang-up."""
    assert leaves_to_call_911(speech) is leaving


@pytest.mark.parametrize(
    "text,expected",
    [
        ("took 2 bars n drinkin is that ok", "poison_control"),
        ("took 2 xans and had a few beers, is that ok", "poison_control"),
        ("i had a few beers and took my klonopin, am i gonna be ok", "poison_control"),
        ("took 2 xans and been drinking is that ok? im kinda nodding off", "getting_drowsy"),
    ],
)
def test_a_mix_already_taken_asked_about_gets_poison_control(text: str, expected: str) -> None:
    """Texter and self role-play round 30: the generic crisis text three times; sleepiness
    said with it is the overdose getting worse."""
    assert read_update(text) == expected


def test_the_paranoia_part_asks_about_mental_health_care(gated: Callable[..., str]) -> None:
    """Regression after the round 29 retrain: the naloxone answer."""
    text = "Does the program deal with the paranoia part too or just the drugs?"
    assert asks_about_mental_health_care(text)
    assert gated(text, "ask_safety_procedures") == "ask_co_occurring"


def test_where_to_buy_naloxone_with_no_emergency(gated: Callable[..., str]) -> None:
    """Regression after the round 29 retrain: read as a story of use."""
    text = (
        "I didn't call 911, there's no emergency. I am asking where I can buy naloxone to keep "
        "at home, just in case."
    )
    assert gated(text, "inform_use") == "ask_safety_procedures"


@pytest.mark.parametrize(
    "text",
    [
        "perdon, me puede repetir el numero mas despacio, lo estoy apuntando",
        "no no, no es emergencia. el numero de ustedes, repitalo por favor",
    ],
)
def test_say_the_number_again_in_spanish(text: str, gated: Callable[..., str]) -> None:
    """Spanish role-play round 30: read as a crisis, twice; the number never repeated."""
    assert gated(text, "crisis", 0.9) == "repeat_last"
