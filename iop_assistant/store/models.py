"""SQLAlchemy models of the app database (not the Rasa tracker store).

Only what the channels need to keep: who opted out of texts, which Twilio
messages were already handled, and the options last offered by SMS.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


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
