"""A person takes back their own callback request ("actually, don't call me").

Only the conversation that made the request can withdraw it, and only while it
is open. The request is closed with the outcome staff see in the console, and
any text still waiting in the outbox for it (the person's confirmation, a
staff alert not yet sent) is cancelled in the same transaction, so nobody is
called or texted about a request the person withdrew.
"""

from __future__ import annotations

import logging

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, OutboxMessage, utcnow

logger = logging.getLogger(__name__)

WITHDRAWN_OUTCOME = "withdrawn by the person"
OPEN_STATUSES = ("new", "contacted")
UNSENT_STATUSES = ("pending",)
CANCELLED = "cancelled"


def withdraw_callback_request(
    request_id: int,
    conversation_id: str,
    engine: Engine | None = None,
    outcome: str = WITHDRAWN_OUTCOME,
) -> bool:
    """Close request ``request_id`` if ``conversation_id`` made it and it is open.

    True when it was withdrawn now; False when there was nothing open to withdraw
    (already closed, or not this conversation's request).
    """
    with session_scope(engine) as session:
        request = session.execute(
            select(CallbackRequest)
            .where(CallbackRequest.id == int(request_id))
            .where(CallbackRequest.conversation_id == conversation_id)
            .where(CallbackRequest.status.in_(OPEN_STATUSES))
        ).scalar_one_or_none()
        if request is None:
            return False
        now = utcnow()
        request.status, request.outcome, request.closed_at = "closed", outcome, now
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.callback_request_id == request.id)
            .where(OutboxMessage.status.in_(UNSENT_STATUSES))
            .values(status=CANCELLED, last_error=f"request closed: {outcome}")
        )
        logger.info("callback request #%s withdrawn by its conversation", request.id)
        return True
