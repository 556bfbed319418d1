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
  channel's namespace or a socket.io session id, an ``input_channel`` other
  than ``rest``, and a message that is not a string;
* socket.io issues signed session ids (:class:`SessionSigner`): a
  ``session_request`` for any other id gets a fresh one, and a message is
  taken only for the signed id this socket was confirmed; a connection from a
  browser page whose Origin is not one of ``IOP_WEB_ORIGINS`` is refused;
* every message is capped (:mod:`.message_size`);
* a message that reads as "/intent" is passed on only when it is exactly a
  button payload the bot can offer (the domain's buttons and the clarifying
  topics: ``/ask_more``, ``/request_human``…, never with entities or
  ``@confidence``); anything else has its intent syntax defused
  (:func:`.webhook.defuse_intent_syntax`) and is read as words;
* metadata keys the phone channels own (``sms``, ``voice``) are dropped;
* during a live handoff the widget's ``handoff_typing`` signal ("the visitor
  is typing") is recorded for the staff member, for the confirmed session
  only and at most once a second per socket (issue 19, docs/handoff.md);
* for third-party clients (:mod:`.web_clients`): an empty socket.io message
  (rasa-webchat's default init payload) is ignored (over REST it is answered
  and kept, as any bad input), a ``tel:…`` text is answered with that number,
  and call numbers are also written in the text of bot messages.

Registered in credentials.yml as ``iop_assistant.channels.web.WebRestInput``
and ``iop_assistant.channels.web.WebSocketIOInput`` in place of ``rest`` and
``socketio``.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import re
import secrets
import time
import uuid
from typing import Any, Awaitable, Callable, Dict, FrozenSet, Iterable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from sanic.exceptions import SanicException
from sanic.request import Request

from iop_assistant import log_privacy
from iop_assistant.channels.handoff_relay import TYPING_EVENT, HandoffRelay
from iop_assistant.channels.message_size import TRUNCATED_KEY, cap_message, request_max_bytes
from iop_assistant.channels.web_clients import call_reply, called_number, is_blank, show_numbers
from iop_assistant.channels.webhook import defuse_intent_syntax, strip_invisible
from iop_assistant.handoff import typing_signals
from iop_assistant.store.callbacks import WEB_CLIENT_METADATA
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

# socket.io session ids the server issued: "<32 hex>.<32 hex HMAC>" (issue 14, item 10)
SIGNED_SESSION = re.compile(r"^[0-9a-f]{32}\.[0-9a-f]{32}$")
SESSION_KEY_ENV = "IOP_WEB_SESSION_KEY"
WEB_PORT_ENV = "WEB_PORT"
PROXIES_ENV = "IOP_PROXIES_COUNT"  # proxies in front of Rasa whose X-Forwarded-For to trust
TYPING_MIN_INTERVAL = 1.0  # seconds between typing signals a socket may store (widget: 2.5)


class SessionSigner:
    """Issues and checks socket.io session ids, so a client cannot pick one.

    The session id is the only credential of a web conversation: a client that
    could choose it could write into (and receive the replies of) any
    conversation whose id it learned or guessed. The server now hands out
    ``<nonce>.<HMAC(nonce)>`` ids and accepts only those; any other id asked
    for in ``session_request`` is answered with a fresh signed one (our widget
    and rasa-webchat both adopt the id in ``session_confirm``).

    The key: ``IOP_WEB_SESSION_KEY``, else derived from the conversation-id key
    (``IOP_SENDER_ID_KEY`` or its key file), else a random one per process.
    """

    def __init__(self, key: bytes | None = None) -> None:
        self.key = key or self._load_key()

    @staticmethod
    def _load_key() -> bytes:
        from_env = os.environ.get(SESSION_KEY_ENV, "").strip()
        if from_env:
            return from_env.encode()
        try:
            from iop_assistant.channels import identity

            return hmac.new(identity.load_key(), b"socketio-session-v1", hashlib.sha256).digest()
        except Exception:
            logger.warning("socketio: no session key; web sessions will not survive a restart")
            return secrets.token_bytes(32)

    def _signature(self, nonce: str) -> str:
        mac = hmac.new(self.key, b"socketio-session:" + nonce.encode(), hashlib.sha256)
        return mac.hexdigest()[:32]

    def issue(self) -> str:
        """A new session id."""
        nonce = uuid.uuid4().hex
        return f"{nonce}.{self._signature(nonce)}"

    def client_key(self, address: str) -> str:
        """A keyed hash of a client's address: the per-client callback limit, no address kept."""
        mac = hmac.new(self.key, b"web-client:" + address.encode(), hashlib.sha256)
        return mac.hexdigest()[:32]

    def valid(self, session_id: object) -> bool:
        """True for an id this server (or one sharing its key) issued."""
        if not isinstance(session_id, str) or not SIGNED_SESSION.match(session_id):
            return False
        nonce, signature = session_id.split(".")
        return hmac.compare_digest(signature, self._signature(nonce))


def allowed_origins(environ: Dict[str, str] | None = None) -> FrozenSet[str]:
    """Pages that may open a socket: ``IOP_WEB_ORIGINS``, else the local page server's."""
    from iop_assistant.webpage import page_origins

    env = os.environ if environ is None else environ
    try:
        port = int(env.get(WEB_PORT_ENV) or 8000)
    except ValueError:
        port = 8000
    return frozenset(page_origins(port, env))


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
    signer: SessionSigner
    _app: Any = None

    def _client_key(self, request: Any) -> str:
        """The keyed hash of the address a request came from (through trusted proxies)."""
        address = getattr(request, "remote_addr", "") or getattr(request, "ip", "") or "?"
        return self.signer.client_key(address)

    def _domain(self) -> Any:
        agent = getattr(getattr(self._app, "ctx", None), "agent", None)
        return getattr(agent, "domain", None)

    def _remember_app(self, blueprint: Blueprint) -> None:
        async def remember(app: Any, _loop: Any) -> None:
            self._app = app
            # Sanic's default is 100 MB: a bigger body is refused (413) before it is read
            app.config.REQUEST_MAX_SIZE = min(app.config.REQUEST_MAX_SIZE, request_max_bytes())
            # behind nginx/an ingress: the client's address from X-Forwarded-For
            try:
                proxies = int(os.environ.get(PROXIES_ENV) or 0)
            except ValueError:
                proxies = 0
            if proxies > 0:
                app.config.PROXIES_COUNT = proxies

        # the call form of ``@blueprint.listener("before_server_start")``: Sanic types the
        # decorator form as returning a listener, not a decorator
        blueprint.listener(remember, "before_server_start")

    def guarded(self, on_new_message: OnNewMessage, channel: str) -> OnNewMessage:
        """``on_new_message`` behind the checks; a message that fails them never runs."""

        async def handler(message: UserMessage) -> Any:
            if not valid_sender(message.sender_id):
                logger.warning("%s: refused a message for a reserved or invalid sender", channel)
                return None
            message.input_channel = channel
            capped, truncated = cap_message(message.text)
            # third-party clients (issue 15 item 6, .web_clients)
            if channel == "socketio" and is_blank(capped):
                logger.info("%s: ignored an empty message (an empty init payload)", channel)
                return None
            number = called_number(capped)
            if number is not None:
                reply = call_reply(number)
                return await message.output_channel.send_text_message(message.sender_id, reply)
            show_numbers(message.output_channel)
            carry_language(message.output_channel)
            message.text = self.gate.text_for_rasa(capped, self._domain())
            if isinstance(message.metadata, dict):
                # what the client claimed is dropped; the channel's own web_client key stays
                message.metadata = {
                    k: (str(v) if isinstance(v, _ServerSet) else v)
                    for k, v in message.metadata.items()
                    if k not in RESERVED_METADATA_KEYS and k != TRUNCATED_KEY
                    and (k != WEB_CLIENT_METADATA or isinstance(v, _ServerSet))
                }  # fmt: skip
            elif message.metadata is not None:
                message.metadata = None
            if truncated:
                logger.info("%s: a message of %d characters was truncated", channel,
                            truncated["original_chars"])  # fmt: skip
                message.metadata = {**(message.metadata or {}), TRUNCATED_KEY: truncated}
            return await on_new_message(message)

        return handler


LANGUAGE_EVENT = "iop_language"


def carry_language(output_channel: Any) -> None:
    """Socket.io replies are preceded by their language, so the widget follows it.

    The NLG marks each response (iop_assistant/language/nlg.py); before a reply's
    messages the widget gets ``iop_language`` ``{"language": "es"}`` on its own
    event. Not a key in the message itself: third-party clients (rasa-webchat)
    read a message by its exact keys and would drop it. REST replies are left
    as they are.
    """
    sio = getattr(output_channel, "sio", None)
    if sio is None or getattr(output_channel, "_carries_language", False):
        return
    send_response = output_channel.send_response

    async def send_response_with_language(recipient_id: str, message: Dict[str, Any]) -> None:
        language = message.get("language")
        if language:
            await sio.emit(LANGUAGE_EVENT, {"language": language}, room=recipient_id)
        await send_response(recipient_id, message)

    output_channel.send_response = send_response_with_language
    output_channel._carries_language = True


def record_visitor_typing(conversation_id: str) -> bool:
    """Store "the visitor is typing" on the conversation's open web handoff (none: nothing)."""
    try:
        return typing_signals.visitor_typing(conversation_id)
    except Exception:
        logger.exception("socketio: could not record a typing signal")
        return False


class _ServerSet(str):
    """A metadata value the channel set itself (a client's own ``web_client`` is dropped)."""


class WebRestInput(_WebGuard, RestInput):
    """``POST /webhooks/rest/webhook`` as Rasa's, minus spoofing and typed intent syntax."""

    def __init__(self) -> None:
        self.gate = PayloadGate()
        self.signer = SessionSigner()

    def get_metadata(self, request: Request) -> Dict[str, Any] | None:
        """The client's metadata (checked later) and, set here, its ``web_client`` key."""
        metadata = self._body(request).get("metadata")
        metadata = dict(metadata) if isinstance(metadata, dict) else {}
        metadata[WEB_CLIENT_METADATA] = _ServerSet(self._client_key(request))
        return metadata

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
        if not valid_sender(sender) or SIGNED_SESSION.match(sender):
            # a socket.io conversation is reachable only through its own socket
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
        self.signer = SessionSigner()
        self.origins = allowed_origins()
        self._sessions: Dict[str, str] = {}  # socket sid -> the session it was confirmed
        self._clients: Dict[str, str] = {}  # socket sid -> its web_client key
        self._typed: Dict[str, float] = {}  # socket sid -> when its last typing signal was kept

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        blueprint = super().blueprint(self.guarded(on_new_message, self.name()))
        self._remember_app(blueprint)
        sio = self.sio
        if sio is None:  # SocketIOInput.blueprint has just set it
            raise RuntimeError("socketio: the channel's blueprint made no socket.io server")
        namespace = self.namespace or "/"
        handlers = sio.handlers[namespace]
        connect = handlers["connect"]
        disconnect = handlers["disconnect"]
        session_request = handlers["session_request"]
        handle_message = handlers[self.user_message_evt]

        async def guarded_connect(sid: str, environ: Dict, auth: Any = None) -> bool:
            # a browser page of another site must not open a socket (WebSocket has no
            # CORS); clients that send no Origin (apps, tests) are not browsers
            origin = (environ or {}).get("HTTP_ORIGIN")
            if origin and origin.rstrip("/") not in self.origins:
                logger.warning("socketio: refused a connection from another page's origin")
                return False
            self._clients[sid] = self._client_key((environ or {}).get("sanic.request"))
            return await connect(sid, environ, auth)

        async def guarded_disconnect(sid: str, *args: Any) -> None:
            self._sessions.pop(sid, None)
            self._clients.pop(sid, None)
            self._typed.pop(sid, None)
            await disconnect(sid)

        async def guarded_session_request(sid: str, data: Dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            if not self.signer.valid(data.get("session_id")):
                # an id the client chose (or none): the server issues one
                data = {**data, "session_id": self.signer.issue()}
            self._sessions[sid] = data["session_id"]
            await session_request(sid, data)

        async def guarded_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return None
            message = data.get("message", "")
            if not isinstance(message, str):
                logger.warning("socketio: ignored a message that is not a string")
                return None
            session_id = data.get("session_id")
            if self.session_persistence and (
                not self.signer.valid(session_id) or self._sessions.get(sid) != session_id
            ):
                logger.warning("socketio: ignored a message for a session not given to this socket")
                return None
            metadata = data.get(self.metadata_key)
            metadata = dict(metadata) if isinstance(metadata, dict) else {}
            metadata[WEB_CLIENT_METADATA] = _ServerSet(self._clients.get(sid) or "")
            await handle_message(sid, {**data, self.metadata_key: metadata})

        async def visitor_typing(sid: str, data: Any) -> None:
            # live handoff: the widget's visitor is typing (the staff member's console shows it)
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if self.session_persistence:
                if not self.signer.valid(session_id) or self._sessions.get(sid) != session_id:
                    return None
                sender = str(session_id)
            else:
                sender = sid
            now = time.monotonic()
            if now - self._typed.get(sid, float("-inf")) < TYPING_MIN_INTERVAL:
                return None
            self._typed[sid] = now
            await asyncio.get_running_loop().run_in_executor(None, record_visitor_typing, sender)

        sio.on("connect", guarded_connect, namespace=namespace)
        sio.on("disconnect", guarded_disconnect, namespace=namespace)
        sio.on("session_request", guarded_session_request, namespace=namespace)
        sio.on(self.user_message_evt, guarded_message, namespace=namespace)
        sio.on(TYPING_EVENT, visitor_typing, namespace=namespace)
        # live handoff (issue 19): staff messages and endings, delivered to sockets here
        HandoffRelay(sio, namespace, bot_event=self.bot_message_evt).attach(blueprint)
        return blueprint
