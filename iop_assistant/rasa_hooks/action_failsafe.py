"""When the action server cannot be reached, the person still gets the help line.

Rasa 3.6 swallows a failed custom action ("Bot will continue, but the
actions events are lost"): a callback request, a detox screening or a
clarifying question then ends in silence. Rasa has no hook for this, so
:func:`install` wraps ``RemoteAction.run``: on a connection or server
failure (never on a form's deliberate rejection) it sends the static
``utter_action_server_down`` response, which needs no action server, once per
turn, logs an ERROR, and lets Rasa carry on as before.

Installed with the other hooks by the launcher (``python -m iop_assistant.serve``,
:func:`iop_assistant.rasa_hooks.install`).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import OutputChannel
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

FALLBACK_RESPONSE = "utter_action_server_down"
_SENT_MARK = "_iop_action_failsafe_sent"
_MARK = "_iop_failsafe"
_ORIGINAL = "_iop_original_run"


async def say_fallback(output_channel: OutputChannel, nlg: Any, tracker: Any) -> bool:
    """Sends the help-line response once per turn; True when it was sent now."""
    if getattr(output_channel, _SENT_MARK, False):
        return False
    message = await nlg.generate(FALLBACK_RESPONSE, tracker, output_channel.name())
    if not message:
        return False
    setattr(output_channel, _SENT_MARK, True)
    await output_channel.send_response(tracker.sender_id, message)
    return True


def installed() -> bool:
    return bool(getattr(RemoteAction.run, _MARK, False))


def install() -> bool:
    """Wraps ``RemoteAction.run`` (idempotent); True when it was installed now."""
    if installed():
        return False
    original = RemoteAction.run

    @functools.wraps(original)
    async def run(self: RemoteAction, output_channel, nlg, tracker, domain):  # type: ignore[no-untyped-def]
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise  # a form rejecting an answer on purpose: not a failure
        except RasaException:
            logger.error(
                "action server unreachable for %s: sent the help line instead", self.name()
            )
            try:
                await say_fallback(output_channel, nlg, tracker)
            except Exception:
                logger.exception("could not send the action-server fallback")
            raise

    setattr(run, _MARK, True)
    setattr(run, _ORIGINAL, original)
    RemoteAction.run = run  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Back to Rasa's own ``RemoteAction.run`` (tests undo what they installed)."""
    if installed():
        RemoteAction.run = getattr(RemoteAction.run, _ORIGINAL)  # type: ignore[method-assign]
