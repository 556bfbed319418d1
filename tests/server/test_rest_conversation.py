"""A real conversation through the REST channel of the real Rasa server."""

from __future__ import annotations

import uuid

import pytest
import requests

from iop_assistant import program_facts
from iop_assistant.channels.message_size import cap_message
from tests.server.conftest import texts

HELPLINE = program_facts.load().helpline


def new_sender() -> str:
    return uuid.uuid4().hex


def test_short_conversation(servers):
    sender = new_sender()
    first = servers.say(sender, "hi")
    assert "automated assistant" in first[0]["text"]
    assert "911" in first[0]["text"] and "988" in first[0]["text"]
    assert any(r.get("buttons") for r in first[1:])

    answer = servers.say(sender, "what is an intensive outpatient program")
    assert "IOP" in texts(answer)
    assert "automated assistant" not in texts(answer), "the disclaimer is only for the first reply"
    assert answer[-1]["buttons"]

    more = servers.say(sender, "/ask_more")
    assert more and "smaller" in texts(more)

    cost = servers.say(sender, "how much does it cost, do u take insurance")
    assert HELPLINE in texts(cost)


def test_bot_challenge(servers):
    sender = new_sender()
    servers.say(sender, "hello")
    # typed "/bot_challenge" is read as words since issue 14: no button offers it
    reply = servers.say(sender, "are you a bot")
    said = texts(reply)
    assert said.startswith("I'm the ")
    assert "automated assistant, not a person or a clinician." in said


def test_crisis_gets_911_988_and_help_line(servers):
    reply = servers.say(new_sender(), "i want to kill myself")
    text = texts(reply)
    assert "911" in text and "988" in text and HELPLINE in text


BAD_INPUTS = {
    "empty": "",
    "whitespace": "   \n\t ",
    "huge": "I have a question about the program. " * 280,  # ~10,000 characters
    "emoji": "😀🙏💊🍺",
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "other language": "¿Cuánto cuesta el programa y aceptan seguro médico?",
    "binary": bytes(range(256)).decode("latin-1"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_gets_a_kind_reply_and_is_kept(servers, kind):
    sender = new_sender()
    servers.say(sender, "hi")
    reply = servers.say(sender, BAD_INPUTS[kind])
    assert reply, "every message gets an answer"
    assert all(r.get("text") for r in reply)
    # kept: the message is in the tracker store (Rasa strips outer whitespace); a huge
    # one as its first part and its end, marked truncated (issue 14, item 6)
    events = servers.tracker(sender)["events"]
    kept, truncated = cap_message(BAD_INPUTS[kind].strip())
    assert any(e["event"] == "user" and e.get("text") == kept for e in events)
    if truncated:
        last = [e for e in events if e["event"] == "user"][-1]
        assert last["metadata"]["truncated"]["original_chars"] == len(BAD_INPUTS[kind].strip())
    # and the server still answers afterwards
    assert servers.say(sender, "what is iop")


def test_html_is_never_echoed_back(servers):
    reply = servers.say(new_sender(), "<script>alert('x')</script>")
    assert "<script>" not in texts(reply)


def test_malformed_body_is_a_client_error_not_a_crash(servers):
    url = f"{servers.rasa_url}/webhooks/rest/webhook"
    response = requests.post(
        url, data=b"\xff\xfe not json", timeout=10, headers={"Content-Type": "application/json"}
    )
    assert 400 <= response.status_code < 500
    assert servers.say(new_sender(), "hi")
