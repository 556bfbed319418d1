"""What the Twilio SMS and voice channels share: one webhook base.

:class:`TwilioWebhookInput` is a Rasa input channel mounted at
``/webhooks/<name>/`` that

* reads its settings from the environment (:class:`WebhookSettings`:
  ``TWILIO_AUTH_TOKEN``, ``PUBLIC_BASE_URL``, ``IOP_<NAME>_ALLOW_UNSIGNED``,
  ``IOP_<NAME>_REPLY_TIMEOUT``) and warns at start-up about unsafe ones;
* refuses anything that is not a well-formed form post signed by Twilio
  (400 / 403) before it writes or runs anything (the signature itself is
  checked by :mod:`.twilio_signature`);
* records each request once in ``processed_messages`` (:meth:`_claim`), so a
  retried or replayed one runs no second turn;
* runs a turn in Rasa under a time limit below Twilio's 15 s (:meth:`_run_turn`);
* does its database work in a small thread pool, and never migrates: the
  schema comes from ``python -m iop_assistant.migrations upgrade`` at
  start-up (scripts/run.sh, the deploy's migrate job). Without it, the
  health route answers 503 and says so in the log; turns still run (as in a
  database outage) so that a crisis message is still answered.

Subclasses (:class:`~.sms.SmsInput`, :class:`~.voice.VoiceInput`) say what
their webhook does with a signed form (:meth:`_receive`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, ClassVar, Dict, Mapping, TypeVar, cast

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant.channels import identity
from iop_assistant.channels.twilio_signature import (
    FORM_CONTENT_TYPE,
    SIGNATURE_HEADER,
    FormParams,
    MalformedFormError,
    is_valid,
    parse_form,
    public_url,
)
from iop_assistant.migrations import is_at_head
from iop_assistant.store import contacts, get_engine
from iop_assistant.store import sms as processed

logger = logging.getLogger(__name__)

T = TypeVar("T")
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
TWIML_CONTENT_TYPE = "application/xml; charset=utf-8"
MIGRATE = "`python -m iop_assistant.migrations upgrade` before starting"


def truthy(value: str | None) -> bool:
    """An environment switch such as IOP_SMS_ALLOW_UNSIGNED=1."""
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def allow_unsigned_env(channel: str) -> str:
    """``IOP_SMS_ALLOW_UNSIGNED``: accept unsigned requests (development only)."""
    return f"IOP_{channel.upper()}_ALLOW_UNSIGNED"


def reply_timeout_env(channel: str) -> str:
    """``IOP_SMS_REPLY_TIMEOUT``: seconds a turn may take before the fallback answer."""
    return f"IOP_{channel.upper()}_REPLY_TIMEOUT"


@dataclass(frozen=True)
class WebhookSettings:
    """What every Twilio channel reads from the environment."""

    CHANNEL: ClassVar[str] = ""
    DEFAULT_REPLY_TIMEOUT: ClassVar[float] = 12.0
    MAX_REPLY_TIMEOUT: ClassVar[float | None] = None

    auth_token: str = ""
    public_base_url: str = ""
    allow_unsigned: bool = False
    reply_timeout: float = 12.0

    @classmethod
    def shared_from_env(cls, env: Mapping[str, str]) -> Dict[str, Any]:
        """The shared fields' values from ``env``, for a subclass's ``from_env``."""
        try:
            timeout = float(env.get(reply_timeout_env(cls.CHANNEL)) or cls.DEFAULT_REPLY_TIMEOUT)
        except ValueError:
            timeout = cls.DEFAULT_REPLY_TIMEOUT
        timeout = max(1.0, timeout)
        if cls.MAX_REPLY_TIMEOUT is not None:
            timeout = min(timeout, cls.MAX_REPLY_TIMEOUT)
        return {
            "auth_token": (env.get("TWILIO_AUTH_TOKEN") or "").strip(),
            "public_base_url": (env.get("PUBLIC_BASE_URL") or "").strip(),
            "allow_unsigned": truthy(env.get(allow_unsigned_env(cls.CHANNEL))),
            "reply_timeout": timeout,
        }


def environment(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    """``environ``, or the process environment when it is None."""
    return os.environ if environ is None else environ


def xml(body: str) -> HTTPResponse:
    """A TwiML answer."""
    return response.text(body, content_type=TWIML_CONTENT_TYPE)


def read_signed_form(
    request: Request,
    signature_ok: Callable[[Request, FormParams], bool],
    channel: str,
) -> FormParams | HTTPResponse:
    """The parsed form, or the 400 / 403 answer to send instead."""
    content_type = (request.headers.get("content-type") or "").split(";")[0]
    if content_type.strip().lower() != FORM_CONTENT_TYPE:
        return response.text("expected a form post", status=400)
    try:
        form = parse_form(request.body or b"")
    except MalformedFormError:
        return response.text("malformed form body", status=400)
    if not signature_ok(request, form):
        logger.warning("%s webhook: rejected a request with a missing or bad signature", channel)
        return response.text("invalid signature", status=403)
    return form


def log_late_failure(channel: str) -> Callable[[asyncio.Future[Any]], None]:
    """Done-callback for a turn that outlived its reply deadline."""

    def callback(task: asyncio.Future[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            logger.error("a late %s turn failed: %r", channel, task.exception())

    return callback


class TwilioWebhookInput(InputChannel, ABC):
    """A Twilio webhook channel: settings, signature, replay, turn runner and routes."""

    CHANNEL: ClassVar[str] = ""
    # what the person gets when a turn cannot run (for the logs)
    FALLBACK_DONE: ClassVar[str] = "answered with the fallback"

    @classmethod
    def name(cls) -> str:
        """Channel name: the blueprint is mounted at ``/webhooks/<name>``."""
        return cls.CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> TwilioWebhookInput:
        """Settings come from the environment; the credentials block stays empty."""
        if credentials:
            logger.warning(
                "the %s channel ignores credentials.yml keys %s: set environment variables",
                cls.name(),
                sorted(credentials),
            )
        # the concrete channels' settings default to the environment: they take no arguments
        return cast("Callable[[], TwilioWebhookInput]", cls)()

    def __init__(self, settings: WebhookSettings, database_url: str | None = None) -> None:
        self.settings = settings
        self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix=f"{self.name()}-db")
        self._engine = get_engine(database_url)
        self._schema_ready = False
        self._key: bytes | None = None
        self._warn_about_settings()
        try:
            self._key = identity.load_key()
        except Exception:  # the web chat must still start; the phone channel degrades
            logger.exception(
                "%s channel: no conversation-id key, every request is %s",
                self.name(),
                self.FALLBACK_DONE,
            )
        self.schema_problem()

    def _warn_about_settings(self) -> None:
        name, switch = self.name(), allow_unsigned_env(self.name())
        if not self.settings.auth_token:
            if self.settings.allow_unsigned:
                logger.warning(
                    "%s channel: TWILIO_AUTH_TOKEN is not set and %s=1: accepting UNSIGNED "
                    "requests. Development only: anyone can post requests as any number.",
                    name,
                    switch,
                )
            else:
                logger.warning(
                    "%s channel: TWILIO_AUTH_TOKEN is not set: every request to "
                    "/webhooks/%s/webhook is refused (403). Set it, or %s=1 for development.",
                    name,
                    name,
                    switch,
                )
        elif not self.settings.public_base_url:
            logger.warning(
                "%s channel: PUBLIC_BASE_URL is not set; signatures are checked against the "
                "URL of each request, which is wrong behind a proxy",
                name,
            )

    # ------------------------------------------------------------------ schema
    def schema_problem(self) -> str | None:
        """None when the app database carries every migration; else what is wrong (logged).

        Blocking (one small query until the schema is found ready): call it from a thread
        inside the event loop.
        """
        if self._schema_ready:
            return None
        try:
            ready = is_at_head(self._engine)
        except Exception as error:
            problem = f"the app database cannot be read ({type(error).__name__})"
        else:
            problem = None if ready else f"the app database is not migrated: run {MIGRATE}"
        if problem is None:
            self._schema_ready = True
        else:
            logger.error("%s channel: %s", self.name(), problem)
        return problem

    # ------------------------------------------------------------------ database
    async def _db(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a blocking store function in the channel's thread pool."""
        loop = asyncio.get_running_loop()
        call = functools.partial(function, *args, engine=self._engine, **kwargs)
        return await loop.run_in_executor(self._executor, call)

    async def _db_or(
        self, default: Any, function: Callable[..., T], *args: Any, **kwargs: Any
    ) -> Any:
        """A store call that answers ``default`` (and logs an ERROR) when the database fails.

        The person must still get a turn, and a crisis its reply, during an app
        database outage; what was skipped is in the log.
        """
        try:
            return await self._db(function, *args, **kwargs)
        except Exception:
            logger.exception("%s: app database call %s failed", self.name(), function.__name__)
            return default

    async def _claim(self, request_id: str, conversation: str) -> bool:
        """Record a request as handled; False for a retry or replay.

        A database failure lets the request run: better a turn run twice than a
        possible crisis left unread.
        """
        return await self._db_or(
            True, processed.claim_message, request_id, conversation, channel=self.name()
        )

    async def _remember_contact(self, conversation: str, phone: str) -> None:
        """Keep the number behind the hashed id, for the callback form; never fails a turn."""
        try:
            await self._db(contacts.remember_contact, conversation, self.name(), phone)
        except Exception:
            logger.exception(
                "%s %s: could not record the contact number", self.name(), conversation[:12]
            )

    # ------------------------------------------------------------------ requests
    def _webhook_url(self, request: Request, query_string: str | None = None) -> str:
        """The URL Twilio signed: ``PUBLIC_BASE_URL`` (else this request's host) + path + query."""
        base = self.settings.public_base_url or f"{request.scheme}://{request.host}"
        query = request.query_string if query_string is None else query_string
        return public_url(base, request.path, query)

    def _signature_ok(self, request: Request, form: FormParams) -> bool:
        if not self.settings.auth_token:
            return self.settings.allow_unsigned
        url = self._webhook_url(request)
        return is_valid(self.settings.auth_token, url, form, request.headers.get(SIGNATURE_HEADER))

    async def _run_turn(self, on_new_message: OnNewMessage, message: UserMessage) -> bool:
        """Run one turn; True when it finished in time (its messages are in the output channel).

        A late turn goes on in the background (Rasa keeps its tracker right);
        the person gets the channel's fallback now.
        """
        task = asyncio.ensure_future(on_new_message(message))
        try:
            await asyncio.wait_for(asyncio.shield(task), self.settings.reply_timeout)
        except asyncio.TimeoutError:
            logger.warning(
                "%s turn for %s took over %.0f s: %s",
                self.name(),
                message.sender_id[:12],
                self.settings.reply_timeout,
                self.FALLBACK_DONE,
            )
            task.add_done_callback(log_late_failure(self.name()))
            return False
        except Exception:
            logger.exception("%s turn for %s failed", self.name(), message.sender_id[:12])
            return False
        return True

    @abstractmethod
    async def _receive(
        self, on_new_message: OnNewMessage, request: Request, form: FormParams
    ) -> HTTPResponse:
        """The answer to one signed webhook request (each channel says how)."""

    def _add_routes(self, blueprint: Blueprint, on_new_message: OnNewMessage) -> None:
        """Routes a channel adds beside the health check and the webhook (none here)."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """``GET /webhooks/<name>/`` (health) and ``POST /webhooks/<name>/webhook``."""
        webhook = Blueprint(f"iop_{self.name()}_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            loop = asyncio.get_running_loop()
            problem = await loop.run_in_executor(self._executor, self.schema_problem)
            if problem:
                return response.json({"status": "error", "problem": problem}, status=503)
            return response.json({"status": "ok"})

        self._add_routes(webhook, on_new_message)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            form = read_signed_form(request, self._signature_ok, self.name())
            if isinstance(form, HTTPResponse):
                return form
            return await self._receive(on_new_message, request, form)

        return webhook
