"""'What was that?' gets the last reply again, word for word."""

from __future__ import annotations

import asyncio

import pytest
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


LONG_ANSWER = (
    "IOP usually meets three to five days a week, about three hours a day. Groups are in the "
    "morning or the evening, so many people keep working. Most people take part for 8 to 12 "
    "weeks, and the plan is made with you. Call (888) 783-3291 to ask about start dates."
)


def run_with(text: str, slots: dict | None = None) -> list:
    events = [
        {"event": "user", "text": "how long is it"},
        {
            "event": "bot",
            "text": "This is an automated assistant, not a person or clinician.",
            "metadata": {"utter_action": "utter_disclaimer"},
        },
        {"event": "bot", "text": LONG_ANSWER, "metadata": {"utter_action": "utter_ask_schedule"}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text},
    ]
    latest = {"text": text, "intent": {"name": "repeat_last", "confidence": 1.0}}
    tracker = Tracker("conv", slots or {}, latest, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRepeatLast().run(dispatcher, tracker, {}))
    return dispatcher.messages


@pytest.mark.parametrize("text", ["too long", "shorter pls", "tl;dr", "way too long lol"])
def test_too_long_gets_the_answer_in_one_text_with_the_help_line(text):
    # texter briefs of round 35: "too long" after a 500-character first reply
    said = run_with(text)
    assert len(said) == 1
    reply = said[0]["text"]
    assert reply.startswith("IOP usually meets three to five days a week")
    assert "automated assistant" not in reply
    assert "(888) 783-3291" in reply and len(reply) <= 200


def test_mas_corto_gets_the_spanish_help_line_sentence():
    said = run_with("mas corto porfa", {"language": "es"})
    assert said[0]["text"].endswith("Para más, llame al (888) 783-3291.")


def test_say_that_again_still_repeats_word_for_word():
    said = run_with("say that again")
    assert [m["text"] for m in said][-1] == LONG_ANSWER
