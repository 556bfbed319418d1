"""Callback requests: saved with the texts they cause, in one transaction.

The request row, the staff alert and (only with consent) the person's
confirmation are committed together or not at all, so a request is never
confirmed without being saved and never saved without staff being alerted.
The outbox worker (:mod:`iop_assistant.notify.worker`) sends the texts.
"""

from __future__ import annotations

import logging
import os

import phonenumbers
from sqlalchemy.engine import Engine

from iop_assistant.notify import texts
from iop_assistant.phone import CALLABLE_REGIONS
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, OutboxMessage
from iop_assistant.store.phones import to_e164

logger = logging.getLogger(__name__)

STAFF_ALERT_ENV = "STAFF_ALERT_NUMBER"
STAFF_ALERT = "staff_alert"
CONFIRMATION = "callback_confirmation"


def staff_alert_number() -> str | None:
    """``STAFF_ALERT_NUMBER`` in E.164; None when unset or invalid (alert then not deliverable)."""
    raw = os.environ.get(STAFF_ALERT_ENV, "").strip()
    if not raw:
        return None
    try:
        return to_e164(raw)
    except ValueError:
        logger.error("%s is not a valid phone number: staff alerts cannot be sent", STAFF_ALERT_ENV)
        return None


def callable_number(phone_number: str) -> str:
    """``phone_number`` in E.164 if the help line can call it (US numbering plan), else ValueError.

    The callback form checks this too; the store checks it again so that no
    caller of this function (a forged action call, a future channel) can queue
    texts to a number in another country.
    """
    number = to_e164(phone_number)
    parsed = phonenumbers.parse(number)
    if phonenumbers.region_code_for_number(parsed) not in CALLABLE_REGIONS:
        raise ValueError("not a number the help line calls (US numbers only)")
    return number


def dedupe_key(request_id: int, kind: str) -> str:
    """One outbox message per request and kind: ``callback:12:staff_alert``."""
    return f"callback:{request_id}:{kind}"


def save_callback_request(
    *,
    conversation_id: str,
    channel: str,
    phone_number: str,
    best_time: str,
    consent_to_text: bool,
    first_name: str | None = None,
    engine: Engine | None = None,
) -> int:
    """Save a callback request and queue its texts; returns the request id.

    Raises on any failure (nothing is then saved): the caller gives the
    person the help line number instead of a confirmation. ValueError when
    ``phone_number`` is not a valid number the help line can call (US only).
    """
    number = callable_number(phone_number)
    best_time = " ".join((best_time or "").split())[:120] or "any time"
    name = " ".join((first_name or "").split())[:80] or None
    with session_scope(engine) as session:
        request = CallbackRequest(
            conversation_id=conversation_id,
            channel=channel[:16],
            phone_number=number,
            first_name=name,
            best_time=best_time,
            consent_to_text=bool(consent_to_text),
        )
        session.add(request)
        session.flush()  # the id, inside the same transaction
        session.add(
            OutboxMessage(
                dedupe_key=dedupe_key(request.id, STAFF_ALERT),
                kind=STAFF_ALERT,
                to_number=staff_alert_number(),
                body=texts.staff_alert(request.id, best_time),
                callback_request_id=request.id,
            )
        )
        if consent_to_text:
            session.add(
                OutboxMessage(
                    dedupe_key=dedupe_key(request.id, CONFIRMATION),
                    kind=CONFIRMATION,
                    to_number=number,
                    body=texts.callback_confirmation(request.id, name, best_time),
                    callback_request_id=request.id,
                )
            )
        session.flush()
        return int(request.id)
