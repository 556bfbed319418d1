"""Opens every conversation with the safety disclaimer."""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted
from rasa_sdk.executor import CollectingDispatcher


class ActionSessionStart(Action):
    """Say who is talking (a bot, not a clinician) before anything else.

    The disclaimer goes first so that a person always learns, on their very
    first message, that nobody watches the chat around the clock and where
    to go in an emergency (911 / 988).
    """

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_disclaimer")
        return [SessionStarted(), ActionExecuted("action_listen")]
