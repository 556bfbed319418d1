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
import itertools
import json
import logging
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Set, cast

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.event import listen
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from iop_assistant.sqltyping import Engine, create_engine, make_url
from iop_assistant.store.db import sqlite_wal
from iop_assistant.tracking.health_state import TRACKER_STORE, ComponentHealth

logger = logging.getLogger(__name__)

DEFAULT_TRACKER_DB_URL = "sqlite:///var/tracker.db"
CONNECT_TIMEOUT_S = 3
MAX_PENDING = 10_000  # conversations held in memory during an outage, per process

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
        # again with pool_pre_ping: after a database restart, pooled connections are dead
        self.engine.dispose()
        self.engine = create_engine(plain, pool_pre_ping=True, **create_engine_kwargs(plain))
        if target.get_backend_name() == "sqlite":
            # WAL: the console's reads never block a turn's write, and the worker
            # threads' writes wait for each other instead of failing
            listen(self.engine, "connect", sqlite_wal)
        self.sessionmaker = sessionmaker(bind=self.engine)
        self.health = health
        self.health.backend = target.get_backend_name()
        self.health.extra["url"] = target.render_as_string(hide_password=True)
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
            rows = await asyncio.to_thread(self._stored_events, sender_id, full)
        except SQLAlchemyError as error:
            self._unsynced.add(sender_id)
            self._failed("retrieve", error)
            held = self._pending.get(sender_id)
            return held.copy() if held is not None else None
        self._unsynced.discard(sender_id)
        self._succeeded(written)
        if not rows or self.domain is None:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, rows, self.domain.slots)
        if not full:
            setattr(tracker, _STORED_EVENTS, len(rows))
        return tracker

    def _stored_events(self, sender_id: str, full: bool) -> List[Dict[str, Any]]:
        """The conversation's stored events (latest session unless ``full``), in order."""
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=full)
            # the data column only: building an ORM object per row was a fifth of a long
            # conversation's turn (benchmarks/profile_long.py, issue 17)
            rows = cast(Any, query).with_entities(self.SQLEvent.data).all()
            return [json.loads(row[0]) for row in rows]

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
            session.add_all(
                self._row(tracker.sender_id, event)
                for event in itertools.islice(events, stored, None)
            )
            session.commit()
        return len(events)

    def _row(self, sender_id: str, event: Any) -> Any:
        """One ``events`` row, exactly as Rasa's ``SQLTrackerStore.save`` writes it."""
        data = event.as_dict()
        # Rasa's declarative model takes its columns as keywords (pyright cannot see that)
        make_row = cast(Callable[..., Any], self.SQLEvent)
        return make_row(
            sender_id=sender_id,
            type_name=event.type_name,
            timestamp=data.get("timestamp"),
            intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

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
            session.add_all(
                self._row(tracker.sender_id, event)
                for event in tracker.events
                if newest is None or (event.timestamp or 0) > newest
            )
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
