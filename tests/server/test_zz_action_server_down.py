"""With the action server stopped, a crisis still gets 911, 988 and the help line.

Runs last in tests/server (file name) because it stops the shared action
server; it starts it again afterwards and checks the conversation goes on.
"""

from __future__ import annotations

import uuid

import pytest

from iop_assistant import program_facts
from tests.server.conftest import texts

HELPLINE = program_facts.load().helpline
CRISIS_MESSAGES = [
    "i want to kill myself",
    "my friend took a bunch of pills and wont wake up",
    "kms",
]


@pytest.fixture
def actions_down(servers):
    servers.stop_actions()
    try:
        yield servers
    finally:
        servers.start_actions()


@pytest.mark.parametrize("message", CRISIS_MESSAGES)
def test_crisis_reply_needs_no_action_server(actions_down, message):
    # a brand-new conversation: even the session start (an action) fails here
    reply = actions_down.say(uuid.uuid4().hex, message)
    text = texts(reply)
    assert "911" in text and "988" in text and HELPLINE in text


def test_crisis_mid_conversation_without_action_server(servers):
    sender = uuid.uuid4().hex
    servers.say(sender, "hi")
    servers.stop_actions()
    try:
        reply = servers.say(sender, "everyone would be better off without me")
        assert "988" in texts(reply) and HELPLINE in texts(reply)
        # an FAQ answer is a static response too
        assert "IOP" in texts(servers.say(sender, "what is iop"))
    finally:
        servers.start_actions()
    # back up: the conversation continues, custom actions work again
    assert servers.say(sender, "/ask_more")


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
