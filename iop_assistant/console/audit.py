"""The audit log: one insert per audited action, nothing else.

There is deliberately no update or delete here (a test checks the console
code for none); on SQLite, triggers make the database refuse them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import List

from sqlalchemy import select
from sqlalchemy.orm import Session

from iop_assistant.console.models import AuditEvent

ACTIONS = (
    "login",
    "login_failed",
    "login_throttled",
    "logout",
    "session_expired",
    "transcript_view",
    "search",
    "callback_queue_view",
    "reveal",
    "export_csv",
    "export_nlu",
    "callback_status",
    "callback_assign",
    "outbox_retry",
    "review",
    "tag",
    "note",
    "intent_correction",
    "user_create",
    "user_update",
    "purge",
    # live handoff (issue 19): the queue, duty and hours, claims, replies, endings
    "handoff_queue_view",
    "handoff_duty",
    "handoff_hours",
    "handoff_claim",
    "handoff_claim_refused",
    "handoff_reply",
    "handoff_handback",
    "handoff_close",
)


def record(
    session: Session,
    at: datetime,
    action: str,
    username: str | None,
    ip: str | None,
    target_type: str | None = None,
    target_id: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one audit row (in the caller's transaction, so it commits with the change)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(
        AuditEvent(
            at=at,
            action=action,
            username=(username or None) and username[:80],
            ip=(ip or None) and ip[:64],
            target_type=target_type,
            target_id=(target_id or None) and str(target_id)[:160],
            detail=(detail or None) and detail[:200],
        )
    )


@dataclass(frozen=True)
class AuditFilter:
    """What an admin filters the log by."""

    username: str = ""
    action: str = ""
    target_id: str = ""
    since: datetime | None = None
    until: datetime | None = None


def search(session: Session, flt: AuditFilter, limit: int, offset: int) -> List[AuditEvent]:
    """Audit rows, newest first."""
    query = select(AuditEvent)
    if flt.username:
        query = query.where(AuditEvent.username == flt.username)
    if flt.action:
        query = query.where(AuditEvent.action == flt.action)
    if flt.target_id:
        query = query.where(AuditEvent.target_id == flt.target_id)
    if flt.since:
        query = query.where(AuditEvent.at >= flt.since)
    if flt.until:
        query = query.where(AuditEvent.at < flt.until)
    query = query.order_by(AuditEvent.id.desc()).limit(limit).offset(offset)
    return list(session.execute(query).scalars())
