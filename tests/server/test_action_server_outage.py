"""With the action server stopped, a crisis still gets 911, 988 and the help line.

These tests stop an action server, so they get a Rasa server and action server
of their own (``own_servers``): the session's shared ``servers`` are never
touched, and the tests pass in any order, alone or with the rest.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator

import pytest

from iop_assistant import program_facts
from tests.server.conftest import Servers, texts

HELPLINE = program_facts.load().helpline
CRISIS_MESSAGES = [
    "i want to kill myself",
    "my friend took a bunch of pills and wont wake up",
    "kms",
    # this session's crisis categories and first-aid answers are static responses too
    "my brother is on the floor jerking and wont answer me",
    "she is drowsy and slurring, should i make her throw up",
    # round 32: the sedative overdose, a head hit, Spanish violence, one's own bottle of pills
    "my friend did G at a party and she wont wake up",
    "my dad fell drunk and hit his head, now hes confused and throwing up",
    "mi esposo me empuja cuando toma y me da miedo",
    "i took all of them. the whole bottle of my sleep pills",
]


@pytest.fixture(scope="module")
def own_servers(trained_model: Path, tmp_path_factory) -> Iterator[Servers]:
    """This module's own Rasa server; its action server runs only while a test starts it."""
    running = Servers(tmp_path_factory.mktemp("action-server-outage"))
    try:
        running.start_rasa()
        yield running
    finally:
        running.stop()


@pytest.fixture
def actions_down(own_servers: Servers) -> Servers:
    own_servers.stop_actions()
    return own_servers


@pytest.mark.parametrize("message", CRISIS_MESSAGES)
def test_crisis_reply_needs_no_action_server(actions_down, message):
    # a brand-new conversation: even the session start (an action) fails here
    reply = actions_down.say(uuid.uuid4().hex, message)
    text = texts(reply)
    assert "911" in text and "988" in text and HELPLINE in text


def test_a_yes_to_the_check_in_question_needs_no_action_server(actions_down):
    # round 15: the reply to "ya kinda" (is the person safe now, the means out of reach)
    sender = uuid.uuid4().hex
    actions_down.say(sender, "honestly whats even the point anymore")
    text = texts(actions_down.say(sender, "ya kinda"))
    assert "911" in text and "988" in text and HELPLINE in text
    assert "safe right now" in text


def test_crisis_mid_conversation_without_action_server(actions_down):
    sender = uuid.uuid4().hex
    actions_down.start_actions()
    try:
        actions_down.say(sender, "hi")
        actions_down.stop_actions()
        reply = actions_down.say(sender, "everyone would be better off without me")
        assert "988" in texts(reply) and HELPLINE in texts(reply)
        # an FAQ answer is a static response too
        assert "IOP" in texts(actions_down.say(sender, "what is iop"))
        # back up: the conversation continues, custom actions work again
        actions_down.start_actions()
        assert actions_down.say(sender, "/ask_more")
    finally:
        actions_down.stop_actions()


def test_sms_crisis_needs_no_action_server(actions_down):
    from tests.server.test_sms_channel import new_phone, text

    joined = "\n".join(text(actions_down, new_phone(), "i want to kill myself"))
    assert "911" in joined and "988" in joined and HELPLINE in joined


def test_voice_crisis_needs_no_action_server(actions_down):
    from tests.server.test_voice_channel import Call, said

    call = Call(actions_down)
    call.send()
    spoken = said(call.send(SpeechResult="my friend overdosed and is not breathing"))
    assert "911" in spoken and "988" in spoken and HELPLINE in spoken


@pytest.mark.parametrize(
    "message", ["can someone call me back", "do I need detox first?", "/nlu_fallback"]
)
def test_a_flow_needing_actions_still_gives_the_help_line(actions_down, message):
    """Forms and clarifications need the action server; without it, the help line."""
    sender = uuid.uuid4().hex
    reply = texts(actions_down.say(sender, message))
    assert HELPLINE in reply, reply
