"""Callback requests: saved with the texts they cause, in one transaction.

The request row, the staff alert and (only with consent) the person's
confirmation are committed together or not at all, so a request is never
confirmed without being saved and never saved without staff being alerted.
The outbox worker (:mod:`iop_assistant.notify.worker`) sends the texts.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Mapping

import phonenumbers
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from iop_assistant import callback_texts
from iop_assistant.language import known_language
from iop_assistant.phone import CALLABLE_REGIONS
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, OutboxMessage, utcnow
from iop_assistant.store.phones import masked, to_e164

logger = logging.getLogger(__name__)

STAFF_ALERT_ENV = "STAFF_ALERT_NUMBER"
STAFF_ALERT = "staff_alert"
CONFIRMATION = "callback_confirmation"
OPEN_STATUSES = ("new", "contacted")
PER_CONVERSATION_ENV = "IOP_CALLBACKS_PER_CONVERSATION_PER_DAY"
PER_NUMBER_ENV = "IOP_CALLBACKS_PER_NUMBER_PER_DAY"
PER_CLIENT_ENV = "IOP_CALLBACKS_PER_CLIENT_PER_DAY"
# the message-metadata key under which the web channels pass the client's key
WEB_CLIENT_METADATA = "web_client"
ALERTS_PER_HOUR_ENV = "IOP_STAFF_ALERTS_PER_HOUR"


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


class CallbackLimitError(ValueError):
    """Over an abuse limit: nothing is saved; the person is given the help line instead."""


@dataclass(frozen=True)
class CallbackLimits:
    """Abuse limits (environment, else the defaults): docs/callbacks.md."""

    per_conversation_per_day: int = 3
    per_number_per_day: int = 3
    per_client_per_day: int = 10  # one web client (address), any conversation or number
    staff_alerts_per_hour: int = 10

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> CallbackLimits:
        env = os.environ if environ is None else environ

        def number(name: str, default: int) -> int:
            try:
                return max(1, int(env.get(name) or default))
            except ValueError:
                return default

        return cls(
            per_conversation_per_day=number(PER_CONVERSATION_ENV, cls.per_conversation_per_day),
            per_number_per_day=number(PER_NUMBER_ENV, cls.per_number_per_day),
            per_client_per_day=number(PER_CLIENT_ENV, cls.per_client_per_day),
            staff_alerts_per_hour=number(ALERTS_PER_HOUR_ENV, cls.staff_alerts_per_hour),
        )


def _count_since(session: Any, column: Any, value: str, since: datetime) -> int:
    return session.execute(
        select(func.count())
        .select_from(CallbackRequest)
        .where(column == value)
        .where(CallbackRequest.created_at >= since)
    ).scalar_one()


def _staff_alert(
    session: Any,
    request_id: int,
    best_time: str,
    now: datetime,
    limits: CallbackLimits,
    no_voicemail: bool = False,
) -> OutboxMessage | None:
    """The alert for one request; over the hourly cap, one summary alert per hour instead.

    The request itself is always saved and shown in the console queue; only
    the texts to staff are capped, so a flood cannot page staff all night.
    """
    sent_this_hour = session.execute(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.kind == STAFF_ALERT)
        .where(OutboxMessage.created_at >= now - timedelta(hours=1))
    ).scalar_one()
    if sent_this_hour < limits.staff_alerts_per_hour:
        return OutboxMessage(
            dedupe_key=dedupe_key(request_id, STAFF_ALERT),
            kind=STAFF_ALERT,
            to_number=staff_alert_number(),
            body=callback_texts.staff_alert(request_id, best_time, no_voicemail),
            callback_request_id=request_id,
        )
    hour = now.strftime("%Y%m%d%H")
    key = f"callback:summary:{hour}"
    existing = session.execute(
        select(OutboxMessage).where(OutboxMessage.dedupe_key == key)
    ).scalar_one_or_none()
    if existing is not None:
        return None
    logger.warning("staff alerts capped at %d an hour: one summary instead",
                   limits.staff_alerts_per_hour)  # fmt: skip
    return OutboxMessage(
        dedupe_key=key,
        kind=STAFF_ALERT,
        to_number=staff_alert_number(),
        body=(
            f"More than {limits.staff_alerts_per_hour} callback requests this hour; "
            "further alerts are paused until the next hour. Open the staff console."
        ),
        callback_request_id=None,
    )


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
    client_key: str | None = None,
    language: str | None = None,
    no_voicemail: bool = False,
    engine: Engine | None = None,
) -> int:
    """Save a callback request and queue its texts; returns the request id.

    Raises on any failure (nothing is then saved): the caller gives the
    person the help line number instead of a confirmation. ValueError when
    ``phone_number`` is not a valid number the help line can call (US only).
    ``language`` is the conversation's ("en", "es"; anything else is English):
    the confirmation is written in it. ``no_voicemail``: the person asked that nothing
    be left when the call goes unanswered (kept once asked, also on a merged request).
    """
    number = callable_number(phone_number)
    language = known_language(language)
    best_time = " ".join((best_time or "").split())[:120] or "any time"
    name = " ".join((first_name or "").split())[:80] or None
    limits = CallbackLimits.from_env()
    with session_scope(engine) as session:
        now = utcnow()
        day_ago = now - timedelta(days=1)
        open_request = session.execute(
            select(CallbackRequest)
            .where(CallbackRequest.phone_number == number)
            .where(CallbackRequest.status.in_(OPEN_STATUSES))
            .order_by(CallbackRequest.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if open_request is not None:
            # merged: no second request, alert or text to that number; only the
            # same conversation may update the details it gave
            if open_request.conversation_id == conversation_id:
                open_request.best_time = best_time
                open_request.first_name = name or open_request.first_name
                open_request.no_voicemail = bool(open_request.no_voicemail or no_voicemail)
            logger.info("callback request for %s merged into open request #%s",
                        masked(number), open_request.id)  # fmt: skip
            return int(open_request.id)
        per_conversation = _count_since(session, CallbackRequest.conversation_id,
                                        conversation_id, day_ago)  # fmt: skip
        per_number = _count_since(session, CallbackRequest.phone_number, number, day_ago)
        if per_conversation >= limits.per_conversation_per_day:
            logger.warning("callback limit: conversation %s has %d requests today",
                           conversation_id[:12], per_conversation)  # fmt: skip
            raise CallbackLimitError("too many callback requests from this conversation")
        if per_number >= limits.per_number_per_day:
            logger.warning("callback limit: %s has %d requests today", masked(number), per_number)
            raise CallbackLimitError("too many callback requests for this number")
        client_key = (client_key or "")[:64] or None
        if client_key:
            per_client = _count_since(session, CallbackRequest.client_key, client_key, day_ago)
            if per_client >= limits.per_client_per_day:
                logger.warning("callback limit: web client %s has %d requests today",
                               client_key[:8], per_client)  # fmt: skip
                raise CallbackLimitError("too many callback requests from this web client")
        request = CallbackRequest(
            conversation_id=conversation_id,
            channel=channel[:16],
            phone_number=number,
            first_name=name,
            best_time=best_time,
            consent_to_text=bool(consent_to_text),
            client_key=client_key,
            language=language,
            no_voicemail=bool(no_voicemail),
        )
        session.add(request)
        session.flush()  # the id, inside the same transaction
        alert = _staff_alert(session, request.id, best_time, now, limits, bool(no_voicemail))
        if alert is not None:
            session.add(alert)
        if consent_to_text:
            session.add(
                OutboxMessage(
                    dedupe_key=dedupe_key(request.id, CONFIRMATION),
                    kind=CONFIRMATION,
                    to_number=number,
                    body=callback_texts.callback_confirmation(
                        request.id, name, best_time, language=language
                    ),
                    callback_request_id=request.id,
                )
            )
        session.flush()
        return int(request.id)
