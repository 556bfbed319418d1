"""A SQL tracker store built from ``TRACKER_DB_URL`` that fails loudly and loses nothing.

Rasa's own SQL store takes dialect/host/db fields (endpoints.yml has no
defaults for environment variables), and Rasa wraps every store in a
``FailSafeTrackerStore`` that, when the database fails, *writes* to memory but
keeps *reading* from the database: each turn of an outage starts an empty
conversation and the turns are lost when the database returns.

This store handles database errors itself: it keeps the conversation in this
process's memory (so the next turn still has its context), logs an ERROR,
turns the health endpoint red, and writes the held events back when the
database answers again (on the next turn or health probe).

It is also faster than Rasa's (docs/performance.md): database round trips run
in a worker thread, so one conversation's commit or a slow query does not stall
every other conversation on the server's event loop, and a tracker read from
this store remembers how many of its events are stored, so saving it needs no
``COUNT`` query first.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import logging
import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, List, Mapping, Set, Tuple, cast

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.event import listen
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from iop_assistant.sqltyping import Engine, create_engine, make_url
from iop_assistant.store.db import sqlite_path, sqlite_wal
from iop_assistant.tracking.health_state import TRACKER_STORE, ComponentHealth

logger = logging.getLogger(__name__)

DEFAULT_TRACKER_DB_URL = "sqlite:///var/tracker.db"
CONNECT_TIMEOUT_S = 3
MAX_PENDING = 10_000  # conversations held in memory during an outage, per process
# decoded events kept between turns, per process (about 2 KB each: some 40 MB at most)
MAX_DECODED_EVENTS = 20_000

_INSTANCES: list[UrlSQLTrackerStore] = []
# On a tracker this store returned: how many of its events are already stored.
_STORED_EVENTS = "_iop_stored_events"


def tracker_db_url(env: Mapping[str, str] | None = None) -> str:
    """``TRACKER_DB_URL`` or the embedded SQLite default (same default as the console)."""
    env = os.environ if env is None else env
    return (env.get("TRACKER_DB_URL") or "").strip() or DEFAULT_TRACKER_DB_URL


def engine_url(raw: str) -> sa.engine.URL:
    """The URL with a connect timeout for PostgreSQL (a dead host must not hang a turn)."""
    url = make_url(raw)
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        url = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    return url


def registered() -> list[UrlSQLTrackerStore]:
    """Stores created in this process (the health endpoint probes them)."""
    return list(_INSTANCES)


@dataclass
class Decoded:
    """One conversation's stored rows as this process last read them."""

    ids: List[int]
    events: List[Event]


class DecodedEvents:
    """The decoded events of recently read conversations, least recently used dropped
    first, at most ``limit`` events in all (memory stays bounded, issue 17)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._by_sender: OrderedDict[str, Decoded] = OrderedDict()
        self._count = 0

    def get(self, sender_id: str) -> Decoded | None:
        found = self._by_sender.get(sender_id)
        if found is not None:
            self._by_sender.move_to_end(sender_id)
        return found

    def keep(self, sender_id: str, ids: List[int], events: List[Event]) -> None:
        self.drop(sender_id)
        if len(events) > self.limit:
            return
        self._by_sender[sender_id] = Decoded(ids, events)
        self._count += len(events)
        while self._count > self.limit:
            _, dropped = self._by_sender.popitem(last=False)
            self._count -= len(dropped.events)

    def drop(self, sender_id: str) -> None:
        old = self._by_sender.pop(sender_id, None)
        if old is not None:
            self._count -= len(old.events)

    def __len__(self) -> int:
        return self._count


def engine_kwargs(url: str) -> dict[str, Any]:
    """Rasa's engine settings, with a pool of connections for a SQLite file.

    SQLAlchemy 1.4 opens a new connection per session for a SQLite file (NullPool):
    two sessions a turn, each opening the file, setting WAL and, on close,
    checkpointing the log (issue 17: about a tenth of the Rasa server's busy time under
    20 concurrent conversations). A file has no server to restart, so no pre-ping;
    the worker threads share the pool, and a writer waits up to 15 s for another.
    """
    if sqlite_path(url):
        return {
            "poolclass": QueuePool,
            "pool_size": 5,
            "max_overflow": 10,
            "connect_args": {"check_same_thread": False, "timeout": 15},
        }
    # after a database restart, pooled connections are dead
    return {"pool_pre_ping": True, **create_engine_kwargs(url)}


class UrlSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` from a URL, holding conversations in memory during an outage."""

    engine: Engine

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        url: str | None = None,
        health: ComponentHealth = TRACKER_STORE,
        **kwargs: Any,
    ) -> None:
        # endpoints.yml `url:` arrives as `host`; the environment wins over neither
        raw = url or host or tracker_db_url()
        target = engine_url(raw)
        plain = target.render_as_string(hide_password=False)
        # Rasa's constructor waits (retrying every 5 s) until the database answers
        super().__init__(domain=domain, host=plain, event_broker=event_broker, **kwargs)
        # again with this project's settings (engine_kwargs)
        self.engine.dispose()
        self.engine = create_engine(plain, **engine_kwargs(plain))
        if target.get_backend_name() == "sqlite":
            # WAL: the console's reads never block a turn's write, and the worker
            # threads' writes wait for each other instead of failing
            listen(self.engine, "connect", sqlite_wal)
        self.sessionmaker = sessionmaker(bind=self.engine)
        self.health = health
        self.health.backend = target.get_backend_name()
        self.health.extra["url"] = target.render_as_string(hide_password=True)
        self._decoded = DecodedEvents(MAX_DECODED_EVENTS)
        self._pending: OrderedDict[str, DialogueStateTracker] = OrderedDict()
        self._unsynced: Set[str] = set()  # read failed this turn: count-based save is wrong
        _INSTANCES.append(self)

    # -- reading ---------------------------------------------------------------

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        return await self._guarded_retrieve(sender_id, full=False)

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        return await self._guarded_retrieve(conversation_id, full=True)

    async def _guarded_retrieve(self, sender_id: str, full: bool) -> DialogueStateTracker | None:
        try:
            written = self.write_back()
            events, stored = await asyncio.to_thread(self._stored_events, sender_id, full)
        except SQLAlchemyError as error:
            self._unsynced.add(sender_id)
            self._failed("retrieve", error)
            held = self._pending.get(sender_id)
            return held.copy() if held is not None else None
        self._unsynced.discard(sender_id)
        self._succeeded(written)
        if not stored or self.domain is None:
            return None
        tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        if not full:
            setattr(tracker, _STORED_EVENTS, stored)
        return tracker

    def _stored_events(self, sender_id: str, full: bool) -> Tuple[List[Event], int]:
        """The conversation's stored events (latest session unless ``full``), in order,
        and how many rows they came from.

        Only rows this process has not read yet are decoded: JSON decoding of every
        stored event was most of a long conversation's turn (benchmarks/profile_long.py,
        issue 17). The query still returns every row's id, so the events kept from the
        last read are used only when the stored rows still begin with exactly those ids
        (rows written by another server are appended; a purge or a new session starts
        afresh). Events are never changed once stored, and Rasa's own tracker copies
        share event objects the same way.
        """
        kept = None if full else self._decoded.get(sender_id)
        after = kept.ids[-1] if kept is not None and kept.ids else -1
        with self.session_scope() as session:
            if full:
                query = cast(Any, self._event_query(session, sender_id, full))
                new_data = sa.case((self.SQLEvent.id > after, self.SQLEvent.data), else_=sa.null())
                rows = query.with_entities(self.SQLEvent.id, new_data).all()
            else:
                params = {"sender": sender_id, "after": after}
                rows = session.execute(self._latest_session_rows, params).all()
            ids = [row[0] for row in rows]
            if kept is not None and ids[: len(kept.ids)] == kept.ids:
                fresh = [row[1] for row in rows[len(kept.ids) :]]
                events = kept.events + deserialise_events([json.loads(d) for d in fresh])
            else:  # nothing kept, or the stored rows changed: read them all
                query = cast(Any, self._event_query(session, sender_id, full))
                data = query.with_entities(self.SQLEvent.data).all()
                events = deserialise_events([json.loads(row[0]) for row in data])
        if not full:
            self._decoded.keep(sender_id, ids, events)
        return events, len(ids)

    # -- writing ---------------------------------------------------------------

    async def save(self, tracker: DialogueStateTracker) -> None:
        sender_id = tracker.sender_id
        if sender_id in self._pending or sender_id in self._unsynced:
            # this tracker did not come from the database: append by timestamp
            self._hold(tracker)
            try:
                self._succeeded(self.write_back())
            except SQLAlchemyError as error:
                self._failed("save", error)
            return
        try:
            await self.stream_events(tracker)
            stored = await asyncio.to_thread(self._append_new_events, tracker)
        except SQLAlchemyError as error:
            self._hold(tracker)
            self._failed("save", error)
            return
        setattr(tracker, _STORED_EVENTS, stored)
        self._succeeded(0)

    def _append_new_events(self, tracker: DialogueStateTracker) -> int:
        """Rasa's save: append the events not stored yet; returns the new stored count.

        The count comes from the tracker when this store read it (the lock store
        keeps any other server off the conversation meanwhile), otherwise from
        Rasa's own ``COUNT`` of the latest session's stored events.
        """
        events = list(tracker.events)
        with self.session_scope() as session:
            stored = getattr(tracker, _STORED_EVENTS, None)
            if stored is None:
                query = self._event_query(
                    session, tracker.sender_id, fetch_events_from_all_sessions=False
                )
                stored = query.count()
            rows = [
                self._row(tracker.sender_id, event)
                for event in itertools.islice(events, stored, None)
            ]
            if rows:
                # one INSERT for all of them, without the ORM's unit of work (issue 17)
                session.execute(self._insert_event, rows)
            session.commit()
        return len(events)

    @functools.cached_property
    def _latest_session_rows(self) -> Any:
        """Rasa's ``_event_query`` for the latest session (rows from the newest
        ``session_started`` on, or all when there is none, by id), selecting each row's id
        and its data only when its id is above ``:after``. Built once with bound
        parameters: SQLAlchemy keeps a built statement's cache key, and computing it for a
        new query every turn was about a tenth of the Rasa server's busy time under 20
        concurrent conversations (issue 17, py-spy)."""
        event = cast(Any, self.SQLEvent)
        sender = sa.bindparam("sender")
        start = (
            sa.select(sa.func.max(event.timestamp).label("session_start"))
            .where(event.sender_id == sender, event.type_name == SessionStarted.type_name)
            .subquery()
        )
        new_data = sa.case((event.id > sa.bindparam("after"), event.data), else_=sa.null())
        statement = (
            sa.select(event.id, new_data)
            .select_from(event.__table__.join(start, sa.true()))
            .where(
                event.sender_id == sender,
                sa.or_(event.timestamp >= start.c.session_start, start.c.session_start.is_(None)),
            )
            .order_by(event.id)
        )
        return statement

    @functools.cached_property
    def _insert_event(self) -> Any:
        """``INSERT INTO events``, built once: the statement's cache key is not free."""
        return sa.insert(cast(Any, self.SQLEvent).__table__)

    @staticmethod
    def _row(sender_id: str, event: Any) -> dict[str, Any]:
        """One ``events`` row's columns, exactly as Rasa's ``SQLTrackerStore.save``
        writes them."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _hold(self, tracker: DialogueStateTracker) -> None:
        self._pending[tracker.sender_id] = tracker.copy()
        self._pending.move_to_end(tracker.sender_id)
        while len(self._pending) > MAX_PENDING:
            dropped, _ = self._pending.popitem(last=False)
            logger.error("tracker store outage: memory full, conversation %s dropped", dropped)

    def write_back(self) -> int:
        """Write held conversations to the database; raises while it is still down."""
        written = 0
        while self._pending:
            sender_id, tracker = next(iter(self._pending.items()))
            self._append_newer_events(tracker)
            del self._pending[sender_id]
            self._unsynced.discard(sender_id)
            written += 1
        return written

    def _append_newer_events(self, tracker: DialogueStateTracker) -> None:
        """Append the events newer than the newest stored one for this sender.

        Rasa's own save counts the stored events of the latest session, which is
        wrong for a conversation that restarted in memory during an outage.
        """
        with self.session_scope() as session:
            newest = session.execute(
                sa.select(sa.func.max(self.SQLEvent.timestamp)).where(
                    self.SQLEvent.sender_id == tracker.sender_id
                )
            ).scalar()
            rows = [
                self._row(tracker.sender_id, event)
                for event in tracker.events
                if newest is None or (event.timestamp or 0) > newest
            ]
            if rows:
                session.execute(self._insert_event, rows)
            session.commit()

    async def keys(self) -> Iterable[str]:
        try:
            return await super().keys()
        except SQLAlchemyError as error:
            self._failed("keys", error)
            return list(self._pending)

    # -- health ----------------------------------------------------------------

    def _failed(self, operation: str, error: BaseException) -> None:
        self.health.failed(operation, error, pending=len(self._pending))

    def _succeeded(self, written_back: int) -> None:
        if written_back or not self.health.reachable or self.health.fallback_active:
            self.health.recovered(written_back=written_back)

    def ping(self) -> None:
        """One round trip to the database; raises when it does not answer."""
        with self.engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))

    def probe(self) -> bool:
        """Ping and, when the database is back, write held conversations back."""
        try:
            self.ping()
            self._succeeded(self.write_back())
        except SQLAlchemyError as error:
            self._failed("health probe", error)
            return False
        return True

    @property
    def pending_conversations(self) -> int:
        return len(self._pending)
