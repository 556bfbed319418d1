"""Round 35: asking the assistant to place an emergency call, privacy for someone under 18,
a past withdrawal seizure told to another screening question, "slower" on a call."""

from __future__ import annotations

from typing import Any, List

import pytest
import spacy
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import ValidateDetoxScreeningForm
from iop_assistant.language.safety_context import fitted_safety_answer
from iop_assistant.language.teen_privacy import for_a_teen, names_a_teen
from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.contact_questions import (
    asks_to_call_without_a_name,
    says_the_answer_repeats,
    tells_of_a_craving,
)
from iop_assistant.nlu.control_intents import stops_the_questions
from iop_assistant.nlu.crisis_guard import is_plain_use_told
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.danger_questions import asks_about_lost_tolerance
from iop_assistant.nlu.past_withdrawal import passed_out_after_drinking
from iop_assistant.nlu.relapse_word import plans_more_use_after_a_return, tells_a_return_to_use
from iop_assistant.program_question import asks_about_cps
from iop_assistant.rasa_hooks import crisis_context
from iop_assistant.rasa_hooks.crisis_context import NEEDS_A_CRISIS_BEFORE
from tests.actions.test_screening import tracker


@pytest.mark.parametrize(
    "text, kind",
    [
        ("can you call 911 for me", "call_for_me"),
        ("could you call the police for me", "call_for_me"),
        ("can u send an ambulance", "call_for_me"),
        ("why cant you call 911", "call_for_me"),
        ("i need you to call 911", "call_for_me"),
        ("can you send someone to my house", "call_them_for_me"),
        ("call an ambulance for me please", "call_for_me"),
        ("puede llamar al 911 por mi", "call_for_me"),
        ("pueden mandar una ambulancia", "call_for_me"),
        ("please just call them", "call_them_for_me"),
        ("can you call them for me", "call_them_for_me"),
    ],
)
def test_asking_the_assistant_to_place_the_call_is_read(text: str, kind: str) -> None:
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "can you call me",
        "can someone call me back tomorrow",
        "can you get help for my son",
        "can you call someone at the program for me",
        "i will call them",
    ],
)
def test_a_call_back_or_a_promise_is_no_call_for_me(text: str) -> None:
    assert read_update(text) not in ("call_for_me", "call_them_for_me")


def test_them_is_the_emergency_line_only_after_a_crisis_reply() -> None:
    assert "call_them_for_me" in NEEDS_A_CRISIS_BEFORE
    assert "call_for_me" not in NEEDS_A_CRISIS_BEFORE


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["my grandson is 16 and drinking"], True),
        (["my 17 year old daughter vapes weed"], True),
        (["mi hijo de 15 anos toma"], True),
        (["I'm 16 and I drink"], True),
        (["he's in high school"], True),
        (["i've been drinking for 16 years"], False),
        (["she's 15 years clean"], False),
        (["my son is 19"], False),
        (["i started drinking in high school"], False),
    ],
)
def test_someone_under_18_named_in_the_conversation(texts: List[str], expected: bool) -> None:
    assert names_a_teen(texts) is expected


def _user(text: str) -> Any:
    return UserUttered(text, {"name": "inform_use", "confidence": 1.0})


def test_a_privacy_question_about_a_teen_gets_the_teen_answer() -> None:
    """Family role-play round 36: a grandson of 16, "without the parents knowing?", got the
    adult records law ("can't be shared unless you say yes in writing")."""
    responses = {"utter_minor_in_treatment": [{"text": "x"}], "utter_ask_confidentiality": []}
    teen = [_user("my grandson is 16"), _user("can he get help without his parents knowing?")]
    adult = [_user("my son is 24"), _user("will his boss find out?")]
    assert for_a_teen("utter_ask_confidentiality", teen, responses) == "utter_minor_in_treatment"
    assert for_a_teen("utter_what_family_is_told", teen, responses) == "utter_minor_in_treatment"
    assert for_a_teen("utter_ask_confidentiality", adult, responses) == "utter_ask_confidentiality"
    assert for_a_teen("utter_ask_cost_insurance", teen, responses) == "utter_ask_cost_insurance"


def test_a_past_withdrawal_seizure_told_early_is_kept_and_answered() -> None:
    """Family role-play round 36: "she had a withdrawal seizure before, is it dangerous to quit
    at home?" to the recent-care question got the question again, the seizure lost."""
    text = "she had a withdrawal seizure before, is it dangerous to quit at home?"
    slots = {"screening_for": "other", "screening_substances": ["alcohol"]}
    dispatcher = CollectingDispatcher()
    result = ValidateDetoxScreeningForm().validate_screening_recent_care(
        text, dispatcher, tracker(slots, text, intent="nlu_fallback", confidence=1.0), {}
    )
    assert result["screening_recent_care"] is None
    assert result["screening_complicated_history"] == "yes"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_screening_history_told"]


@pytest.mark.parametrize(
    "text, earlier, expected",
    [
        ("drank", ["i used to drink every day but im 30 days sober"], True),
        ("he drank", ["hes been clean 30 days"], True),
        ("used again", ["day 9 today"], True),
        ("recai", ["llevaba 60 dias sin tomar"], True),
        ("drank", ["i drink every day"], False),
        ("drank", ["im not sober at all"], False),
        ("i drank a lot every day", ["30 days sober"], False),
    ],
)
def test_a_return_to_use_in_a_word_after_sobriety(text, earlier, expected) -> None:
    assert tells_a_return_to_use(text, earlier) is expected


def _conversation(*texts: str, crisis_reply: bool = False) -> DialogueStateTracker:
    events: List[Any] = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    for text in texts:
        events += [UserUttered(text, {"name": "inform"}), ActionExecuted("utter_inform_use")]
        events.append(ActionExecuted("action_listen"))
    if crisis_reply:
        events += [ActionExecuted("utter_crisis"), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("someone", events)


def _asks_to_call(with_danger: bool) -> dict:
    entities = [{"entity": "crisis_update", "value": "call_for_me"}]
    if with_danger:
        entities.append({"entity": "crisis_category", "value": "violence"})
    return {
        "text": "can you call the police for me he is hitting me",
        "intent": {"name": "crisis_update", "confidence": 1.0},
        "entities": entities,
    }


def test_danger_told_with_the_ask_gets_the_crisis_reply_first() -> None:
    first = crisis_context.in_context(_asks_to_call(True), _conversation())
    assert first["intent"]["name"] == "crisis"
    after = crisis_context.in_context(_asks_to_call(True), _conversation("help", crisis_reply=True))
    assert after["intent"]["name"] == "crisis_update"
    alone = crisis_context.in_context(_asks_to_call(False), _conversation())
    assert alone["intent"]["name"] == "crisis_update"


def test_a_fear_of_what_the_line_sends_is_no_call_for_me() -> None:
    assert read_update("will you send cops to my house if i say that stuff") != "call_for_me"
    assert read_update("what would they even do, send the police to my house?") == "police_fear"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("will it hit harder since i been off 2 months", True),
        ("am i gonna od since ive been clean", True),
        ("does the program hit harder", False),
    ],
)
def test_the_old_amount_after_a_break_is_asked(text: str, expected: bool) -> None:
    """Self role-play round 37: "will it hit harder since i been off 2 months" got the seizure
    text (the old amount after a break can kill)."""
    assert asks_about_lost_tolerance(text) is expected


def test_more_use_tonight_after_a_return_is_the_lost_tolerance_answer() -> None:
    earlier = ["i was off heroin 2 months", "used"]
    assert plans_more_use_after_a_return("prob gonna finish the rest tonight", earlier)
    assert not plans_more_use_after_a_return("im gonna go to group tonight", earlier)
    assert not plans_more_use_after_a_return("gonna finish the rest tonight", ["hi"])
    parse = {
        "text": "prob gonna finish the rest tonight",
        "intent": {"name": "out_of_scope", "confidence": 0.7},
        "entities": [],
    }
    result = crisis_context.in_context(parse, _conversation(*earlier))
    assert result["intent"]["name"] == "ask_safety_procedures"
    assert result["control_gate"]["reason"] == "lost tolerance"


def test_stopping_asked_after_a_past_seizure_gets_what_it_means() -> None:
    """Caller role-play round 37: "is it dangerous to stop drinking cold turkey? I had a
    seizure once" got the general answer, and he planned to quit alone that weekend."""
    text = "is it dangerous to stop drinking cold turkey? I had a seizure once when I quit"
    parse = {"text": text, "intent": {"name": "ask_dosing", "confidence": 0.8}, "entities": []}
    result = crisis_context.in_context(parse, _conversation())
    assert result["control_gate"]["reason"] == "stopping after a past withdrawal seizure"
    later = {
        "text": "quitting by myself this weekend. alone at home. is that ok",
        "intent": {"name": "nlu_fallback", "confidence": 0.3},
        "entities": [],
    }
    told = _conversation("she had the DTs in the hospital last year")
    assert crisis_context.in_context(later, told)["intent"]["name"] == "ask_safety_procedures"
    plain = {
        "text": "is it safe to quit drinking at home",
        "intent": {"name": "ask_dosing", "confidence": 0.8},
        "entities": [],
    }
    assert crisis_context.in_context(plain, _conversation())["intent"]["name"] == "ask_dosing"


@pytest.mark.parametrize(
    "text",
    [
        "stop. I don't want the questions",
        "I said forget it",
        "never mind that. I'm just asking should I get the nurse",
    ],
)
def test_plain_stops_of_the_questions(text: str) -> None:
    """Caller role-plays round 37: each was taken as the answer to the next question."""
    assert stops_the_questions(text)


def test_the_general_safety_answer_fits_a_pregnancy_or_alcohol_withdrawal() -> None:
    """Texter and self role-plays round 37: the naloxone paragraph answered "should i have a
    drink" after alcohol withdrawal was told, and "does that hurt the baby?"."""
    responses = {"utter_note_pregnancy": [], "utter_withdrawal_care_today": []}
    shaking = [_user("i stopped drinking yesterday"), _user("shaking real bad and sweaty")]
    assert (
        fitted_safety_answer("utter_ask_safety_procedures", shaking, responses)
        == "utter_withdrawal_care_today"
    )
    pregnant = [_user("im pregnant, about 14 weeks, taking percs"), _user("is that bad")]
    assert fitted_safety_answer("utter_ask_dosing", pregnant, responses) == "utter_note_pregnancy"
    opioids = [_user("he uses fentanyl and is shaking"), _user("should i keep narcan")]
    assert (
        fitted_safety_answer("utter_ask_safety_procedures", opioids, responses)
        == "utter_ask_safety_procedures"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ok can i call that number without giving my name first", True),
        ("can i call anonymously", True),
        ("puedo llamar sin dar mi nombre?", True),
        ("can someone call me", False),
    ],
)
def test_calling_without_a_name_is_asked(text: str, expected: bool) -> None:
    """Self role-play round 37: a call-back to the texting number was offered, three times."""
    assert asks_to_call_without_a_name(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("will they take my kids if i go to treatment", True),
        ("is going to treatment gonna get my kids taken away", True),
        ("if i do your program will someone call cps on me", True),
        ("i just want to know about the program and if they report moms to cps", True),
        ("if i call 911 will they take my kids", False),  # the crisis replies' fear of calling
        ("i take my kids to school", False),
        ("can i take my kids with me", False),
    ],
)
def test_a_report_to_cps_for_going_to_treatment_is_asked(text: str, expected: bool) -> None:
    """Crisis role-play round 37: a mother's "will they take my kids if i go to treatment"
    got the relapse answer, then a menu."""
    assert asks_about_cps(text) is expected


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "they said to have someone watch me tonight and my mom is here now. i need real help",
            "safe_now",
        ),
        ("my sister is with me", "safe_now"),
        ("my husband is here and hes drunk and angry", None),
        ("my brother is here and hes not breathing", None),
    ],
)
def test_someone_with_them_now_is_safe_now(text: str, kind: str | None) -> None:
    """Crisis role-play round 37: "my mom is here now" after pills and wine got "Please call
    911 now... Unlock your door" twice more; a partner there is no safety."""
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text, expected",
    [
        ("you already told me that", True),
        ("you keep saying the same thing", True),
        ("me dice lo mismo", True),
        ("i already said that", False),
    ],
)
def test_the_person_says_the_answer_repeats(text: str, expected: bool) -> None:
    """Role-plays round 37: "you already told me that" got a menu of other topics."""
    assert says_the_answer_repeats(text) is expected


def test_passed_out_after_drinking_gets_the_alcohol_poisoning_signs() -> None:
    """Family role-play round 37: "hes passed out on the couch snoring. should i be worried"
    after "he drank... a lot" got the stopping text, then "Give naloxone" twice."""
    told = _conversation("my boyfriend has been 30 days sober", "he drank", "tonight. a lot")
    parse = {
        "text": "hes passed out on the couch snoring. should i be worried",
        "intent": {"name": "ask_dosing", "confidence": 0.6},
        "entities": [],
    }
    result = crisis_context.in_context(parse, told)
    assert result["control_gate"]["reason"] == "alcohol poisoning"
    wont_wake = {
        "text": "he wont wake up",
        "intent": {"name": "crisis", "confidence": 1.0},
        "entities": [{"entity": "crisis_category", "value": "overdose"}],
    }
    assert crisis_context.in_context(wont_wake, told)["intent"]["name"] == "crisis"
    pills = _conversation("he took xanax and drank")
    again = dict(parse, intent={"name": "ask_dosing", "confidence": 0.6})
    assert crisis_context.in_context(again, pills)["intent"]["name"] == "ask_dosing"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ok. im gonna take the kids to my sisters tonight", "will_reach_out"),
        ("i'll stay at my sister's for a few days", "will_reach_out"),
        ("i take the kids to my moms on sundays", None),
    ],
)
def test_a_safety_plan_in_english_is_a_step_taken(text: str, kind: str | None) -> None:
    """Crisis role-play round 37: the violence reply a fourth time to a mother leaving."""
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i drink too much i guess", True),
        ("my husband drinks every day", True),
        ("i use every day and i want to die", False),
        ("i take a lot of pills", False),
    ],
)
def test_use_told_plainly_is_no_classifier_only_crisis(text: str, expected: bool) -> None:
    """Texter role-play round 37: "i drink too much i guess" got the 911 reply."""
    assert is_plain_use_told(text) is expected


@pytest.mark.parametrize(
    "text, kind",
    [
        ("llamen ustedes al 911 por favor yo no hablo bien ingles", "call_for_me"),
        ("entonces quédese en la línea conmigo, no me cuelgue", "stay_with_me"),
        ("can you stay on the line with me", "stay_with_me"),
        ("llame al 911", None),
    ],
)
def test_blind_es_v21_crisis_turns(text: str, kind: str | None) -> None:
    """Blind es-v21 (read in round 35, its crisis-related failing turns only)."""
    assert read_update(text) == kind


def test_a_no_to_the_direct_question_the_classifier_read_as_crisis_is_a_no() -> None:
    """Blind es-v21: "no no me quiero matar, es que estoy cansada de todo..." right after the
    direct question got the crisis reply (the classifier's, no danger word the guard reads)."""
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("ya no le veo el sentido a nada", {"name": "crisis_checkin"}),
        ActionExecuted("utter_crisis_checkin"),
        ActionExecuted("action_listen"),
    ]
    tracker = DialogueStateTracker.from_events("someone", events)
    parse = {
        "text": "no no me quiero matar, es que estoy cansada de todo, mi esposo me dejo",
        "intent": {"name": "crisis", "confidence": 1.0},
        "entities": [],
    }
    assert crisis_context.in_context(parse, tracker)["intent"]["name"] == "deny"
    guarded = dict(parse, entities=[{"entity": "crisis_category", "value": "suicidal"}])
    guarded["intent"] = {"name": "crisis", "confidence": 1.0}
    assert crisis_context.in_context(guarded, tracker)["intent"]["name"] == "crisis"


def test_a_craving_outside_the_liquor_store_is_a_craving() -> None:
    text = (
        "estoy en mi carro afuera de la licorería, llevo veinte días sin tomar y tengo muchas ganas"
    )
    assert tells_of_a_craving(text)


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()))


@pytest.mark.parametrize(
    "text, danger",
    [
        (
            "my bf uses fent and im so scared hes gonna die. hes asleep next to me breathing fine "
            "rn. how do i get him into your program",
            False,
        ),
        ("im so scared im dying", True),
        ("im scared hes dying, he wont wake up", True),
    ],
)
def test_a_fear_for_later_told_with_him_fine_now_is_no_emergency(
    matcher: CrisisMatcher, text: str, danger: bool
) -> None:
    """Blind v30 (read in round 35): the crisis reply to a girlfriend asking how to get him
    into the program, with him asleep and breathing fine."""
    assert (matcher.match(text) is not None) is danger


def test_anyone_there_is_a_greeting_or_in_a_crisis_stay_with_me() -> None:
    """Texter role-play round 37: "is any1 there" got the locations answer."""
    parse = {
        "text": "is any1 there",
        "intent": {"name": "greet", "confidence": 1.0},
        "entities": [],
        "control_gate": {"from": "ask_location_hours", "reason": "anyone there"},
    }
    assert crisis_context.in_context(dict(parse), _conversation())["intent"]["name"] == "greet"
    after = crisis_context.in_context(dict(parse), _conversation("help", crisis_reply=True))
    assert after["intent"]["name"] == "crisis_update"


def test_a_slip_asked_about_after_opioid_care_gets_the_lost_tolerance_answer() -> None:
    """Stepdown role-play round 37: "what if i slip" leaving a 28-day program after fentanyl
    got two menus before the overdose warning."""
    from iop_assistant.nlu.relapse_word import asks_about_a_slip_after_opioids

    leaving = ["im leaving a 28 day program tomorrow, i was on fentanyl"]
    assert asks_about_a_slip_after_opioids("what if i slip", leaving)
    assert not asks_about_a_slip_after_opioids("what if i slip", ["i drink wine every night"])
    assert not asks_about_a_slip_after_opioids(
        "what if he relapses after the program", ["my son uses heroin"]
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("day 3", True),
        ("12 days clean", True),
        ("llevo 9 dias sin tomar", True),
        ("day 3 of the program", False),
        ("3 days ago", False),
    ],
)
def test_a_count_of_days_without_use_said_alone(text: str, expected: bool) -> None:
    """Self role-play round 37: "day 3" got the general detox offer."""
    from iop_assistant.nlu.relapse_word import tells_days_without_use

    assert tells_days_without_use(text) is expected


def test_throwing_up_while_passed_out_stays_the_emergency() -> None:
    assert not passed_out_after_drinking("hes passed out and throwing up", ["he drank a fifth"])
    assert passed_out_after_drinking("hes passed out snoring", ["he drank a fifth"])


def test_detox_done_and_how_to_start_is_the_start_answer() -> None:
    """Stepdown role-play round 37: an ER nurse's patient "just finished a medical detox today"
    got "Our IOP does not offer detox", then the detox questions."""
    from iop_assistant.nlu.control_gate import _DETOX_DONE_HOW_TO_START

    nurse = (
        "I have a patient here who just finished a medical detox today and wants to get into "
        "your IOP. How do we get him started?"
    )
    assert _DETOX_DONE_HOW_TO_START.search(nurse)
    assert not _DETOX_DONE_HOW_TO_START.search("do i need detox before i start")
