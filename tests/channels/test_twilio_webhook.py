"""The Twilio webhook base over HTTP: signatures, replays, settings, a missing schema.

Each test mounts a real channel the way ``rasa run`` does (Rasa's own
``register``) on a Sanic server on a free port and talks to it with an HTTP
client. Only the model is stood in for: ``app.ctx.agent.handle_message``
answers with a canned reply, so no trained model is needed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from pathlib import Path
from typing import Any, AsyncIterator, Dict, List
from urllib.parse import urlencode

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from devtools.ports import free_port
from iop_assistant.channels import identity
from iop_assistant.channels.sms import SmsInput, SmsSettings
from iop_assistant.channels.twilio_signature import SIGNATURE_HEADER, sign
from iop_assistant.channels.twilio_webhook import TwilioWebhookInput
from iop_assistant.channels.voice import VoiceInput, VoiceSettings
from iop_assistant.migrations import migrate

TOKEN = "test-auth-token"
FORM = "application/x-www-form-urlencoded"
REPLY = {"text": "IOP is a structured program.", "buttons": [{"title": "More", "payload": "/m"}]}
_apps = iter(range(10**6))


class CannedAgent:
    """Stands in for Rasa's agent: records each message and answers with one reply."""

    def __init__(self) -> None:
        self.received: List[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        await message.output_channel.send_response(message.sender_id, dict(REPLY))


class Running:
    """A channel served over HTTP, and what reached the stand-in agent."""

    def __init__(self, channel: TwilioWebhookInput, base_url: str, agent: CannedAgent) -> None:
        self.channel = channel
        self.base_url = base_url
        self.agent = agent
        self.prefix = f"/webhooks/{channel.name()}"

    def signed(self, fields: Dict[str, str], path: str = "/webhook") -> Dict[str, str]:
        url = self.channel.settings.public_base_url + self.prefix + path
        return {SIGNATURE_HEADER: sign(TOKEN, url, fields), "Content-Type": FORM}

    async def post(
        self, fields: Dict[str, str], headers: Dict[str, str] | None = None
    ) -> tuple[int, str]:
        async with aiohttp.ClientSession() as session:
            async with session.post(
                self.base_url + self.prefix + "/webhook",
                data=urlencode(fields),
                headers=self.signed(fields) if headers is None else headers,
            ) as response:
                return response.status, await response.text()

    async def health(self) -> tuple[int, Dict[str, Any]]:
        async with aiohttp.ClientSession() as session:
            async with session.get(self.base_url + self.prefix + "/") as response:
                return response.status, await response.json()


@contextlib.asynccontextmanager
async def serving(channel: TwilioWebhookInput) -> AsyncIterator[Running]:
    """``channel`` mounted under /webhooks/ as ``rasa run`` mounts it, on a free port."""
    Sanic.test_mode = True
    app = Sanic(f"twilio_webhook_test_{next(_apps)}")
    agent = CannedAgent()
    app.ctx.agent = agent
    register([channel], app, "/webhooks/")
    port = free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    await server.startup()
    await server.start_serving()
    try:
        yield Running(channel, f"http://127.0.0.1:{port}", agent)
    finally:
        server.close()
        await server.wait_closed()


def database(tmp_path: Path, migrated: bool = True) -> str:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    if migrated:
        migrate(url)
    return url


def tables(url: str) -> List[str]:
    with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
        return [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]


def handled(url: str) -> int:
    with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
        return db.execute("SELECT count(*) FROM processed_messages").fetchone()[0]


def sms(url: str, **settings: Any) -> SmsInput:
    settings = {"auth_token": TOKEN, "public_base_url": "https://a.example.org", **settings}
    return SmsInput(SmsSettings(reply_timeout=5.0, **settings), database_url=url)


def voice(url: str, **settings: Any) -> VoiceInput:
    settings = {"auth_token": TOKEN, "public_base_url": "https://a.example.org", **settings}
    return VoiceInput(
        VoiceSettings(reply_timeout=5.0, helpline_number="+15550000000", **settings),
        database_url=url,
    )


SMS_FORM = {"From": "+15550001111", "Body": "what is iop", "MessageSid": "SM" + "1" * 32}
CALL_FORM = {"From": "+15550001111", "CallSid": "CA" + "1" * 32, "SpeechResult": "what is iop"}


@pytest.fixture(autouse=True)
def sender_key(monkeypatch):
    monkeypatch.setenv(identity.KEY_ENV, "unit-test-key")


@pytest.mark.parametrize(("make", "form"), [(sms, SMS_FORM), (voice, CALL_FORM)])
def test_only_a_signed_form_post_reaches_rasa(tmp_path, make, form):
    url = database(tmp_path)

    async def run() -> None:
        async with serving(make(url)) as running:
            unsigned = await running.post(form, {"Content-Type": FORM})
            forged_headers = {**running.signed(form), SIGNATURE_HEADER: sign("other", "x", form)}
            forged = await running.post(form, forged_headers)
            wrong_type = {**running.signed(form), "Content-Type": "application/json"}
            not_a_form = await running.post(form, wrong_type)
            assert [unsigned[0], forged[0], not_a_form[0]] == [403, 403, 400]
            assert running.agent.received == [] and handled(url) == 0
            status, body = await running.post(form)
            assert status == 200 and "IOP is a structured program." in body
            assert len(running.agent.received) == 1 and handled(url) == 1

    asyncio.run(run())


def test_a_signature_for_another_url_is_refused(tmp_path):
    url = database(tmp_path)

    async def run() -> None:
        async with serving(sms(url)) as running:
            local = f"{running.base_url}/webhooks/sms/webhook"  # not PUBLIC_BASE_URL
            headers = {SIGNATURE_HEADER: sign(TOKEN, local, SMS_FORM), "Content-Type": FORM}
            assert (await running.post(SMS_FORM, headers))[0] == 403
            assert running.agent.received == []

    asyncio.run(run())


@pytest.mark.parametrize(("make", "form"), [(sms, SMS_FORM), (voice, CALL_FORM)])
def test_a_replayed_request_runs_no_second_turn(tmp_path, make, form):
    url = database(tmp_path)

    async def run() -> None:
        async with serving(make(url)) as running:
            first = await running.post(form)
            again = await running.post(form)
            assert first[0] == again[0] == 200
            assert len(running.agent.received) == 1 and handled(url) == 1
            if make is voice:  # the caller hears what the first copy answered
                assert again[1] == first[1]

    asyncio.run(run())


@pytest.mark.parametrize(("make", "form"), [(sms, SMS_FORM), (voice, CALL_FORM)])
def test_unmigrated_database_fails_health_and_is_never_migrated(tmp_path, make, form, caplog):
    url = database(tmp_path, migrated=False)

    async def run() -> None:
        with caplog.at_level(logging.ERROR):
            channel = make(url)
        assert "not migrated" in caplog.text and "iop_assistant.migrations" in caplog.text
        async with serving(channel) as running:
            status, body = await running.health()
            assert status == 503 and "not migrated" in body["problem"]
            # a message still gets its turn and its reply (as in a database outage)
            status, text = await running.post(form)
            assert status == 200 and "IOP is a structured program." in text
            assert "processed_messages" not in tables(url)
            migrate(url)  # what start-up does
            assert await running.health() == (200, {"status": "ok"})

    asyncio.run(run())


def test_settings_come_from_the_environment_with_shared_rules():
    env = {
        "TWILIO_AUTH_TOKEN": " tok ",
        "PUBLIC_BASE_URL": "https://a.example.org",
        "IOP_SMS_ALLOW_UNSIGNED": "yes",
        "IOP_SMS_REPLY_TIMEOUT": "not a number",
        "IOP_VOICE_REPLY_TIMEOUT": "60",
        "TWILIO_NUMBER": "+15550009999",
    }
    sms_settings = SmsSettings.from_env(env)
    assert sms_settings.auth_token == "tok" and sms_settings.allow_unsigned
    assert sms_settings.reply_timeout == SmsSettings.DEFAULT_REPLY_TIMEOUT
    assert sms_settings.twilio_number == "+15550009999"
    voice_settings = VoiceSettings.from_env(env, default_helpline="+15550000000")
    assert not voice_settings.allow_unsigned, "each channel has its own switch"
    assert voice_settings.reply_timeout == 14.0, "under Twilio's 15 s"
    assert voice_settings.helpline_number == "+15550000000"
    assert SmsSettings.from_env({"IOP_SMS_REPLY_TIMEOUT": "0"}).reply_timeout == 1.0


@pytest.mark.parametrize("make", [sms, voice])
def test_unsafe_settings_are_warned_about_at_start(tmp_path, make, caplog):
    url = database(tmp_path)
    name = make(url).name()
    cases = [
        ({"auth_token": ""}, "is refused (403)"),
        ({"auth_token": "", "allow_unsigned": True}, "UNSIGNED"),
        ({"public_base_url": ""}, "PUBLIC_BASE_URL is not set"),
    ]
    for settings, warning in cases:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            make(url, **settings)
        assert warning in caplog.text and f"{name} channel" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        type(make(url)).from_credentials({"auth_token": "in the wrong place"})
    assert "ignores credentials.yml keys ['auth_token']" in caplog.text


def test_without_a_token_unsigned_requests_pass_only_when_allowed(tmp_path):
    url = database(tmp_path)

    async def run() -> None:
        async with serving(sms(url, auth_token="")) as refusing:
            assert (await refusing.post(SMS_FORM, {"Content-Type": FORM}))[0] == 403
        allowed = sms(url, auth_token="", allow_unsigned=True)
        async with serving(allowed) as accepting:
            assert (await accepting.post(SMS_FORM, {"Content-Type": FORM}))[0] == 200

    asyncio.run(run())
