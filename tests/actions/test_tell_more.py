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


def test_a_bare_acknowledgement_is_heard_not_taken_as_tell_me_more(domain):
    """ "k" after the schedule answer sent the follow-up paragraph, unasked (texter
    role-play round 24)."""
    for text in ("k", "ok", "okay.", "got it", "kk", "ta bien"):
        events = [user_event("ask_schedule"), user_event("affirm", text=text)]
        assert run(events, domain) == ["utter_affirm"], text


def test_yes_still_asks_for_more(domain):
    for text in ("yes", "sure", "yeah tell me more", "ok more please"):
        events = [user_event("ask_schedule"), user_event("affirm", text=text)]
        assert run(events, domain) == ["utter_more_ask_schedule"], text
