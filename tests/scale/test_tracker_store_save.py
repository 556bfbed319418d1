"""Saving a tracker without Rasa's COUNT query stores exactly what Rasa's own save stores.

Runs on SQLite (always) and PostgreSQL (when installed; required in CI).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.tracking.health_state import ComponentHealth
from iop_assistant.tracking.tracker_store import UrlSQLTrackerStore
from tests.scale.test_stores import stored_rows


def run(coro):
    return asyncio.get_event_loop_policy().new_event_loop().run_until_complete(coro)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/tracker.db"
    return request.getfixturevalue("fresh_db")


@pytest.fixture
def store(db_url: str) -> UrlSQLTrackerStore:
    return UrlSQLTrackerStore(Domain.empty(), url=db_url, health=ComponentHealth("t"))


@pytest.fixture
def statements(store: UrlSQLTrackerStore) -> Iterator[list[str]]:
    """Every SQL statement the store sends, in order."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", record)
    yield seen
    sa.event.remove(store.engine, "before_cursor_execute", record)


def stored(url: str, sender: str) -> list[dict]:
    return [json.loads(data) for data in stored_rows(url, sender)]


def one_turn(tracker: DialogueStateTracker, text: str) -> None:
    tracker.update(UserUttered(text))
    tracker.update(BotUttered(f"reply to {text}"))
    tracker.update(ActionExecuted("action_listen"))


def talk(store, sender: str, texts: list[str]) -> None:
    """Turns as Rasa runs them: read (or create), append, save."""

    async def go() -> None:
        for text in texts:
            tracker = await store.get_or_create_tracker(sender)
            one_turn(tracker, text)
            await store.save(tracker)

    run(go())


def test_same_rows_as_rasas_own_store(db_url: str, store: UrlSQLTrackerStore) -> None:
    ours, theirs = uuid.uuid4().hex, uuid.uuid4().hex
    talk(store, ours, ["one", "two", "three"])
    talk(SQLTrackerStore(Domain.empty(), host=db_url), theirs, ["one", "two", "three"])

    def shape(rows: list[dict]) -> list[tuple]:
        return [(r["event"], r.get("text"), r.get("name")) for r in rows]

    assert shape(stored(db_url, ours)) == shape(stored(db_url, theirs))
    assert len(stored(db_url, ours)) == 10  # the new tracker's action_listen + 3 turns


def test_a_tracker_read_from_the_store_is_saved_without_a_count(store, statements) -> None:
    sender = uuid.uuid4().hex
    talk(store, sender, ["first"])
    statements.clear()
    talk(store, sender, ["second"])
    assert not [s for s in statements if "count(" in s.lower()]
    assert [s for s in statements if s.lstrip().upper().startswith("INSERT")]


def test_saving_the_same_tracker_twice_adds_only_the_new_events(db_url, store) -> None:
    sender = uuid.uuid4().hex

    async def go() -> None:
        tracker = await store.get_or_create_tracker(sender)
        one_turn(tracker, "a")
        await store.save(tracker)
        one_turn(tracker, "b")
        await store.save(tracker)
        await store.save(tracker)  # nothing new: nothing written

    run(go())
    texts = [e.get("text") for e in stored(db_url, sender) if e["event"] == "user"]
    assert texts == ["a", "b"]


def test_a_tracker_built_elsewhere_falls_back_to_rasas_count(db_url, store, statements) -> None:
    sender = uuid.uuid4().hex
    talk(store, sender, ["first"])
    elsewhere = run(store.retrieve(sender)).copy()  # a copy does not carry the stored count
    one_turn(elsewhere, "second")
    statements.clear()
    run(store.save(elsewhere))
    assert [s for s in statements if "count(" in s.lower()]
    texts = [e.get("text") for e in stored(db_url, sender) if e["event"] == "user"]
    assert texts == ["first", "second"]


def test_a_new_session_in_the_same_turn_is_stored_once(db_url, store) -> None:
    sender = uuid.uuid4().hex
    talk(store, sender, ["old session"])

    async def go() -> DialogueStateTracker:
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
        one_turn(tracker, "new session")
        await store.save(tracker)
        return await store.retrieve(sender)

    latest = run(go())
    texts = [e.get("text") for e in stored(db_url, sender) if e["event"] == "user"]
    assert texts == ["old session", "new session"]
    assert [e.text for e in latest.events if isinstance(e, UserUttered)] == ["new session"]
