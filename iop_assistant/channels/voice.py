"""Twilio voice input channel: ``POST /webhooks/voice/webhook`` (channel name ``voice``).

Registered in credentials.yml as ``iop_assistant.channels.voice.VoiceInput:``;
every setting comes from the environment (docs/voice.md). What it shares with
the SMS channel (settings, signature, replay record, turn runner, routes) is
:mod:`.twilio_webhook`. One request:

1. only ``application/x-www-form-urlencoded`` bodies that decode are read (else 400);
2. ``X-Twilio-Signature`` is checked exactly like the SMS channel (else 403);
3. ``CallSid`` must be there (else 400);
4. 0 or "representative", "help line"... -> ``<Say>`` + ``<Dial>`` the help line;
   after a crisis reply, 9 -> ``<Dial>`` the crisis line (988);
5. no ``SpeechResult``/``Digits``: the first request of a call sends Rasa
   ``/greet``; later ones are silences (first: re-prompt, second: transfer).
   Speech on a call the channel does not know (state lost) is still answered;
6. a key or an option's words become that option's payload;
7. the turn runs in Rasa with a collecting output channel named ``voice``
   (so ``channel: voice`` response variations apply) under a time limit;
   the reply is spoken in a ``<Gather>`` that listens for the answer. A
   failed, late or empty turn is answered with the help line and a transfer.

A crisis is recognised by the response the turn used: the output channel
records each message's ``utter_action`` and ``utter_crisis*`` means crisis
(the rule that answers the ``crisis`` intent, which the deterministic crisis
guard sets). Per-call state (options offered, silences, crisis) is kept in
memory, keyed by CallSid.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Mapping

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant import program_facts
from iop_assistant.channels import identity
from iop_assistant.channels import voice_twiml as twiml
from iop_assistant.channels.message_size import cap_message
from iop_assistant.channels.options import Option, tag_language
from iop_assistant.channels.twilio_signature import FormParams
from iop_assistant.channels.twilio_webhook import (
    OnNewMessage,
    TwilioWebhookInput,
    WebhookSettings,
    allow_unsigned_env,
    environment,
    read_signed_form,
    reply_timeout_env,
    xml,
)
from iop_assistant.channels.webhook import defuse_intent_syntax
from iop_assistant.language import SPANISH
from iop_assistant.language.detect import detect
from iop_assistant.language.requests import requested_language
from iop_assistant.phone import display, mentions_number, normalise_number

logger = logging.getLogger(__name__)

CHANNEL_NAME = "voice"
ALLOW_UNSIGNED_ENV = allow_unsigned_env(CHANNEL_NAME)
REPLY_TIMEOUT_ENV = reply_timeout_env(CHANNEL_NAME)
CRISIS_LINE_ENV = "IOP_VOICE_CRISIS_LINE"
DEFAULT_REPLY_TIMEOUT = 10.0  # Twilio waits 15 s for the webhook (error 11200)
DEFAULT_CRISIS_LINE = "988"
GREETING = "/greet"
NEW_SESSION = "/session_start"  # Rasa's own intent: runs action_session_start (no slots kept)
NUMBER_QUESTION = "utter_ask_callback_phone"
PHONE_DIGITS = 10  # keys enough for a US phone number
CALLBACK = "/request_callback"  # the one question answered with many keys
CALL_STATE_TTL = 4 * 3600.0
MAX_CALLS = 10_000
# what Twilio sends as From for withheld numbers: one conversation per call instead
WITHHELD_NUMBERS = frozenset({"+266696687", "+86282452253", "+8656696", "+7378742833"})


def speaks_spanish(speech: str) -> bool:
    """Words said in Spanish, or asking for Spanish ("alguien que hable español")."""
    return requested_language(speech) == SPANISH or detect(speech) == SPANISH


@dataclass(frozen=True)
class VoiceSettings(WebhookSettings):
    """What the channel reads from the environment (the shared fields: :class:`WebhookSettings`)."""

    CHANNEL = CHANNEL_NAME
    DEFAULT_REPLY_TIMEOUT = DEFAULT_REPLY_TIMEOUT
    MAX_REPLY_TIMEOUT = 14.0

    reply_timeout: float = DEFAULT_REPLY_TIMEOUT
    helpline_number: str = ""
    crisis_line: str = DEFAULT_CRISIS_LINE

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, default_helpline: str = ""
    ) -> VoiceSettings:
        """Settings from ``TWILIO_AUTH_TOKEN``, ``PUBLIC_BASE_URL``, ``HELPLINE_NUMBER``..."""
        env = environment(environ)
        override = (env.get("HELPLINE_NUMBER") or "").strip()
        if override and default_helpline and override != default_helpline:
            logger.warning(
                "HELPLINE_NUMBER overrides program.yml's help line for voice transfers; "
                "leave it empty so program.yml stays the one source"
            )
        return cls(
            **cls.shared_from_env(env),
            helpline_number=override or default_helpline,
            crisis_line=(env.get(CRISIS_LINE_ENV) or "").strip() or DEFAULT_CRISIS_LINE,
        )


def digit_by_digit(number: str) -> str:
    """ "(888) 783-3291" as a voice reads a number to be written down: "8 8 8, 7 8 3, 3 2 9 1"."""
    groups = re.findall(r"\d+", number)
    return ", ".join(" ".join(group) for group in groups)


@dataclass(frozen=True)
class VoiceTexts:
    """The channel's own words."""

    welcome_hint: str
    handoff: str
    crisis_line_offer: str
    crisis_helpline_offer: str
    to_crisis_line: str
    reprompt: str
    silence_handoff: str
    unknown_key: str
    failure: str
    unanswered: str
    unanswered_next: str
    # after the 988 transfer did not connect (busy, failed): dial it yourself, or try again
    crisis_line_unanswered: str
    number_entry_hint: str
    callback_title: str
    # a reply that gives the help line's number to someone already on the phone
    # (role-play 2026-12-04: "call (888)..." to a caller who could press 0)
    helpline_now_offer: str
    # the number read out slowly, twice, for a caller writing it down (caller role-play
    # 2026-12-05: "what was that number? say it slower" transferred the call three times)
    number_slowly: str
    # a caller hanging up to dial 911 after a crisis reply
    go_call_911: str

    @classmethod
    def spanish(cls, facts: program_facts.ProgramFacts, helpline_number: str) -> VoiceTexts:
        """The same texts for a call in Spanish (issue 18); the help line may answer in English."""
        spoken = display(helpline_number) if helpline_number else facts.helpline
        return cls(
            welcome_hint=(
                "Puede marcar 0 en cualquier momento para hablar con nuestra línea de ayuda."
            ),
            handoff="Le comunico con nuestra línea de ayuda. Por favor no cuelgue.",
            crisis_line_offer="Para comunicarse ahora con la línea de crisis 988, marque 9.",
            crisis_helpline_offer="Para hablar con nuestra línea de ayuda, marque 0.",
            to_crisis_line=(
                "Le comunico con la línea 988 de prevención del suicidio y crisis. "
                "Para español, marque 2."
            ),
            reprompt="Perdón, no le escuché.",
            silence_handoff=(
                "Todavía no le escucho, así que le comunico con nuestra línea de ayuda. "
                "Por favor no cuelgue."
            ),
            unknown_key="Perdón, esa tecla no es una de las opciones.",
            failure=(
                "Perdón, no puedo contestar ahora. Le comunico con nuestra línea de ayuda al "
                f"{spoken}. Por favor no cuelgue."
            ),
            unanswered=(
                "Perdón, no se pudo conectar la llamada. Llame a nuestra línea de ayuda al "
                f"{spoken}. En una emergencia, llame al 911. "
                "Para hablar con alguien ahora, llame al 988 y marque 2."
            ),
            crisis_line_unanswered=(
                "Perdón, no se pudo conectar con la línea 988. Por favor cuelgue y marque 988 "
                "usted mismo, y luego el 2 para español. En una emergencia, llame al 911. Para "
                "intentar otra vez, marque 9. Para nuestra línea de ayuda, marque 0."
            ),
            unanswered_next=(
                "Perdón, nadie pudo contestar en este momento. Para que le llamen, marque 1 o "
                "diga llámenme. Para intentar otra vez, marque 0 o diga línea de ayuda. En una "
                "emergencia, cuelgue y llame al 911. Para hablar con alguien ahora, llame "
                "al 988 y marque 2."
            ),
            number_entry_hint="Diga el número, o márquelo y después oprima la tecla de numeral.",
            callback_title="Que me llamen",
            helpline_now_offer="Para hablar con ellos ahora mismo, marque 0.",
            number_slowly=(
                f"El número de nuestra línea de ayuda es: {digit_by_digit(spoken)}. Otra vez: "
                f"{digit_by_digit(spoken)}. Para que le comunique ahora, marque 0."
            ),
            go_call_911=(
                "Sí, cuelgue y llame al 911 ahora. Nuestra línea de ayuda estará aquí después. "
                "Adiós."
            ),
        )

    @classmethod
    def from_facts(cls, facts: program_facts.ProgramFacts, helpline_number: str) -> VoiceTexts:
        """Texts filled with the program's facts (program.yml) and the dialled number."""
        spoken = display(helpline_number) if helpline_number else facts.helpline
        return cls(
            welcome_hint="You can press 0 at any time to talk to our help line.",
            handoff="Connecting you to our help line now. Please stay on the line.",
            crisis_line_offer="To be connected to the 988 crisis line now, press 9.",
            crisis_helpline_offer="To be connected to our help line, press 0 or say help line.",
            to_crisis_line="Connecting you to the 988 Suicide and Crisis Lifeline now.",
            reprompt="Sorry, I didn't hear anything.",
            silence_handoff=(
                "I still can't hear you, so I'll connect you to our help line. "
                "Please stay on the line."
            ),
            unknown_key="Sorry, that key isn't one of the choices.",
            failure=(
                "Sorry, I can't answer right now. I'll connect you to our help line at "
                f"{spoken}. Please stay on the line."
            ),
            unanswered=(
                f"Sorry, the call could not be connected. Please call our help line at {spoken}. "
                "In an emergency, call 911. To talk with someone now, call or text 988."
            ),
            crisis_line_unanswered=(
                "Sorry, the call to the 988 line didn't connect. Please hang up and dial 988 "
                "yourself. In an emergency, call 911. To try again, press 9. To talk with our "
                "help line, press 0."
            ),
            unanswered_next=(
                "Sorry, nobody could answer just now. To have someone call you back, press 1 "
                "or say call me back. To try again, press 0 or say help line. In an emergency, "
                "hang up and call 911. To talk with someone now, call or text 988."
            ),
            number_entry_hint="Say the number, or key it in and then press pound.",
            callback_title="Call me back",
            helpline_now_offer="To talk with them right now, press 0.",
            number_slowly=(
                f"Our help line number is: {digit_by_digit(spoken)}. Once more: "
                f"{digit_by_digit(spoken)}. To be connected now, press 0."
            ),
            go_call_911=(
                "Yes, hang up and call 911 now. Our help line is here for you after. Goodbye."
            ),
        )


@dataclass
class CallState:
    """What the channel remembers about one call (in memory, by CallSid)."""

    options: List[Option] = field(default_factory=list)
    sayings: List[str] = field(default_factory=list)
    closing: List[str] = field(default_factory=list)
    silences: int = 0
    crisis: bool = False
    notes: List[str] = field(default_factory=list)
    language: str = "en"  # the conversation's language as the last reply spoke it
    # the last reply asked for a phone number: the keypad takes many digits, ended by #
    number_entry: bool = False
    # the channel itself read the help line's number last: a request to repeat is for it
    number_read: bool = False
    # the last prompt offered Spanish on 8 (the greeting): a stray 8 later is no language
    # switch (role-play round 34: an 8 at "should they call this number?" turned the call Spanish)
    spanish_offered: bool = False
    # "slower please" holds for the rest of the call, until "faster" (caller role-play round
    # 36: the next answer came at full speed again)
    slowly: bool = False
    seen: float = field(default_factory=time.monotonic)


# crisis replies after which a caller saying goodbye is let go: help is with them now
LEAVING_WITH_HELP_THERE = frozenset(
    {"utter_crisis_update_help_here", "utter_crisis_update_help_coming"}
)
# what the help-line answerer hears before a transferred caller is connected
WHISPER_NOTES = {
    "utter_crisis": "crisis reported",
    "utter_screening_detox_first": "caller screened: detox first",
    "utter_screening_iop_may_fit": "caller screened: IOP may fit",
    "utter_screening_helpline": "caller screened: wants to talk it through",
    "utter_callback_saved": "callback requested",
    "utter_inform_use": "caller described their use",
    # a past withdrawal seizure or the DTs told (caller role-play round 37: the help line heard
    # only "detox first", and the seizure was told three times)
    "utter_screening_history_told": "past withdrawal seizure or DTs told",
}
MAX_WHISPERS = 10_000
WHISPER_PATH = "/whisper"
# Each <Gather> posts its answer to the webhook URL with a fresh ``turn`` nonce, so
# every genuine Twilio request is unique (signed URL + form) and a replayed one is not
TURN_PARAM = "turn"
MAX_REPLIES = 10_000


SPANISH_CALLER_NOTE = "the caller speaks Spanish"


def whisper_text(notes: List[str]) -> str:
    """One short sentence for the answerer; nothing the caller said word for word."""
    if not notes:
        return "Transferred call from the automated assistant. No details shared yet."
    return "Transferred call from the automated assistant: " + ", ".join(notes) + "."


def notes_for(utter_actions: List[str]) -> List[str]:
    return [WHISPER_NOTES[name] for name in utter_actions if name in WHISPER_NOTES]


class VoiceOutput(CollectingOutputChannel):
    """Collects one turn's messages (named ``voice``) and the responses they came from."""

    def __init__(self) -> None:
        super().__init__()
        self.utter_actions: List[str] = []
        self.languages: List[str] = []

    @classmethod
    def name(cls) -> str:
        """The channel name responses can be conditioned on."""
        return CHANNEL_NAME

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Remember which response (``utter_action``) each message came from."""
        self.utter_actions.append(str(message.get("utter_action") or ""))
        self.languages.append(str(message.get("language") or ""))
        before = len(self.messages)
        await super().send_response(recipient_id, message)
        tag_language(self.messages[before:], message)

    @property
    def language(self) -> str | None:
        """``es`` when the turn answered in Spanish, ``en`` in English, None when unknown."""
        if "es" in self.languages:
            return "es"
        return "en" if "en" in self.languages else None

    @property
    def crisis(self) -> bool:
        """True when the turn answered with a crisis response."""
        return any(name.startswith("utter_crisis") for name in self.utter_actions)


def request_key(url: str, form: FormParams) -> str:
    """What makes one signed Twilio request unique: its URL and its whole form."""
    digest = hashlib.sha256(url.encode())
    for name in sorted(form):
        for value in form.getall(name):
            digest.update(b"\0" + name.encode() + b"=" + value.encode())
    return "voice:" + digest.hexdigest()[:56]


def _caller_key(form: FormParams, call_sid: str) -> str:
    """The address the conversation id is made from: the number, or the call if withheld."""
    phone = normalise_number(form.first("From") or "")
    digits = sum(ch.isdigit() for ch in phone)
    if digits < 3 or phone in WITHHELD_NUMBERS:
        return f"call:{call_sid}"
    return phone


class VoiceInput(TwilioWebhookInput):
    """Twilio Programmable Voice webhook for the assistant."""

    CHANNEL = CHANNEL_NAME
    FALLBACK_DONE = "transferred"
    settings: VoiceSettings  # the base class keeps the settings given to __init__

    def __init__(
        self,
        settings: VoiceSettings | None = None,
        facts: program_facts.ProgramFacts | None = None,
        database_url: str | None = None,
    ) -> None:
        facts = facts or program_facts.load()
        settings = settings or VoiceSettings.from_env(default_helpline=facts.helpline_e164)
        self.texts = VoiceTexts.from_facts(facts, settings.helpline_number)
        self.program_helpline = facts.helpline_e164  # the number the replies give
        self.texts_es = VoiceTexts.spanish(facts, settings.helpline_number)
        self.calls: OrderedDict[str, CallState] = OrderedDict()
        self.whispers: OrderedDict[str, str] = OrderedDict()
        # CallSid -> the call's language, for the words after a transfer nobody answered
        self.transferred: OrderedDict[str, str] = OrderedDict()
        # CallSids whose last transfer went to the crisis line (988), not the help line
        self.crisis_dials: OrderedDict[str, bool] = OrderedDict()
        self.replies: OrderedDict[str, str] = OrderedDict()
        super().__init__(settings, database_url)

    # ------------------------------------------------------------------ helpers
    def _next_turn_url(self, request: Request) -> str:
        """Where the next answer is posted: the webhook with a fresh ``turn`` nonce."""
        return self._webhook_url(request, f"{TURN_PARAM}={secrets.token_hex(8)}")

    def _call(self, call_sid: str) -> CallState | None:
        now = time.monotonic()
        while self.calls:
            oldest_sid, oldest = next(iter(self.calls.items()))
            if now - oldest.seen < CALL_STATE_TTL and len(self.calls) <= MAX_CALLS:
                break
            del self.calls[oldest_sid]
        state = self.calls.get(call_sid)
        if state is not None:
            state.seen = now
            self.calls.move_to_end(call_sid)
        return state

    def _gives_helpline_number(self, sayings: List[str]) -> bool:
        """The reply says the help line's number and offers no key for it."""
        spoken = " ".join(sayings)
        lowered = spoken.lower()
        if "press 0" in lowered or "marque 0" in lowered:
            return False
        numbers = {self.settings.helpline_number, self.program_helpline}
        return any(n and mentions_number(spoken, n) for n in numbers)

    def _texts_for(self, call_sid: str) -> VoiceTexts:
        """The channel's own words in the call's language."""
        state = self.calls.get(call_sid)
        return self.texts_es if state is not None and state.language == "es" else self.texts

    def _transfer_ended(self, call_sid: str, status: str | None, url: str) -> HTTPResponse:
        """After a call that took place, hang up; when nobody answered (busy, no answer,
        failed), the call goes on: a callback, another try, 911 and 988 are offered
        (role-play 2026-12-04: a man seeing things alone was read a number and hung up on)."""
        language = self.transferred.pop(call_sid, None)
        to_crisis_line = self.crisis_dials.pop(call_sid, False)
        if twiml.was_connected(status):
            return xml(twiml.dial_ended(status, ""))
        texts = self.texts_es if language == "es" else self.texts
        if to_crisis_line:
            # the 988 line did not connect: the caller is told so and how to reach it, and 9
            # tries again (before, "nobody could answer" and the help line were offered)
            state = self.calls.setdefault(call_sid, CallState(language=language or "en"))
            state.crisis, state.options, state.number_entry = True, [], False
            return xml(
                twiml.gather(
                    url,
                    [texts.crisis_line_unanswered],
                    hints=("nueve", "línea de ayuda") if language == "es" else ("988", "help line"),
                    language=twiml.twilio_language(language),
                )
            )
        # key 1 asks for the call back (role-play: pressing 1 here went to an old menu)
        state = self.calls.setdefault(call_sid, CallState(language=language or "en"))
        state.options = [{"number": "1", "title": texts.callback_title, "payload": CALLBACK}]
        state.number_entry = False
        return xml(
            twiml.gather(
                url,
                [texts.unanswered_next],
                hints=("llámenme", "línea de ayuda")
                if language == "es"
                else ("call me back", "help line"),
                language=twiml.twilio_language(language),
            )
        )

    def _forget(self, call_sid: str) -> None:
        self.calls.pop(call_sid, None)

    def _transfer(
        self,
        call_sid: str,
        line: str,
        number: str | None = None,
        request: Request | None = None,
    ) -> HTTPResponse:
        state = self.calls.get(call_sid)
        texts = self._texts_for(call_sid)
        voice = twiml.twilio_language(state.language if state else None)
        self._forget(call_sid)
        number = number or self.settings.helpline_number
        if request is None:
            return xml(twiml.dial([line], number, texts.unanswered, language=voice))
        # only a <Dial action> comes back (_transfer_ended): remember the call's language
        self.transferred[call_sid] = state.language if state else "en"
        while len(self.transferred) > MAX_WHISPERS:
            self.transferred.popitem(last=False)
        if number == self.settings.crisis_line:
            self.crisis_dials[call_sid] = True
            while len(self.crisis_dials) > MAX_WHISPERS:
                self.crisis_dials.popitem(last=False)
        action = self._next_turn_url(request)
        whisper = None
        if number == self.settings.helpline_number:
            notes = list(state.notes) if state else []
            if state is not None and state.language == "es":
                # the answerer must know before the caller is connected (role-play round 20:
                # a Spanish-only caller was put through with no word of it)
                notes.insert(0, SPANISH_CALLER_NOTE)
            self.whispers[call_sid] = whisper_text(notes)
            while len(self.whispers) > MAX_WHISPERS:
                self.whispers.popitem(last=False)
            base = action.rsplit("/", 1)[0]
            whisper = f"{base}{WHISPER_PATH}?call={call_sid}"
        return xml(
            twiml.dial([line], number, language=voice, action_url=action, whisper_url=whisper)
        )

    def _listen(
        self,
        url: str,
        state: CallState,
        before: List[str] | None = None,
        spanish_offer: bool = False,
        slowly: bool = False,
    ) -> HTTPResponse:
        state.spanish_offered = spanish_offer and state.language != "es"
        hints = [o["title"] for o in state.options] + ["help line", "representative"]
        if state.language == "es":
            hints += ["línea de ayuda", "una persona"]
        else:
            hints += ["español"]
        return xml(
            twiml.gather(
                url,
                (before or []) + state.sayings,
                state.closing,
                hints=hints,
                language=twiml.twilio_language(state.language),
                number_entry=state.number_entry,
                spanish_offer=spanish_offer and state.language != "es",
                spanish_key=twiml.spanish_key(state.options),
                slowly=slowly or state.slowly,
            )
        )

    # ------------------------------------------------------------------ handling
    async def _handle(
        self,
        on_new_message: OnNewMessage,
        request: Request,
        form: FormParams,
        call_sid: str,
    ) -> HTTPResponse:
        url = self._next_turn_url(request)
        speech = (form.first("SpeechResult") or "").strip()
        digits = (form.first("Digits") or "").strip()
        state = self._call(call_sid)
        texts = self._texts_for(call_sid)

        if form.first("DialCallStatus") is not None:  # a transfer ended (its <Dial action>)
            self.whispers.pop(call_sid, None)
            return self._transfer_ended(call_sid, form.first("DialCallStatus"), url)
        number_again = state is not None and state.number_read and twiml.asks_again(speech)
        if state is not None:
            state.number_read = False
        if number_again or twiml.asks_for_the_number(speech) or twiml.declines_a_transfer(speech):
            # the number, slowly, and no transfer: "I just want the number so I can write
            # it down", "stop connecting me!" (caller role-play 2026-12-05)
            state = state or self.calls.setdefault(call_sid, CallState())
            state.number_read = True
            if number_again:
                # the number alone, not the last reply after it (blind v16 b-39: the greeting)
                return self._listen(url, replace(state, sayings=[]), [texts.number_slowly])
            return self._listen(url, state, [texts.number_slowly])
        if (state is not None and state.crisis and twiml.wants_crisis_line(speech, digits)) or (
            # "put me through to that 988 then", "the crisis line, nine eight eight" (caller
            # role-play round 32: a widower was put through to the help line three times, and
            # his "988" read as a story of use)
            speech and twiml.wants_crisis_line(speech, None)
        ):
            logger.info("voice call %s: transfer to the crisis line", call_sid[:12])
            return self._transfer(
                call_sid, texts.to_crisis_line, self.settings.crisis_line, request=request
            )
        if twiml.wants_helpline(speech, digits) and not twiml.tells_of_danger(speech):
            # (danger told with the request, "I just want to talk to somebody. Some days I
            # don't want to be here anymore", gets the crisis reply, which offers 988 and the
            # help line by key: caller role-play round 32, the help line did not answer)
            logger.info("voice call %s: transfer to the help line on request", call_sid[:12])
            if speaks_spanish(speech):
                # "quisiera hablar con alguien que hable español" as the first words (blind
                # es-v6: "Connecting you..." in English); the whisper says it too
                self.calls.setdefault(call_sid, CallState()).language = SPANISH
                texts = self.texts_es
            return self._transfer(call_sid, texts.handoff, request=request)
        if self._key is None:
            return self._transfer(call_sid, texts.failure, request=request)

        # a call we know nothing of (first request, or state lost by a restart)
        # still has its words heard; without words (or with a key) it starts afresh
        first = state is None and not speech
        if state is not None and not speech and not digits:
            state.silences += 1
            if state.silences >= 2:
                logger.info("voice call %s: silent twice, transferred", call_sid[:12])
                return self._transfer(call_sid, texts.silence_handoff, request=request)
            return self._listen(url, state, [texts.reprompt])

        voice_meta: Dict[str, Any] = {"call_sid": call_sid}
        if first:
            user_text, voice_meta["input"] = GREETING, "call_start"
        else:
            options = state.options if state is not None else []
            if state is not None:
                state.silences = 0
            offered = state is None or state.spanish_offered
            if (
                offered
                and not (state and state.number_entry)
                and twiml.wants_spanish(digits, options)
            ):
                # 8, offered in Spanish when the call opens: the same as asking in words
                speech, digits = twiml.SPANISH_REQUEST_TEXT, ""
                voice_meta["selected_option"] = "spanish"
            chosen = twiml.choose(speech, digits, options)
            voice_meta["input"] = "dtmf" if digits else "speech"
            if chosen:
                user_text = chosen["payload"]
                voice_meta["selected_option"] = chosen["number"]
            elif digits and state is not None and state.number_entry:
                user_text = digits  # a phone number keyed in (role-play: one digit was taken)
            elif digits and len(digits.strip("#*")) >= PHONE_DIGITS:
                # a whole number keyed in where options were offered ("should they call the
                # number you're calling from?", v11 b-13): it answers with another number
                user_text = digits.strip("#*")
            elif digits:
                return self._listen(url, state or CallState(), [texts.unknown_key])
            else:
                capped, truncated = cap_message(speech)
                user_text = defuse_intent_syntax(capped or "")
                if truncated:
                    voice_meta["truncated"] = truncated
                confidence = form.first("Confidence")
                if confidence:
                    voice_meta["confidence"] = confidence[:16]

        caller = _caller_key(form, call_sid)
        conversation = identity.sender_id(CHANNEL_NAME, caller, self._key)
        if first and not caller.startswith("call:"):
            await self._remember_contact(conversation, caller)
        if first:
            await self._start_new_session(on_new_message, conversation, call_sid)
        turn = VoiceOutput()
        message = UserMessage(
            user_text,
            turn,
            conversation,
            input_channel=CHANNEL_NAME,
            metadata={"voice": voice_meta},
        )
        output = turn if await self._run_turn(on_new_message, message) else None
        prompt = twiml.render_prompt(output.messages if output else [])
        if output is None or not prompt.sayings:
            return self._transfer(call_sid, texts.failure, request=request)

        if state is None:
            state = self.calls.setdefault(call_sid, CallState())
        if output.language:
            # the reply's language is the call's from now on (<Say>/<Gather> es-US)
            state.language = output.language
            texts = self._texts_for(call_sid)
        state.notes.extend(n for n in notes_for(output.utter_actions) if n not in state.notes)
        if "utter_request_human" in output.utter_actions:
            logger.info("voice call %s: asked for a person, transferred", call_sid[:12])
            return self._transfer(call_sid, texts.handoff, request=request)
        last_reply = output.utter_actions[-1] if output.utter_actions else ""
        if (state.crisis or output.crisis) and twiml.leaves_to_call_911(speech):
            # "okay okay i'm hanging up and calling nine one one" (blind v22: the crisis
            # reply again, and the caller kept on the line)
            self._forget(call_sid)
            return xml(
                twiml.say_and_hang_up([texts.go_call_911], twiml.twilio_language(state.language))
            )
        if last_reply == "utter_goodbye" or (
            last_reply in LEAVING_WITH_HELP_THERE and twiml.says_goodbye(speech)
        ):
            # "ok the ambulance is here, bye" (blind v16: the call went on, asking for more)
            self._forget(call_sid)
            return xml(twiml.say_and_hang_up(prompt.sayings, twiml.twilio_language(state.language)))
        state.options, state.sayings, state.closing = prompt.options, prompt.sayings, []
        state.number_entry = NUMBER_QUESTION in output.utter_actions and not prompt.options
        if output.crisis:
            logger.info("voice call %s: crisis reply", call_sid[:12])
            state.crisis = True
            spoken = " ".join(prompt.sayings).lower()
            if "press 0" not in spoken and "marque 0" not in spoken:
                state.closing.append(texts.crisis_helpline_offer)
            state.closing.append(texts.crisis_line_offer)
        elif self._gives_helpline_number(prompt.sayings):
            state.closing.append(texts.helpline_now_offer)
        state.closing.extend(prompt.closing)
        if state.number_entry:
            state.closing.append(texts.number_entry_hint)
        if first:
            state.closing.append(texts.welcome_hint)
        state.slowly = twiml.speed_asked(speech, state.slowly)
        return self._listen(url, state, spanish_offer=first)

    async def _start_new_session(
        self, on_new_message: OnNewMessage, conversation: str, call_sid: str
    ) -> None:
        """A new call from a known number is a new conversation, not the last call's.

        The conversation id is the caller's number, so a second call within the session
        expiry went on with the first call's slots (caller role-play round 30: a detox
        verdict from the last call was given again at once, a callback form was resumed).
        Rasa's ``/session_start`` runs ``action_session_start`` (no slots carried over);
        the history stays in the tracker for staff. Its reply, if any, is not spoken.
        """
        message = UserMessage(
            NEW_SESSION,
            CollectingOutputChannel(),
            conversation,
            input_channel=CHANNEL_NAME,
            metadata={"voice": {"call_sid": call_sid, "input": "call_start"}},
        )
        await self._run_turn(on_new_message, message)

    def _add_routes(self, blueprint: Blueprint, on_new_message: OnNewMessage) -> None:
        """The transfer whisper, beside the health check and the webhook."""

        @blueprint.route(WHISPER_PATH, methods=["POST"])
        async def whisper(request: Request) -> HTTPResponse:
            """Played to the help-line answerer before a transferred caller is connected."""
            form = read_signed_form(request, self._signature_ok, CHANNEL_NAME)
            if isinstance(form, HTTPResponse):
                return form
            summary = self.whispers.pop(str(request.args.get("call") or "")[:64], None)
            return xml(twiml.whisper(summary or whisper_text([])))

    async def _receive(
        self, on_new_message: OnNewMessage, request: Request, form: FormParams
    ) -> HTTPResponse:
        call_sid = (form.first("CallSid") or "").strip()
        if not call_sid or len(call_sid) > 64 or len(form.first("From") or "") > 64:
            return response.text("missing or malformed CallSid", status=400)
        # a replayed signed request (same URL, same form) must not run the turn again:
        # it gets the answer the first copy got (issue 14, item 14)
        key = request_key(self._webhook_url(request), form)
        if not await self._claim(key, f"call:{call_sid}"[:128]):
            logger.warning("voice call %s: replayed request, no turn", call_sid[:12])
            if key in self.replies:
                return xml(self.replies[key])
            state = self._call(call_sid) or CallState()
            return self._listen(
                self._next_turn_url(request), state, [self._texts_for(call_sid).reprompt]
            )
        try:
            answer = await self._handle(on_new_message, request, form, call_sid)
        except Exception:
            logger.exception("voice webhook: failed to handle call %s", call_sid[:12])
            answer = self._transfer(call_sid, self._texts_for(call_sid).failure, request=request)
        self.replies[key] = (answer.body or b"").decode("utf-8")
        while len(self.replies) > MAX_REPLIES:
            self.replies.popitem(last=False)
        return answer
