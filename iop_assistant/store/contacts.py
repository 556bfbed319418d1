"""The phone number behind an SMS or voice conversation id (blocking helpers).

Conversation ids are keyed hashes, so this table is the only link back to a
number: the callback form offers "we'll call the number you're texting from".
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from iop_assistant.store.db import session_scope
from iop_assistant.store.models import ConversationContact, utcnow
from iop_assistant.store.phones import to_e164


def remember_contact(
    conversation_id: str, channel: str, phone_number: str, engine: Engine | None = None
) -> None:
    """Insert or update the number of ``conversation_id`` (ValueError: not a phone number)."""
    number = to_e164(phone_number)
    values = {"channel": channel, "phone_number": number, "last_seen_at": utcnow()}
    for _ in range(3):  # update, else insert; a concurrent insert makes the update win next
        with session_scope(engine) as session:
            result = session.execute(
                update(ConversationContact)
                .where(ConversationContact.conversation_id == conversation_id)
                .values(**values)
            )
            if result.rowcount:
                return
        try:
            with session_scope(engine) as session:
                session.add(ConversationContact(conversation_id=conversation_id, **values))
            return
        except IntegrityError:
            continue
    raise RuntimeError("could not record the contact")


def contact_number(conversation_id: str, engine: Engine | None = None) -> str | None:
    """The E.164 number behind ``conversation_id``, or None (web chat, unknown id)."""
    with session_scope(engine) as session:
        return session.execute(
            select(ConversationContact.phone_number).where(
                ConversationContact.conversation_id == conversation_id
            )
        ).scalar_one_or_none()
