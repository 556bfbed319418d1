"""Console fixtures: a real tracker store, a migrated app DB, a live server, an injected clock."""

from __future__ import annotations

import contextlib
import sqlite3
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


def _cheap_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its lowest cost: the defaults take about 0.2 s of CPU a hash, and these
    tests create four accounts and sign in for nearly every test. The code path is the
    same (an argon2id hash carries its own parameters); undone after each test."""
    monkeypatch.setattr(passwords, "_hasher", _cheap_hasher())


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


def _fill(settings: ConsoleSettings) -> None:
    """The state every console test starts from: the standard conversations in the tracker
    store, a migrated app database with the four accounts, a callback request, a dead
    outbox message, and the index of the conversations."""
    save(settings.tracker_db_url.removeprefix("sqlite:///"), standard())
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


def _console_settings(directory: Path, clock: Clock) -> ConsoleSettings:
    return ConsoleSettings(
        database_url=f"sqlite:///{directory / 'app.db'}",
        tracker_db_url=f"sqlite:///{directory / 'tracker.db'}",
        index_interval_seconds=0,
        clock=clock,
    )


DATABASES = ("tracker.db", "app.db")


@pytest.fixture(scope="session")
def _filled_databases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two databases of :func:`_fill`, made once a session (migrating, saving through
    Rasa's store and indexing took about a second a test); each test gets copies."""
    directory = tmp_path_factory.mktemp("console-template")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_hasher", _cheap_hasher())
        _fill(_console_settings(directory, Clock(NOW)))
    return directory


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy, whatever is still in the source's WAL."""
    with contextlib.closing(sqlite3.connect(source)) as src:
        with contextlib.closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
    target.chmod(source.stat().st_mode & 0o777)


@pytest.fixture
def settings(tmp_path: Path, clock: Clock, _filled_databases: Path) -> ConsoleSettings:
    """A console of its own for each test: fresh copies of the filled databases (no test
    sees another's changes), its own clock at NOW."""
    for name in DATABASES:
        _copy_database(_filled_databases / name, tmp_path / name)
    return _console_settings(tmp_path, clock)


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
