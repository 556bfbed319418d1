"""A crisis update is read against the conversation (blind v11 conversations)."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.rasa_hooks import crisis_context


def update(kind: str, ranking: List[Dict[str, Any]], guard: bool = False) -> Dict[str, Any]:
    entities = [{"entity": "crisis_update", "value": kind}]
    if guard:
        entities.append({"entity": "crisis_category", "value": "suicidal"})
    return {
        "text": "words",
        "intent": {"name": "crisis_update", "confidence": 1.0},
        "entities": entities,
        "intent_ranking": [{"name": "crisis_update", "confidence": 1.0}, *ranking],
    }


def conversation(*actions: str) -> DialogueStateTracker:
    events: List[Any] = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    for name in actions:
        events += [UserUttered("hi", {"name": "greet"}), ActionExecuted(name)]
        events.append(ActionExecuted("action_listen"))
    return DialogueStateTracker.from_events("someone", events)


def test_a_reassurance_with_no_crisis_before_is_the_classifiers_next_reading() -> None:
    # "i'm not going to do anything stupid, i just need to stop drinking" as a first message
    parse = update(
        "no_plan",
        [{"name": "crisis", "confidence": 0.99}, {"name": "inform_use", "confidence": 0.6}],
    )
    result = crisis_context.in_context(parse, conversation("utter_greet"))
    assert result["intent"]["name"] == "inform_use"
    assert all(e["entity"] != "crisis_update" for e in result["entities"])


def test_a_program_question_with_psychosis_words_gets_its_faq_answer() -> None:
    # "Does the program deal with the paranoia part too or just the drugs?"
    parse = update("psychosis", [{"name": "ask_co_occurring", "confidence": 0.8}])
    parse["text"] = "Does the program deal with the paranoia part too or just the drugs?"
    result = crisis_context.in_context(parse, conversation("utter_inform_use"))
    assert result["intent"]["name"] == "ask_co_occurring"


def test_psychosis_words_that_ask_what_to_do_keep_the_danger_guidance() -> None:
    parse = update("psychosis", [{"name": "ask_relapse", "confidence": 0.8}])
    parse["text"] = "what do i do till then if it gets worse, hes scaring his little sister"
    result = crisis_context.in_context(parse, conversation("utter_inform_use"))
    assert result["intent"]["name"] == "crisis_update"


def test_a_first_aid_question_with_no_emergency_is_a_safety_question() -> None:
    parse = update("overdose_first_aid", [{"name": "ask_safety_procedures", "confidence": 0.9}])
    result = crisis_context.in_context(parse, DialogueStateTracker.from_events("x", []))
    assert result["intent"]["name"] == "ask_safety_procedures"


def test_an_unsure_next_reading_is_a_fallback_not_a_guess() -> None:
    parse = update("cost", [{"name": "ask_work_school", "confidence": 0.2}])
    result = crisis_context.in_context(parse, conversation("utter_greet"))
    assert result["intent"]["name"] == "nlu_fallback"


def test_danger_words_keep_the_crisis_reading() -> None:
    parse = update("no_plan", [{"name": "crisis", "confidence": 0.9}], guard=True)
    result = crisis_context.in_context(parse, conversation("utter_greet"))
    assert result["intent"]["name"] == "crisis"


def test_after_a_crisis_reply_the_update_stands() -> None:
    parse = update("no_plan", [{"name": "crisis", "confidence": 0.99}])
    result = crisis_context.in_context(parse, conversation("utter_crisis", "utter_ask_schedule"))
    assert result["intent"]["name"] == "crisis_update"
    assert result["entities"][0]["value"] == "no_plan"


def test_a_crisis_in_an_earlier_session_does_not_count() -> None:
    tracker = conversation("utter_crisis")
    tracker.update(ActionExecuted("action_session_start"))
    parse = update("safe_now", [{"name": "greet", "confidence": 0.9}])
    assert crisis_context.in_context(parse, tracker)["intent"]["name"] == "greet"


def test_after_the_checkin_question_no_plan_is_a_no() -> None:
    # "no, no, I'm not gonna do anything like that. I'm just tired of relapsing"
    parse = update("no_plan", [{"name": "crisis", "confidence": 0.9}])
    result = crisis_context.in_context(parse, conversation("utter_crisis_checkin"))
    assert result["intent"]["name"] == "deny"


def test_updates_naming_an_emergency_now_stand_on_their_own() -> None:
    kinds = (
        "has_means",
        "naloxone_given",
        "help_coming",
        "not_sleeping",
        "no_naloxone",
        "cps_fear",
    )
    for kind in kinds:
        parse = update(kind, [{"name": "crisis", "confidence": 0.9}])
        assert crisis_context.in_context(parse, conversation())["intent"]["name"] == "crisis_update"


def test_other_intents_are_untouched() -> None:
    parse = {"text": "hi", "intent": {"name": "greet", "confidence": 1.0}, "entities": []}
    assert crisis_context.in_context(dict(parse), None) == parse


def test_installed_around_rasas_parse_and_removed_again() -> None:
    crisis_context.uninstall()
    own = MessageProcessor.parse_message
    assert crisis_context.install()
    assert not crisis_context.install()
    assert crisis_context.installed()

    class Reader:
        async def read(self, message: Any, tracker: Any = None, only: bool = True) -> Any:
            return update("safe_now", [{"name": "greet", "confidence": 0.9}])

    wrapped = MessageProcessor.parse_message.__wrapped__  # type: ignore[attr-defined]
    assert wrapped is own
    hooked = crisis_context._wrap(Reader.read)
    result = asyncio.run(hooked(Reader(), object(), None))
    assert result["intent"]["name"] == "greet"
    crisis_context.uninstall()
    assert MessageProcessor.parse_message is own


def test_a_first_hola_chooses_spanish() -> None:
    from rasa.shared.core.slots import CategoricalSlot

    # the slot starts as English (domain/language.yml): nothing has chosen it yet
    tracker = DialogueStateTracker(
        "x", [CategoricalSlot("language", [], values=["en", "es"], initial_value="en")]
    )
    parse = {"text": "hola", "intent": {"name": "greet", "confidence": 1.0}, "entities": []}
    result = crisis_context.first_language(parse, tracker)
    assert [e["value"] for e in result["entities"] if e["entity"] == "language"] == ["es"]


def test_hola_does_not_switch_a_conversation_that_has_a_language() -> None:
    from rasa.shared.core.events import SlotSet

    tracker = DialogueStateTracker.from_events("x", [SlotSet("language", "en")])
    parse = {"text": "hola", "intent": {"name": "greet", "confidence": 1.0}, "entities": []}
    result = crisis_context.first_language(parse, tracker)
    assert result["entities"] == []


def test_an_english_first_word_chooses_nothing() -> None:
    parse = {"text": "hi", "intent": {"name": "greet", "confidence": 1.0}, "entities": []}
    assert crisis_context.first_language(parse, None)["entities"] == []


def spanish_conversation() -> DialogueStateTracker:
    from rasa.shared.core.slots import TextSlot

    return DialogueStateTracker("x", [TextSlot("language", [], initial_value="es")])


def gate_read_spanish(next_guess: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "text": "y cuando termine el programa que sigue",
        "intent": {"name": "speak_spanish", "confidence": 1.0},
        "entities": [],
        "control_gate": {"from": next_guess["name"], "reason": "spanish"},
        "intent_ranking": [{"name": "speak_spanish", "confidence": 1.0}, next_guess],
    }


def test_in_a_spanish_conversation_unsure_spanish_gets_its_own_reading() -> None:
    parse = gate_read_spanish({"name": "ask_after_iop", "confidence": 0.5})
    result = crisis_context.spanish_already(parse, spanish_conversation())
    assert result["intent"]["name"] == "ask_after_iop"


def test_too_unsure_a_reading_is_the_clarifying_question() -> None:
    parse = gate_read_spanish({"name": "ask_after_iop", "confidence": 0.2})
    result = crisis_context.spanish_already(parse, spanish_conversation())
    assert result["intent"]["name"] == "nlu_fallback"


def test_a_conversation_not_yet_in_spanish_is_offered_spanish() -> None:
    parse = gate_read_spanish({"name": "ask_after_iop", "confidence": 0.5})
    result = crisis_context.spanish_already(parse, DialogueStateTracker.from_events("x", []))
    assert result["intent"]["name"] == "speak_spanish"


def test_a_no_to_the_checkin_with_a_question_gets_the_question_answered() -> None:
    parse = {
        "text": "No, I'm not suicidal. I'm just exhausted. Is there anything for families like me?",
        "intent": {"name": "deny", "confidence": 1.0},
        "entities": [],
        "intent_ranking": [
            {"name": "deny", "confidence": 1.0},
            {"name": "ask_family_involvement", "confidence": 0.4},
        ],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis_checkin"))
    assert result["intent"]["name"] == "ask_family_involvement"


def test_a_plain_no_to_the_checkin_stays_a_no() -> None:
    parse = {
        "text": "no, just tired",
        "intent": {"name": "deny", "confidence": 1.0},
        "entities": [],
        "intent_ranking": [{"name": "deny", "confidence": 1.0}],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis_checkin"))
    assert result["intent"]["name"] == "deny"


def unsure(text: str, *ranking: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": "nlu_fallback", "confidence": 0.35},
        "entities": [],
        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.35}, *ranking],
    }


def test_a_program_question_right_after_the_crisis_text_is_answered() -> None:
    parse = unsure(
        "ok whatever. if i did the program thing would i have to quit my job",
        {"name": "ask_who_benefits", "confidence": 0.31},
        {"name": "ask_work_school", "confidence": 0.3},
    )
    result = crisis_context.in_context(parse, conversation("utter_crisis"))
    assert result["intent"]["name"] == "ask_who_benefits"


def test_an_unclear_message_after_the_crisis_text_stays_unclear() -> None:
    parse = unsure("ugh", {"name": "ask_who_benefits", "confidence": 0.31})
    assert crisis_context.in_context(parse, conversation("utter_crisis"))["intent"]["name"] == (
        "nlu_fallback"
    )
    parse = unsure("would i have to quit my job", {"name": "ask_work_school", "confidence": 0.3})
    assert crisis_context.in_context(parse, conversation("utter_greet"))["intent"]["name"] == (
        "nlu_fallback"
    )


def test_an_answer_that_names_the_thought_is_a_yes() -> None:
    parse = {
        "text": "about not being here i guess",
        "intent": {"name": "deny", "confidence": 0.49},
        "entities": [],
        "intent_ranking": [{"name": "deny", "confidence": 0.49}],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis_checkin"))
    assert result["intent"]["name"] == "affirm"


def test_no_i_mean_to_the_checkin_is_a_no() -> None:
    # v14: "lol no i mean done with drinking. i want to quit" got the crisis reply for a yes
    parse = {
        "text": "lol no i mean done with drinking. i want to quit",
        "intent": {"name": "inform_use", "confidence": 1.0},
        "entities": [],
        "intent_ranking": [{"name": "inform_use", "confidence": 1.0}],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis_checkin"))
    assert result["intent"]["name"] == "deny"


def test_no_i_mean_elsewhere_is_left_alone() -> None:
    parse = {
        "text": "no i mean my son, not me",
        "intent": {"name": "inform_use", "confidence": 1.0},
        "entities": [],
        "intent_ranking": [{"name": "inform_use", "confidence": 1.0}],
    }
    result = crisis_context.in_context(parse, conversation("utter_greet"))
    assert result["intent"]["name"] == "inform_use"


def _with_category(tracker: DialogueStateTracker, category: str) -> DialogueStateTracker:
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.slots import TextSlot

    tracker.slots["crisis_category"] = TextSlot("crisis_category", mappings=[])
    tracker.update(SlotSet("crisis_category", category))
    return tracker


def test_sleepiness_after_an_overdose_reply_is_the_overdose_getting_worse() -> None:
    # blind v15: "i'm just kinda sleepy now is that bad" after klonopin and vodka
    parse = update("getting_drowsy", [{"name": "inform_use", "confidence": 0.6}])
    tracker = _with_category(conversation("utter_crisis"), "overdose_self")
    assert crisis_context.in_context(parse, tracker)["intent"]["name"] == "crisis_update"


def test_sleepiness_after_a_suicide_reply_is_no_overdose() -> None:
    parse = update("getting_drowsy", [{"name": "inform_use", "confidence": 0.6}])
    tracker = _with_category(conversation("utter_crisis"), "suicidal")
    assert crisis_context.in_context(parse, tracker)["intent"]["name"] == "inform_use"


def test_a_promise_to_call_988_needs_a_crisis_before() -> None:
    parse = update("will_reach_out", [{"name": "request_human", "confidence": 0.7}])
    assert crisis_context.in_context(parse, conversation("utter_greet"))["intent"]["name"] == (
        "request_human"
    )


def test_snoring_asked_about_with_no_crisis_before_is_no_update() -> None:
    parse = update("not_sleeping", [{"name": "out_of_scope", "confidence": 0.7}])
    parse["text"] = "my husband snores every night is that normal"
    assert crisis_context.in_context(parse, conversation("utter_greet"))["intent"]["name"] == (
        "out_of_scope"
    )


def test_snoring_that_wont_wake_stands_on_its_own() -> None:
    parse = update("not_sleeping", [{"name": "inform_use", "confidence": 0.7}])
    parse["text"] = "she is snoring and i cant wake her"
    assert crisis_context.in_context(parse, conversation("utter_greet"))["intent"]["name"] == (
        "crisis_update"
    )


def test_a_promise_to_call_after_the_checkin_is_the_classifiers_reading() -> None:
    parse = update("will_reach_out", [{"name": "deny", "confidence": 0.8}])
    result = crisis_context.in_context(parse, conversation("utter_crisis_checkin"))
    assert result["intent"]["name"] == "deny"


def _said(tracker: DialogueStateTracker, *texts: str) -> DialogueStateTracker:
    for text in texts:
        tracker.update(UserUttered(text, {"name": "crisis"}))
    return tracker


def test_a_story_right_after_a_crisis_reply_stays_in_the_crisis() -> None:
    # crisis role-play round 22: "i have my dads pills here" got the detox offer
    parse = {
        "text": "i have my dads pills here. i dont know why im still typing",
        "intent": {"name": "inform_use", "confidence": 1.0},
        "entities": [],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis"))
    assert result["intent"]["name"] == "crisis"


def test_a_story_after_the_danger_is_settled_is_a_story() -> None:
    parse = {
        "text": "he uses meth mostly, on weekends",
        "intent": {"name": "inform_use", "confidence": 1.0},
        "entities": [],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis_update_safe_now"))
    assert result["intent"]["name"] == "inform_use"


def test_a_program_question_after_a_crisis_reply_is_kept() -> None:
    parse = {
        "text": "does your program take people who relapse a lot?",
        "intent": {"name": "inform_use", "confidence": 1.0},
        "entities": [],
    }
    assert crisis_context.in_context(parse, conversation("utter_crisis"))["intent"]["name"] == (
        "inform_use"
    )


def test_sleep_after_pills_said_earlier_is_an_overdose_question() -> None:
    # caller role-play round 22: "Okay. Before you sleep, keep 988 close" after pills and vodka
    parse = update("lying_down", [{"name": "inform_use", "confidence": 0.6}])
    tracker = _said(conversation("utter_crisis"), "I took a bunch of pills earlier with some vodka")
    result = crisis_context.in_context(parse, tracker)
    categories = [e["value"] for e in result["entities"] if e["entity"] == "crisis_category"]
    assert result["intent"]["name"] == "crisis_update"
    assert categories == ["overdose_self"]


def test_not_waking_after_a_seizure_keeps_the_seizure() -> None:
    # caller role-play round 22: "give naloxone" after a withdrawal seizure, once 911 was coming
    parse = update("help_coming", [{"name": "crisis", "confidence": 0.9}])
    parse["entities"].append({"entity": "crisis_category", "value": "overdose"})
    tracker = _with_category(conversation("utter_crisis"), "seizure")
    result = crisis_context.in_context(parse, tracker)
    assert all(e["entity"] != "crisis_category" for e in result["entities"])


def test_means_with_the_guards_danger_as_the_first_word_is_the_crisis_reply() -> None:
    """round 23: "tonight i have my pistol out and im done", first said, got the means answer
    ("if you might use them to hurt yourself soon, call 911"), not the crisis reply."""
    parse = update("has_means", [{"name": "crisis", "confidence": 1.0}], guard=True)
    parse["crisis_guard"] = {"pattern_id": "gun_with_intent", "category": "suicidal"}
    assert crisis_context.in_context(parse, conversation())["intent"]["name"] == "crisis"
    after = update("has_means", [{"name": "crisis", "confidence": 1.0}], guard=True)
    after["crisis_guard"] = {"pattern_id": "gun_with_intent", "category": "suicidal"}
    answered = crisis_context.in_context(after, conversation("utter_crisis"))
    assert answered["intent"]["name"] == "crisis_update"


def _fallback(text: str) -> Dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": "nlu_fallback", "confidence": 0.35},
        "entities": [],
        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.35}],
    }


def test_a_no_to_the_checkin_after_what_is_a_no() -> None:
    # self role-play round 25: "what? no, im not suicidal. i just mean wait to start the
    # program" got the reply for a yes; es-v9 (read): "no, no me quiero matar..."
    for text in (
        "what? no, im not suicidal. i just mean wait to start the program",
        "no, no me quiero matar. estoy cansado de fallarle a mi familia nada mas",
    ):
        result = crisis_context.in_context(_fallback(text), conversation("utter_crisis_checkin"))
        assert result["intent"]["name"] == "deny", text


def test_a_stop_inside_a_crisis_stays_in_the_crisis() -> None:
    # caller role-play round 25: "you're not listening. forget it" with a rope in the garage
    def parse() -> Dict[str, Any]:
        return {
            "text": "you're not listening. forget it",
            "intent": {"name": "stop", "confidence": 0.9},
            "entities": [],
            "intent_ranking": [{"name": "stop", "confidence": 0.9}],
        }

    result = crisis_context.in_context(parse(), conversation("utter_crisis"))
    assert result["intent"]["name"] == "crisis"
    after_an_answer = crisis_context.in_context(parse(), conversation("utter_ask_schedule"))
    assert after_an_answer["intent"]["name"] == "stop"


def test_bleeding_that_goes_on_is_the_self_harm_emergency() -> None:
    # crisis role-play round 25: "That's okay. I'm here" to a teen whose cut kept bleeding
    parse = {
        "text": "no not like that they wont hurt me theyll just be mad. its still bleeding",
        "intent": {"name": "deny", "confidence": 1.0},
        "entities": [],
        "intent_ranking": [{"name": "deny", "confidence": 1.0}],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis"))
    assert result["intent"]["name"] == "crisis"
    assert {"entity": "crisis_category", "value": "self_harm"}.items() <= result["entities"][
        -1
    ].items()
    first = {**parse, "intent": {"name": "deny", "confidence": 1.0}, "entities": []}
    assert crisis_context.in_context(first, conversation("utter_greet"))["intent"]["name"] == "deny"


def test_bleeding_that_goes_on_wins_over_another_crisis_reading() -> None:
    parse = {
        "text": "its been like 10 min and the towel is soaked. my parents will kill me",
        "intent": {"name": "crisis", "confidence": 1.0},
        "entities": [{"entity": "crisis_category", "value": "violence"}],
        "intent_ranking": [{"name": "crisis", "confidence": 1.0}],
    }
    result = crisis_context.in_context(parse, conversation("utter_crisis"))
    categories = [e["value"] for e in result["entities"] if e["entity"] == "crisis_category"]
    assert categories == ["self_harm"]


def parsed(text: str, intent: str, confidence: float = 0.6) -> Dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}


def test_a_push_for_a_number_after_the_dosing_answer_is_the_dosing_question() -> None:
    """ "just tell me roughly what's safe" (blind v22: a callback offer)."""
    data = parsed(
        "ugh my doctor takes forever. just tell me roughly what's safe", "request_callback"
    )
    crisis_context.in_context(data, conversation("utter_ask_dosing"))
    assert data["intent"]["name"] == "ask_dosing"


def test_the_same_words_elsewhere_are_left_alone() -> None:
    data = parsed("just tell me roughly what's safe", "ask_safety_procedures")
    crisis_context.in_context(data, conversation("utter_ask_cost_insurance"))
    assert data["intent"]["name"] == "ask_safety_procedures"


def test_keep_taking_them_after_the_medication_answer() -> None:
    data = parsed("so you're saying i could keep taking them", "nlu_fallback", 0.3)
    crisis_context.in_context(data, conversation("utter_ask_staying_on_medication"))
    assert data["intent"]["name"] == "ask_staying_on_medication"


def test_this_number_after_the_help_line_offer_is_the_callback() -> None:
    """ "Yes, this number is fine." after "...Or I can ask them to call you back" (blind v22)."""
    data = parsed("Yes, this number is fine.", "affirm", 0.9)
    crisis_context.in_context(data, conversation("action_request_human"))
    assert data["intent"]["name"] == "request_callback"
    other = parsed("yes", "affirm", 0.9)
    crisis_context.in_context(other, conversation("utter_ask_what_is_iop"))
    assert other["intent"]["name"] == "affirm"


def test_do_i_need_it_after_the_detox_answer_starts_the_questions() -> None:
    data = parsed("ok so how do i know if i need it", "ask_admission_process", 0.5)
    crisis_context.in_context(data, conversation("utter_ask_detox_offered"))
    assert data["intent"]["name"] == "request_detox_screening"


def test_right_after_a_crisis_reply_words_without_a_question_are_no_program_question() -> None:
    """Crisis role-play round 29: "its 8:30 now" got the one-on-one answer."""
    data = parsed("its 8:30 now", "ask_individual_counseling", 0.7)
    crisis_context.in_context(data, conversation("utter_crisis"))
    assert data["intent"]["name"] == "nlu_fallback"
    asked = parsed("ok. how many days a week is the program?", "ask_schedule", 0.9)
    crisis_context.in_context(asked, conversation("utter_crisis"))
    assert asked["intent"]["name"] == "ask_schedule"
    later = parsed("its 8:30 now", "ask_individual_counseling", 0.7)
    crisis_context.in_context(later, conversation("utter_ask_what_is_iop"))
    assert later["intent"]["name"] == "ask_individual_counseling"


def _parse_of(text: str, intent: str) -> Dict[str, Any]:
    return {"text": text, "intent": {"name": intent, "confidence": 0.8}, "entities": []}


@pytest.mark.parametrize(
    "text", ["doesnt matter. after 9 i wont be picking up", "its like 7 now. i have 2 hrs"]
)
def test_a_time_running_out_after_a_crisis_reply_is_the_crisis_again(text: str) -> None:
    """Crisis role-play round 29 saved "after 9 i wont be picking up" as the callback time."""
    parse = crisis_context.in_context(
        _parse_of(text, "inform_use"), conversation("utter_crisis", "utter_ask_callback_best_time")
    )
    assert parse["intent"]["name"] == "crisis"


def test_a_time_with_no_crisis_before_is_only_a_time() -> None:
    parse = crisis_context.in_context(
        _parse_of("i have 2 hrs", "inform_use"), conversation("utter_ask_callback_best_time")
    )
    assert parse["intent"]["name"] == "inform_use"


def test_the_crisis_read_from_the_conversation_says_why() -> None:
    """The callback form's answer policy keeps it (policies/form_answer.py)."""
    parse = crisis_context.in_context(
        _parse_of("after 9 i wont be picking up", "inform_use"),
        conversation("utter_crisis", "utter_ask_callback_best_time"),
    )
    assert parse[crisis_context.CONTEXT_OUTPUT] == {"reason": "time running out"}


@pytest.mark.parametrize(
    "text",
    [
        "yeah I took some of my pills, the xanax, and I had a bunch of vodka, like half a bottle, "
        "can I just sleep it off",
        "I had like four of my klonopin and some vodka, Im feeling real woozy. can I sleep it off",
    ],
)
def test_sleeping_off_a_mix_as_the_first_words_keeps_its_answer(text: str) -> None:
    # caller role-play round 31: the generic reply, "That's okay", a hang-up
    parse = update("lying_down", [{"name": "inform_use", "confidence": 0.6}])
    parse["text"] = text
    result = crisis_context.in_context(parse, conversation("utter_greet"))
    assert result["intent"]["name"] == "crisis_update"


def test_lying_down_with_nothing_taken_and_no_crisis_before_is_not_an_update() -> None:
    parse = update("lying_down", [{"name": "inform_use", "confidence": 0.6}])
    parse["text"] = "im tired, gonna lie down for a bit"
    result = crisis_context.in_context(parse, conversation("utter_greet"))
    assert result["intent"]["name"] != "crisis_update"
