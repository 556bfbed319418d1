"""Retention: what is older than the retention period, and deleting it.

A conversation is purged when its last activity is older than the period:
its events in the tracker store, and in the app database its summary,
search words, unclear messages, tags, notes, review, corrections, contact
(phone number), SMS menu and processed-message ids, and its closed callback
requests with their outbox texts; live handoffs that ended before the
cutoff go with their messages and texts. A conversation with a callback that is
still open is kept until the callback is closed. The audit log is never
purged here (it is kept for the compliance period, see docs/privacy.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Dict, List, Sequence

from sqlalchemy import bindparam, delete, func, select, text

from iop_assistant.console import models as m
from iop_assistant.sqltyping import Connection, Engine
from iop_assistant.store.models import (
    CallbackRequest,
    ConversationContact,
    Handoff,
    HandoffMessage,
    OutboxMessage,
    ProcessedMessage,
    SmsButtonMenu,
)

CHUNK = 500
S = m.ConversationSummary


@dataclass
class PurgePlan:
    """What a purge deletes (the dry run prints it)."""

    cutoff: datetime
    conversations: List[str] = field(default_factory=list)
    kept_open_callback: List[str] = field(default_factory=list)
    counts: Dict[str, int] = field(default_factory=dict)


def _chunks(items: Sequence[str]) -> List[Sequence[str]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def _per_conversation_tables() -> Dict[str, object]:
    return {
        "console summaries": S,
        "search words": m.SearchTerm,
        "unclear messages": m.UnclearMessage,
        "tags": m.ConversationTag,
        "notes": m.ConversationNote,
        "reviews": m.ConversationReview,
        "intent corrections": m.IntentCorrection,
        "contacts (phone numbers)": ConversationContact,
        "sms menus": SmsButtonMenu,
        "processed message ids": ProcessedMessage,
    }


def plan(app: Engine, tracker: Engine, cutoff: datetime) -> PurgePlan:
    """What is older than ``cutoff`` (counts per table; nothing is changed)."""
    result = PurgePlan(cutoff=cutoff)
    with app.connect() as conn:
        old = list(conn.execute(select(S.conversation_id).where(S.last_at < cutoff)).scalars())
        open_cb = set()
        for chunk in _chunks(old):
            open_cb.update(
                conn.execute(
                    select(CallbackRequest.conversation_id).where(
                        CallbackRequest.conversation_id.in_(chunk),
                        CallbackRequest.status != "closed",
                    )
                ).scalars()
            )
        result.conversations = [c for c in old if c not in open_cb]
        result.kept_open_callback = sorted(open_cb)
        ids = result.conversations
        for label, model in _per_conversation_tables().items():
            result.counts[label] = _count(conn, model, ids)
        result.counts["closed callback requests"] = _count_closed_callbacks(conn, ids, cutoff)
    with tracker.connect() as tconn:
        result.counts["tracker events"] = sum(
            tconn.execute(
                text(
                    "SELECT count(*) FROM events WHERE sender_id IN :ids AND timestamp < :ts"
                ).bindparams(bindparam("ids", expanding=True)),
                {"ids": list(chunk), "ts": cutoff_ts(cutoff)},
            ).scalar_one()
            for chunk in _chunks(ids)
        )
    return result


def cutoff_ts(cutoff: datetime) -> float:
    return (cutoff - datetime(1970, 1, 1)).total_seconds()


def _count(conn: Connection, model: object, ids: Sequence[str]) -> int:
    column = model.conversation_id  # type: ignore[attr-defined]
    return sum(
        conn.execute(select(func.count()).where(column.in_(chunk))).scalar_one()
        for chunk in _chunks(ids)
    )


def _closed_callbacks(conn: Connection, ids: Sequence[str], cutoff: datetime) -> List[int]:
    found: List[int] = []
    for chunk in _chunks(ids):
        found += conn.execute(
            select(CallbackRequest.id).where(
                CallbackRequest.conversation_id.in_(chunk), CallbackRequest.status == "closed"
            )
        ).scalars()
    return found


def _count_closed_callbacks(conn: Connection, ids: Sequence[str], cutoff: datetime) -> int:
    return len(_closed_callbacks(conn, ids, cutoff))


def execute(app: Engine, tracker: Engine, purge: PurgePlan) -> Dict[str, int]:
    """Delete what ``purge`` lists; returns rows deleted per table."""
    deleted: Dict[str, int] = {}
    ids = purge.conversations
    with tracker.begin() as tconn:
        deleted["tracker events"] = 0
        for chunk in _chunks(ids):
            deleted["tracker events"] += tconn.execute(
                text("DELETE FROM events WHERE sender_id IN :ids AND timestamp < :ts").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"ids": list(chunk), "ts": cutoff_ts(purge.cutoff)},
            ).rowcount
    with app.begin() as conn:
        callback_ids = _closed_callbacks(conn, ids, purge.cutoff)
        for start in range(0, len(callback_ids), CHUNK):
            chunk_ids = callback_ids[start : start + CHUNK]
            conn.execute(
                delete(OutboxMessage).where(OutboxMessage.callback_request_id.in_(chunk_ids))
            )
            conn.execute(delete(CallbackRequest).where(CallbackRequest.id.in_(chunk_ids)))
        deleted["closed callback requests"] = len(callback_ids)
        for label, model in _per_conversation_tables().items():
            column = model.conversation_id  # type: ignore[attr-defined]
            deleted[label] = sum(
                conn.execute(delete(model).where(column.in_(chunk))).rowcount
                for chunk in _chunks(ids)
            )
        # processed ids of conversations never indexed (a STOP, a picture): by age
        deleted["processed message ids"] += conn.execute(
            delete(ProcessedMessage).where(ProcessedMessage.received_at < purge.cutoff)
        ).rowcount
        deleted["sms menus"] += conn.execute(
            delete(SmsButtonMenu).where(SmsButtonMenu.offered_at < purge.cutoff)
        ).rowcount
        deleted.update(_purge_handoffs(conn, purge.cutoff))
        day_cut = purge.cutoff.date().isoformat()
        deleted["daily intent counts"] = conn.execute(
            delete(m.IntentDaily).where(m.IntentDaily.day < day_cut)
        ).rowcount
    return deleted


def _purge_handoffs(conn: Connection, cutoff: datetime) -> Dict[str, int]:
    """Live handoffs that ended before ``cutoff``, their messages and their sent texts.

    The words themselves are tracker events (purged above with the conversation);
    these rows hold the staff replies for delivery and their delivery state.
    """
    ended = list(
        conn.execute(
            select(Handoff.id).where(Handoff.status == "closed", Handoff.ended_at < cutoff)
        ).scalars()
    )
    messages = 0
    for start in range(0, len(ended), CHUNK):
        chunk_ids = ended[start : start + CHUNK]
        messages += conn.execute(
            delete(HandoffMessage).where(HandoffMessage.handoff_id.in_(chunk_ids))
        ).rowcount
        conn.execute(delete(Handoff).where(Handoff.id.in_(chunk_ids)))
    texts = conn.execute(
        delete(OutboxMessage).where(
            OutboxMessage.kind == "handoff_reply",
            OutboxMessage.created_at < cutoff,
            OutboxMessage.status.in_(("sent", "dry_run", "suppressed", "dead")),
            ~OutboxMessage.id.in_(
                select(HandoffMessage.outbox_id).where(HandoffMessage.outbox_id.is_not(None))
            ),
        )
    ).rowcount
    return {"live handoffs": len(ended), "handoff messages": messages, "handoff texts": texts}


def cutoff_for(now: datetime, retention_days: int) -> datetime:
    return now - timedelta(days=retention_days)
