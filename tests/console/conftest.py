"""Console fixtures: a real tracker store, a migrated app DB, a live server, an injected clock."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

import pytest
import requests
from console_data import NOW, save, standard

from iop_assistant.console import indexer
from iop_assistant.console.create_admin import create_user
from iop_assistant.console.db import app_engine, ensure_schema
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, OutboxMessage

PASSWORD = "correct horse battery"
USERS = {"ada": "admin", "cleo": "clinician", "cal": "callback", "cam": "callback"}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "console"


class Clock:
    """The console's clock, moved by tests (no sleeping)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def settings(tmp_path: Path, clock: Clock) -> ConsoleSettings:
    tracker = tmp_path / "tracker.db"
    save(str(tracker), standard())
    settings = ConsoleSettings(
        database_url=f"sqlite:///{tmp_path / 'app.db'}",
        tracker_db_url=f"sqlite:///{tracker}",
        index_interval_seconds=0,
        clock=clock,
    )
    engine = app_engine(settings.database_url)
    ensure_schema(engine)
    for name, role in USERS.items():
        create_user(settings, name, PASSWORD, role)
    with session_scope(engine) as session:
        cb = CallbackRequest(
            conversation_id="sms-callback", channel="sms", phone_number="+12025550143",
            first_name="Sam", best_time="now", consent_to_text=True,
            created_at=NOW - timedelta(hours=2), updated_at=NOW - timedelta(hours=2),
        )  # fmt: skip
        session.add(cb)
        session.add(
            CallbackRequest(
                conversation_id="web-crisis", channel="rest", phone_number="+12025550199",
                first_name=None, best_time="morning", created_at=NOW - timedelta(minutes=30),
                updated_at=NOW - timedelta(minutes=30),
            )
        )  # fmt: skip
        session.flush()
        session.add(
            OutboxMessage(
                dedupe_key="cb-1-confirm", kind="callback_confirmation", to_number="+12025550143",
                body="We got your request", status="dead", attempts=5,
                last_error="Twilio 21610: +12025550143 is unsubscribed", callback_request_id=cb.id,
            )
        )  # fmt: skip
    indexer.run_once(settings)
    return settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """The console app served by Sanic on a free port, in a background thread."""

    def __init__(self, settings: ConsoleSettings) -> None:
        from sanic import Sanic

        from iop_assistant.console.app import create_app

        Sanic.test_mode = True  # several apps in one process: keep Sanic's touch-ups re-runnable
        self.app = create_app(settings)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self._serve()
        except BaseException as error:  # surfaced by start()
            self.error = error
            self._ready.set()

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            self.app.create_server(
                host="127.0.0.1", port=self.port, return_asyncio_server=True, access_log=False
            )
        )
        self.loop.run_until_complete(server.startup())
        self.server = server
        self._ready.set()
        self.loop.run_forever()

    def start(self) -> LiveServer:
        self._thread.start()
        assert self._ready.wait(30), "console did not start"
        if getattr(self, "error", None):
            raise self.error
        return self

    def stop(self) -> None:
        async def _close() -> None:
            self.server.close()
            await self.server.wait_closed()

        asyncio.run_coroutine_threadsafe(_close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)


@pytest.fixture
def server(settings: ConsoleSettings) -> Iterator[LiveServer]:
    live = LiveServer(settings).start()
    try:
        yield live
    finally:
        live.stop()


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def login(base: str, username: str, password: str = PASSWORD, **headers: str) -> requests.Session:
    """A signed-in HTTP client (asserts the login worked)."""
    client = requests.Session()
    client.headers.update(headers)
    page = client.get(f"{base}/login")
    reply = client.post(
        f"{base}/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(page.text)},
        allow_redirects=False,
    )
    assert reply.status_code == 302, reply.text
    return client


def token(client: requests.Session, base: str, path: str = "/") -> str:
    """The session's CSRF token, read from a page."""
    return csrf_of(client.get(base + path).text)


@pytest.fixture
def as_role(server: LiveServer):
    """``as_role("clinician")`` → a signed-in client for that role."""
    by_role = {role: name for name, role in USERS.items()}

    def _client(role: str) -> requests.Session:
        return login(server.url, by_role[role])

    return _client
