"""'What was that?' gets the last reply again, word for word."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.repeat import ActionRepeatLast


def run(events: list) -> list:
    tracker = Tracker("conv", {}, {}, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRepeatLast().run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_the_replies_after_the_previous_message_are_said_again_with_their_buttons():
    buttons = [{"title": "Yes", "payload": "/affirm"}]
    events = [
        {"event": "user", "text": "hi"},
        {"event": "bot", "text": "old reply"},
        {"event": "user", "text": "what is iop"},
        {"event": "bot", "text": "IOP is treatment while you live at home."},
        {"event": "bot", "text": "Anything else?", "data": {"buttons": buttons}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "what was that?"},
    ]
    said = run(events)
    assert [m["text"] for m in said] == [
        "IOP is treatment while you live at home.",
        "Anything else?",
    ]
    assert said[1]["buttons"] == buttons


def test_with_nothing_said_yet_the_greeting_is_said():
    said = run([{"event": "user", "text": "say that again"}])
    assert [m["response"] for m in said] == ["utter_greet"]
