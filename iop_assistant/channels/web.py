"""REST and socket.io channels that take only what a person can type or tap.

Rasa's own ``rest`` and ``socketio`` channels trust the client for three
things an attacker can simply send (issue 14):

* **the channel**: ``{"input_channel": "sms"}`` made a REST turn look like an
  SMS turn, so the callback form offered "the number you're texting from";
* **the conversation**: a sender id in a phone channel's namespace (``sms-…``,
  ``voice-…``, :mod:`.identity`) wrote into that person's conversation and
  read their number back;
* **intents, entities and confidence**: typed text such as
  ``/crisis{"crisis_category": "<anything>"}``, ``/restart`` or
  ``/session_start`` ran as an intent with entities (Rasa reads "/…" as
  intent syntax), which set the crisis flag with attacker text.

These subclasses keep Rasa's webhook paths (``/webhooks/rest/webhook``;
socket.io at ``/socket.io``) and channel names (``rest``, ``socketio``: the
response variations still apply) and add, before any turn runs:

* REST refuses (400) a missing or over-long sender, a sender in a phone
  channel's namespace, an ``input_channel`` other than ``rest``, and a
  message that is not a string; socket.io ignores a message whose session id
  is in a phone channel's namespace and hands out a fresh id to a
  ``session_request`` for one;
* a message that reads as "/intent" is passed on only when it is exactly a
  button payload the bot can offer (the domain's buttons and the clarifying
  topics: ``/ask_more``, ``/request_human``…, never with entities or
  ``@confidence``); anything else has its intent syntax defused
  (:func:`.webhook.defuse_intent_syntax`) and is read as words;
* metadata keys the phone channels own (``sms``, ``voice``) are dropped.

Registered in credentials.yml as ``iop_assistant.channels.web.WebRestInput``
and ``iop_assistant.channels.web.WebSocketIOInput`` in place of ``rest`` and
``socketio``.
"""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, FrozenSet, Iterable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from sanic.exceptions import SanicException
from sanic.request import Request

from iop_assistant import log_privacy
from iop_assistant.channels.message_size import TRUNCATED_KEY, cap_message, request_max_bytes
from iop_assistant.channels.webhook import defuse_intent_syntax, strip_invisible
from iop_assistant.topics import CLARIFY_LABELS

logger = logging.getLogger(__name__)
# Rasa's "Failed to parse arguments in line '<message>'" warnings: kind and length only
log_privacy.install()

# conversation-id namespaces of the phone channels (identity.sender_id)
RESERVED_SENDER_PREFIXES = ("sms-", "voice-")
RESERVED_METADATA_KEYS = frozenset({"sms", "voice"})
MAX_SENDER_CHARS = 128
# "/intent" with nothing else: no entities, no @confidence
_PLAIN_PAYLOAD = re.compile(r"^/[A-Za-z0-9_]{1,64}$")
# payloads offered by the bot that are not in the domain's buttons: the
# clarifying question's topics (actions/clarify.py)
STATIC_PAYLOADS: FrozenSet[str] = frozenset(f"/{name}" for name in CLARIFY_LABELS)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class BadRequest(SanicException):
    """Answered as 400 with the message (Sanic's own exception handler)."""

    status_code = 400
    quiet = True


def reserved_sender(sender_id: object) -> bool:
    """True for a conversation id another channel owns (case and invisible characters aside)."""
    text = strip_invisible(str(sender_id or "")).lower()
    return text.startswith(RESERVED_SENDER_PREFIXES)


def valid_sender(sender_id: object) -> bool:
    """A sender id a web client may use: a short printable string outside the phone namespaces."""
    return (
        isinstance(sender_id, str)
        and 0 < len(sender_id) <= MAX_SENDER_CHARS
        and sender_id.isprintable()
        and sender_id.strip() == sender_id
        and not reserved_sender(sender_id)
    )


def domain_payloads(domain: Any) -> FrozenSet[str]:
    """Plain "/intent" button payloads in the domain's responses (every variation)."""
    found = set()
    responses = getattr(domain, "responses", None) or {}
    for variations in responses.values():
        for variation in variations or []:
            for button in (variation or {}).get("buttons") or []:
                payload = str((button or {}).get("payload") or "").strip()
                if _PLAIN_PAYLOAD.match(payload):
                    found.add(payload)
    return frozenset(found)


class PayloadGate:
    """Which "/intent" messages a web client may send: the bot's own button payloads."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self.static = STATIC_PAYLOADS | frozenset(p for p in extra if _PLAIN_PAYLOAD.match(p))
        self._domain_id: int | None = None
        self._allowed: FrozenSet[str] = self.static

    def allowed(self, domain: Any = None) -> FrozenSet[str]:
        """Static payloads plus the domain's buttons (recomputed when the model changes)."""
        if domain is not None and id(domain) != self._domain_id:
            self._allowed = self.static | domain_payloads(domain)
            self._domain_id = id(domain)
        return self._allowed

    def text_for_rasa(self, text: str | None, domain: Any = None) -> str | None:
        """An offered payload as it is; anything else with its intent syntax defused."""
        if not text:
            return text
        if text.strip() in self.allowed(domain):
            return text.strip()
        defused = defuse_intent_syntax(text)
        if defused != text:
            logger.info("web message: intent syntax from a client defused")
        return defused


class _WebGuard:
    """What both web channels share: the checks made on every ``UserMessage``."""

    gate: PayloadGate
    _app: Any = None

    def _domain(self) -> Any:
        agent = getattr(getattr(self._app, "ctx", None), "agent", None)
        return getattr(agent, "domain", None)

    def _remember_app(self, blueprint: Blueprint) -> None:
        @blueprint.listener("before_server_start")
        async def remember(app: Any, _loop: Any) -> None:
            self._app = app
            # Sanic's default is 100 MB: a bigger body is refused (413) before it is read
            app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, request_max_bytes())

    def guarded(self, on_new_message: OnNewMessage, channel: str) -> OnNewMessage:
        """``on_new_message`` behind the checks; a message that fails them never runs."""

        async def handler(message: UserMessage) -> Any:
            if not valid_sender(message.sender_id):
                logger.warning("%s: refused a message for a reserved or invalid sender", channel)
                return None
            message.input_channel = channel
            capped, truncated = cap_message(message.text)
            message.text = self.gate.text_for_rasa(capped, self._domain())
            if isinstance(message.metadata, dict):
                message.metadata = {
                    k: v
                    for k, v in message.metadata.items()
                    if k not in RESERVED_METADATA_KEYS and k != TRUNCATED_KEY
                }
            elif message.metadata is not None:
                message.metadata = None
            if truncated:
                logger.info("%s: a message of %d characters was truncated", channel,
                            truncated["original_chars"])  # fmt: skip
                message.metadata = {**(message.metadata or {}), TRUNCATED_KEY: truncated}
            return await on_new_message(message)

        return handler


class WebRestInput(_WebGuard, RestInput):
    """``POST /webhooks/rest/webhook`` as Rasa's, minus spoofing and typed intent syntax."""

    def __init__(self) -> None:
        self.gate = PayloadGate()

    @classmethod
    def from_credentials(cls, credentials: Dict[str, Any] | None) -> WebRestInput:
        return cls()

    @staticmethod
    def _body(req: Request) -> Dict[str, Any]:
        try:
            body = req.json
        except Exception:  # Sanic raises on a body that is not JSON
            body = None
        if not isinstance(body, dict):
            raise BadRequest("expected a JSON object")
        return body

    async def _extract_sender(self, req: Request) -> str | None:
        sender = self._body(req).get("sender")
        if sender is None or sender == "":
            raise BadRequest("sender is required")
        if not valid_sender(sender):
            raise BadRequest("sender is not allowed")
        return sender

    def _extract_message(self, req: Request) -> str | None:
        message = self._body(req).get("message")
        if message is not None and not isinstance(message, str):
            raise BadRequest("message must be a string")
        return message

    def _extract_input_channel(self, req: Request) -> str:
        claimed = self._body(req).get("input_channel")
        if claimed not in (None, "", self.name()):
            raise BadRequest("input_channel is not allowed")
        return self.name()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        blueprint = super().blueprint(self.guarded(on_new_message, self.name()))
        self._remember_app(blueprint)
        return blueprint


class WebSocketIOInput(_WebGuard, SocketIOInput):
    """Rasa's socket.io channel (same events, path and settings) behind the same checks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gate = PayloadGate()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        blueprint = super().blueprint(self.guarded(on_new_message, self.name()))
        self._remember_app(blueprint)
        sio = self.sio
        namespace = self.namespace or "/"
        handlers = sio.handlers[namespace]
        session_request = handlers["session_request"]
        handle_message = handlers[self.user_message_evt]

        async def guarded_session_request(sid: str, data: Dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            wanted = data.get("session_id")
            if wanted is not None and not valid_sender(wanted):
                logger.warning("socketio: session_request for a reserved or invalid id: new id")
                data = {**data, "session_id": uuid.uuid4().hex}
            await session_request(sid, data)

        async def guarded_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return None
            message = data.get("message", "")
            if not isinstance(message, str):
                logger.warning("socketio: ignored a message that is not a string")
                return None
            session_id = data.get("session_id")
            if self.session_persistence and session_id and not valid_sender(session_id):
                logger.warning("socketio: ignored a message for a reserved or invalid session")
                return None
            await handle_message(sid, data)

        sio.on("session_request", guarded_session_request, namespace=namespace)
        sio.on(self.user_message_evt, guarded_message, namespace=namespace)
        return blueprint
