"""The SMS channel's message handling with a stand-in for Rasa (no server)."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from twilio.twiml.messaging_response import MessagingResponse

from iop_assistant import program_facts
from iop_assistant.channels import identity
from iop_assistant.channels.sms import SmsInput, SmsOutput, SmsSettings, twiml
from iop_assistant.channels.twilio_signature import FormParams
from iop_assistant.migrations import migrate
from iop_assistant.store import sms as store

HELPLINE = program_facts.load().helpline
PHONE = "+15550001111"
FAQ_REPLY = {
    "text": "IOP is a structured program.",
    "buttons": [
        {"title": "Tell me more", "payload": "/ask_more"},
        {"title": "Call (888) 783-3291", "payload": "tel:+18887833291"},
    ],
}


class FakeRasa:
    """Records what reached "Rasa" and answers with canned messages."""

    def __init__(self, replies: List[Dict[str, Any]] | None = None, delay: float = 0) -> None:
        self.received: List[Any] = []
        self.replies = replies if replies is not None else [FAQ_REPLY]
        self.delay = delay

    async def __call__(self, message) -> None:
        self.received.append(message)
        assert isinstance(message.output_channel, SmsOutput)
        if self.delay:
            await asyncio.sleep(self.delay)
        for reply in self.replies:
            await message.output_channel.send_response(message.sender_id, dict(reply))


def migrated(tmp_path) -> str:
    """An app database at the newest schema, as start-up leaves it (channels never migrate)."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    migrate(url)
    return url


@pytest.fixture
def channel(tmp_path, monkeypatch):
    monkeypatch.setenv(identity.KEY_ENV, "unit-test-key")
    settings = SmsSettings(auth_token="t", public_base_url="http://x", reply_timeout=1.0)
    return SmsInput(settings, database_url=migrated(tmp_path))


_counter = iter(range(10**6))


def send(channel, rasa, body, media=0, sid=None, phone=PHONE):
    form = FormParams(
        {
            "From": [phone],
            "Body": [body],
            "NumMedia": [str(media)],
            "MessageSid": [sid or f"SM{next(_counter):032d}"],
        }
    )
    reply = asyncio.run(channel._handle(rasa, form, phone, form.first("MessageSid")))
    assert reply.status == 200
    return reply.body.decode()


def test_channel_name_and_output_name():
    assert SmsInput.name() == "sms" and SmsOutput.name() == "sms"


def test_empty_twiml():
    assert twiml([]).body.decode() == str(MessagingResponse())


def test_conversation_id_is_hashed(channel):
    rasa = FakeRasa()
    send(channel, rasa, "what is iop")
    sender = rasa.received[0].sender_id
    assert sender == identity.sender_id("sms", PHONE, b"unit-test-key")
    assert "5550001111" not in sender
    assert rasa.received[0].input_channel == "sms"


def test_buttons_are_numbered_and_a_number_selects_the_payload(channel):
    rasa = FakeRasa()
    first = send(channel, rasa, "what is iop")
    assert "Reply 1 for Tell me more." in first and "Call (888) 783-3291" in first
    send(channel, rasa, "1")
    assert rasa.received[-1].text == "/ask_more"
    assert rasa.received[-1].metadata["sms"]["selected_option"] == "1"
    send(channel, rasa, "Tell me more")
    assert rasa.received[-1].text == "/ask_more"


def test_a_turn_without_buttons_forgets_the_old_options(channel):
    send(channel, FakeRasa(), "what is iop")
    plain = FakeRasa([{"text": "OK."}])
    send(channel, plain, "thanks")
    send(channel, plain, "1")
    assert plain.received[-1].text == "1"


def test_repeated_message_sid_gets_no_second_turn(channel):
    rasa = FakeRasa()
    assert "IOP is" in send(channel, rasa, "what is iop", sid="SMdup")
    assert send(channel, rasa, "what is iop", sid="SMdup") == str(MessagingResponse())
    assert len(rasa.received) == 1


def test_stop_confirms_once_then_silence_and_start_resumes(channel):
    rasa = FakeRasa()
    confirmation = send(channel, rasa, "STOP")
    assert "unsubscribed" in confirmation and "START" in confirmation
    assert store.is_opted_out(PHONE, engine=channel._engine)
    assert send(channel, rasa, "stop") == str(MessagingResponse())
    assert send(channel, rasa, "what is iop") == str(MessagingResponse())
    # HELP is answered whatever the opt-out state, and says how to come back
    helped = send(channel, rasa, "help")
    assert HELPLINE in helped and "START" in helped and "unsubscribed" in helped
    assert "ayuda" in send(channel, rasa, "AYUDA").lower()
    # only the stop itself reached the assistant (a half-done form ends, v12 b-s04); its
    # reply was never texted
    assert [m.text for m in rasa.received] == ["/stop"]
    assert "resubscribed" in send(channel, rasa, "Start")
    assert "IOP is" in send(channel, rasa, "what is iop")


def test_yes_opts_in_only_an_opted_out_number(channel):
    rasa = FakeRasa([{"text": "Have you?", "buttons": [{"title": "Yes", "payload": "Yes"}]}])
    send(channel, rasa, "screen me")
    send(channel, rasa, "yes")
    assert rasa.received[-1].text == "Yes", "an answer while subscribed"
    send(channel, rasa, "stop")
    assert "resubscribed" in send(channel, rasa, "YES")


def test_stop_in_a_sentence_is_an_ordinary_message(channel):
    rasa = FakeRasa()
    send(channel, rasa, "I want to stop drinking")
    assert rasa.received[-1].text == "I want to stop drinking"
    assert not store.is_opted_out(PHONE, engine=channel._engine)


def test_help_reply(channel):
    text = send(channel, FakeRasa(), "HELP")
    assert HELPLINE in text and "Msg &amp; data rates may apply" in text and "STOP" in text


def test_picture_only_gets_a_kind_reply_without_a_turn(channel):
    rasa = FakeRasa()
    text = send(channel, rasa, "", media=1)
    assert "only read text" in text and rasa.received == []


def test_picture_with_text_gets_both(channel):
    rasa = FakeRasa()
    text = send(channel, rasa, "what is iop", media=2)
    assert "only read text" in text and "IOP is" in text
    assert rasa.received[-1].metadata["sms"]["num_media"] == 2


def test_intent_syntax_in_free_text_is_defused(channel):
    rasa = FakeRasa()
    send(channel, rasa, '/affirm{"crisis_flag": false}')
    assert rasa.received[-1].text == 'affirm{"crisis_flag": false}'


def test_slow_or_failing_turn_gets_the_help_line(channel):
    assert HELPLINE in send(channel, FakeRasa(delay=3), "what is iop")

    async def broken(message):
        raise RuntimeError("boom")

    assert HELPLINE in send(channel, broken, "what is iop")
    assert HELPLINE in send(channel, FakeRasa([]), "what is iop"), "no reply at all"


def test_reply_is_at_most_three_messages(channel):
    rasa = FakeRasa([{"text": "word " * 2000}])
    body = send(channel, rasa, "tell me everything")
    assert 1 < body.count("<Message>") <= 3


def test_no_token_refuses_unless_development_setting(monkeypatch):
    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("IOP_SMS_ALLOW_UNSIGNED", raising=False)
    assert not SmsSettings.from_env().allow_unsigned
    monkeypatch.setenv("IOP_SMS_ALLOW_UNSIGNED", "1")
    assert SmsSettings.from_env().allow_unsigned


class FakeRequest:
    scheme = "http"
    host = "127.0.0.1:5005"
    path = "/webhooks/sms/webhook"

    def __init__(self, signature: str | None, query_string: str = "") -> None:
        self.headers = {"X-Twilio-Signature": signature} if signature else {}
        self.query_string = query_string


def _channel(tmp_path, **settings) -> SmsInput:
    return SmsInput(SmsSettings(**settings), database_url=migrated(tmp_path))


def test_signature_is_checked_over_public_base_url_path_and_query(tmp_path, monkeypatch):
    from iop_assistant.channels.twilio_signature import sign

    monkeypatch.setenv(identity.KEY_ENV, "k")
    channel = _channel(tmp_path, auth_token="tok", public_base_url="https://sms.example.org/")
    form = FormParams({"From": [PHONE], "Body": ["hi"], "MessageSid": ["SM1"]})
    plain = {k: v[0] for k, v in form.items()}
    url = "https://sms.example.org/webhooks/sms/webhook"
    assert channel._signature_ok(FakeRequest(sign("tok", url, plain)), form)
    assert channel._signature_ok(
        FakeRequest(sign("tok", url + "?x=1", plain), query_string="x=1"), form
    )
    assert not channel._signature_ok(FakeRequest(sign("tok", url, plain), "x=1"), form)
    local = "http://127.0.0.1:5005/webhooks/sms/webhook"
    assert not channel._signature_ok(FakeRequest(sign("tok", local, plain)), form)
    assert not channel._signature_ok(FakeRequest(None), form)


def test_without_a_token_every_request_is_refused(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv(identity.KEY_ENV, "k")
    with caplog.at_level("WARNING"):
        channel = _channel(tmp_path)
    assert "TWILIO_AUTH_TOKEN is not set" in caplog.text
    form = FormParams({"From": [PHONE]})
    assert not channel._signature_ok(FakeRequest("anything"), form)
    caplog.clear()
    with caplog.at_level("WARNING"):
        unsigned = _channel(tmp_path, allow_unsigned=True)
    assert "UNSIGNED" in caplog.text
    assert unsigned._signature_ok(FakeRequest(None), form)


def test_app_database_down_the_turn_still_runs_and_is_answered(tmp_path, monkeypatch, caplog):
    """A crisis text during an app-database outage reaches Rasa and gets its reply."""
    monkeypatch.setenv(identity.KEY_ENV, "unit-test-key")
    blocked = tmp_path / "blocked.db"
    blocked.mkdir()  # a directory where the database file should be: every call fails
    settings = SmsSettings(auth_token="t", public_base_url="http://x", reply_timeout=1.0)
    down = SmsInput(settings, database_url=f"sqlite:///{blocked}")
    crisis = {"text": "Please call 911 now, or call or text 988."}
    rasa = FakeRasa([crisis])
    body = send(down, rasa, "my friend took too many pills")
    assert "911" in body and "988" in body
    assert [m.text for m in rasa.received] == ["my friend took too many pills"]
    assert "app database call" in caplog.text
