"""Twilio SMS input channel: ``POST /webhooks/sms/webhook`` (channel name ``sms``).

Registered in credentials.yml as ``iop_assistant.channels.sms.SmsInput:``;
every setting comes from the environment (see :class:`SmsSettings` and
docs/sms.md). One request, in order:

1. only ``application/x-www-form-urlencoded`` bodies that decode are read (else 400);
2. ``X-Twilio-Signature`` must match ``PUBLIC_BASE_URL`` + path + query and
   the whole form (else 403) -- nothing is written before this;
3. ``From`` and ``MessageSid`` must be there (else 400);
4. the MessageSid is inserted into ``processed_messages`` (unique): a retry,
   even a concurrent copy, is acknowledged with empty TwiML and no turn;
5. carrier keywords (STOP..., START..., HELP/INFO) are answered here;
   an opted-out number gets no reply at all;
6. "1" or an option's words become that option's payload;
7. the turn runs in Rasa with a collecting output channel named ``sms``
   (so ``channel: sms`` response variations apply) under a time limit
   below Twilio's 15 s; the replies come back as TwiML ``<Message>``s.

Database work runs in a small thread pool, never in the event loop.
Conversation ids are keyed hashes of the number (:mod:`.identity`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, TypeVar

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.twiml.messaging_response import MessagingResponse

from iop_assistant import program_facts
from iop_assistant.channels import identity
from iop_assistant.channels.message_size import cap_message
from iop_assistant.channels.sms_format import (
    KEYWORD_HELP,
    KEYWORD_START,
    KEYWORD_STOP,
    keyword_of,
    render_reply,
    segment,
    select_option,
)
from iop_assistant.channels.twilio_signature import (
    SIGNATURE_HEADER,
    FormParams,
    is_valid,
    public_url,
)
from iop_assistant.channels.webhook import (
    defuse_intent_syntax,
    log_late_failure,
    read_signed_form,
    truthy,
)
from iop_assistant.migrations import migrate as create_tables
from iop_assistant.store import contacts, get_engine
from iop_assistant.store import sms as sms_store

logger = logging.getLogger(__name__)

CHANNEL_NAME = "sms"
ALLOW_UNSIGNED_ENV = "IOP_SMS_ALLOW_UNSIGNED"
REPLY_TIMEOUT_ENV = "IOP_SMS_REPLY_TIMEOUT"
DEFAULT_REPLY_TIMEOUT = 12.0  # Twilio gives up after 15 s (error 11200)
TWIML_CONTENT_TYPE = "application/xml; charset=utf-8"

T = TypeVar("T")


@dataclass(frozen=True)
class SmsSettings:
    """What the channel reads from the environment."""

    auth_token: str = ""
    account_sid: str = ""
    twilio_number: str = ""
    public_base_url: str = ""
    allow_unsigned: bool = False
    reply_timeout: float = DEFAULT_REPLY_TIMEOUT

    @classmethod
    def from_env(cls, environ: Dict[str, str] | None = None) -> SmsSettings:
        """Settings from ``TWILIO_*``, ``PUBLIC_BASE_URL`` and ``IOP_SMS_*``."""
        env = os.environ if environ is None else environ
        try:
            timeout = float(env.get(REPLY_TIMEOUT_ENV) or DEFAULT_REPLY_TIMEOUT)
        except ValueError:
            timeout = DEFAULT_REPLY_TIMEOUT
        return cls(
            auth_token=(env.get("TWILIO_AUTH_TOKEN") or "").strip(),
            account_sid=(env.get("TWILIO_ACCOUNT_SID") or "").strip(),
            twilio_number=(env.get("TWILIO_NUMBER") or "").strip(),
            public_base_url=(env.get("PUBLIC_BASE_URL") or "").strip(),
            allow_unsigned=truthy(env.get(ALLOW_UNSIGNED_ENV)),
            reply_timeout=max(1.0, timeout),
        )


@dataclass(frozen=True)
class SmsTexts:
    """The channel's own words (neutral: no text names a treatment service unasked)."""

    opted_out: str
    opted_in: str
    help: str
    picture: str
    fallback: str

    @classmethod
    def from_facts(cls, facts: program_facts.ProgramFacts) -> SmsTexts:
        """Texts filled with the program's facts (program.yml)."""
        return cls(
            opted_out=(
                "You're unsubscribed and won't get any more messages from this number. "
                "Reply START to resubscribe."
            ),
            opted_in=(
                "You're resubscribed. Text your question any time. "
                "Msg & data rates may apply. Reply HELP for help, STOP to opt out."
            ),
            help=(
                f"{facts.program_name} automated assistant. For help, call {facts.helpline}. "
                "In an emergency call 911, or call or text 988. Msg frequency varies. "
                "Msg & data rates may apply. Reply STOP to opt out."
            ),
            picture=(
                "Thanks for sending that. I can only read text messages, so I can't see "
                "pictures or files. Please type your question, or call our help line at "
                f"{facts.helpline}."
            ),
            fallback=(
                "Sorry, I can't answer right now. Please call our help line at "
                f"{facts.helpline}. In an emergency call 911, or call or text 988."
            ),
        )


class SmsOutput(CollectingOutputChannel):
    """Collects the bot's messages of one turn; named ``sms`` for response variations."""

    @classmethod
    def name(cls) -> str:
        """The channel name responses can be conditioned on."""
        return CHANNEL_NAME


def twiml(messages: List[str]) -> HTTPResponse:
    """A TwiML answer with one ``<Message>`` per text (none: empty ``<Response/>``)."""
    reply = MessagingResponse()
    for text in messages:
        reply.message(text)
    return response.text(str(reply), content_type=TWIML_CONTENT_TYPE)


def _num_media(form: FormParams) -> int:
    try:
        count = int((form.first("NumMedia") or "0").strip())
    except ValueError:
        count = 0
    if count <= 0 and any(name.startswith("MediaUrl") for name in form):
        count = 1
    return max(count, 0)


class SmsInput(InputChannel):
    """Twilio Programmable Messaging webhook for the assistant."""

    @classmethod
    def name(cls) -> str:
        """Channel name: the blueprint is mounted at ``/webhooks/sms``."""
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> SmsInput:
        """Settings come from the environment; the credentials block stays empty."""
        if credentials:
            logger.warning(
                "the sms channel ignores credentials.yml keys %s: set environment variables",
                sorted(credentials),
            )
        return cls(SmsSettings.from_env())

    def __init__(
        self,
        settings: SmsSettings | None = None,
        facts: program_facts.ProgramFacts | None = None,
        database_url: str | None = None,
    ) -> None:
        self.settings = settings or SmsSettings.from_env()
        self.texts = SmsTexts.from_facts(facts or program_facts.load())
        self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sms-db")
        self._engine = get_engine(database_url)
        self._key: bytes | None = None
        self._tables_ready = False
        self._warn_about_settings()
        try:
            self._key = identity.load_key()
        except Exception:  # the web chat must still start; SMS answers with the help line
            logger.exception("sms channel: no conversation-id key, SMS gets the fallback only")
        try:
            create_tables(self._engine)
            self._tables_ready = True
        except Exception:
            logger.exception("sms channel: could not create the app database tables")

    def _warn_about_settings(self) -> None:
        if not self.settings.auth_token:
            if self.settings.allow_unsigned:
                logger.warning(
                    "sms channel: TWILIO_AUTH_TOKEN is not set and %s=1: accepting UNSIGNED "
                    "requests. Development only: anyone can post messages as any number.",
                    ALLOW_UNSIGNED_ENV,
                )
            else:
                logger.warning(
                    "sms channel: TWILIO_AUTH_TOKEN is not set: every request to "
                    "/webhooks/sms/webhook is refused (403). Set it, or %s=1 for development.",
                    ALLOW_UNSIGNED_ENV,
                )
        elif not self.settings.public_base_url:
            logger.warning(
                "sms channel: PUBLIC_BASE_URL is not set; signatures are checked against the "
                "URL of each request, which is wrong behind a proxy"
            )

    # ------------------------------------------------------------------ helpers
    async def _db(self, function: Callable[..., T], *args: Any) -> T:
        """Run a blocking store function in the channel's thread pool."""
        loop = asyncio.get_running_loop()
        call = functools.partial(function, *args, engine=self._engine)
        return await loop.run_in_executor(self._executor, call)

    async def _db_or(self, default: Any, function: Callable[..., T], *args: Any) -> Any:
        """A store call that answers ``default`` (and logs an ERROR) when the database fails.

        The person must still get a turn, and a crisis its reply, during an app
        database outage; what was skipped is in the log.
        """
        try:
            return await self._db(function, *args)
        except Exception:
            logger.exception("sms: app database call %s failed", function.__name__)
            return default

    async def _remember_contact(self, conversation: str, phone: str) -> None:
        """Keep the number behind the hashed id, for the callback form; never fails a turn."""
        try:
            await self._db(contacts.remember_contact, conversation, CHANNEL_NAME, phone)
        except Exception:
            logger.exception("sms %s: could not record the contact number", conversation[:12])

    def _signature_ok(self, request: Request, form: FormParams) -> bool:
        if not self.settings.auth_token:
            return self.settings.allow_unsigned
        base = self.settings.public_base_url or f"{request.scheme}://{request.host}"
        url = public_url(base, request.path, request.query_string)
        return is_valid(self.settings.auth_token, url, form, request.headers.get(SIGNATURE_HEADER))

    async def _run_turn(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: UserMessage,
    ) -> List[Dict[str, Any]] | None:
        """The bot's messages for one turn, or None when it failed or took too long."""
        collector = message.output_channel
        task = asyncio.ensure_future(on_new_message(message))
        try:
            await asyncio.wait_for(asyncio.shield(task), self.settings.reply_timeout)
        except asyncio.TimeoutError:
            logger.warning(
                "sms turn for %s took over %.0f s: answered with the fallback",
                message.sender_id[:12],
                self.settings.reply_timeout,
            )
            task.add_done_callback(log_late_failure("sms"))
            return None
        except Exception:
            logger.exception("sms turn for %s failed", message.sender_id[:12])
            return None
        return list(collector.messages)

    # ------------------------------------------------------------------ handling
    async def _handle(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        form: FormParams,
        phone: str,
        message_sid: str,
    ) -> HTTPResponse:
        if self._key is None:
            return twiml([self.texts.fallback])
        if not self._tables_ready:
            self._tables_ready = await self._db_or(False, create_tables) is not False
        conversation = identity.sender_id(CHANNEL_NAME, phone, self._key)
        # app database down: run the turn anyway (a Twilio retry may then run it
        # twice) rather than answer a possible crisis without reading it
        if not await self._db_or(True, sms_store.claim_message, message_sid, conversation):
            logger.info("sms %s already handled: acknowledged without a turn", message_sid)
            return twiml([])

        text = form.first("Body", "") or ""
        num_media = _num_media(form)
        await self._remember_contact(conversation, phone)
        # unknown while the database is down: Twilio's own STOP handling still
        # blocks replies to numbers that opted out at the carrier level
        opted_out = await self._db_or(False, sms_store.is_opted_out, phone)
        keyword = keyword_of(text)
        if keyword:
            kind, word = keyword
            if kind == KEYWORD_STOP:
                newly = await self._db_or(True, sms_store.opt_out, phone, word)
                await self._db_or(None, sms_store.save_menu, conversation, [])
                logger.info("sms %s opted out (%s)", conversation[:12], word)
                return twiml([self.texts.opted_out] if newly else [])
            if kind == KEYWORD_START and (word != "YES" or opted_out):
                await self._db(sms_store.opt_in, phone)
                logger.info("sms %s opted in (%s)", conversation[:12], word)
                return twiml([self.texts.opted_in])
            if kind == KEYWORD_HELP and not opted_out:
                return twiml([self.texts.help])
        if opted_out:
            return twiml([])

        replies: List[str] = []
        if num_media:
            replies.append(self.texts.picture)
        if text.strip() or not num_media:
            menu = await self._db_or([], sms_store.load_menu, conversation)
            chosen = select_option(text, menu)
            sms_meta: Dict[str, Any] = {"message_sid": message_sid, "num_media": num_media}
            if chosen:
                user_text = chosen["payload"]
                sms_meta["selected_option"] = chosen["number"]
                sms_meta["reply_text"] = text
            else:
                capped, truncated = cap_message(text)
                user_text = defuse_intent_syntax(capped or "")
                if truncated:
                    sms_meta["truncated"] = truncated
                elif user_text != text:
                    sms_meta["original_text"] = text
            message = UserMessage(
                user_text,
                SmsOutput(),
                conversation,
                input_channel=CHANNEL_NAME,
                message_id=message_sid,
                metadata={"sms": sms_meta},
            )
            bot_messages = await self._run_turn(on_new_message, message)
            texts, options = render_reply(bot_messages or [])
            replies.extend(texts or [self.texts.fallback])
            await self._db_or(None, sms_store.save_menu, conversation, options)

        # every outbound reply checks the opt-out (a STOP may have arrived meanwhile)
        if await self._db_or(opted_out, sms_store.is_opted_out, phone):
            return twiml([])
        return twiml(segment(replies))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """``GET /webhooks/sms/`` (health) and ``POST /webhooks/sms/webhook``."""
        sms_webhook = Blueprint("iop_sms_webhook", __name__)

        @sms_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sms_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            form = read_signed_form(request, self._signature_ok, "sms")
            if isinstance(form, HTTPResponse):
                return form
            phone = (form.first("From") or "").strip()
            message_sid = (form.first("MessageSid") or form.first("SmsSid") or "").strip()
            if not phone or not message_sid or len(message_sid) > 64 or len(phone) > 64:
                return response.text("missing From or MessageSid", status=400)
            try:
                return await self._handle(on_new_message, form, phone, message_sid)
            except Exception:
                logger.exception("sms webhook: failed to handle %s", message_sid)
                return twiml([self.texts.fallback])

        return sms_webhook
