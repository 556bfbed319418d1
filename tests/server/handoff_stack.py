"""A running stack for live-handoff tests: Rasa + actions + console + outbox worker + Twilio fake.

Used by tests/server/test_handoff.py and the browser test
(tests/server/browser/test_widget_handoff.py); all share one app database.
"""

from __future__ import annotations

import sqlite3
import time
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Dict, Iterator, List

import pytest
import requests
from sanic import Sanic

from devtools.twilio_fake import FakeTwilio
from iop_assistant.console.create_admin import create_user
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.handoff import queue
from iop_assistant.notify.sender import TwilioSender, TwilioSettings
from iop_assistant.notify.worker import Backoff, OutboxWorker, WorkerConfig
from iop_assistant.store.db import get_engine
from tests.console.console_helpers import PASSWORD, LiveServer, csrf_of, login
from tests.server.conftest import MODEL, Servers
from tests.server.test_sms_channel import form_for, new_sid, post

ASK = "i want to talk to someone right now"

STAFF = ("dana", "eli")
WAIT = 60.0  # seconds any single step may take on a loaded machine


def wait_for(check: Callable[[], object], what: str, timeout: float = WAIT) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


class Stack:
    """Rasa + actions + console + outbox worker + Twilio fake, sharing one app database."""

    def __init__(self, servers: Servers, console: LiveServer, fake: FakeTwilio) -> None:
        self.servers, self.console, self.fake = servers, console, fake
        self.engine = get_engine(servers.env["DATABASE_URL"])
        sender = TwilioSender(
            TwilioSettings(fake.account_sid, fake.auth_token, "+15005550006", fake.base_url, 5.0)
        )
        config = WorkerConfig(max_attempts=3, lease_seconds=30, concurrency=2, poll_interval=0.05)
        self.worker = OutboxWorker(self.engine, sender, config, Backoff(base=0, cap=0))
        self.staff: Dict[str, requests.Session] = {}

    # --------------------------------------------------------------- console
    def as_staff(self, name: str) -> requests.Session:
        if name not in self.staff:
            self.staff[name] = login(self.console.url, name)
        return self.staff[name]

    def post(self, name: str, path: str, **data: str) -> requests.Response:
        client = self.as_staff(name)
        data["csrf_token"] = csrf_of(client.get(self.console.url + "/handoff").text)
        return client.post(self.console.url + path, data=data, allow_redirects=False)

    def on_duty(self, *names: str) -> None:
        for name in STAFF:
            self.post(name, "/handoff/duty", on="1" if name in names else "0")

    def set_hours(self, **fields: str) -> None:
        assert self.post(STAFF[0], "/handoff/hours", **fields).status_code == 302

    def handoff(self, conversation: str) -> queue.HandoffRow:
        row = queue.open_for(conversation, self.engine)
        assert row is not None, "the conversation is not in the live queue"
        return row

    def claim(self, name: str, handoff_id: int) -> requests.Response:
        return self.post(name, "/handoff/claim", id=str(handoff_id))

    # --------------------------------------------------------------- SMS
    def text(self, phone: str, body: str) -> List[str]:
        reply = post(self.servers, form_for(phone, body, new_sid()))
        assert reply.status_code == 200, reply.text
        return [m.text or "" for m in ET.fromstring(reply.content).iter("Message")]

    def texts_to(self, phone: str) -> List[str]:
        self.worker.run_once()
        return [m["body"] for m in self.fake.messages if m["to"] == phone]

    def wait_text(self, phone: str, needle: str) -> str:
        found = wait_for(
            lambda: [b for b in self.texts_to(phone) if needle in b], f"a text with {needle!r}"
        )
        return found[0]  # type: ignore[index]

    # --------------------------------------------------------------- tracker
    def events(self, conversation: str) -> List[dict]:
        return self.servers.tracker(conversation)["events"] or []

    def paused(self, conversation: str) -> bool:
        state = None
        for event in self.events(conversation):
            if event["event"] in ("pause", "resume"):
                state = event["event"]
        return state == "pause"

    def move_back(self, handoff_id: int, **columns: str) -> None:
        """Put a handoff's times in the past (as a clock would), for the relay's sweep."""
        db = sqlite3.connect(self.servers.env["DATABASE_URL"].removeprefix("sqlite:///"))
        with db:
            for column, value in columns.items():
                db.execute(f"UPDATE handoffs SET {column} = ? WHERE id = ?", (value, handoff_id))
        db.close()


@contextmanager
def running_stack(tmp: Path) -> Iterator[Stack]:
    """Everything started on free ports, stopped afterwards."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` first")
    servers = Servers(tmp)
    handoff_env = {
        "IOP_HANDOFF_POLL_SECONDS": "0.2",
        # long: the tests move times into the past instead of waiting
        "IOP_HANDOFF_CLAIM_TIMEOUT": "600",
        "IOP_HANDOFF_QUIET_TIMEOUT": "900",
        "IOP_HANDOFF_TIMEZONE": "UTC",
    }
    servers.env.update(handoff_env)
    monkeypatch = pytest.MonkeyPatch()
    # the console (in this process) reads the same settings, as from a shared .env
    for name, value in handoff_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(Sanic, "test_mode", True)
    fake = FakeTwilio().start()
    console = None
    try:
        servers.start_actions()
        servers.start_rasa()
        settings = ConsoleSettings(
            database_url=servers.env["DATABASE_URL"],
            tracker_db_url=servers.env["TRACKER_DB_URL"],
            index_interval_seconds=0,
        )
        for name in STAFF:
            create_user(settings, name, PASSWORD, "helpline")
        console = LiveServer(settings).start()
        yield Stack(servers, console, fake)
    finally:
        if console is not None:
            console.stop()
        servers.stop()
        fake.stop()
        monkeypatch.undo()
