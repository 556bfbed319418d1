"""One clarifying question when the assistant is unsure, then the help line."""

import re
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from iop_assistant.input_text import is_bare_number, is_unreadable
from iop_assistant.nlu.no_emergency import says_no_emergency
from iop_assistant.program_question import asks_about_the_program
from iop_assistant.topics import CLARIFY_LABELS, CLARIFY_LABELS_ES, FAQ_INTENTS

FALLBACK_INTENT = "nlu_fallback"
MAX_OPTIONS = 3
# a message this long is a story, heard before the topics are offered (round 24 role-play)
LONG_MESSAGE_WORDS = 25
KEYBOARD_MASH_REASON = "keyboard mash"  # nlu/control_gate.py


def previous_user_intent(tracker: Tracker) -> str | None:
    """Intent of the user message before the latest one, if any."""
    seen_latest = False
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if not seen_latest:
            seen_latest = True
            continue
        return (event.get("parse_data") or {}).get("intent", {}).get("name")
    return None


# "what about sundays" right after the help line hours answer (blind v17, a texter: the
# topics menu): a short follow-up on the topic just answered gets that answer again, which
# covers it (the answers are per topic, not per day or per plan)
_FOLLOW_UP = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|but|y|pero|ok\s+y)\W+)*(?:(?:what|how)\s+about|and\s+(?:on|for|with)|"
    r"y\s+(?:los|las|el|la|en|para|con)|qu[eé]\s+tal\s+(?:los|las|el|la|en|con))\b[^.!?]{0,30}[?.!]*\s*$",
    re.IGNORECASE,
)
_FAQ = frozenset(FAQ_INTENTS)
_QUESTION_MARKS_ONLY = re.compile(r"^\s*[?¿]+\s*$")


def follow_up_topic(tracker: Tracker) -> str | None:
    """The topic of the previous question when this message only follows it up."""
    text = str((tracker.latest_message or {}).get("text") or "")
    previous = previous_user_intent(tracker)
    if previous in _FAQ and _FOLLOW_UP.match(text):
        return previous
    return None


def said_no_emergency_since_crisis(tracker: Tracker) -> bool:
    """Since the last crisis reply, the person said nobody is in danger ("nobody's
    overdosed", "I'm not in danger lol"): their unclear questions get the topics, not "I'm
    still here" (family role-play 2026-12-05: "I'm still here" five turns running)."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            action = (event.get("metadata") or {}).get("utter_action") or ""
            if action.startswith("utter_crisis") and action != "utter_crisis_followup":
                return False
        elif event.get("event") == "user" and says_no_emergency(str(event.get("text") or "")):
            return True
    return False


def likely_topics(latest_message: Dict[str, Any], limit: int = MAX_OPTIONS) -> List[str]:
    """The classifier's best guesses that we can offer as buttons, best first."""
    ranking = latest_message.get("intent_ranking") or []
    names = [item.get("name") for item in ranking if item.get("name") in CLARIFY_LABELS]
    return names[:limit]


class ActionClarify(Action):
    """First miss: offer the 2-3 likeliest topics. Second miss in a row: the help line."""

    def name(self) -> str:
        return "action_clarify"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        latest = tracker.latest_message or {}
        topics = likely_topics(latest)
        program_question = len(topics) >= 2 and asks_about_the_program(latest.get("text"))
        calm_again = said_no_emergency_since_crisis(tracker)
        if tracker.get_slot("crisis_flag") and not program_question and not calm_again:
            # after a crisis reply, stay with the person instead of offering topics
            dispatcher.utter_message(response="utter_crisis_followup")
            return []
        follow_up = follow_up_topic(tracker)
        if follow_up is not None and f"utter_{follow_up}" in (domain.get("responses") or {}):
            dispatcher.utter_message(response=f"utter_{follow_up}")
            return []
        if is_bare_number(latest.get("text")):
            # a number with no options shown: ask what it goes with (issue 12, bad input)
            dispatcher.utter_message(response="utter_number_without_options")
            return []
        if _QUESTION_MARKS_ONLY.match(str(latest.get("text") or "")):
            # "?" as the first words asks what this is (round 32's list): what we can do
            first = sum(1 for e in tracker.events if e.get("event") == "user") <= 1
            dispatcher.utter_message(
                response="utter_greet" if first else "utter_question_mark_only"
            )
            return []
        if is_unreadable(latest.get("text")):
            dispatcher.utter_message(response="utter_unreadable_input")
            return []
        # "asdkjh qwpoeiru zmxncb" (the gate's keyboard mash): no topics to guess from, the
        # help line and its call button (CI rehearsal after the round 37 retrain: a topic menu)
        mashed = (latest.get("control_gate") or {}).get("reason") == KEYBOARD_MASH_REASON
        if previous_user_intent(tracker) == FALLBACK_INTENT or len(topics) < 2 or mashed:
            dispatcher.utter_message(response="utter_fallback_helpline")
            return []
        labels = CLARIFY_LABELS_ES if tracker.get_slot("language") == "es" else CLARIFY_LABELS
        buttons = [{"title": labels[name], "payload": f"/{name}"} for name in topics]
        long_story = len(str(latest.get("text") or "").split()) >= LONG_MESSAGE_WORDS
        question = "utter_ask_clarify_long" if long_story else "utter_ask_clarify"
        dispatcher.utter_message(response=question, buttons=buttons)
        return []
