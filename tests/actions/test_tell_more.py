"""action_tell_more: the follow-up for the last FAQ topic of this session."""

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.tell_more import ActionTellMore, last_faq_topic
from iop_assistant.topics import FAQ_INTENTS
from tests.conftest import make_tracker, user_event


def run(events, domain):
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionTellMore().run(dispatcher, make_tracker(events), domain))
    return [m["response"] for m in dispatcher.messages]


def test_follow_up_of_the_last_topic(domain):
    events = [user_event("ask_what_is_iop"), user_event("ask_schedule"), user_event("ask_more")]
    assert run(events, domain) == ["utter_more_ask_schedule"]


def test_topic_without_follow_up_says_so(domain):
    assert run([user_event("ask_cost_insurance"), user_event("affirm")], domain) == [
        "utter_no_more"
    ]


def test_no_topic_yet_offers_the_menu(domain):
    assert run([user_event("greet"), user_event("ask_more")], domain) == ["utter_greet"]


def test_topics_from_a_previous_session_are_forgotten():
    events = [user_event("ask_schedule"), {"event": "session_started"}, user_event("ask_more")]
    assert last_faq_topic(make_tracker(events)) is None


def test_every_follow_up_response_belongs_to_a_faq_topic(domain):
    follow_ups = [r for r in domain["responses"] if r.startswith("utter_more_")]
    assert follow_ups, "there should be follow-ups"
    for name in follow_ups:
        assert name.removeprefix("utter_more_") in FAQ_INTENTS
