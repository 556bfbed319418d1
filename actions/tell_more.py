"""Answers "tell me more" with the follow-up of the last topic discussed."""

import re
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from iop_assistant.topics import FAQ_INTENTS

MORE_PREFIX = "utter_more_"
# "k" after the schedule answer sent its follow-up paragraph, unasked (texter role-play
# round 24): a bare acknowledgement after an answer that asked nothing is not "tell me more"
_ACKNOWLEDGEMENT = re.compile(
    r"^\W*(?:k+|kk+|ok+|okay|okey|oki|okie|cool|got\s+it|gotcha|alright|aight|i\s+see|noted|"
    r"makes\s+sense|ah\s+ok(?:ay)?|oh\s+ok(?:ay)?|ok\s+cool|va|ta\s+bien|est[aá]\s+bien|ah\s+ya)\W*$",
    re.IGNORECASE,
)


def is_an_acknowledgement(text: str | None) -> bool:
    """ "k", "ok", "got it": heard, not a request for more."""
    return bool(_ACKNOWLEDGEMENT.match(text or ""))


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
        latest = tracker.latest_message or {}
        if latest.get("intent", {}).get("name") == "affirm" and is_an_acknowledgement(
            latest.get("text")
        ):
            dispatcher.utter_message(response="utter_affirm")
            return []
        topic = last_faq_topic(tracker)
        follow_up = f"{MORE_PREFIX}{topic}" if topic else None
        if follow_up and follow_up in (domain.get("responses") or {}):
            dispatcher.utter_message(response=follow_up)
        elif topic:
            dispatcher.utter_message(response="utter_no_more")
        else:
            dispatcher.utter_message(response="utter_greet")
        return []
