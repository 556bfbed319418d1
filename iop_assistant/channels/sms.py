"""Twilio SMS input channel: ``POST /webhooks/sms/webhook`` (channel name ``sms``).

Registered in credentials.yml as ``iop_assistant.channels.sms.SmsInput:``;
every setting comes from the environment (see :class:`SmsSettings` and
docs/sms.md). What it shares with the voice channel (settings, signature,
replay record, turn runner, routes) is :mod:`.twilio_webhook`. One request,
in order:

1. only ``application/x-www-form-urlencoded`` bodies that decode are read (else 400);
2. ``X-Twilio-Signature`` must match ``PUBLIC_BASE_URL`` + path + query and
   the whole form (else 403) -- nothing is written before this;
3. ``From`` and ``MessageSid`` must be there (else 400);
4. the MessageSid is inserted into ``processed_messages`` (unique): a retry,
   even a concurrent copy, is acknowledged with empty TwiML and no turn;
5. carrier keywords (STOP..., START..., HELP/INFO) are answered here (STOP
   also ends a live handoff, docs/handoff.md);
   an opted-out number gets no reply at all;
6. "1" or an option's words become that option's payload;
7. the turn runs in Rasa with a collecting output channel named ``sms``
   (so ``channel: sms`` response variations apply) under a time limit
   below Twilio's 15 s; the replies come back as TwiML ``<Message>``s.

Database work runs in a small thread pool, never in the event loop; the
channel never migrates the app database (start-up does).
Conversation ids are keyed hashes of the number (:mod:`.identity`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.twiml.messaging_response import MessagingResponse

from iop_assistant import program_facts
from iop_assistant.channels import identity
from iop_assistant.channels.message_size import cap_message
from iop_assistant.channels.options import select_option, tag_language
from iop_assistant.channels.sms_format import (
    KEYWORD_HELP,
    KEYWORD_START,
    KEYWORD_STOP,
    SPANISH_KEYWORDS,
    keyword_of,
    render_reply,
    segment,
)
from iop_assistant.channels.twilio_signature import FormParams
from iop_assistant.channels.twilio_webhook import (
    OnNewMessage,
    TwilioWebhookInput,
    WebhookSettings,
    allow_unsigned_env,
    environment,
    reply_timeout_env,
    xml,
)
from iop_assistant.channels.webhook import defuse_intent_syntax
from iop_assistant.handoff import queue as handoff_queue
from iop_assistant.store import sms as sms_store

STOP_PAYLOAD = "/stop"  # the stop intent, as a button would send it
logger = logging.getLogger(__name__)

CHANNEL_NAME = "sms"
ALLOW_UNSIGNED_ENV = allow_unsigned_env(CHANNEL_NAME)
REPLY_TIMEOUT_ENV = reply_timeout_env(CHANNEL_NAME)
DEFAULT_REPLY_TIMEOUT = 12.0  # Twilio gives up after 15 s (error 11200)


@dataclass(frozen=True)
class SmsSettings(WebhookSettings):
    """What the channel reads from the environment (the shared fields: :class:`WebhookSettings`)."""

    CHANNEL = CHANNEL_NAME
    DEFAULT_REPLY_TIMEOUT = DEFAULT_REPLY_TIMEOUT

    reply_timeout: float = DEFAULT_REPLY_TIMEOUT
    account_sid: str = ""
    twilio_number: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> SmsSettings:
        """Settings from ``TWILIO_*``, ``PUBLIC_BASE_URL`` and ``IOP_SMS_*``."""
        env = environment(environ)
        return cls(
            **cls.shared_from_env(env),
            account_sid=(env.get("TWILIO_ACCOUNT_SID") or "").strip(),
            twilio_number=(env.get("TWILIO_NUMBER") or "").strip(),
        )


@dataclass(frozen=True)
class SmsTexts:
    """The channel's own words (neutral: no text names a treatment service unasked)."""

    opted_out: str
    opted_in: str
    help: str
    picture: str
    fallback: str
    opted_out_es: str = ""
    help_es: str = ""
    still_opted_out: str = ""
    still_opted_out_es: str = ""

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
                # "info" from someone who wants to know about the program (texter role-play
                # round 23: only the carrier text): say they can just ask
                f"{facts.program_name} automated assistant. Text any question about the "
                f'program, like "what is IOP?" For help, call {facts.helpline}. '
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
            opted_out_es=(
                "Ya no recibirá más mensajes de este número. "
                "Responda START para volver a recibirlos."
            ),
            help_es=(
                f"Asistente automático del {facts.program_name}. Escriba cualquier pregunta "
                'sobre el programa, como "¿qué es IOP?" Para ayuda, llame al '
                f"{facts.helpline}. En una emergencia llame al 911; para hablar con alguien, "
                "llame al 988 y marque 2, o envíe AYUDA al 988. La frecuencia de mensajes varía. "
                "Pueden aplicarse tarifas de mensajes y datos. Responda PARAR para no recibir más."
            ),
            # HELP while opted out says how to come back
            still_opted_out="You're unsubscribed now: reply START to get answers again.",
            still_opted_out_es="Ahora no recibe mensajes: responda START para volver a recibirlos.",
        )


class SmsOutput(CollectingOutputChannel):
    """Collects the bot's messages of one turn; named ``sms`` for response variations."""

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Keep each message's language (Spanish options read "Responda 1 para ...")."""
        before = len(self.messages)
        await super().send_response(recipient_id, message)
        tag_language(self.messages[before:], message)

    @classmethod
    def name(cls) -> str:
        """The channel name responses can be conditioned on."""
        return CHANNEL_NAME


def twiml(messages: List[str]) -> HTTPResponse:
    """A TwiML answer with one ``<Message>`` per text (none: empty ``<Response/>``)."""
    reply = MessagingResponse()
    for text in messages:
        reply.message(text)
    return xml(str(reply))


def _num_media(form: FormParams) -> int:
    try:
        count = int((form.first("NumMedia") or "0").strip())
    except ValueError:
        count = 0
    if count <= 0 and any(name.startswith("MediaUrl") for name in form):
        count = 1
    return max(count, 0)


class SmsInput(TwilioWebhookInput):
    """Twilio Programmable Messaging webhook for the assistant."""

    CHANNEL = CHANNEL_NAME

    def __init__(
        self,
        settings: SmsSettings | None = None,
        facts: program_facts.ProgramFacts | None = None,
        database_url: str | None = None,
    ) -> None:
        self.texts = SmsTexts.from_facts(facts or program_facts.load())
        super().__init__(settings or SmsSettings.from_env(), database_url)

    # ------------------------------------------------------------------ handling
    async def _handle(
        self,
        on_new_message: OnNewMessage,
        form: FormParams,
        phone: str,
        message_sid: str,
    ) -> HTTPResponse:
        if self._key is None:
            return twiml([self.texts.fallback])
        conversation = identity.sender_id(CHANNEL_NAME, phone, self._key)
        # app database down: run the turn anyway (a Twilio retry may then run it
        # twice) rather than answer a possible crisis without reading it
        if not await self._claim(message_sid, conversation):
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
                # STOP always wins: a live handoff ends, and nothing more is texted
                await self._db_or(
                    False, handoff_queue.end_conversation, conversation, handoff_queue.OPTED_OUT
                )
                logger.info("sms %s opted out (%s)", conversation[:12], word)
                # a screening or callback request left half done ends too, so a later START
                # does not pick its questions up again (v12 b-s04); its reply is never sent.
                # Once: a STOP repeated while opted out runs no turn
                stop = UserMessage(
                    STOP_PAYLOAD,
                    SmsOutput(),
                    conversation,
                    input_channel=CHANNEL_NAME,
                    message_id=message_sid,
                    metadata={"sms": {"message_sid": message_sid, "opted_out": word}},
                )
                if newly:
                    await self._run_turn(on_new_message, stop)
                said = self.texts.opted_out_es if word in SPANISH_KEYWORDS else self.texts.opted_out
                return twiml([said] if newly else [])
            if kind == KEYWORD_START and (word != "YES" or opted_out):
                await self._db(sms_store.opt_in, phone)
                logger.info("sms %s opted in (%s)", conversation[:12], word)
                return twiml([self.texts.opted_in])
            if kind == KEYWORD_HELP:
                # carriers expect an answer to HELP whatever the opt-out state (texter
                # role-play round 33: HELP after STOP got nothing); it says how to come back
                spanish = word in SPANISH_KEYWORDS
                said = self.texts.help_es if spanish else self.texts.help
                if opted_out:
                    said += " " + (
                        self.texts.still_opted_out_es if spanish else self.texts.still_opted_out
                    )
                return twiml([said])
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
            output = SmsOutput()
            message = UserMessage(
                user_text,
                output,
                conversation,
                input_channel=CHANNEL_NAME,
                message_id=message_sid,
                metadata={"sms": sms_meta},
            )
            finished = await self._run_turn(on_new_message, message)
            texts, options = render_reply(output.messages if finished else [])
            if texts or not finished:
                replies.extend(texts or [self.texts.fallback])
            elif not await self._db_or(False, handoff_queue.is_open, conversation):
                replies.append(self.texts.fallback)
            # else: paused for staff (issue 19): their reply comes through the outbox
            await self._db_or(None, sms_store.save_menu, conversation, options)

        # every outbound reply checks the opt-out (a STOP may have arrived meanwhile)
        if await self._db_or(opted_out, sms_store.is_opted_out, phone):
            return twiml([])
        return twiml(segment(replies))

    async def _receive(
        self, on_new_message: OnNewMessage, request: Request, form: FormParams
    ) -> HTTPResponse:
        phone = (form.first("From") or "").strip()
        message_sid = (form.first("MessageSid") or form.first("SmsSid") or "").strip()
        if not phone or not message_sid or len(message_sid) > 64 or len(phone) > 64:
            return response.text("missing From or MessageSid", status=400)
        try:
            return await self._handle(on_new_message, form, phone, message_sid)
        except Exception:
            logger.exception("sms webhook: failed to handle %s", message_sid)
            return twiml([self.texts.fallback])
