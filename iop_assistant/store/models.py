"""SQLAlchemy models of the app database (not the Rasa tracker store).

What the channels, callbacks and outbox keep: who opted out of texts, which Twilio
messages were already handled, the options last offered by SMS, callback
requests and the texts waiting to be sent. Conversations live in the Rasa
tracker store, not here.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)
from sqlalchemy.orm import registry
from sqlalchemy.orm.decl_api import DeclarativeMeta

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """The declarative base, spelled out so type checkers see the mapped classes' shape.

    Same as ``declarative_base()`` at run time (SQLAlchemy 1.4 documents this form).
    """

    __abstract__ = True
    registry = _registry
    metadata: ClassVar[MetaData] = _registry.metadata
    __table__: ClassVar[Table]

    if TYPE_CHECKING:

        def __init__(self, **columns: Any) -> None:
            """Set the given columns (SQLAlchemy's declarative constructor)."""

    else:
        __init__ = _registry.constructor


def utcnow() -> datetime:
    """Now, in UTC (naive, as SQLite stores it)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class OptOut(Base):
    """A phone number that texted STOP (the only place a phone number is kept)."""

    __tablename__ = "opt_outs"

    phone_number = Column(String(64), primary_key=True)
    keyword = Column(String(32), nullable=False)
    opted_out_at = Column(DateTime, nullable=False, default=utcnow)


class ProcessedMessage(Base):
    """A Twilio MessageSid already accepted: Twilio's retries are answered once."""

    __tablename__ = "processed_messages"

    id = Column(Integer, primary_key=True, autoincrement=True)
    message_sid = Column(String(64), nullable=False, unique=True)
    channel = Column(String(16), nullable=False, default="sms")
    conversation_id = Column(String(128), nullable=False)
    received_at = Column(DateTime, nullable=False, default=utcnow)


class SmsButtonMenu(Base):
    """The numbered options last offered to an SMS conversation (JSON list)."""

    __tablename__ = "sms_button_menus"

    conversation_id = Column(String(128), primary_key=True)
    options_json = Column(Text, nullable=False)
    offered_at = Column(DateTime, nullable=False, default=utcnow)


class ConversationContact(Base):
    """The phone number behind an SMS or voice conversation id.

    Conversation ids are keyed hashes, so the number lives only here: the
    callback form reads it to offer "call you at the number you're texting
    from", and the retention purge deletes it with the conversation.
    """

    __tablename__ = "conversation_contacts"

    conversation_id = Column(String(128), primary_key=True)
    channel = Column(String(16), nullable=False)
    phone_number = Column(String(64), nullable=False)
    last_seen_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class CallbackRequest(Base):
    """A person asked the help line to call them back (committed before confirming).

    ``status`` moves new → contacted → closed (with an ``outcome``); staff work
    the queue in the console.
    """

    __tablename__ = "callback_requests"
    __table_args__ = (Index("ix_callback_requests_status_created", "status", "created_at"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    channel = Column(String(16), nullable=False)
    phone_number = Column(String(32), nullable=False)  # E.164
    first_name = Column(String(80), nullable=True)
    best_time = Column(String(120), nullable=False)  # now/morning/afternoon/evening or free text
    consent_to_text = Column(Boolean, nullable=False, default=False)
    status = Column(String(16), nullable=False, default="new")  # new, contacted, closed
    outcome = Column(String(200), nullable=True)
    assigned_to = Column(String(80), nullable=True)  # console username
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    contacted_at = Column(DateTime, nullable=True)
    closed_at = Column(DateTime, nullable=True)
    # web requests: a keyed hash of the client's address, for the per-client limit
    client_key = Column(String(64), nullable=True, index=True)
    # the conversation's language ("en", "es"): the confirmation text is written in it
    language = Column(String(8), nullable=True, default="en", server_default="en")
    # "don't leave a voicemail, he checks my phone" (family role-play round 29): the help line
    # calls and, unanswered, leaves nothing
    no_voicemail = Column(Boolean, nullable=False, default=False, server_default=false())


class OutboxMessage(Base):
    """A text to send, written in the same transaction as what caused it.

    The outbox worker sends it through Twilio with retries; ``dedupe_key`` is
    unique and also sent to Twilio-side bookkeeping so a crash between sending
    and marking never texts anyone twice. ``status``: pending, sending, sent,
    dry_run (no Twilio credentials: recorded, not sent), suppressed (opted
    out), dead (gave up; shown to staff).
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_status_next", "status", "next_attempt_at"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    dedupe_key = Column(String(128), nullable=False, unique=True)
    kind = Column(String(32), nullable=False)  # staff_alert, callback_confirmation
    to_number = Column(String(32), nullable=True)  # E.164; None = not configured
    body = Column(Text, nullable=False)
    status = Column(String(16), nullable=False, default="pending")
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime, nullable=False, default=utcnow)
    last_error = Column(String(500), nullable=True)
    twilio_sid = Column(String(64), nullable=True)
    # the worker's claim on a 'sending' row (next_attempt_at is then its lease
    # deadline); a stale claim is recovered by another worker
    claim_token = Column(String(32), nullable=True)
    # True from the moment a send is attempted until its outcome is known: the
    # next attempt first looks the message up at Twilio (docs/callbacks.md)
    outcome_unknown = Column(Boolean, nullable=False, default=False, server_default=false())
    callback_request_id = Column(Integer, ForeignKey("callback_requests.id"), nullable=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    sent_at = Column(DateTime, nullable=True)


class HandoffStaff(Base):
    """A help-line staff member's live "on duty" switch (issue 19, docs/handoff.md).

    Keyed by the console account's id; the display name is what the person
    sees ("Dana from our team").
    """

    __tablename__ = "handoff_staff"

    user_id = Column(Integer, primary_key=True, autoincrement=False)
    display_name = Column(String(80), nullable=False)
    on_duty = Column(Boolean, nullable=False, default=False)
    changed_at = Column(DateTime, nullable=False, default=utcnow)


class HandoffHours(Base):
    """On-duty hours for one weekday (0 = Monday), minutes after local midnight."""

    __tablename__ = "handoff_hours"

    weekday = Column(Integer, primary_key=True, autoincrement=False)
    start_minute = Column(Integer, nullable=False)
    end_minute = Column(Integer, nullable=False)


class Handoff(Base):
    """A conversation handed to staff: waiting → claimed → closing → closed.

    ``claimed_by`` is set by one conditional UPDATE (``WHERE status='waiting'``),
    so exactly one staff member wins a claim. ``closing`` rows are finished by
    the Rasa server's relay (the tracker is resumed there), whichever server
    runs it.
    """

    __tablename__ = "handoffs"
    __table_args__ = (Index("ix_handoffs_status_requested", "status", "requested_at"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    channel = Column(String(16), nullable=False)
    status = Column(String(16), nullable=False, default="waiting")
    crisis = Column(Boolean, nullable=False, default=False)
    crisis_category = Column(String(32), nullable=True)
    # a crisis message arrived while staff had the conversation (flag for the staff member)
    crisis_during = Column(Boolean, nullable=False, default=False)
    screening_outcome = Column(String(32), nullable=True)
    requested_at = Column(DateTime, nullable=False, default=utcnow)
    claimed_by = Column(Integer, nullable=True)
    claimed_name = Column(String(80), nullable=True)
    claimed_at = Column(DateTime, nullable=True)
    last_person_at = Column(DateTime, nullable=True)
    last_staff_at = Column(DateTime, nullable=True)
    end_reason = Column(String(16), nullable=True)
    ended_at = Column(DateTime, nullable=True)
    # typing indicators (migration 0006): set by a signal, shown until then
    staff_typing_until = Column(DateTime, nullable=True)
    visitor_typing_until = Column(DateTime, nullable=True)


class HandoffMessage(Base):
    """A message to the person during a handoff: a staff reply or the assistant's return.

    ``tracked_at``: written into the conversation's tracker (by a Rasa server's
    relay). Web messages: ``delivered_at`` when a Rasa server holding the
    widget's socket emitted it. SMS messages go through the outbox
    (``outbox_id``) and its opt-out check.
    """

    __tablename__ = "handoff_messages"

    id = Column(Integer, primary_key=True, autoincrement=True)
    handoff_id = Column(Integer, ForeignKey("handoffs.id"), nullable=False, index=True)
    conversation_id = Column(String(128), nullable=False, index=True)
    channel = Column(String(16), nullable=False)
    author = Column(String(16), nullable=False)  # staff | assistant
    staff_name = Column(String(80), nullable=True)
    text = Column(Text, nullable=False)
    buttons_json = Column(Text, nullable=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    tracked_at = Column(DateTime, nullable=True)
    delivered_at = Column(DateTime, nullable=True)
    delivered_by = Column(String(64), nullable=True)
    outbox_id = Column(Integer, ForeignKey("outbox_messages.id"), nullable=True)
