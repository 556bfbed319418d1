"""Console fixtures: a real tracker store, a migrated app DB, a live server, an injected clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Iterator

import pytest
import requests
from argon2 import PasswordHasher
from console_data import NOW, save, standard
from console_helpers import PASSWORD, USERS, Clock, LiveServer, login
from sanic import Sanic

from iop_assistant.console import indexer, passwords
from iop_assistant.console.create_admin import create_user
from iop_assistant.console.db import app_engine, ensure_schema
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, OutboxMessage


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its lowest cost: the defaults take about 0.2 s of CPU a hash, and these
    tests create four accounts and sign in for nearly every test. The code path is the
    same (an argon2id hash carries its own parameters); undone after each test."""
    monkeypatch.setattr(
        passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


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
            conversation_id="sms-callback",
            channel="sms",
            phone_number="+12025550143",
            first_name="Sam",
            best_time="now",
            consent_to_text=True,
            created_at=NOW - timedelta(hours=2),
            updated_at=NOW - timedelta(hours=2),
        )
        session.add(cb)
        session.add(
            CallbackRequest(
                conversation_id="web-crisis",
                channel="rest",
                phone_number="+12025550199",
                first_name=None,
                best_time="morning",
                created_at=NOW - timedelta(minutes=30),
                updated_at=NOW - timedelta(minutes=30),
            )
        )
        session.flush()
        session.add(
            OutboxMessage(
                dedupe_key="cb-1-confirm",
                kind="callback_confirmation",
                to_number="+12025550143",
                body="We got your request",
                status="dead",
                attempts=5,
                last_error="Twilio 21610: +12025550143 is unsubscribed",
                callback_request_id=cb.id,
            )
        )
    indexer.run_once(settings)
    return settings


@pytest.fixture
def server(settings: ConsoleSettings, monkeypatch: pytest.MonkeyPatch) -> Iterator[LiveServer]:
    # several apps in one process: keep Sanic's touch-ups re-runnable (undone after the test)
    monkeypatch.setattr(Sanic, "test_mode", True)
    live = LiveServer(settings).start()
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def as_role(server: LiveServer):
    """``as_role("clinician")`` → a signed-in client for that role."""
    by_role = {role: name for name, role in USERS.items()}

    def _client(role: str) -> requests.Session:
        return login(server.url, by_role[role])

    return _client
