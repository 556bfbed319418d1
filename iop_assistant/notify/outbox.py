"""Outbox rows: claiming, recovering and finishing them (blocking SQL, any database).

States (``OutboxMessage.status``)::

    pending ──claim──► sending ──► sent | dry_run | suppressed | dead
       ▲                  │
       └── retry / stale ─┘

A claim is a conditional UPDATE (``WHERE status='pending' AND attempts=<read>``)
whose rowcount says whether this worker won, so concurrent workers never send
the same row. While ``sending``, ``next_attempt_at`` is the claim's lease
deadline and ``claim_token`` identifies the claimant: a worker that died
mid-send leaves a stale row that :func:`recover_stale` puts back to pending
with ``outcome_unknown`` still set, so the next attempt looks at Twilio first.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from iop_assistant.store.db import session_scope
from iop_assistant.store.models import OutboxMessage, utcnow

PENDING, SENDING, SENT = "pending", "sending", "sent"
DRY_RUN, SUPPRESSED, DEAD = "dry_run", "suppressed", "dead"
FINAL_STATES = frozenset({SENT, DRY_RUN, SUPPRESSED, DEAD})
MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class Claim:
    """A row this worker holds: a snapshot plus the token that proves the claim."""

    id: int
    kind: str
    to_number: str | None
    body: str
    attempts: int  # including this attempt
    created_at: datetime
    needs_lookup: bool  # an earlier attempt may have reached Twilio
    token: str


def claim_due(
    engine: Engine | None, *, limit: int, lease: timedelta, now: datetime | None = None
) -> List[Claim]:
    """Claim up to ``limit`` due pending rows for this worker (oldest first)."""
    now = now or utcnow()
    claims: List[Claim] = []
    with session_scope(engine) as session:
        rows = session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        ).scalars()
        candidates = list(rows)
        for row in candidates:
            token = secrets.token_hex(16)
            result = session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == row.id,
                    OutboxMessage.status == PENDING,
                    OutboxMessage.attempts == row.attempts,
                )
                .values(
                    status=SENDING,
                    claim_token=token,
                    attempts=row.attempts + 1,
                    next_attempt_at=now + lease,
                    outcome_unknown=True,
                )
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:
                claims.append(
                    Claim(
                        id=row.id,
                        kind=row.kind,
                        to_number=row.to_number,
                        body=row.body,
                        attempts=row.attempts + 1,
                        created_at=row.created_at,
                        needs_lookup=bool(row.outcome_unknown),
                        token=token,
                    )
                )
    return claims


def recover_stale(engine: Engine | None, now: datetime | None = None) -> int:
    """Put rows whose claim outlived its lease back to pending; how many.

    ``outcome_unknown`` stays set: the worker may have died after Twilio
    accepted the message, so the next attempt asks Twilio before sending.
    """
    now = now or utcnow()
    with session_scope(engine) as session:
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == SENDING, OutboxMessage.next_attempt_at < now)
            .values(
                status=PENDING,
                claim_token=None,
                next_attempt_at=now,
                last_error="worker stopped while sending; Twilio is checked before resending",
            )
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)


def finish(
    engine: Engine | None,
    claim: Claim,
    status: str,
    *,
    error: str | None = None,
    twilio_sid: str | None = None,
    next_attempt_at: datetime | None = None,
    outcome_unknown: bool = False,
    now: datetime | None = None,
) -> bool:
    """Record the outcome of ``claim``; False when the claim was lost (lease expired)."""
    now = now or utcnow()
    values: dict = {
        "status": status,
        "claim_token": None,
        "outcome_unknown": outcome_unknown,
        "last_error": error[:MAX_ERROR_CHARS] if error else None,
    }
    if status == SENT:
        values.update(twilio_sid=twilio_sid, sent_at=now)
    if status == PENDING:
        values["next_attempt_at"] = next_attempt_at or now
    with session_scope(engine) as session:
        result = session.execute(
            update(OutboxMessage)
            .where(
                and_(
                    OutboxMessage.id == claim.id,
                    OutboxMessage.status == SENDING,
                    OutboxMessage.claim_token == claim.token,
                )
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1


def counts(engine: Engine | None) -> dict:
    """Rows per status (for logs, the benchmark and the console)."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
    return {status: int(n) for status, n in rows}


def next_due(engine: Engine | None) -> datetime | None:
    """When the earliest pending or sending row needs attention (None: nothing left)."""
    with session_scope(engine) as session:
        return session.execute(
            select(func.min(OutboxMessage.next_attempt_at)).where(
                OutboxMessage.status.in_((PENDING, SENDING))
            )
        ).scalar_one_or_none()


def requeue_dead(
    session: Session,
    message_id: int,
    now: datetime | None = None,
    to_number: str | None = None,
) -> bool:
    """Staff's "send again" for a dead-lettered row: pending, with a fresh retry budget.

    Runs in the caller's session, so the change and its audit row commit
    together. ``outcome_unknown`` is kept: a row that may already have reached
    Twilio is looked up there before any resend (never twice). ``to_number``
    fills in a missing recipient (a staff alert queued while
    STAFF_ALERT_NUMBER was unset). False when the row is not dead (any more).
    """
    values = {"status": PENDING, "attempts": 0, "next_attempt_at": now or utcnow()}
    values["claim_token"] = None
    if to_number:
        values["to_number"] = to_number
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == DEAD)
        .values(**values)
    )
    return bool(result.rowcount)
