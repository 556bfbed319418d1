"""Round 37 (session of 2026-12-08): role-play round 38's open list.

Each test names the conversation it comes from; the readers are pure functions of the text
and the conversation, so they run without a trained model.
"""

from __future__ import annotations

from typing import Any, Dict, List

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.nlu.contact_questions import (
    asks_callback_status,
    asks_who_to_call_when_it_gets_bad,
    tells_of_a_craving,
)
from iop_assistant.nlu.coping_questions import asks_how_to_get_through
from iop_assistant.nlu.danger_questions import asks_where_to_get_naloxone
from iop_assistant.nlu.relapse_word import tells_a_relapse_in_one_message
from iop_assistant.nlu.withdrawal_story import asks_whether_to_get_care
from iop_assistant.program_question import (
    asks_about_a_minor_in_treatment,
    asks_if_they_must_stay_there,
)
from iop_assistant.rasa_hooks import crisis_context


def _conversation(
    *texts: str, crisis_reply: bool = False, category: str | None = None
) -> DialogueStateTracker:
    events: List[Any] = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    for text in texts:
        events += [UserUttered(text, {"name": "inform"}), ActionExecuted("utter_inform_use")]
        events.append(ActionExecuted("action_listen"))
    if category:
        events.append(SlotSet("crisis_category", category))
    if crisis_reply:
        events += [ActionExecuted("utter_crisis"), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events("someone", events)


def _update(text: str, kind: str) -> Dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": "crisis_update", "confidence": 1.0},
        "entities": [{"entity": "crisis_update", "value": kind}],
    }


@pytest.mark.parametrize(
    "text",
    [
        "i was 45 days clean. took 2 blues last night. i feel like such a failure",
        "i had 3 months sober and drank last weekend",
        "been clean for 6 months and i relapsed yesterday",
        "was 90 days off everything and used again",
        "llevaba 40 dias limpio y volvi a usar anoche",
    ],
)
def test_a_break_and_a_use_in_one_message_are_a_relapse(text: str) -> None:
    assert tells_a_relapse_in_one_message(text)


@pytest.mark.parametrize(
    "text",
    [
        "i used to drink every day but im 30 days sober",
        "im 45 days clean today",
        "i took a pill every day for 3 months",
        "i was 30 days sober and then i used to go to meetings",
        "what happens if i use after 30 days clean",
    ],
)
def test_sobriety_alone_or_a_habit_of_old_is_not_a_relapse(text: str) -> None:
    assert not tells_a_relapse_in_one_message(text)


def test_relapse_after_weeks_off_pills_gets_the_relapse_answer_with_the_overdose_risk() -> None:
    """Self role-play round 38: "i was 45 days clean. took 2 blues last night" started the
    detox questions; the person needed to hear a slip is not the end, and the lower
    tolerance."""
    parse = {
        "text": "i was 45 days clean. took 2 blues last night. i feel like such a failure",
        "intent": {"name": "inform_use", "confidence": 0.8},
        "entities": [],
    }
    result = crisis_context.in_context(parse, _conversation("i used"))
    assert result["intent"]["name"] == "ask_relapse"
    assert result["control_gate"]["reason"] == "relapse after opioids"


def test_a_sons_relapse_in_one_message_is_answered_for_the_family() -> None:
    parse = {
        "text": "my son was 60 days sober and drank last night",
        "intent": {"name": "inform_use", "confidence": 0.8},
        "entities": [],
    }
    result = crisis_context.in_context(parse, _conversation())
    assert result["intent"]["name"] == "ask_relapse"
    assert result["control_gate"]["reason"] == "a loved one's relapse"


@pytest.mark.parametrize(
    "text",
    [
        "i dont have narcan. where do i even get it",
        "no narcan. where can i get some",
    ],
)
def test_where_to_get_naloxone_is_asked_after_naming_it(text: str) -> None:
    assert asks_where_to_get_naloxone(text)


def test_no_naloxone_with_no_overdose_going_on_gets_where_to_get_it() -> None:
    """Self role-play round 38: after the general crisis reply to a fear of using tonight,
    "i dont have narcan. where do i even get it" got rescue breaths for an overdose nobody
    was having."""
    text = "i dont have narcan. where do i even get it"
    result = crisis_context.in_context(
        _update(text, "no_naloxone"), _conversation(crisis_reply=True)
    )
    assert result["intent"]["name"] == "ask_safety_procedures"
    assert result["control_gate"]["reason"] == "naloxone where"


def test_no_naloxone_during_an_overdose_keeps_the_update() -> None:
    text = "no narcan where do i get it"
    told = _conversation(
        "my friend took pills and wont wake up", crisis_reply=True, category="overdose"
    )
    result = crisis_context.in_context(_update(text, "no_naloxone"), told)
    assert result["intent"]["name"] == "crisis_update"


@pytest.mark.parametrize(
    "text, asked",
    [
        ("thanks. any tips for getting through the weekend?", True),
        ("how do i make it through the first week home", True),
        ("any advice for staying sober when i get out friday", True),
        ("consejos para aguantar el fin de semana sin usar", True),
        ("tips for the program", False),
        ("how do i get through detox", False),
    ],
)
def test_tips_for_the_first_days_are_read(text: str, asked: bool) -> None:
    """Stepdown role-play round 38: a menu, then the detox questions."""
    assert asks_how_to_get_through(text) is asked


@pytest.mark.parametrize(
    "text, craving",
    [
        ("i still have one left and im scared ill take it tonight", True),
        ("i'm scared i'm going to use as soon as i get home", True),
        ("tengo miedo de usarla esta noche", True),
        ("afraid ill take them all tonight", False),  # the crisis guard's: all of them
        ("im scared i took too much", False),
    ],
)
def test_fear_of_using_tonight_is_a_craving(text: str, craving: bool) -> None:
    """Self role-play round 38: the general crisis reply to a fear of relapsing tonight."""
    assert tells_of_a_craving(text) is craving


def _call_arranged_for(*texts: str, saved: bool = True) -> DialogueStateTracker:
    events: List[Any] = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    for text in texts:
        events += [UserUttered(text, {"name": "request_callback"}), ActionExecuted("action_listen")]
    if saved:
        events.append(SlotSet("callback_request_id", "12"))
    return DialogueStateTracker.from_events("wife", events)


@pytest.mark.parametrize(
    "text",
    [
        "can you call me too if he doesn't answer?",
        "and if he doesnt pick up can they try me",
        "pueden llamarme a mi tambien si el no contesta",
    ],
)
def test_a_call_to_the_writer_too_keeps_the_call_for_him(text: str) -> None:
    """Spanish role-play round 38: "call me too if he doesn't answer" replaced her husband's
    saved call with a new request."""
    told = _call_arranged_for("pueden llamar a mi esposo por favor")
    parse = {"text": text, "intent": {"name": "request_callback", "confidence": 0.9}}
    result = crisis_context.in_context(parse, told)
    assert result["intent"]["name"] == "request_help"
    assert result["control_gate"]["reason"] == "second call"


def test_a_call_to_the_writer_with_no_call_for_someone_else_is_a_request() -> None:
    parse = {
        "text": "can you call me too",
        "intent": {"name": "request_callback", "confidence": 0.9},
    }
    mine = crisis_context.in_context(dict(parse), _call_arranged_for("call me tomorrow"))
    assert mine["intent"]["name"] == "request_callback"
    unsaved = _call_arranged_for("pueden llamar a mi esposo", saved=False)
    assert crisis_context.in_context(dict(parse), unsaved)["intent"]["name"] == "request_callback"


def _professional(*texts: str) -> DialogueStateTracker:
    events: List[Any] = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    for text in texts:
        events += [UserUttered(text, {"name": "inform"}), ActionExecuted("action_listen")]
    events.append(SlotSet("writer_role", "professional"))
    return DialogueStateTracker.from_events("officer", events)


@pytest.mark.parametrize(
    "text",
    [
        "What if he no-shows? Does anyone notify me same day",
        "Not sure why you're telling me about narcan. if he misses a group, do I get notified?",
        "missed sessions. attendance. reported to probation?",
    ],
)
def test_a_probation_officer_asking_about_attendance_hears_what_a_referrer_is_told(
    text: str,
) -> None:
    """Stepdown role-play round 38: a probation officer got the naloxone answer twice."""
    told = _professional("This is Officer Ruiz, county adult probation. One of my clients...")
    parse = {"text": text, "intent": {"name": "ask_safety_procedures", "confidence": 0.6}}
    result = crisis_context.in_context(parse, told)
    assert result["intent"]["name"] == "ask_confidentiality"
    assert result["control_gate"]["reason"] == "what a referrer is told"


def test_a_person_asking_about_their_own_missed_group_is_not_a_referrer() -> None:
    parse = {
        "text": "what if i miss a group",
        "intent": {"name": "ask_schedule", "confidence": 0.8},
    }
    result = crisis_context.in_context(parse, _conversation("i drink every day"))
    assert result["intent"]["name"] == "ask_schedule"


def _after_a_worry_for_a_student(category: str = "suicidal_other") -> DialogueStateTracker:
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered(
            "today he said he sometimes doesnt want to be here anymore", {"name": "crisis"}
        ),
        SlotSet("crisis_category", category),
        ActionExecuted("utter_crisis"),
        ActionExecuted("action_listen"),
    ]
    return DialogueStateTracker.from_events("counselor", events)


@pytest.mark.parametrize(
    "text",
    [
        "he's not with me now, he went home an hour ago. he didnt say he had a plan. should I "
        "call 988 or his parents?",
        "ok I'll follow our district's risk protocol and contact his mom now. thanks",
        "ya se fue a su casa, no esta conmigo",
    ],
)
def test_someone_elses_words_when_they_are_not_there_get_their_own_answer(text: str) -> None:
    """Stepdown role-play round 38: "Call 911 now... stay close" three times to a school
    counselor whose student had gone home."""
    parse = {"text": text, "intent": {"name": "crisis", "confidence": 0.8}, "entities": []}
    result = crisis_context.in_context(parse, _after_a_worry_for_a_student())
    assert result["intent"]["name"] == "crisis_update"
    assert {"entity": "crisis_update", "value": "not_with_them"}.items() <= result["entities"][
        -1
    ].items()


def test_danger_said_with_it_keeps_the_crisis_reply() -> None:
    parse = {
        "text": "he's not with me, he just texted that he took all his pills",
        "intent": {"name": "crisis", "confidence": 1.0},
        "entities": [{"entity": "crisis_category", "value": "overdose"}],
        "crisis_guard": {"pattern_id": "took_all_pills", "category": "overdose"},
    }
    result = crisis_context.in_context(parse, _after_a_worry_for_a_student())
    assert result["intent"]["name"] == "crisis"


def test_not_with_me_after_another_emergency_is_not_this_answer() -> None:
    parse = {"text": "he's not with me now", "intent": {"name": "crisis", "confidence": 0.8}}
    result = crisis_context.in_context(parse, _after_a_worry_for_a_student("overdose"))
    assert not any(e.get("value") == "not_with_them" for e in result.get("entities") or [])


@pytest.mark.parametrize(
    "text",
    [
        "do I gotta go away somewhere?",
        "so do i have to stay there overnight",
        "is it inpatient?",
        "can i still live at home",
        "tengo que quedarme alla?",
        "puedo seguir viviendo en mi casa?",
    ],
)
def test_whether_one_must_stay_there_gets_the_iop_or_residential_answer(text: str, gated) -> None:
    """Caller role-play round 38: "do I gotta go away somewhere?" got a menu, and he hung up
    without his answer (no: IOP is lived at home)."""
    assert gated(text, "nlu_fallback", 0.3) == "ask_iop_vs_other_care"


@pytest.mark.parametrize(
    "text",
    [
        "i want to go away for a while",
        "he stayed there overnight last year",
        "do i have to go every day",
    ],
)
def test_other_words_about_going_away_or_staying_are_not_that_question(text: str) -> None:
    assert not asks_if_they_must_stay_there(text)


def test_tips_for_the_first_days_get_their_answer(gated) -> None:
    assert gated("thanks. any tips for getting through the weekend?", "nlu_fallback", 0.3) == (
        "request_help"
    )


@pytest.mark.parametrize(
    "text",
    [
        "oh wait sorry i messed up his number. its 773-555-0184 not 0148",
        "the right number is 773-555-0184",
        "me equivoque de numero, es 312 555 0199",
    ],
)
def test_a_corrected_number_after_the_request_is_a_new_request(text: str, gated) -> None:
    """Family role-play round 38: "i messed up his number" got the detox offer, and the wrong
    number stayed saved until she said it again."""
    assert gated(text, "inform_use", 0.6) == "request_callback"


@pytest.mark.parametrize(
    "text",
    [
        "ok fine. so Marcus is getting a call tomorrow morning, correct?",
        "they're calling her, not me, right?",
        "what number are you gonna call me on?",
        "read me back that number",
    ],
)
def test_checking_a_saved_call_reads_it_back(text: str, gated) -> None:
    """Caller and stepdown role-plays round 38: menus, or the time question over again."""
    assert asks_callback_status(text)
    assert gated(text, "nlu_fallback", 0.3) == "request_callback"


def test_a_plan_to_quit_heavy_drinking_alone_is_not_the_911_reply(guarded) -> None:
    """Self role-play round 38: "i drink about a fifth of vodka a day and i want to quit this
    weekend. just gonna do it myself at home" got the 911/988 reply from the classifier alone;
    the person needed why not alone, and who can help."""
    text = (
        "hey. i drink about a fifth of vodka a day and i want to quit this weekend. just gonna "
        "do it myself at home"
    )
    message = guarded(text, "crisis", "inform_use")
    assert message.get("intent")["name"] == "ask_dosing"


def test_a_price_guessed_aloud_is_the_cost_question_not_the_911_reply(guarded) -> None:
    """Caller role-play round 38: "a hundred bucks, a thousand, ten thousand? out of pocket"
    got the classifier's 911/988 reply."""
    text = "like are we talking a hundred bucks, a thousand, ten thousand? out of pocket"
    assert guarded(text, "crisis", "ask_cost_insurance").get("intent")["name"] == (
        "ask_cost_insurance"
    )
    owes = "he owes a thousand dollars to his dealer and they will kill him"
    assert guarded(owes, "crisis", "ask_cost_insurance").get("intent")["name"] == "crisis"


@pytest.mark.parametrize(
    "text, earlier, asked",
    [
        (
            "My hands are kind of shaky already and I'm sweating. Is that normal?",
            ["I drink pretty much every day, like a twelve pack and some whiskey."],
            True,
        ),
        ("i stopped drinking 3 days ago and cant sleep, is that normal?", [], True),
        ("im sweating and shaky is that normal", [], False),  # nothing said of drinking or pills
        ("is it normal to feel nervous before the first group?", ["i drink every day"], False),
    ],
)
def test_signs_asked_about_after_daily_drinking_get_care_today(text, earlier, asked) -> None:
    """Caller role-play round 38: "shaky... sweating. Is that normal?" after a twelve pack a day
    got "I'm still not understanding"."""
    assert asks_whether_to_get_care(text, earlier) is asked


def test_a_twelve_pack_is_no_teenager() -> None:
    """Caller role-play round 38: "like a twelve pack and some whiskey" got the answer about
    teens to a man of fifty-one."""
    text = "I drink pretty much every day, like a twelve pack and some whiskey. I want to sign up"
    assert not asks_about_a_minor_in_treatment(text)
    assert asks_about_a_minor_in_treatment("my 15 year old son, do i have to sign?")


@pytest.mark.parametrize(
    "text",
    [
        "ninguna. si hay una emergencia en un dia festivo a donde llamo",
        "o sea que si mi hermano se pone mal en navidad a quien le hablo",
        "who do i call if something happens on a holiday",
    ],
)
def test_who_to_call_when_it_gets_bad_gets_911_and_988(text: str, gated) -> None:
    """Spanish role-play round 38, voice: menus and a detox offer for "who do I call on a
    holiday if he gets bad"."""
    assert asks_who_to_call_when_it_gets_bad(text)
    assert gated(text, "nlu_fallback", 0.3) == "ask_helpline_hours"


def test_where_to_call_to_sign_up_is_not_an_emergency_question() -> None:
    assert not asks_who_to_call_when_it_gets_bad("where do i call to sign up")


def test_the_first_day_asked_about_gets_its_answer(gated) -> None:
    """Regression after the round 37 retrain: "what is the first day like" got the schedule."""
    assert gated("what is the first day like", "ask_schedule", 0.99) == "ask_first_day"
    assert gated("como es el primer dia", "nlu_fallback", 0.3) == "ask_first_day"


def test_the_caller_id_question_is_not_the_saved_call_read_back() -> None:
    """Regression r35: "what number will you call from" asks what the screen will show."""
    assert not asks_callback_status("what number will you call from")


def test_use_within_the_hour_after_a_break_is_left_to_the_overdose_readers() -> None:
    """Regression: "i had 8 months clean. messed up tonight, used a little an hour ago" is the
    overdose risk now, not the relapse answer alone."""
    assert not tells_a_relapse_in_one_message(
        "i had 8 months clean. messed up tonight, used a little an hour ago"
    )


def _in_the_screening() -> DialogueStateTracker:
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("does she need detox", {"name": "request_detox_screening"}),
        ActionExecuted("detox_screening_form"),
        ActiveLoop("detox_screening_form"),
        ActionExecuted("action_listen"),
    ]
    return DialogueStateTracker.from_events("screening", events)


@pytest.mark.parametrize("text", ["every day a bunch of times", "like 5 or 6 a day"])
def test_how_often_told_in_the_screening_is_an_answer(text: str) -> None:
    """Regression after the round 37 retrain: the schedule answer inside the questions."""
    parse = {"text": text, "intent": {"name": "ask_schedule", "confidence": 0.74}}
    assert crisis_context.in_context(parse, _in_the_screening())["intent"]["name"] == "inform"


def test_a_schedule_question_in_the_screening_is_still_a_question() -> None:
    parse = {"text": "how many days a week is it?", "intent": {"name": "ask_schedule"}}
    assert crisis_context.in_context(parse, _in_the_screening())["intent"]["name"] == (
        "ask_schedule"
    )


def test_an_answer_in_spanish_inside_the_screening_is_no_check_in() -> None:
    """Regression after the round 37 retrain: "para mi esposo" to "is this for you?" got the
    suicide question (the classifier's check-in, behind the gate's Spanish reading)."""
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        SlotSet("language", "es"),
        UserUttered(
            "necesito saber si mi esposo necesita detox", {"name": "request_detox_screening"}
        ),
        ActionExecuted("detox_screening_form"),
        ActiveLoop("detox_screening_form"),
        ActionExecuted("action_listen"),
    ]
    parse = {
        "text": "para mi esposo",
        "intent": {"name": "speak_spanish", "confidence": 1.0},
        "intent_ranking": [
            {"name": "speak_spanish", "confidence": 1.0},
            {"name": "crisis_checkin", "confidence": 0.9},
        ],
        "control_gate": {"from": "crisis_checkin", "reason": "spanish"},
    }
    tracker = DialogueStateTracker.from_events("esposa", events)
    assert crisis_context.spanish_already(parse, tracker)["intent"]["name"] == "inform"


def test_how_often_told_right_after_use_was_told_is_more_about_the_use() -> None:
    """Regression after the round 37 retrain: "like 5 or 6 a day" after "ive been taking
    percs i buy off the street" got the schedule answer."""
    told = _conversation("ive been taking percs i buy off the street")
    parse = {"text": "like 5 or 6 a day", "intent": {"name": "ask_schedule", "confidence": 0.72}}
    assert crisis_context.in_context(parse, told)["intent"]["name"] == "inform_use"


def test_asleep_now_and_should_i_go_is_the_chance_to_leave() -> None:
    """Spanish role-play round 39: "ya se quedo dormido en el sillon. salgo o no?" got the
    come-out answer again; he is asleep, so this may be the time to get somewhere safe."""
    from iop_assistant.nlu.crisis_updates import read_update, read_violence_update

    assert read_violence_update("ya se quedo dormido en el sillon. salgo o no?") == "dv_passed_out"
    assert read_violence_update("he says hes sorry, should i come out") == "dv_come_out"
    assert read_update("me quiero ir con mi hermana pero el tiene las llaves") == "will_reach_out"


def test_severe_withdrawal_told_gets_care_today_not_the_questions() -> None:
    """Texter role-play round 39: "cant stop shaking need a drink" at 3am started the detox
    questions."""
    parse = {"text": "cant stop shaking need a drink", "intent": {"name": "inform_use"}}
    result = crisis_context.in_context(parse, _conversation())
    assert result["intent"]["name"] == "ask_safety_procedures"
    assert result["control_gate"]["reason"] == "withdrawal care today"


def test_seeing_things_on_the_wall_is_withdrawal_danger(guard) -> None:
    """Texter role-play round 39: taken as the answer to "how often do you use?"."""
    hit = guard.check("im scared. kinda seeing stuff on the wall")
    assert hit is not None and hit.category == "withdrawal"
    assert guard.check("i love seeing things on the wall of fame") is None


def test_tips_asked_after_naming_the_first_weekend_are_read() -> None:
    """Stepdown role-play round 39: "im scared of the first weekend home. any tips?" got the
    IOP-or-residential answer, then a menu."""
    assert asks_how_to_get_through("honestly im scared of the first weekend home. any tips?")
    assert asks_how_to_get_through("but like actual tips. what do people do the first weekend")
    assert not asks_how_to_get_through("any advice on insurance")


@pytest.mark.parametrize("text", ["what about weekends?", "holidays?", "thanksgiving?"])
def test_hours_asked_again_for_another_time_get_911_and_988(text: str) -> None:
    """Caller and texter role-plays round 39: after the hours answer, "what about weekends?"
    got a menu and "holidays?" the group schedule."""
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("when is the help line open", {"name": "ask_helpline_hours"}),
        ActionExecuted("utter_ask_helpline_hours"),
        ActionExecuted("action_listen"),
    ]
    tracker = DialogueStateTracker.from_events("hours", events)
    parse = {"text": text, "intent": {"name": "ask_schedule", "confidence": 0.6}}
    result = crisis_context.in_context(parse, tracker)
    assert result["intent"]["name"] == "ask_helpline_hours"
    assert result["control_gate"]["reason"] == "who to call when it gets bad"


def test_a_ride_to_the_er_instead_of_911_is_the_drive_or_911_question() -> None:
    """Crisis role-play round 39: "she says shes driving me to the er instead of calling, is
    that ok" after pills and wine got "I'm still here"."""
    from iop_assistant.nlu.crisis_updates import read_update

    assert read_update("she says shes driving me to the er instead of calling, is that ok") == (
        "drive_or_911"
    )
    assert read_update("my mom is taking me to the hospital for my intake, is that ok") is None


def test_leaving_rehab_against_medical_advice_asks_for_no_tips() -> None:
    """CI rehearsal: "i walked out of rehab against medical advice last week. can i still do
    your program" was read as tips for the first days ("advice")."""
    assert not asks_how_to_get_through(
        "i walked out of rehab against medical advice last week. can i still do your program"
    )
