"""Asking for a person: a live handoff to help-line staff, or the help line as before.

``action_request_human`` replaces ``utter_request_human`` in the rules for the
``request_human`` intent (issue 19, docs/handoff.md):

* web (``socketio``, ``rest``) or SMS, and someone on duty now: queue the
  conversation for the staff console, say a person will join (place in line,
  how long before the assistant comes back, help line, 911 / 988), and pause
  the conversation for the bot (``ConversationPaused``: the tracker records it);
* otherwise exactly today's reply (``utter_request_human``: number, call
  transfer on voice, callback offer), followed by ``utter_handoff_hours`` when
  on-duty hours are set. The voice channel transfers on ``utter_request_human``.

A database failure answers as if nobody were on duty: the person always gets
the help line. The Rasa server's handoff relay
(``iop_assistant/channels/handoff_relay.py``) says ``utter_handoff_unclaimed`` and
``utter_handoff_returned`` when a handoff ends.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ConversationPaused, EventType
from rasa_sdk.executor import CollectingDispatcher

from iop_assistant.handoff import availability, queue, settings

logger = logging.getLogger(__name__)

# the relay's responses (named here so scripts/validate.py sees them used)
RELAY_RESPONSES = ("utter_handoff_unclaimed", "utter_handoff_returned")
WAITING = {"state": "waiting"}


class ActionRequestHuman(Action):
    """A person from our team in this chat when someone is on duty, else the help line."""

    def name(self) -> str:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        channel = tracker.get_latest_input_channel() or ""
        config = settings.from_env()
        if channel in queue.LIVE_CHANNELS:
            try:
                status = availability.status(config)
            except Exception:
                logger.exception("handoff: availability unknown, answering with the help line")
                status = None
            if status is not None and status.available:
                try:
                    position = queue.request(
                        tracker.sender_id,
                        channel,
                        crisis=bool(tracker.get_slot("crisis_flag")),
                        crisis_category=tracker.get_slot("crisis_category"),
                        screening_outcome=tracker.get_slot("screening_outcome"),
                    )
                except Exception:
                    logger.exception("handoff: could not queue %s", tracker.sender_id[:12])
                else:
                    dispatcher.utter_message(
                        response="utter_handoff_joining",
                        position=position,
                        wait_minutes=config.claim_minutes,
                    )
                    if channel == "socketio":
                        # the widget stops showing "the assistant is typing" (Rasa's
                        # socket.io output emits a custom message's ``data`` as is)
                        dispatcher.utter_message(json_message={"data": {"handoff": WAITING}})
                    # listening, then paused: the next message is read (and a crisis
                    # answered) but the bot predicts nothing until staff hand back
                    return [ActionExecuted("action_listen"), ConversationPaused()]
        else:
            status = None
        dispatcher.utter_message(response="utter_request_human")
        if channel in queue.LIVE_CHANNELS and status is not None and status.hours_text:
            dispatcher.utter_message(
                response="utter_handoff_hours",
                handoff_hours=status.hours_text,
                handoff_hours_es=status.hours_text_es or status.hours_text,
            )
        return []
