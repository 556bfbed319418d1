"""App-database operations of the SMS channel: opt-outs, retries, menus.

All functions block; the channel runs them in a thread pool.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Dict, List

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from iop_assistant.store.db import session_scope
from iop_assistant.store.models import OptOut, ProcessedMessage, SmsButtonMenu, utcnow

Option = Dict[str, str]


def claim_message(
    message_sid: str, conversation_id: str, engine: Engine | None = None, channel: str = "sms"
) -> bool:
    """Record ``message_sid`` as handled; False when it was already recorded.

    Insert-first against a unique constraint, so concurrent copies of the same
    Twilio request race in the database and exactly one of them wins.
    """
    try:
        with session_scope(engine) as session:
            session.add(
                ProcessedMessage(
                    message_sid=message_sid, conversation_id=conversation_id, channel=channel
                )
            )
    except IntegrityError:
        return False
    return True


def is_opted_out(phone_number: str, engine: Engine | None = None) -> bool:
    """True when ``phone_number`` has opted out of texts."""
    with session_scope(engine) as session:
        return session.get(OptOut, phone_number) is not None


def opt_out(phone_number: str, keyword: str, engine: Engine | None = None) -> bool:
    """Opt ``phone_number`` out; True when it was newly opted out (not already)."""
    try:
        with session_scope(engine) as session:
            if session.get(OptOut, phone_number) is not None:
                return False
            session.add(OptOut(phone_number=phone_number, keyword=keyword.upper()[:32]))
    except IntegrityError:  # a concurrent STOP won the race
        return False
    return True


def opt_in(phone_number: str, engine: Engine | None = None) -> bool:
    """Remove ``phone_number`` from the opt-outs; True when it had opted out."""
    with session_scope(engine) as session:
        result = session.execute(delete(OptOut).where(OptOut.phone_number == phone_number))
        return bool(result.rowcount)


def save_menu(conversation_id: str, options: List[Option], engine: Engine | None = None) -> None:
    """Remember the options just offered; an empty list forgets the old ones."""
    with session_scope(engine) as session:
        session.execute(
            delete(SmsButtonMenu).where(SmsButtonMenu.conversation_id == conversation_id)
        )
        if options:
            session.add(
                SmsButtonMenu(
                    conversation_id=conversation_id,
                    options_json=json.dumps(options, ensure_ascii=False),
                )
            )


def load_menu(
    conversation_id: str,
    max_age: timedelta = timedelta(minutes=60),
    engine: Engine | None = None,
) -> List[Option]:
    """The options last offered to the conversation, if younger than ``max_age``."""
    with session_scope(engine) as session:
        menu = session.execute(
            select(SmsButtonMenu).where(SmsButtonMenu.conversation_id == conversation_id)
        ).scalar_one_or_none()
        if menu is None or utcnow() - menu.offered_at > max_age:
            return []
        try:
            options = json.loads(menu.options_json)
        except ValueError:
            return []
        return [o for o in options if isinstance(o, dict) and "payload" in o]
