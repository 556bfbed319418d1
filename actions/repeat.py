"""Says the last reply again: "what was that?", "say that again, slower"; or shorter:
"too long", "shorter pls" (its first sentences and the help line).

Phone callers, older ones most of all, asked the assistant to repeat itself and
got a "Did you mean..." list or an unrelated answer (role-play, voice,
2026-12-03). The reply is taken from the conversation itself (the bot messages
after the person's previous message), so it is exactly what was said, buttons
and all; with nothing to repeat the greeting is said.
"""

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from iop_assistant import program_facts
from iop_assistant.language.short_replies import SHORT_REPLY_CHARS, shortened
from iop_assistant.nlu.control_intents import asks_for_shorter

# the opening's notice about who is answering is no answer to shorten
NOT_THE_ANSWER = frozenset({"utter_disclaimer"})


def last_replies(tracker: Tracker) -> List[Dict[str, Any]]:
    """The bot messages sent after the person's previous message, oldest first."""
    replies: List[Dict[str, Any]] = []
    seen_current = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if seen_current:
                break
            seen_current = True  # the "say that again" itself
        elif kind == "bot" and seen_current and (event.get("text") or event.get("data")):
            replies.append(event)
    return list(reversed(replies))


def main_answer(replies: List[Dict[str, Any]]) -> Dict[str, Any] | None:
    """The longest reply that is not the opening notice: the answer to shorten."""
    answers = [
        r
        for r in replies
        if r.get("text") and (r.get("metadata") or {}).get("utter_action") not in NOT_THE_ANSWER
    ]
    return max(answers, key=lambda r: len(r["text"])) if answers else None


class ActionRepeatLast(Action):
    """Sends the previous reply again, word for word."""

    def name(self) -> str:
        return "action_repeat_last"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        replies = last_replies(tracker)
        if not replies:
            dispatcher.utter_message(response="utter_greet")
            return []
        answer = main_answer(replies)
        wanted_shorter = asks_for_shorter((tracker.latest_message or {}).get("text"))
        if wanted_shorter and answer and len(answer["text"]) > SHORT_REPLY_CHARS:
            # "too long" after a long first text (texter briefs): one text's worth
            helpline = program_facts.load().helpline
            language = str(tracker.get_slot("language") or "en")
            dispatcher.utter_message(text=shortened(answer["text"], helpline, language))
            return []
        for reply in replies:
            data = reply.get("data") or {}
            dispatcher.utter_message(
                text=reply.get("text") or None,
                buttons=data.get("buttons") or [],
            )
        return []
