"""While staff have a conversation (paused for the bot), a crisis still gets its reply.

Rasa 3.6 reads, classifies and stores a message in a paused conversation
(``ConversationPaused``, set by ``action_request_human``) but predicts no
action, so a crisis message would get nothing until a staff member read it.
This hook wraps ``MessageProcessor._run_prediction_loop``: in a paused
conversation it records the person's activity in the handoff row (for the
quiet timeout) and, when the message was classified ``crisis`` (the crisis
guard runs before this), flags the handoff for the staff member and lets the
prediction loop run this one turn, so the rules answer with the static crisis
reply at once. The conversation stays paused: that turn ends on
``action_listen``. Installed by the launcher with the other hooks (issue 19,
docs/handoff.md).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from typing import Any

from rasa.core.processor import MessageProcessor

logger = logging.getLogger(__name__)

CRISIS_INTENTS = frozenset({"crisis"})
_MARK = "_iop_handoff_pause"
_ORIGINAL = "_iop_original_loop"
_ORIGINAL_SHOULD = "_iop_original_should_handle"


def latest_intent(tracker: Any) -> str | None:
    """The intent of the tracker's latest user message."""
    latest = getattr(tracker, "latest_message", None)
    return (latest.intent or {}).get("name") if latest is not None else None


def should_handle(tracker: Any) -> bool:
    """Rasa's rule (not paused, or a restart) plus: a crisis message is always answered."""
    original = getattr(MessageProcessor._should_handle_message, _ORIGINAL_SHOULD)
    return original(tracker) or latest_intent(tracker) in CRISIS_INTENTS


def _record(conversation_id: str, crisis: bool) -> None:
    from iop_assistant.handoff import queue  # the store: only in a paused conversation

    try:
        queue.person_spoke(conversation_id, crisis=crisis)
    except Exception:
        logger.exception("handoff: could not record activity for %s", conversation_id[:12])


def installed() -> bool:
    return bool(getattr(MessageProcessor._run_prediction_loop, _MARK, False))


def install() -> bool:
    """Wraps the prediction loop and the pause check (idempotent); True when installed now."""
    if installed():
        return False
    original = MessageProcessor._run_prediction_loop
    original_should = MessageProcessor._should_handle_message

    @functools.wraps(original)
    async def run_prediction_loop(
        self: MessageProcessor, output_channel: Any, tracker: Any
    ) -> None:
        if tracker.is_paused():
            crisis = latest_intent(tracker) in CRISIS_INTENTS
            await asyncio.get_running_loop().run_in_executor(
                None, _record, tracker.sender_id, crisis
            )
            if crisis:
                logger.info(
                    "handoff %s: crisis message answered while paused", tracker.sender_id[:12]
                )
        return await original(self, output_channel, tracker)

    setattr(run_prediction_loop, _MARK, True)
    setattr(run_prediction_loop, _ORIGINAL, original)
    patched_should = staticmethod(should_handle)
    setattr(should_handle, _ORIGINAL_SHOULD, original_should)
    MessageProcessor._run_prediction_loop = run_prediction_loop  # type: ignore[method-assign]
    MessageProcessor._should_handle_message = patched_should  # type: ignore[method-assign,assignment]
    return True


def uninstall() -> None:
    """Back to Rasa's own loop and pause check."""
    if installed():
        loop = MessageProcessor._run_prediction_loop
        MessageProcessor._run_prediction_loop = getattr(loop, _ORIGINAL)  # type: ignore[method-assign]
        MessageProcessor._should_handle_message = staticmethod(  # type: ignore[method-assign,assignment]
            getattr(should_handle, _ORIGINAL_SHOULD)
        )
