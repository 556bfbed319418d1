"""Typing indicators in a live handoff, both ways (issue 19, docs/handoff.md).

A typing signal is short-lived state on the handoff row: "until" a moment a
few seconds ahead (:data:`~.settings.TYPING_SECONDS`). Each new signal moves
it on; a message from the same side clears it; once the moment passes the
indicator is gone by itself, so a closed tab or a staff member who stopped
mid-sentence never leaves "is typing…" on screen.

* **staff → visitor**: the console calls :func:`staff_typing` (only for the
  staff member holding the chat); every Rasa server's relay reads
  :func:`staff_typing_web` and emits to the widgets connected to it;
* **visitor → staff**: the socket.io channel calls :func:`visitor_typing` for
  the widget's session; the console's chat page asks :func:`person_typing`.

SMS has no typing signal, so only web (socket.io) handoffs have either. Rows
are shared in the app database: a signal stored by any console or Rasa server
is seen by all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from iop_assistant.handoff.queue import CLAIMED, OPEN, WEB_CHANNELS
from iop_assistant.handoff.settings import TYPING_SECONDS
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import Handoff, utcnow


def _until(now: datetime | None) -> datetime:
    return (now or utcnow()) + timedelta(seconds=TYPING_SECONDS)


def staff_typing(
    handoff_id: int,
    user_id: int,
    *,
    now: datetime | None = None,
    engine: Engine | None = None,
) -> bool:
    """The staff member holding this web chat is typing; False for anyone else or an ended chat."""
    with session_scope(engine) as session:
        result = session.execute(
            update(Handoff)
            .where(
                Handoff.id == handoff_id,
                Handoff.status == CLAIMED,
                Handoff.claimed_by == user_id,
                Handoff.channel.in_(WEB_CHANNELS),
            )
            .values(staff_typing_until=_until(now))
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1


def visitor_typing(
    conversation_id: str, *, now: datetime | None = None, engine: Engine | None = None
) -> bool:
    """The widget says its visitor is typing; False when the conversation has no open handoff."""
    with session_scope(engine) as session:
        result = session.execute(
            update(Handoff)
            .where(
                Handoff.conversation_id == conversation_id,
                Handoff.status.in_(OPEN),
                Handoff.channel.in_(WEB_CHANNELS),
            )
            .values(visitor_typing_until=_until(now))
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)


def person_typing(
    handoff_id: int, *, now: datetime | None = None, engine: Engine | None = None
) -> bool:
    """For the console's chat page: is the person typing now (web, open handoff)?"""
    now = now or utcnow()
    with session_scope(engine) as session:
        until = session.execute(
            select(Handoff.visitor_typing_until).where(
                Handoff.id == handoff_id,
                Handoff.status.in_(OPEN),
                Handoff.channel.in_(WEB_CHANNELS),
            )
        ).scalar_one_or_none()
        return until is not None and until > now


@dataclass(frozen=True)
class StaffTyping:
    """A web conversation whose staff member is typing, until when."""

    conversation_id: str
    staff_name: str
    until: datetime


def staff_typing_web(
    now: datetime | None = None, engine: Engine | None = None
) -> List[StaffTyping]:
    """Claimed web chats whose staff member is typing now (for the relays to emit)."""
    now = now or utcnow()
    with session_scope(engine) as session:
        rows = session.execute(
            select(Handoff.conversation_id, Handoff.claimed_name, Handoff.staff_typing_until)
            .where(
                Handoff.status == CLAIMED,
                Handoff.channel.in_(WEB_CHANNELS),
                Handoff.staff_typing_until > now,
            )
            .order_by(Handoff.id)
        ).all()
        return [StaffTyping(c, name or "", until) for c, name, until in rows]
