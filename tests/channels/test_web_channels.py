"""The web channels' checks without a server (issue 14, items 2 and 4).

The same attacks against a running Rasa are in tests/server/test_web_spoofing.py.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
import yaml
from rasa.core.channels.channel import UserMessage

from iop_assistant import domain_files
from iop_assistant.channels.web import (
    PayloadGate,
    WebRestInput,
    WebSocketIOInput,
    domain_payloads,
    valid_sender,
)
from tests.conftest import REPO


def domain_object():
    raw = domain_files.load_raw()
    return SimpleNamespace(responses=raw["responses"])


@pytest.mark.parametrize(
    "sender",
    [
        "sms-" + "a" * 64,
        "voice-" + "b" * 64,
        "SMS-abc",
        "\u200bsms-abc",
        "",
        " x",
        "a" * 129,
        "line\nbreak",
        None,
        12,
        ["sms-x"],
    ],  # fmt: skip
)
def test_phone_namespaces_and_odd_ids_are_not_web_senders(sender) -> None:
    assert not valid_sender(sender)


@pytest.mark.parametrize("sender", ["0123456789abcdef" * 2, "web-demo-1", "smsx", "my-voice"])
def test_ordinary_web_senders_are_fine(sender) -> None:
    assert valid_sender(sender)


def test_the_domain_buttons_are_the_allowed_payloads() -> None:
    payloads = domain_payloads(domain_object())
    assert {"/ask_more", "/request_human", "/request_detox_screening"} <= payloads
    assert all("{" not in p and "@" not in p for p in payloads)


@pytest.mark.parametrize(
    "typed",
    [
        '/crisis{"crisis_category": "<script>flood</script>"}',
        "/crisis",
        "/restart",
        "/session_start",
        "/stop",
        "/ask_more@0.99",
        '/ask_more{"SUBSTANCE": "x"}',
        "\u200b/restart",
        "/ /request_human{}",
    ],
)
def test_typed_intent_syntax_is_read_as_words(typed) -> None:
    text = PayloadGate().text_for_rasa(typed, domain_object())
    assert not text.lstrip().startswith("/")


@pytest.mark.parametrize("payload", ["/ask_more", "/request_human", " /ask_what_is_iop "])
def test_offered_button_payloads_pass(payload) -> None:
    assert PayloadGate().text_for_rasa(payload, domain_object()) == payload.strip()


def test_clarify_topics_pass_without_a_domain() -> None:
    assert PayloadGate().text_for_rasa("/ask_schedule") == "/ask_schedule"


def _through(channel, message: UserMessage) -> list:
    seen: list = []

    async def on_new_message(msg: UserMessage) -> None:
        seen.append(msg)

    asyncio.run(channel.guarded(on_new_message, channel.name())(message))
    return seen


@pytest.mark.parametrize("channel", [WebRestInput(), WebSocketIOInput()])
def test_the_guard_fixes_channel_and_metadata_and_drops_phone_senders(channel) -> None:
    message = UserMessage(
        '/crisis{"crisis_category": "x"}',
        sender_id="abc123",
        input_channel="sms",
        metadata={"sms": {"selected_option": "1"}, "voice": {}, "page": "x"},
    )
    (seen,) = _through(channel, message)
    assert seen.input_channel == channel.name()
    assert seen.metadata == {"page": "x"}
    assert not seen.text.startswith("/")
    assert _through(channel, UserMessage("/request_callback", sender_id="sms-" + "0" * 64)) == []


def test_credentials_use_the_guarded_channels() -> None:
    credentials = yaml.safe_load((REPO / "credentials.yml").read_text())
    assert "rest" not in credentials and "socketio" not in credentials
    assert "iop_assistant.channels.web.WebRestInput" in credentials
    assert credentials["iop_assistant.channels.web.WebSocketIOInput"]["session_persistence"]


# ------------------------------------------------- issue 15 item 6: third-party clients
def test_call_numbers_go_into_the_text_when_it_lacks_them() -> None:
    from iop_assistant.channels.web_clients import with_numbers_in_text

    buttons = [{"title": "Call 911", "payload": "tel:911"},
               {"title": "Call our help line", "payload": "tel:+18887833291"},
               {"title": "Tell me more", "payload": "/ask_more"}]  # fmt: skip
    message = with_numbers_in_text({"text": "Call 911 now.", "buttons": buttons})
    assert message["text"] == "Call 911 now.\n\nCall our help line: (888) 783-3291"
    assert message["buttons"] == buttons
    unchanged = {"text": "Our help line: (888) 783-3291.", "buttons": buttons[1:]}
    assert with_numbers_in_text(unchanged) == unchanged


@pytest.mark.parametrize(
    "text,number",
    [("tel:911", "911"), (" TEL:988 ", "988"), ("tel:+18887833291", "+18887833291"),
     ("tel:call me", None), ("call tel:911 please", None), ("911", None), ("", None)],
)  # fmt: skip
def test_a_tel_text_is_recognised(text, number) -> None:
    from iop_assistant.channels.web_clients import called_number

    assert called_number(text) == number


def test_blank_messages_and_tel_texts_never_reach_the_model() -> None:
    from rasa.core.channels.channel import CollectingOutputChannel

    reached: list = []

    async def on_new_message(message: UserMessage) -> None:
        reached.append(message.text)

    out = CollectingOutputChannel()
    socketio = WebSocketIOInput().guarded(on_new_message, "socketio")
    for text in ["", "  ", None, "tel:911"]:
        asyncio.run(socketio(UserMessage(text, out, "web-1")))
    assert reached == []
    assert [m["text"] for m in out.messages] == ["Please call 911 now from your phone."]
    # over REST a blank message is bad input from a person: answered and kept
    rest = WebRestInput().guarded(on_new_message, "rest")
    asyncio.run(rest(UserMessage("tel:988", out, "web-1")))
    asyncio.run(rest(UserMessage("  ", out, "web-1")))
    assert reached == [""] and "988" in out.messages[-1]["text"]
