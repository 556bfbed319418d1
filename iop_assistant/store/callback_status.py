"""The open callback request of a conversation, for "did my request go through?".

People ask after a request they made ("still waiting for the call", "sigo esperando la
llamada", blind v21/es-v12 briefs; round 26): the answer is what the store holds for that
conversation (the number, the time asked for), never a new request saved on top of it.
On SMS and voice the conversation id is the phone number, so a request made yesterday is
found today; on the web it is the widget's session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from iop_assistant.store.callback_withdrawal import OPEN_STATUSES
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest


@dataclass(frozen=True)
class OpenCallback:
    """What the person may be told about their own request."""

    request_id: int
    phone_number: str
    best_time: str
    status: str
    created_at: datetime


def open_callback_for(conversation_id: str, engine: Engine | None = None) -> OpenCallback | None:
    """The newest open request ``conversation_id`` made, or None."""
    with session_scope(engine) as session:
        request = (
            session.execute(
                select(CallbackRequest)
                .where(CallbackRequest.conversation_id == conversation_id)
                .where(CallbackRequest.status.in_(OPEN_STATUSES))
                .order_by(CallbackRequest.created_at.desc(), CallbackRequest.id.desc())
                .limit(1)
            )
            .scalars()
            .first()
        )
        if request is None:
            return None
        return OpenCallback(
            request_id=int(request.id),
            phone_number=str(request.phone_number),
            best_time=str(request.best_time),
            status=str(request.status),
            created_at=request.created_at,
        )
