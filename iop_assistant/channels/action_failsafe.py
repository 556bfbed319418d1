"""When the action server cannot be reached, the person still gets the help line.

Rasa 3.6 swallows a failed custom action ("Bot will continue, but the
actions events are lost"): a callback request, a detox screening or a
clarifying question then ends in silence. Rasa has no hook for this, so
:func:`install` wraps ``RemoteAction.run``: on a connection or server
failure (never on a form's deliberate rejection) it sends the static
``utter_action_server_down`` response, which needs no action server, once per
turn, logs an ERROR, and lets Rasa carry on as before.

It is installed by :class:`ActionFailsafeInput`, a channel listed in
credentials.yml, because channels are what every Rasa server loads at start.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, Awaitable, Callable

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant import tf_predict
from iop_assistant.channels import action_schema

logger = logging.getLogger(__name__)

FALLBACK_RESPONSE = "utter_action_server_down"
_SENT_MARK = "_iop_action_failsafe_sent"


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


def install() -> bool:
    """Wraps ``RemoteAction.run`` (idempotent); True when it was installed now."""
    original = RemoteAction.run
    if getattr(original, "_iop_failsafe", False):
        return False

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

    run._iop_failsafe = True  # type: ignore[attr-defined]
    RemoteAction.run = run  # type: ignore[method-assign]
    return True


class ActionFailsafeInput(InputChannel):
    """Installs this project's hooks into Rasa at start-up: the failsafe, the
    compiled action-reply schema (:mod:`action_schema`) and the direct call of
    the traced prediction graph (:mod:`iop_assistant.tf_predict`).
    ``GET /webhooks/action_failsafe/`` says whether they are on."""

    def __init__(self) -> None:
        install()
        action_schema.install()
        tf_predict.install()

    @classmethod
    def name(cls) -> str:
        return "action_failsafe"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        failsafe = Blueprint("iop_action_failsafe", __name__)

        @failsafe.route("/", methods=["GET"])
        async def status(_: Request) -> HTTPResponse:
            installed = getattr(RemoteAction.run, "_iop_failsafe", False)
            compiled = RemoteAction._validate_action_result is action_schema.validate_action_result
            return response.json(
                {
                    "installed": bool(installed),
                    "compiled_schema": compiled,
                    "direct_tf_predict": tf_predict.installed(),
                }
            )

        return failsafe
