"""Sending one text through Twilio's REST client, and classifying what happened.

Blocking (``requests`` underneath): the worker calls it from its own threads,
never from an event loop. Every outcome is one of :class:`SendResult`'s:
``sent``, ``retry`` (429, 5xx, timeouts, connection errors), ``rejected``
(other 4xx: retrying cannot help) or ``opted_out`` (Twilio error 21610).
A ``retry`` is ``ambiguous`` when Twilio may have accepted the message anyway
(read timeout, connection dropped after the request went out, 5xx other than
503): the next attempt then looks the message up before sending again.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Mapping

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

logger = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"
OPTED_OUT_CODE = 21610
# Twilio message states that mean "accepted and not failed" when looking a message up
_NOT_DELIVERED = frozenset({"failed", "undelivered", "canceled"})
LOOKUP_SKEW = timedelta(minutes=10)  # our clock vs Twilio's
_NUMBER = re.compile(r"\+?\(?\d[\d ().-]{5,}\d")


def redact_numbers(text: str) -> str:
    """``text`` with anything that looks like a phone number replaced (for logs and errors)."""
    return _NUMBER.sub("[number]", text)


@dataclass(frozen=True)
class TwilioSettings:
    """Credentials and endpoints, from the environment only."""

    account_sid: str = ""
    auth_token: str = ""
    from_number: str = ""  # E.164 number, or a Messaging Service SID (MG...)
    api_base_url: str = ""  # tests and benchmarks only: a local fake of api.twilio.com
    timeout: float = 10.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> TwilioSettings:
        return cls(
            account_sid=env.get("TWILIO_ACCOUNT_SID", "").strip(),
            auth_token=env.get("TWILIO_AUTH_TOKEN", "").strip(),
            from_number=env.get("TWILIO_NUMBER", "").strip(),
            api_base_url=env.get("TWILIO_API_BASE_URL", "").strip(),
            timeout=float(env.get("OUTBOX_HTTP_TIMEOUT", "") or 10.0),
        )

    @property
    def live(self) -> bool:
        """All three of SID, token and number set: texts really go out."""
        return bool(self.account_sid and self.auth_token and self.from_number)

    @property
    def partial(self) -> bool:
        """Some but not all credentials: a configuration mistake worth a loud warning."""
        return not self.live and bool(self.account_sid or self.auth_token or self.from_number)


class LocalApiHttpClient(TwilioHttpClient):
    """Twilio's own HTTP client, with ``https://api.twilio.com`` swapped for a local base URL.

    Used only when ``TWILIO_API_BASE_URL`` is set (tests, benchmarks); the
    request the Twilio library builds is otherwise unchanged.
    """

    def __init__(self, base_url: str, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.base_url = base_url.rstrip("/")

    def request(self, method, url, *args, **kwargs):  # type: ignore[override]
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        return super().request(method, url, *args, **kwargs)


@dataclass(frozen=True)
class SendResult:
    outcome: str  # sent, retry, rejected, opted_out
    sid: str | None = None
    error: str | None = None
    ambiguous: bool = False


def classify(error: BaseException) -> SendResult:
    """What a failed ``messages.create`` means for the next step."""
    if isinstance(error, TwilioRestException):
        status = int(error.status or 0)
        text = redact_numbers(f"HTTP {status} (Twilio {error.code}): {error.msg}")
        if error.code == OPTED_OUT_CODE:
            return SendResult("opted_out", error=text)
        if status == 429 or status == 503:
            return SendResult("retry", error=text)
        if status >= 500:
            return SendResult("retry", error=text, ambiguous=True)
        return SendResult("rejected", error=text)
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return SendResult("retry", error="connect timeout")
    if isinstance(error, requests.exceptions.ReadTimeout):
        return SendResult("retry", error="timed out waiting for Twilio", ambiguous=True)
    if isinstance(error, requests.exceptions.ConnectionError):
        never_connected = "NewConnectionError" in repr(error) or "refused" in repr(error)
        return SendResult(
            "retry",
            error=redact_numbers(f"connection error: {type(error).__name__}")[:200],
            ambiguous=not never_connected,
        )
    if isinstance(error, (requests.exceptions.RequestException, TwilioException)):
        return SendResult("retry", error=f"{type(error).__name__}", ambiguous=True)
    return SendResult("retry", error=f"unexpected {type(error).__name__}", ambiguous=True)


def _normalized(body: str) -> str:
    """Letters and digits only: Twilio's smart encoding may change quotes and dashes."""
    return re.sub(r"[^0-9a-z]", "", body.lower())


class TwilioSender:
    """Sends and looks up messages; one REST client per thread (the client is not thread-safe)."""

    def __init__(self, settings: TwilioSettings) -> None:
        if not settings.live:
            raise ValueError("TwilioSender needs TWILIO_ACCOUNT_SID, _AUTH_TOKEN and TWILIO_NUMBER")
        self.settings = settings
        self._local = threading.local()
        # the library logs every request's query (phone numbers) at INFO
        logging.getLogger("twilio.http_client").setLevel(logging.WARNING)

    def _client(self) -> Client:
        client = getattr(self._local, "client", None)
        if client is None:
            s = self.settings
            http = (
                LocalApiHttpClient(s.api_base_url, s.timeout)
                if s.api_base_url
                else TwilioHttpClient(timeout=s.timeout)
            )
            client = Client(s.account_sid, s.auth_token, http_client=http)
            self._local.client = client
        return client

    def _sender_kwargs(self) -> dict:
        sender = self.settings.from_number
        if sender.startswith("MG"):
            return {"messaging_service_sid": sender}
        return {"from_": sender}

    def send(self, to: str, body: str) -> SendResult:
        """One ``messages.create``; never raises."""
        try:
            message = self._client().messages.create(to=to, body=body, **self._sender_kwargs())
        except Exception as error:  # classified, never propagated
            return classify(error)
        return SendResult("sent", sid=message.sid)

    def find(self, to: str, body: str, since: datetime) -> str | None:
        """The SID of a message with this body already accepted for ``to`` since ``since``.

        Raises when Twilio cannot be asked (the caller retries later). Looks
        at messages sent since ``since`` and, because a queued message has no
        send date yet, also at the newest few to that number.
        """
        window = since.replace(tzinfo=timezone.utc) - LOOKUP_SKEW
        filters: Dict[str, Any] = {"to": to}
        if "from_" in self._sender_kwargs():
            filters["from_"] = self.settings.from_number
        messages = self._client().messages
        candidates = list(messages.list(date_sent_after=window, limit=200, **filters))
        candidates += list(messages.list(limit=20, **filters))
        wanted = _normalized(body)
        for message in candidates:
            created = message.date_created
            if created is not None and created < window:
                continue
            if (message.status or "") in _NOT_DELIVERED:
                continue
            if _normalized(message.body or "") == wanted:
                return message.sid
        return None
