"""Reading a conversation decodes only the rows this process has not read yet, and always
returns exactly what Rasa's own store returns (issue 17: JSON decoding of every stored
event was most of a long conversation's turn).

Runs on SQLite (always) and PostgreSQL (when installed; required in CI).
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted

from iop_assistant.tracking import tracker_store as module
from iop_assistant.tracking.health_state import ComponentHealth
from iop_assistant.tracking.tracker_store import DecodedEvents, UrlSQLTrackerStore
from tests.scale.test_tracker_store_save import db_url, run, store, talk  # noqa: F401


def as_rasa_reads(url: str, sender: str) -> list[dict]:
    """The conversation as Rasa's own SQL store reads it."""
    tracker = run(SQLTrackerStore(Domain.empty(), host=url).retrieve(sender))
    return [e.as_dict() for e in tracker.events] if tracker else []


def ours(reader: UrlSQLTrackerStore, sender: str) -> list[dict]:
    tracker = run(reader.retrieve(sender))
    return [e.as_dict() for e in tracker.events] if tracker else []


def counting_loads(monkeypatch) -> list[int]:
    calls = [0]
    real = json.loads

    def loads(text, *args, **kwargs):
        calls[0] += 1
        return real(text, *args, **kwargs)

    monkeypatch.setattr(module.json, "loads", loads)
    return calls


def test_the_second_read_decodes_only_new_rows(db_url, store, monkeypatch):  # noqa: F811
    sender = uuid.uuid4().hex
    talk(store, sender, [f"turn {n}" for n in range(30)])
    run(store.retrieve(sender))  # read once: everything decoded and kept
    calls = counting_loads(monkeypatch)
    talk(store, sender, ["one more"])  # reads (nothing new), then saves 3 events
    before = calls[0]
    read = ours(store, sender)
    assert calls[0] - before == 3  # the three new rows only, not 94
    assert read == as_rasa_reads(db_url, sender)


def test_rows_written_by_another_server_are_read(db_url, store):  # noqa: F811
    sender = uuid.uuid4().hex
    talk(store, sender, ["hello"])
    assert ours(store, sender) == as_rasa_reads(db_url, sender)
    other = UrlSQLTrackerStore(Domain.empty(), url=db_url, health=ComponentHealth("other"))
    talk(other, sender, ["from the other server"])
    assert ours(store, sender) == as_rasa_reads(db_url, sender)
    assert any(e.get("text") == "from the other server" for e in ours(store, sender))


def test_a_purged_and_restarted_conversation_is_read_afresh(db_url, store):  # noqa: F811
    sender = uuid.uuid4().hex
    talk(store, sender, ["before the purge", "second"])
    run(store.retrieve(sender))
    with store.engine.begin() as connection:
        connection.execute(
            sa.delete(store.SQLEvent.__table__).where(store.SQLEvent.sender_id == sender)
        )
    other = UrlSQLTrackerStore(Domain.empty(), url=db_url, health=ComponentHealth("other"))
    talk(other, sender, ["after the purge"])
    read = ours(store, sender)
    assert read == as_rasa_reads(db_url, sender)
    assert [e.get("text") for e in read if e["event"] == "user"] == ["after the purge"]


def test_a_new_session_is_read_from_its_start(db_url, store):  # noqa: F811
    sender = uuid.uuid4().hex
    talk(store, sender, ["old session"])
    run(store.retrieve(sender))

    async def new_session() -> None:
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)

    run(new_session())
    talk(store, sender, ["new session"])
    read = ours(store, sender)
    assert read == as_rasa_reads(db_url, sender)
    assert [e.get("text") for e in read if e["event"] == "user"] == ["new session"]


def test_kept_events_are_bounded_least_recently_used_first():
    kept = DecodedEvents(limit=10)
    kept.keep("a", [1, 2, 3, 4], [ActionExecuted("x")] * 4)
    kept.keep("b", [5, 6, 7, 8], [ActionExecuted("x")] * 4)
    assert kept.get("a") is not None  # a is now the most recently used
    kept.keep("c", [9, 10, 11, 12], [ActionExecuted("x")] * 4)
    assert kept.get("b") is None and kept.get("a") is not None and len(kept) == 8
    kept.keep("huge", list(range(11)), [ActionExecuted("x")] * 11)
    assert kept.get("huge") is None and len(kept) == 8
