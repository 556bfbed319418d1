"""Handoff rows: request, claim, reply, end, timeouts, delivery (blocking SQL, no Rasa).

States (``Handoff.status``)::

    waiting ──claim──► claimed ──hand back / close / quiet──► closing ──relay──► closed
       │                                                        ▲
       └──────────── unclaimed (timeout) / STOP ───────────────┘

Every change of state is one conditional UPDATE whose rowcount says who won:
two staff claiming at once, two relays finishing the same handoff, a claim
racing the timeout — exactly one succeeds, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, List, Sequence

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.engine import Engine

from iop_assistant.handoff.settings import HandoffSettings
from iop_assistant.sqltyping import get_row
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import Handoff, HandoffMessage, OutboxMessage, utcnow

# channels a person can be reached on later: the widget's socket, SMS (REST has no push)
LIVE_CHANNELS = ("socketio", "sms")
WEB_CHANNELS = ("socketio",)
WAITING, CLAIMED, CLOSING, CLOSED = "waiting", "claimed", "closing", "closed"
OPEN = (WAITING, CLAIMED)
# why a handoff ended
HANDED_BACK, STAFF_CLOSED, UNCLAIMED, QUIET, OPTED_OUT = (
    "handed_back",
    "closed",
    "unclaimed",
    "quiet",
    "opted_out",
)
END_REASONS = (HANDED_BACK, STAFF_CLOSED, UNCLAIMED, QUIET, OPTED_OUT)
HANDOFF_REPLY = "handoff_reply"  # outbox kind


@dataclass(frozen=True)
class HandoffRow:
    """A snapshot of one handoff for the console and the relay."""

    id: int
    conversation_id: str
    channel: str
    status: str
    crisis: bool
    crisis_category: str | None
    crisis_during: bool
    screening_outcome: str | None
    requested_at: datetime
    claimed_by: int | None
    claimed_name: str | None
    claimed_at: datetime | None
    last_person_at: datetime | None
    end_reason: str | None

    @property
    def urgent(self) -> bool:
        """Crisis before or during the handoff: first in the queue, flagged for staff."""
        return self.crisis or self.crisis_during


def _row(h: Handoff) -> HandoffRow:
    return HandoffRow(
        id=h.id,
        conversation_id=h.conversation_id,
        channel=h.channel,
        status=h.status,
        crisis=bool(h.crisis),
        crisis_category=h.crisis_category,
        crisis_during=bool(h.crisis_during),
        screening_outcome=h.screening_outcome,
        requested_at=h.requested_at,
        claimed_by=h.claimed_by,
        claimed_name=h.claimed_name,
        claimed_at=h.claimed_at,
        last_person_at=h.last_person_at,
        end_reason=h.end_reason,
    )


def _position(session: Any, requested_at: datetime, handoff_id: int) -> int:
    ahead = session.execute(
        select(func.count())
        .select_from(Handoff)
        .where(
            Handoff.status == WAITING,
            or_(
                Handoff.requested_at < requested_at,
                and_(Handoff.requested_at == requested_at, Handoff.id < handoff_id),
            ),
        )
    ).scalar_one()
    return int(ahead) + 1


def request(
    conversation_id: str,
    channel: str,
    *,
    crisis: bool = False,
    crisis_category: str | None = None,
    screening_outcome: str | None = None,
    engine: Engine | None = None,
) -> int:
    """Queue a conversation for staff (once: an open handoff is reused); its place in line."""
    if channel not in LIVE_CHANNELS:
        raise ValueError(f"no live handoff on channel {channel!r}")
    with session_scope(engine) as session:
        existing = session.execute(
            select(Handoff)
            .where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN))
            .order_by(Handoff.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if existing is None:
            existing = Handoff(
                conversation_id=conversation_id,
                channel=channel,
                status=WAITING,
                crisis=crisis,
                crisis_category=crisis_category if crisis else None,
                crisis_during=False,
                screening_outcome=screening_outcome,
                requested_at=utcnow(),
            )
            session.add(existing)
            session.flush()
        if existing.status != WAITING:
            return 1
        return _position(session, existing.requested_at, existing.id)


def get(handoff_id: int, engine: Engine | None = None) -> HandoffRow | None:
    """One handoff, or None."""
    with session_scope(engine) as session:
        row = get_row(session, Handoff, handoff_id)
        return _row(row) if row else None


def open_for(conversation_id: str, engine: Engine | None = None) -> HandoffRow | None:
    """The conversation's open (waiting or claimed) handoff, or None."""
    with session_scope(engine) as session:
        row = session.execute(
            select(Handoff)
            .where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN))
            .order_by(Handoff.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        return _row(row) if row else None


def is_open(conversation_id: str, engine: Engine | None = None) -> bool:
    """True while staff have (or are about to have) the conversation."""
    return open_for(conversation_id, engine) is not None


def live_queue(engine: Engine | None = None) -> List[HandoffRow]:
    """Open handoffs: crisis first, then waiting before claimed, then oldest first."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(Handoff).where(Handoff.status.in_(OPEN)).order_by(Handoff.requested_at)
        ).scalars()
        found = [_row(r) for r in rows]
    return sorted(found, key=lambda h: (not h.urgent, h.status != WAITING, h.requested_at))


def claim(handoff_id: int, user_id: int, name: str, engine: Engine | None = None) -> bool:
    """Claim a waiting handoff; False when someone else (or the timeout) got it first."""
    with session_scope(engine) as session:
        result = session.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id, Handoff.status == WAITING)
            .values(status=CLAIMED, claimed_by=user_id, claimed_name=name, claimed_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1


def person_spoke(
    conversation_id: str,
    *,
    crisis: bool = False,
    engine: Engine | None = None,
) -> HandoffRow | None:
    """A message arrived in a paused conversation: activity, and a crisis flag for staff."""
    # the message has arrived: the person is no longer typing it
    values: Dict[str, Any] = {"last_person_at": utcnow(), "visitor_typing_until": None}
    if crisis:
        values["crisis_during"] = True
    with session_scope(engine) as session:
        session.execute(
            update(Handoff)
            .where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
    return open_for(conversation_id, engine)


def add_staff_message(
    handoff_id: int,
    user_id: int,
    staff_name: str,
    text: str,
    *,
    phone_number: str | None = None,
    engine: Engine | None = None,
) -> int | None:
    """A staff reply, queued for the tracker and the person; None unless this staff holds it.

    SMS: the text goes into the outbox in the same transaction (the worker
    honours opt-outs and retries); web: a Rasa server's relay emits it.
    """
    now = utcnow()
    with session_scope(engine) as session:
        result = session.execute(
            update(Handoff)
            .where(
                Handoff.id == handoff_id, Handoff.status == CLAIMED, Handoff.claimed_by == user_id
            )
            .values(last_staff_at=now, staff_typing_until=None)  # sent: no longer typing
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return None
        handoff = get_row(session, Handoff, handoff_id)
        assert handoff is not None
        message = HandoffMessage(
            handoff_id=handoff_id,
            conversation_id=handoff.conversation_id,
            channel=handoff.channel,
            author="staff",
            staff_name=staff_name,
            text=text,
            created_at=now,
        )
        session.add(message)
        session.flush()
        if handoff.channel == "sms":
            message.outbox_id = _queue_text(session, message.id, phone_number, text)
        return int(message.id)


def _queue_text(session: Any, message_id: int, phone_number: str | None, body: str) -> int:
    outbox = OutboxMessage(
        dedupe_key=f"handoff:{message_id}",
        kind=HANDOFF_REPLY,
        to_number=phone_number,
        body=body,
    )
    session.add(outbox)
    session.flush()
    return int(outbox.id)


def add_assistant_messages(
    handoff: HandoffRow,
    texts: Sequence[str],
    buttons: Sequence[Sequence[Dict[str, Any]]] = (),
    *,
    sms_bodies: Sequence[str] = (),
    phone_number: str | None = None,
    engine: Engine | None = None,
) -> List[int]:
    """The assistant's words when a handoff ends (already in the tracker), for delivery."""
    ids = []
    now = utcnow()
    with session_scope(engine) as session:
        for index, text in enumerate(texts):
            message = HandoffMessage(
                handoff_id=handoff.id,
                conversation_id=handoff.conversation_id,
                channel=handoff.channel,
                author="assistant",
                text=text,
                buttons_json=json.dumps(list(buttons[index])) if index < len(buttons) else None,
                created_at=now,
                tracked_at=now,
            )
            session.add(message)
            session.flush()
            ids.append(int(message.id))
        if handoff.channel == "sms" and ids:
            for index, body in enumerate(sms_bodies):
                _queue_text_keyed(session, f"handoff:{ids[0]}:{index}", phone_number, body)
    return ids


def _queue_text_keyed(session: Any, key: str, phone_number: str | None, body: str) -> None:
    session.add(
        OutboxMessage(dedupe_key=key, kind=HANDOFF_REPLY, to_number=phone_number, body=body)
    )


def end(
    handoff_id: int,
    reason: str,
    *,
    user_id: int | None = None,
    engine: Engine | None = None,
) -> bool:
    """Ask the relay to give the conversation back; with ``user_id`` only the claimant may."""
    if reason not in END_REASONS:
        raise ValueError(reason)
    conditions = [Handoff.id == handoff_id, Handoff.status.in_(OPEN)]
    if user_id is not None:
        conditions += [Handoff.status == CLAIMED, Handoff.claimed_by == user_id]
    with session_scope(engine) as session:
        result = session.execute(
            update(Handoff)
            .where(*conditions)
            .values(status=CLOSING, end_reason=reason)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1


def end_conversation(conversation_id: str, reason: str, engine: Engine | None = None) -> bool:
    """End the conversation's open handoff (STOP on SMS); False when there was none."""
    with session_scope(engine) as session:
        result = session.execute(
            update(Handoff)
            .where(Handoff.conversation_id == conversation_id, Handoff.status.in_(OPEN))
            .values(status=CLOSING, end_reason=reason)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)


def sweep(
    config: HandoffSettings, engine: Engine | None = None, now: datetime | None = None
) -> int:
    """Timeouts: unclaimed after the claim timeout, quiet after the quiet timeout; how many."""
    now = now or utcnow()
    claim_cutoff = now - timedelta(seconds=config.claim_timeout)
    quiet_cutoff = now - timedelta(seconds=config.quiet_timeout)
    with session_scope(engine) as session:
        unclaimed = session.execute(
            update(Handoff)
            .where(Handoff.status == WAITING, Handoff.requested_at < claim_cutoff)
            .values(status=CLOSING, end_reason=UNCLAIMED)
            .execution_options(synchronize_session=False)
        )
        quiet = session.execute(
            update(Handoff)
            .where(
                Handoff.status == CLAIMED,
                Handoff.claimed_at < quiet_cutoff,
                or_(Handoff.last_person_at.is_(None), Handoff.last_person_at < quiet_cutoff),
                or_(Handoff.last_staff_at.is_(None), Handoff.last_staff_at < quiet_cutoff),
            )
            .values(status=CLOSING, end_reason=QUIET)
            .execution_options(synchronize_session=False)
        )
        return int(unclaimed.rowcount or 0) + int(quiet.rowcount or 0)


def take_closing(limit: int = 20, engine: Engine | None = None) -> List[HandoffRow]:
    """Closing handoffs this relay finishes (conditional UPDATE: one relay each)."""
    taken = []
    with session_scope(engine) as session:
        rows = list(
            session.execute(
                select(Handoff).where(Handoff.status == CLOSING).order_by(Handoff.id).limit(limit)
            ).scalars()
        )
        for row in rows:
            result = session.execute(
                update(Handoff)
                .where(Handoff.id == row.id, Handoff.status == CLOSING)
                .values(status=CLOSED, ended_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:
                taken.append(_row(row))
    return taken


def reopen_closing(handoff_id: int, engine: Engine | None = None) -> None:
    """A relay could not finish: back to closing, for the next try."""
    with session_scope(engine) as session:
        session.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id, Handoff.status == CLOSED)
            .values(status=CLOSING, ended_at=None)
            .execution_options(synchronize_session=False)
        )


@dataclass(frozen=True)
class Outgoing:
    """A message to write into the tracker or deliver to the widget."""

    id: int
    handoff_id: int
    conversation_id: str
    channel: str
    author: str
    staff_name: str | None
    text: str
    buttons: List[Dict[str, Any]]


def _outgoing(m: HandoffMessage) -> Outgoing:
    return Outgoing(
        id=m.id,
        handoff_id=m.handoff_id,
        conversation_id=m.conversation_id,
        channel=m.channel,
        author=m.author,
        staff_name=m.staff_name,
        text=m.text,
        buttons=json.loads(m.buttons_json) if m.buttons_json else [],
    )


def take_untracked(limit: int = 50, engine: Engine | None = None) -> List[Outgoing]:
    """Staff messages not yet in the tracker, claimed for this relay."""
    taken = []
    with session_scope(engine) as session:
        rows = list(
            session.execute(
                select(HandoffMessage)
                .where(HandoffMessage.tracked_at.is_(None))
                .order_by(HandoffMessage.id)
                .limit(limit)
            ).scalars()
        )
        for row in rows:
            result = session.execute(
                update(HandoffMessage)
                .where(HandoffMessage.id == row.id, HandoffMessage.tracked_at.is_(None))
                .values(tracked_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:
                taken.append(_outgoing(row))
    return taken


def untrack(message_id: int, engine: Engine | None = None) -> None:
    """The tracker write failed: try again on the next tick."""
    with session_scope(engine) as session:
        session.execute(
            update(HandoffMessage)
            .where(HandoffMessage.id == message_id)
            .values(tracked_at=None)
            .execution_options(synchronize_session=False)
        )


def undelivered_web(conversations: Sequence[str], engine: Engine | None = None) -> List[Outgoing]:
    """Web messages in the tracker, not yet emitted, for conversations with a socket here."""
    if not conversations:
        return []
    with session_scope(engine) as session:
        rows = session.execute(
            select(HandoffMessage)
            .where(
                HandoffMessage.channel.in_(WEB_CHANNELS),
                HandoffMessage.tracked_at.is_not(None),
                HandoffMessage.delivered_at.is_(None),
                HandoffMessage.conversation_id.in_(list(conversations)),
            )
            .order_by(HandoffMessage.id)
        ).scalars()
        return [_outgoing(r) for r in rows]


def undelivered_web_conversations(engine: Engine | None = None) -> List[str]:
    """Conversations with web messages waiting for their socket."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(HandoffMessage.conversation_id)
            .where(
                HandoffMessage.channel.in_(WEB_CHANNELS),
                HandoffMessage.tracked_at.is_not(None),
                HandoffMessage.delivered_at.is_(None),
            )
            .distinct()
        ).scalars()
        return list(rows)


def mark_delivered(message_id: int, server: str, engine: Engine | None = None) -> bool:
    """This server emits the message; False when another already did."""
    with session_scope(engine) as session:
        result = session.execute(
            update(HandoffMessage)
            .where(HandoffMessage.id == message_id, HandoffMessage.delivered_at.is_(None))
            .values(delivered_at=utcnow(), delivered_by=server[:64])
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1


@dataclass(frozen=True)
class MessageState:
    """A handoff message as the console shows it, with its delivery state."""

    id: int
    author: str
    staff_name: str | None
    text: str
    created_at: datetime
    state: str  # queued, in conversation, delivered, sent, dry run, suppressed, failed…


def message_states(handoff_id: int, engine: Engine | None = None) -> List[MessageState]:
    """Every message of a handoff, oldest first, with where it got to."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(HandoffMessage, OutboxMessage.status)
            .outerjoin(OutboxMessage, OutboxMessage.id == HandoffMessage.outbox_id)
            .where(HandoffMessage.handoff_id == handoff_id)
            .order_by(HandoffMessage.id)
        ).all()
        found = []
        for message, outbox_status in rows:
            if outbox_status:
                state = outbox_status.replace("_", " ")
            elif message.delivered_at:
                state = "delivered"
            elif message.tracked_at:
                state = "waiting for the person's chat window"
            else:
                state = "queued"
            found.append(
                MessageState(
                    id=message.id,
                    author=message.author,
                    staff_name=message.staff_name,
                    text=message.text,
                    created_at=message.created_at,
                    state=state,
                )
            )
        return found


def purge_before(cutoff: datetime, engine: Engine | None = None) -> int:
    """Retention: delete handoffs (and their messages) that ended before ``cutoff``."""
    with session_scope(engine) as session:
        ids = list(
            session.execute(
                select(Handoff.id).where(Handoff.status == CLOSED, Handoff.ended_at < cutoff)
            ).scalars()
        )
        if not ids:
            return 0
        session.execute(delete(HandoffMessage).where(HandoffMessage.handoff_id.in_(ids)))
        session.execute(delete(Handoff).where(Handoff.id.in_(ids)))
        return len(ids)
