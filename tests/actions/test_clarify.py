"""action_clarify: one clarifying question with the likeliest topics, then the help line."""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.clarify import ActionClarify, likely_topics
from tests.conftest import make_tracker, user_event

RANKING = [
    {"name": "nlu_fallback", "confidence": 1.0},
    {"name": "ask_schedule", "confidence": 0.31},
    {"name": "greet", "confidence": 0.2},
    {"name": "ask_program_length", "confidence": 0.19},
    {"name": "ask_work_school", "confidence": 0.1},
    {"name": "ask_cost_insurance", "confidence": 0.05},
]


def run(events, domain):
    dispatcher = CollectingDispatcher()
    import asyncio

    events_out = asyncio.run(ActionClarify().run(dispatcher, make_tracker(events), domain))
    return dispatcher.messages, events_out


def test_likely_topics_skips_non_topics_and_keeps_order():
    assert likely_topics({"intent_ranking": RANKING}) == [
        "ask_schedule",
        "ask_program_length",
        "ask_work_school",
    ]


def test_first_miss_offers_top_three_topics_as_buttons(domain):
    messages, events = run(
        [user_event("nlu_fallback", "when r the thingies", 1.0, RANKING)], domain
    )
    assert events == []
    assert len(messages) == 1
    assert messages[0]["response"] == "utter_ask_clarify"
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/ask_schedule",
        "/ask_program_length",
        "/ask_work_school",
    ]
    assert all(b["title"] for b in messages[0]["buttons"])


def test_second_miss_in_a_row_offers_the_help_line(domain):
    events = [
        user_event("nlu_fallback", "huh", 1.0, RANKING),
        {"event": "action", "name": "action_clarify"},
        user_event("nlu_fallback", "the thing", 1.0, RANKING),
    ]
    messages, _ = run(events, domain)
    assert [m["response"] for m in messages] == ["utter_fallback_helpline"]


def test_a_miss_after_an_understood_message_is_a_first_miss(domain):
    events = [
        user_event("nlu_fallback", "huh", 1.0, RANKING),
        user_event("ask_schedule", "hours?"),
        user_event("nlu_fallback", "the thing", 1.0, RANKING),
    ]
    messages, _ = run(events, domain)
    assert messages[0]["response"] == "utter_ask_clarify"


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "\x00\x01\x02\x03\x04\x05", "?!?!"])
def test_unreadable_input_asks_to_type_again(domain, text):
    messages, _ = run([user_event("nlu_fallback", text, 1.0, RANKING)], domain)
    assert [m["response"] for m in messages] == ["utter_unreadable_input"]


def test_no_usable_guesses_goes_to_help_line(domain):
    ranking = [{"name": "nlu_fallback", "confidence": 1.0}, {"name": "greet", "confidence": 0.3}]
    messages, _ = run([user_event("nlu_fallback", "blorp", 1.0, ranking)], domain)
    assert [m["response"] for m in messages] == ["utter_fallback_helpline"]


def test_a_spanish_conversation_gets_spanish_labels_with_the_same_payloads(domain):
    import asyncio

    from iop_assistant.topics import CLARIFY_LABELS, CLARIFY_LABELS_ES
    from tests.conftest import make_tracker as _make

    assert set(CLARIFY_LABELS_ES) == set(CLARIFY_LABELS)
    tracker = _make([user_event("nlu_fallback", "cuando son las cosas", 1.0, RANKING)])
    tracker.slots["language"] = "es"
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionClarify().run(dispatcher, tracker, domain))
    buttons = dispatcher.messages[0]["buttons"]
    assert [b["payload"] for b in buttons] == [
        "/ask_schedule",
        "/ask_program_length",
        "/ask_work_school",
    ]
    assert buttons[0]["title"] == "¿Cuál es el horario?"


def run_after_a_crisis(text: str, domain):
    import asyncio

    tracker = make_tracker([user_event("nlu_fallback", text, 1.0, RANKING)])
    tracker.slots["crisis_flag"] = True
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionClarify().run(dispatcher, tracker, domain))
    return [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text",
    [
        "why do you keep saying that. does the program work for stimulants like crystal",
        "im just asking if you guys treat meth",
        "what hours are the groups",
    ],
)
def test_after_a_crisis_a_program_question_gets_the_topics(domain, text):
    # role-play 2026-12-04: "I'm still here. Please stay with someone" four times
    assert run_after_a_crisis(text, domain) == ["utter_ask_clarify"]


@pytest.mark.parametrize("text", ["i dont know what to do", "its bad", "what do i do now"])
def test_after_a_crisis_anything_else_unclear_stays_with_the_person(domain, text):
    assert run_after_a_crisis(text, domain) == ["utter_crisis_followup"]


@pytest.mark.parametrize("text", ["2", " 4. ", "12"])
def test_a_number_with_no_options_shown_is_asked_about(domain, text):
    # texter role-play 2026-12-04, late: "2" as a first message got the detox offer
    messages, _ = run([user_event("nlu_fallback", text, 1.0, RANKING)], domain)
    assert [m.get("response") for m in messages] == ["utter_number_without_options"]


def test_a_number_alone_is_no_intent_for_the_gate():
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.control_gate import gate

    for text, read in (("2", "inform"), ("1", "affirm"), ("4", "request_detox_screening")):
        message = Message(data={TEXT: text})
        message.set(INTENT, {"name": read, "confidence": 0.9})
        message.set(INTENT_RANKING_KEY, [{"name": read, "confidence": 0.9}])
        gate(message)
        assert message.get(INTENT)["name"] == "nlu_fallback", text
    phone = Message(data={TEXT: "312 555 0187"})
    phone.set(INTENT, {"name": "inform", "confidence": 0.9})
    gate(phone)
    assert phone.get(INTENT)["name"] == "request_callback"


def _after_a_crisis_reply(*said: str):
    import asyncio

    from rasa_sdk import Tracker

    events = [{"event": "bot", "text": "...", "metadata": {"utter_action": "utter_crisis"}}]
    events += [user_event("deny", text, 1.0) for text in said]
    events.append(user_event("nlu_fallback", "when r the thingies", 1.0, RANKING))
    latest = events[-1]["parse_data"] | {"text": events[-1]["text"]}
    tracker = Tracker("t", {"crisis_flag": True}, latest, events, False, None, {}, "x")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionClarify().run(dispatcher, tracker, {}))
    return [m.get("response") for m in dispatcher.messages]


def test_after_a_crisis_reply_an_unclear_message_stays_with_the_person():
    assert _after_a_crisis_reply("ok") == ["utter_crisis_followup"]


def test_after_saying_nobody_is_in_danger_an_unclear_message_gets_topics():
    # family role-play 2026-12-05: "I'm still here" five turns running after "nobody's
    # overdosed" and "I'm not in danger lol"
    said = _after_a_crisis_reply("im fine, im not in danger lol")
    assert said == ["utter_ask_clarify"]


def test_a_follow_up_on_the_topic_just_answered_gets_that_answer(domain):
    """blind v17: "what about sundays" right after the help line hours answer got a menu."""
    events = [
        user_event("ask_helpline_hours", "is ur help line open at 3am?", 0.95, []),
        {"event": "action", "name": "utter_ask_helpline_hours"},
        user_event("nlu_fallback", "what about sundays", 1.0, RANKING),
    ]
    messages, _ = run(events, domain)
    assert [m["response"] for m in messages] == ["utter_ask_helpline_hours"]


def test_a_follow_up_after_no_topic_is_still_a_miss(domain):
    events = [
        user_event("greet", "hi", 0.95, []),
        user_event("nlu_fallback", "what about sundays", 1.0, RANKING),
    ]
    messages, _ = run(events, domain)
    assert [m["response"] for m in messages] == ["utter_ask_clarify"]


def test_a_question_mark_alone_asks_which_part(domain):
    """texter role-play round 23: "?" after a long reply got "I couldn't read that message"."""
    events = [
        user_event("ask_what_is_iop", "what is iop", 0.95, []),
        {"event": "action", "name": "utter_ask_what_is_iop"},
        user_event("nlu_fallback", "??", 1.0, RANKING),
    ]
    messages, _ = run(events, domain)
    assert [m["response"] for m in messages] == ["utter_question_mark_only"]


def test_a_question_mark_as_the_first_words_gets_what_we_can_do(domain):
    """Round 32: "?" as a first text got "Sorry if that wasn't clear" about nothing said yet."""
    messages, _ = run([user_event("nlu_fallback", "?", 1.0, RANKING)], domain)
    assert [m["response"] for m in messages] == ["utter_greet"]


def test_a_long_story_is_heard_before_the_topics(domain):
    """A grandmother's paragraph got "Did you mean one of these?" (family role-play round
    24): the same topics, after a sentence that says it was heard."""
    story = (
        "hi my granddaughter is 22 and she has been living with me since her mom passed and "
        "i think she is using meth again because she is up all night and i dont know what to do"
    )
    messages, _ = run([user_event("nlu_fallback", story, 1.0, RANKING)], domain)
    assert messages[0]["response"] == "utter_ask_clarify_long"
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/ask_schedule",
        "/ask_program_length",
        "/ask_work_school",
    ]


def test_a_keyboard_mash_gets_the_help_line_not_a_topic_menu(domain):
    """CI rehearsal after the round 37 retrain: "asdkjh qwpoeiru zmxncb" read as a mash by the
    gate still got a topic menu from the classifier's guesses, with no call button."""
    mashed = user_event("nlu_fallback", "asdkjh qwpoeiru zmxncb", 1.0, RANKING)
    mashed["parse_data"]["control_gate"] = {"from": "affirm", "reason": "keyboard mash"}
    messages, _ = run([mashed], domain)
    assert [m["response"] for m in messages] == ["utter_fallback_helpline"]
