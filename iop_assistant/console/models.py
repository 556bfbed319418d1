"""Tables of the staff console, in the app database next to the store's tables.

Accounts, server-side sessions, login failures (throttling), the append-only
audit log, staff reviews, intent corrections, and the conversation summaries
the indexer builds from the Rasa tracker store so the list stays fast.
"""

from __future__ import annotations

from sqlalchemy import (
    DDL,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
)

from iop_assistant.console.roles import ROLES  # noqa: F401  (re-exported)
from iop_assistant.store.models import Base, utcnow


class ConsoleUser(Base):
    """A staff account: one or more roles (comma-separated); the password only as an argon2 hash."""

    __tablename__ = "console_users"

    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(80), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    role = Column(String(64), nullable=False)  # "clinician" or "clinician,callback"
    active = Column(Boolean, nullable=False, default=True)
    can_export_unmasked = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    last_login_at = Column(DateTime, nullable=True)


class ConsoleSession(Base):
    """A logged-in browser; only the SHA-256 of the cookie's token is stored."""

    __tablename__ = "console_sessions"

    token_hash = Column(String(64), primary_key=True)
    user_id = Column(Integer, ForeignKey("console_users.id"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False)
    last_seen_at = Column(DateTime, nullable=False, index=True)
    ip = Column(String(64), nullable=True)


class LoginFailure(Base):
    """A failed login, by account name and by IP (for throttling; purged after a day)."""

    __tablename__ = "console_login_failures"
    __table_args__ = (Index("ix_console_login_failures_key_at", "key_type", "key", "at"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    key_type = Column(String(8), nullable=False)  # "user", "pair" (user + ip) or "ip"
    key = Column(String(128), nullable=False)
    at = Column(DateTime, nullable=False)


class AuditEvent(Base):
    """Who did what, when, from where. Append-only: no code updates or deletes it.

    Never holds message content or phone numbers: ``target_id`` is a
    conversation id, callback id or username; ``detail`` is a short label.
    """

    __tablename__ = "console_audit_log"
    __table_args__ = (Index("ix_console_audit_log_at", "at"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    at = Column(DateTime, nullable=False)
    username = Column(String(80), nullable=True, index=True)
    action = Column(String(32), nullable=False, index=True)
    target_type = Column(String(32), nullable=True)
    target_id = Column(String(160), nullable=True)
    ip = Column(String(64), nullable=True)
    detail = Column(String(200), nullable=True)


# Defence in depth on SQLite: the database itself refuses to change history.
for _verb in ("UPDATE", "DELETE"):
    event.listen(
        AuditEvent.__table__,
        "after_create",
        DDL(
            f"CREATE TRIGGER IF NOT EXISTS console_audit_log_no_{_verb.lower()} "
            f"BEFORE {_verb} ON console_audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        ).execute_if(dialect="sqlite"),
    )


class ConversationSummary(Base):
    """One row per conversation, maintained by the indexer (never edited by staff).

    ``risk`` orders the list: 3 crisis, 2 detox-first/emergency screening or
    callback requested, 1 unclear turns, 0 otherwise.
    """

    __tablename__ = "console_conversations"
    __table_args__ = (
        Index("ix_console_conv_risk_last", "risk", "last_at"),
        Index("ix_console_conv_channel_risk_last", "channel", "risk", "last_at"),
        Index("ix_console_conv_language_risk_last", "language", "risk", "last_at"),
        Index("ix_console_conv_last", "last_at"),
        Index("ix_console_conv_started", "started_at", "channel"),
    )

    conversation_id = Column(String(255), primary_key=True)
    channel = Column(String(32), nullable=False, default="")
    # the tracker's ``language`` slot, last set ("en" when never set: its initial value)
    language = Column(String(8), nullable=False, default="en", server_default="en")
    started_at = Column(DateTime, nullable=False)
    last_at = Column(DateTime, nullable=False)
    turns = Column(Integer, nullable=False, default=0)
    crisis = Column(Boolean, nullable=False, default=False)
    crisis_category = Column(String(32), nullable=True)
    screening_outcome = Column(String(32), nullable=True, index=True)
    unclear_turns = Column(Integer, nullable=False, default=0)
    callback_requested = Column(Boolean, nullable=False, default=False)
    opted_out = Column(Boolean, nullable=False, default=False)
    risk = Column(Integer, nullable=False, default=0)
    first_text_masked = Column(String(200), nullable=True)
    first_user_event_id = Column(Integer, nullable=True)
    # the user turn that raised the highest flag (crisis > serious outcome > unclear)
    flag_text_masked = Column(String(200), nullable=True)
    flag_event_id = Column(Integer, nullable=True)
    last_user_event_id = Column(Integer, nullable=True)
    last_event_id = Column(Integer, nullable=False, default=0)


class SearchTerm(Base):
    """Inverted index for search: a word (from masked text) and a conversation using it.

    Why not FTS5: its shadow tables are invisible to the models and migrations,
    and a plain table works the same on PostgreSQL. Only words of *masked*
    text are kept (no phone numbers, names or addresses), not the messages.
    """

    __tablename__ = "console_search_terms"
    __table_args__ = (
        Index("ix_console_search_terms_conversation", "conversation_id"),
        {"sqlite_with_rowid": False},
    )

    term = Column(String(40), primary_key=True)
    conversation_id = Column(String(255), primary_key=True)


class UnclearMessage(Base):
    """A user message the assistant did not understand (nlu_fallback or action_clarify)."""

    __tablename__ = "console_unclear_messages"

    event_id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    at = Column(DateTime, nullable=False, index=True)
    intent = Column(String(128), nullable=True)
    confidence = Column(Float, nullable=True)


class IntentDaily(Base):
    """User messages per day and intent (for the dashboard's top intents)."""

    __tablename__ = "console_intent_daily"

    day = Column(String(10), primary_key=True)
    intent = Column(String(128), primary_key=True)
    count = Column(Integer, nullable=False, default=0)


class IndexerState(Base):
    """Named high-water marks of the indexer (last tracker event id read)."""

    __tablename__ = "console_indexer_state"

    name = Column(String(64), primary_key=True)
    value = Column(Integer, nullable=False, default=0)


class ConversationReview(Base):
    """Staff review of a conversation: reviewed or not, by whom."""

    __tablename__ = "console_reviews"

    conversation_id = Column(String(255), primary_key=True)
    reviewed_by = Column(String(80), nullable=True)
    reviewed_at = Column(DateTime, nullable=True)


class ConversationTag(Base):
    """A staff tag on a conversation ("needs follow-up", "misunderstood")."""

    __tablename__ = "console_tags"

    conversation_id = Column(String(255), primary_key=True)
    tag = Column(String(40), primary_key=True)
    added_by = Column(String(80), nullable=False)
    added_at = Column(DateTime, nullable=False)


class ConversationNote(Base):
    """A staff note on a conversation (clinical context; purged with it)."""

    __tablename__ = "console_notes"

    id = Column(Integer, primary_key=True, autoincrement=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    author = Column(String(80), nullable=False)
    at = Column(DateTime, nullable=False)
    body = Column(Text, nullable=False)


class IntentCorrection(Base):
    """The right intent for a misunderstood message, chosen by a reviewer.

    ``text`` is kept only when it holds no PII (then it can become training
    data); otherwise ``has_pii`` is set and the text stays in the tracker only.
    """

    __tablename__ = "console_intent_corrections"

    event_id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    text = Column(Text, nullable=True)
    has_pii = Column(Boolean, nullable=False, default=False)
    predicted_intent = Column(String(128), nullable=True)
    intent = Column(String(128), nullable=False)
    reviewer = Column(String(80), nullable=False)
    at = Column(DateTime, nullable=False)


CONSOLE_TABLES = [
    ConsoleUser.__table__,
    ConsoleSession.__table__,
    LoginFailure.__table__,
    AuditEvent.__table__,
    ConversationSummary.__table__,
    SearchTerm.__table__,
    UnclearMessage.__table__,
    IntentDaily.__table__,
    IndexerState.__table__,
    ConversationReview.__table__,
    ConversationTag.__table__,
    ConversationNote.__table__,
    IntentCorrection.__table__,
]
