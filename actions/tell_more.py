"""Answers "tell me more" with the follow-up of the last topic discussed."""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from iop_assistant.topics import FAQ_INTENTS

MORE_PREFIX = "utter_more_"


def last_faq_topic(tracker: Tracker) -> str | None:
    """Most recent FAQ intent the person asked about in this session."""
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            return None
        if event.get("event") == "user":
            name = (event.get("parse_data") or {}).get("intent", {}).get("name")
            if name in FAQ_INTENTS:
                return name
    return None


class ActionTellMore(Action):
    """Short answers come first (SMS-sized); the details are one tap away."""

    def name(self) -> str:
        return "action_tell_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        topic = last_faq_topic(tracker)
        follow_up = f"{MORE_PREFIX}{topic}" if topic else None
        if follow_up and follow_up in (domain.get("responses") or {}):
            dispatcher.utter_message(response=follow_up)
        elif topic:
            dispatcher.utter_message(response="utter_no_more")
        else:
            dispatcher.utter_message(response="utter_greet")
        return []
