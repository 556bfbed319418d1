"""The Rasa server's side of a live handoff: tracker writes, endings, web delivery.

Runs as a background task in every Rasa server (started by the socket.io
channel, :class:`~iop_assistant.channels.web.WebSocketIOInput`). All state is
in the app database, so with several servers behind nginx any of them can do
each step, and each step is claimed by a conditional UPDATE, so only one does:

1. **timeouts** (:func:`.queue.sweep`): unclaimed after
   ``IOP_HANDOFF_CLAIM_TIMEOUT``, quiet after ``IOP_HANDOFF_QUIET_TIMEOUT``;
2. **staff messages into the tracker**: ``BotUttered`` with
   ``metadata.handoff = {"staff": name}`` under the conversation's lock, so
   the transcript, the console and retention treat them like any message;
3. **endings** (hand back, close, timeouts, STOP): ``ConversationResumed``,
   the assistant's words (``utter_handoff_unclaimed`` / ``utter_handoff_returned``,
   none after STOP) and ``action_listen``, then those words to the person
   (widget, or the outbox for SMS);
4. **web delivery**: a message for a widget whose socket is connected to
   *this* server is emitted to its room (``bot_uttered``); a widget that is
   offline or on another server gets it from that server, or on reconnecting;
5. **staff typing**: while the staff member holding a web chat types (the
   console stores a short-lived signal, :mod:`.typing_signals`), the server
   holding the widget's socket emits ``handoff_typing`` ``{"typing": true,
   "staff": name}`` to its room, once per new signal, and ``{"typing":
   false}`` when the signal is gone (message sent, chat ended).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from datetime import datetime
from typing import Any, Callable, Dict, List, TypeVar

from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ConversationResumed,
    Event,
)

from iop_assistant.channels.sms_format import render_reply, segment
from iop_assistant.handoff import queue, typing_signals
from iop_assistant.handoff.settings import TYPING_SECONDS, HandoffSettings
from iop_assistant.handoff.settings import from_env as settings_from_env
from iop_assistant.store import contacts
from iop_assistant.store import sms as sms_store

logger = logging.getLogger(__name__)
T = TypeVar("T")

UNCLAIMED_RESPONSE = "utter_handoff_unclaimed"
RETURNED_RESPONSE = "utter_handoff_returned"
STAFF_METADATA = "handoff"
TYPING_EVENT = "handoff_typing"  # both ways: staff typing to the widget, the visitor's back


def response_for(reason: str | None) -> str | None:
    """What the assistant says when a handoff ends (nothing after STOP)."""
    if reason == queue.OPTED_OUT:
        return None
    return UNCLAIMED_RESPONSE if reason == queue.UNCLAIMED else RETURNED_RESPONSE


def staff_event(message: queue.Outgoing) -> BotUttered:
    """A staff reply as the tracker keeps it: a bot message marked with its staff sender."""
    return BotUttered(
        message.text,
        data={},
        metadata={STAFF_METADATA: {"staff": message.staff_name, "message_id": message.id}},
    )


def widget_payload(message: queue.Outgoing) -> Dict[str, Any]:
    """What the widget receives on ``bot_uttered`` (``handoff`` tells it who speaks)."""
    payload: Dict[str, Any] = {"text": message.text}
    if message.author == "staff":
        payload["handoff"] = {"state": "claimed", "staff": message.staff_name}
    else:
        payload["handoff"] = {"state": "ended"}
        if message.buttons:
            payload["quick_replies"] = [
                {"content_type": "text", "title": b.get("title"), "payload": b.get("payload")}
                for b in message.buttons
            ]
    return payload


class HandoffRelay:
    """One per Rasa server: polls the app database and acts (see the module docstring)."""

    def __init__(
        self,
        sio: Any,
        namespace: str = "/",
        config: HandoffSettings | None = None,
        bot_event: str = "bot_uttered",
    ) -> None:
        self.sio = sio
        self.bot_event = bot_event or "bot_uttered"
        self.namespace = namespace or "/"
        self.config = config or settings_from_env()
        self.server = f"{socket.gethostname()}:{os.getpid()}"
        self._task: asyncio.Task | None = None
        self._warned = False
        # conversation -> the staff typing signal last emitted to it from here
        self._typing_shown: Dict[str, datetime] = {}

    # ------------------------------------------------------------------ lifecycle
    def attach(self, blueprint: Any) -> None:
        """Start with the server, stop with it."""

        async def start(app: Any, _loop: Any) -> None:
            self._task = asyncio.ensure_future(self.run(app))

        async def stop(_app: Any, _loop: Any) -> None:
            if self._task is not None:
                self._task.cancel()

        blueprint.listener(start, "after_server_start")
        blueprint.listener(stop, "before_server_stop")

    async def run(self, app: Any) -> None:
        """Tick until cancelled; a failing tick is logged once per streak, never fatal."""
        while True:
            agent = getattr(app.ctx, "agent", None)
            if agent is not None and getattr(agent, "processor", None) is not None:
                try:
                    await self.tick(agent)
                    self._warned = False
                except asyncio.CancelledError:
                    raise
                except Exception:
                    if not self._warned:
                        logger.exception("handoff relay: a tick failed (retrying)")
                        self._warned = True
            await asyncio.sleep(self.config.poll_seconds)

    @staticmethod
    async def _db(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, lambda: function(*args, **kwargs))

    # ------------------------------------------------------------------ one tick
    async def tick(self, agent: Any) -> None:
        """Timeouts, staff messages into trackers, endings, then local web delivery."""
        swept = await self._db(queue.sweep, self.config)
        if swept:
            logger.info("handoff relay: %d handoff(s) timed out", swept)
        for message in await self._db(queue.take_untracked):
            try:
                await self._append(agent, message.conversation_id, [staff_event(message)])
            except Exception:
                await self._db(queue.untrack, message.id)
                raise
        for handoff in await self._db(queue.take_closing):
            try:
                await self.finish(agent, handoff)
            except Exception:
                await self._db(queue.reopen_closing, handoff.id)
                raise
        await self.deliver_local()
        await self.relay_typing()

    async def _append(self, agent: Any, conversation_id: str, events: List[Event]) -> Any:
        """Append events to a conversation's tracker under its lock (any server's lock store)."""
        async with agent.lock_store.lock(conversation_id):
            tracker = await agent.processor.get_tracker(conversation_id)
            for event in events:
                tracker.update(event, agent.domain)
            await agent.processor.save_tracker(tracker)
            return tracker

    async def finish(self, agent: Any, handoff: queue.HandoffRow) -> None:
        """Give the conversation back to the assistant and tell the person (not after STOP)."""
        response = response_for(handoff.end_reason)
        message: Dict[str, Any] = {}
        async with agent.lock_store.lock(handoff.conversation_id):
            tracker = await agent.processor.get_tracker(handoff.conversation_id)
            tracker.update(ConversationResumed(), agent.domain)
            if response:
                message = (
                    await agent.processor.nlg.generate(response, tracker, handoff.channel) or {}
                )
                tracker.update(ActionExecuted(response), agent.domain)
                tracker.update(
                    BotUttered(
                        message.get("text"),
                        data={"buttons": message.get("buttons")} if message.get("buttons") else {},
                        metadata={
                            "utter_action": response,
                            STAFF_METADATA: {"ended": handoff.end_reason},
                        },
                    ),
                    agent.domain,
                )
            tracker.update(ActionExecuted("action_listen"), agent.domain)
            await agent.processor.save_tracker(tracker)
        logger.info("handoff %d ended (%s)", handoff.id, handoff.end_reason)
        if not message.get("text"):
            return
        buttons = list(message.get("buttons") or [])
        bodies: List[str] = []
        phone = None
        if handoff.channel == "sms":
            texts, options = render_reply([message])
            bodies = segment(texts)
            phone = await self._db(contacts.contact_number, handoff.conversation_id)
            await self._db(sms_store.save_menu, handoff.conversation_id, options)
        await self._db(
            queue.add_assistant_messages,
            handoff,
            [message["text"]],
            [buttons],
            sms_bodies=bodies,
            phone_number=phone,
        )

    # ------------------------------------------------------------------ web delivery
    def local_sessions(self) -> List[str]:
        """Session ids (rooms) with a socket connected to this server."""
        manager = getattr(self.sio, "manager", None)
        rooms = (getattr(manager, "rooms", None) or {}).get(self.namespace) or {}
        return [room for room, members in rooms.items() if room and members]

    async def deliver_local(self) -> int:
        """Emit the web messages whose widget is connected here; how many."""
        waiting = await self._db(queue.undelivered_web_conversations)
        if not waiting:
            return 0
        here = set(self.local_sessions()) & set(waiting)
        sent = 0
        for message in await self._db(queue.undelivered_web, sorted(here)):
            if not await self._db(queue.mark_delivered, message.id, self.server):
                continue
            await self.sio.emit(
                self.bot_event, widget_payload(message), room=message.conversation_id,
                namespace=self.namespace,
            )  # fmt: skip
            sent += 1
        return sent

    # ------------------------------------------------------------------ staff typing
    async def relay_typing(self) -> int:
        """Tell widgets connected here that their staff member is (no longer) typing; how many."""
        typing = await self._db(typing_signals.staff_typing_web)
        if not typing and not self._typing_shown:
            return 0
        here = set(self.local_sessions())
        current = {t.conversation_id: t for t in typing if t.conversation_id in here}
        emitted = 0
        for conversation, signal in current.items():
            if self._typing_shown.get(conversation) == signal.until:
                continue  # this signal was already shown; the widget's timer covers it
            self._typing_shown[conversation] = signal.until
            payload = {"typing": True, "staff": signal.staff_name, "seconds": TYPING_SECONDS}
            await self.sio.emit(TYPING_EVENT, payload, room=conversation, namespace=self.namespace)
            emitted += 1
        for conversation in [c for c in self._typing_shown if c not in current]:
            del self._typing_shown[conversation]
            if conversation in here:
                await self.sio.emit(
                    TYPING_EVENT, {"typing": False}, room=conversation, namespace=self.namespace
                )
                emitted += 1
        return emitted
