"""What the callback and screening forms share about a form's turns.

A program question asked mid-form is answered before the question is asked
again, and a reply said too often since the form started stops the re-asking.
Both forms (``actions/callback.py``, ``actions/screening.py``) use these; neither
imports the other.
"""

from __future__ import annotations

import re
from typing import List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from iop_assistant.language.reply_reasons import CRAVING_REASON, GATE_OUTPUT
from iop_assistant.topics import FAQ_INTENTS

FAQ_MIN_CONFIDENCE = 0.6
CRAVING_RESPONSE = "utter_craving"
_ASKED = re.compile(
    r"\?\s*$|^\W*(?:and\s+|but\s+|so\s+|y\s+)?(?:is|are|do|does|can|could|will|what|how|when|where|hay|es|"
    r"puedo|cuanto|cu[aá]nto|c[oó]mo|qu[eé])\b",
    re.IGNORECASE,
)


def answered_faq(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    form: str | None = None,
    min_confidence: float = FAQ_MIN_CONFIDENCE,
) -> bool:
    """A program question asked mid-form is answered; the form then asks again. The same
    answer is given once per form run: said again, the words are taken as the (unclear)
    answer, so a reply that looks like a question ("hiv meds") never loops."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    gate = (tracker.latest_message or {}).get(GATE_OUTPUT) or {}
    if gate.get("reason") == CRAVING_REASON and not (
        form and times_said_since_start(tracker, form, CRAVING_RESPONSE)
    ):
        # "ngl i kinda wanna use rn" between the call-back questions (texter role-play round
        # 35: "Sorry, I didn't catch a time", twice): someone to talk to now, then the question
        dispatcher.utter_message(response=CRAVING_RESPONSE)
        return True
    if intent.get("name") in FAQ_INTENTS and intent.get("confidence", 0) >= min_confidence:
        response = f"utter_{intent['name']}"
        text = str((tracker.latest_message or {}).get("text") or "")
        # a second question on the same topic ("how much does it cost", then "is there a
        # sliding scale or payment plan"; blind v25, read in round 31: the screening's question
        # again, unanswered) is answered once more; the reply generator then says what more
        # there is, or who knows (language/repeats.py)
        allowed = 2 if _ASKED.search(text) else 1
        if form and times_said_since_start(tracker, form, response) >= allowed:
            return False
        dispatcher.utter_message(response=response)
        return True
    return False


def times_said_since_start(tracker: Tracker, form: str, response: str) -> int:
    """How often ``response`` was said since ``form`` last started (to stop re-asking)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == form:
            break
        if (
            event.get("event") == "bot"
            and (event.get("metadata") or {}).get("utter_action") == response
        ):
            count += 1
    return count


def user_texts_this_session(tracker: Tracker) -> List[str]:
    """What the person wrote since the session started, oldest first."""
    texts: List[str] = []
    for event in tracker.events:
        if event.get("event") == "action" and event.get("name") == "action_session_start":
            texts = []
        elif event.get("event") == "user":
            texts.append(str(event.get("text") or ""))
    return texts
