"""The tracker and lock stores from URLs, against real PostgreSQL and Redis (no Rasa server)."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from iop_assistant.tracking.health_state import ComponentHealth, redact
from iop_assistant.tracking.lock_store import UrlLockStore
from iop_assistant.tracking.tracker_store import UrlSQLTrackerStore, engine_url, tracker_db_url


def run(coro):
    return asyncio.get_event_loop_policy().new_event_loop().run_until_complete(coro)


def stored_rows(url: str, sender: str) -> list[str]:
    """The ``data`` column of the sender's events, in stored order."""
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        ).all()
    engine.dispose()
    return [row[0] for row in rows]


def stored_texts(url: str, sender: str) -> list[str]:
    texts = (json.loads(data).get("text") for data in stored_rows(url, sender))
    return [text for text in texts if text]


def turn(store: UrlSQLTrackerStore, sender: str, text: str) -> None:
    """One turn as Rasa does it: read (or create), append, save."""

    async def go() -> None:
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(UserUttered(text))
        tracker.update(BotUttered(f"reply to {text}"))
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)

    run(go())


def test_default_url_is_the_sqlite_file_make_run_uses() -> None:
    assert tracker_db_url({}) == "sqlite:///var/tracker.db"
    assert tracker_db_url({"TRACKER_DB_URL": " postgresql://h/db "}) == "postgresql://h/db"


def test_postgres_url_gets_a_connect_timeout() -> None:
    url = engine_url("postgresql://u:pw@db:5432/tracker")
    assert url.query["connect_timeout"] == "3"
    assert engine_url("postgresql://db/t?connect_timeout=9").query["connect_timeout"] == "9"


def test_error_text_on_the_status_page_hides_passwords() -> None:
    assert "s3cret" not in redact('could not connect to "postgresql://iop:s3cret@db/x"')


def test_events_land_in_postgres(fresh_db: str) -> None:
    store = UrlSQLTrackerStore(Domain.empty(), url=fresh_db, health=ComponentHealth("t"))
    sender = uuid.uuid4().hex
    turn(store, sender, "first")
    turn(store, sender, "second")
    assert stored_texts(fresh_db, sender) == [
        "first",
        "reply to first",
        "second",
        "reply to second",
    ]


def test_outage_is_loud_held_in_memory_and_written_back(
    postgres, fresh_db: str, caplog, _health_events_file: Path
) -> None:
    health = ComponentHealth("tracker_store")
    store = UrlSQLTrackerStore(Domain.empty(), url=fresh_db, health=health)
    sender = uuid.uuid4().hex
    turn(store, sender, "before")
    postgres.stop()
    try:
        with caplog.at_level(logging.ERROR):
            turn(store, sender, "during 1")
            turn(store, sender, "during 2")
        assert not health.as_dict()["ok"] and health.fallback_active
        assert store.pending_conversations == 1
        assert any(
            r.levelno == logging.ERROR and "tracker_store" in r.getMessage() for r in caplog.records
        )
        # the conversation kept its context in memory
        held = run(store.retrieve(sender))
        assert [e.text for e in held.events if isinstance(e, UserUttered)] == [
            "during 1",
            "during 2",
        ]
        assert store.probe() is False
    finally:
        postgres.start()
    assert store.probe() is True
    assert health.as_dict()["ok"] and store.pending_conversations == 0
    turn(store, sender, "after")
    assert [t for t in stored_texts(fresh_db, sender) if not t.startswith("reply")] == [
        "before",
        "during 1",
        "during 2",
        "after",
    ]
    events = [json.loads(line) for line in _health_events_file.read_text().splitlines()]
    assert [e["event"] for e in events] == ["outage_started", "recovered"]
    assert events[1]["written_back"] == 1


def test_lock_store_is_in_memory_without_redis_url(monkeypatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    store = UrlLockStore(health=ComponentHealth("l"))
    assert store.redis is None and store.describe()["mode"] == "memory"


async def _hold(store: UrlLockStore, sender: str, log: list, name: str) -> None:
    async with store.lock(sender, wait_time_in_seconds=0.01):
        log.append(f"{name} in")
        await asyncio.sleep(0.05)
        log.append(f"{name} out")


def test_two_servers_sharing_redis_never_hold_one_conversation_at_once(redis_server) -> None:
    """Two lock stores (as in two Rasa servers) on one Redis serialise one sender."""
    first = UrlLockStore(url=redis_server.url, health=ComponentHealth("a"))
    second = UrlLockStore(url=redis_server.url, health=ComponentHealth("b"))
    sender, log = uuid.uuid4().hex, []

    async def both() -> None:
        await asyncio.gather(
            *(_hold(first if i % 2 else second, sender, log, str(i)) for i in range(10))
        )

    run(both())
    assert len(log) == 20
    for i in range(0, 20, 2):  # every "in" is followed by its own "out"
        assert log[i].endswith(" in") and log[i + 1] == log[i].replace(" in", " out")


def test_lock_store_falls_back_to_memory_loudly_when_redis_dies(redis_server, caplog) -> None:
    health = ComponentHealth("lock_store")
    store = UrlLockStore(url=redis_server.url, health=health)
    log: list = []
    run(_hold(store, "x", log, "up"))
    redis_server.stop()
    try:
        with caplog.at_level(logging.ERROR):
            run(_hold(store, "x", log, "down"))  # still serves: no reply is lost to a lock
        assert log[-2:] == ["down in", "down out"]
        assert not health.as_dict()["ok"] and store.probe() is False
        assert any("lock_store" in r.getMessage() for r in caplog.records)
    finally:
        redis_server.start()
    assert store.probe() is True and health.as_dict()["ok"]
    assert store.describe()["mode"] == "redis"


@pytest.mark.parametrize("url", ["sqlite:///{tmp}/t.db"])
def test_sqlite_default_still_works(tmp_path: Path, url: str) -> None:
    store = UrlSQLTrackerStore(
        Domain.empty(), url=url.format(tmp=tmp_path), health=ComponentHealth("s")
    )
    turn(store, "s1", "hello")
    assert (tmp_path / "t.db").exists()


def test_why_stock_failsafe_store_is_not_enough(postgres, fresh_db: str) -> None:
    """Rasa's own wrapper, same outage: each turn starts empty, outage turns never reach the DB."""
    from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore

    store = FailSafeTrackerStore(SQLTrackerStore(Domain.empty(), host=fresh_db))
    sender = uuid.uuid4().hex
    turn(store, sender, "before")
    postgres.stop()
    try:
        turn(store, sender, "during 1")
        seen = run(store.retrieve(sender))  # what the next turn would start from
        turn(store, sender, "during 2")
    finally:
        postgres.start()
    assert seen is None  # the conversation's context is gone during the outage
    turn(store, sender, "after")
    texts = [t for t in stored_texts(fresh_db, sender) if not t.startswith("reply")]
    assert texts == ["before", "after"]  # the outage turns are lost for good
