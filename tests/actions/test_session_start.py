"""action_session_start: the disclaimer comes first, then the session starts."""

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.session_start import ActionSessionStart
from tests.conftest import make_tracker


def test_disclaimer_then_session_started(domain):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSessionStart().run(dispatcher, make_tracker([]), domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_disclaimer"]
    assert [e["event"] for e in events] == ["session_started", "action"]
    assert events[1]["name"] == "action_listen"


def test_disclaimer_says_what_it_must(domain):
    text = domain["responses"]["utter_disclaimer"][0]["text"].lower()
    for needed in (
        "automated assistant",
        "not a person",
        "medical advice",
        "around the clock",
        "911",
        "988",
    ):
        assert needed in text
