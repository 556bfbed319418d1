"""A real Rasa SQL tracker store (rasa's own SQLTrackerStore) filled with test conversations."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

NOW = datetime(2026, 3, 2, 12, 0, 0)  # a Monday, naive UTC like the app stores
XSS = [
    "<script>window.__xss=1;alert(1)</script>",
    '<img src=x onerror="window.__xss=2">',
    '"><svg onload="window.__xss=3">',
    "javascript:alert(document.cookie)",
    "{{7*7}} ${7*7} <iframe src=//evil.example></iframe>",
]


def ts(at: datetime) -> float:
    return at.replace(tzinfo=timezone.utc).timestamp()


class Conversation:
    """Builds one conversation's events with increasing timestamps."""

    def __init__(self, sender: str, start: datetime, channel: str = "rest") -> None:
        self.sender, self.at, self.channel = sender, start, channel
        self.events: List[Event] = [
            ActionExecuted("action_session_start", timestamp=ts(start)),
            SessionStarted(timestamp=ts(start)),
            ActionExecuted("action_listen", timestamp=ts(start)),
        ]

    def _tick(self) -> float:
        self.at += timedelta(seconds=5)
        return ts(self.at)

    def user(self, text: str, intent: str, confidence: float = 0.95) -> Conversation:
        parse: Dict[str, Any] = {
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": [],
            "intent_ranking": [{"name": intent, "confidence": confidence}],
        }
        self.events.append(
            UserUttered(
                text, parse["intent"], [], parse, timestamp=self._tick(), input_channel=self.channel
            )
        )
        return self

    def bot(self, action: str, text: str, buttons: List[str] = ()) -> Conversation:
        self.events.append(ActionExecuted(action, timestamp=self._tick()))
        data = {"buttons": [{"title": b, "payload": f"/{b}"} for b in buttons]} if buttons else {}
        self.events.append(BotUttered(text, data, timestamp=self._tick()))
        self.events.append(ActionExecuted("action_listen", timestamp=self._tick()))
        return self

    def action(self, name: str) -> Conversation:
        self.events.append(ActionExecuted(name, timestamp=self._tick()))
        return self

    def slot(self, name: str, value: Any) -> Conversation:
        self.events.append(SlotSet(name, value, timestamp=self._tick()))
        return self

    def form(self, name: str | None) -> Conversation:
        self.events.append(ActiveLoop(name, timestamp=self._tick()))
        return self


def save(url_path: str, conversations: List[Conversation]) -> None:
    """Store the conversations through rasa's own SQLTrackerStore."""
    store = SQLTrackerStore(dialect="sqlite", db=url_path)

    async def _save() -> None:
        for conv in conversations:
            existing = await store.retrieve_full_tracker(conv.sender)
            events = list(existing.events) if existing else []
            tracker = DialogueStateTracker.from_events(conv.sender, events + conv.events)
            await store.save(tracker)

    # in a thread of its own: Playwright's sync API keeps a loop running in this one
    worker = threading.Thread(target=lambda: asyncio.run(_save()))
    worker.start()
    worker.join()
    store.engine.dispose()


def standard() -> List[Conversation]:
    """The test set: crisis, screening, SMS callback with PII, unclear, XSS, old, plain,
    and one in Spanish (its language slot set by the language detector, issue 18)."""
    crisis = (
        Conversation("web-crisis", NOW - timedelta(hours=3))
        .user("hi", "greet")
        .bot("utter_greet", "Hi! I can answer questions about our program.")
        .user("I want to end my life tonight", "crisis", 1.0)
        .slot("crisis_flag", True)
        .slot("crisis_category", "suicidal")
        .bot("utter_crisis", "Please call or text 988 now. Call 911 if you are in danger.")
    )
    screening = (
        Conversation("web-screen", NOW - timedelta(hours=5))
        .user("do I need detox first?", "request_detox_screening")
        .form("detox_screening_form")
        .bot("detox_screening_form", "Which substances?", ["alcohol", "opioids"])
        .user("alcohol every day", "inform_use")
        .slot("screening_substances", ["alcohol"])
        .form(None)
        .slot("screening_outcome", "detox_first")
        .bot("action_screening_outcome", "Medically supervised detox first may be safer.")
    )
    sms = (
        Conversation("sms-callback", NOW - timedelta(hours=2), channel="sms")
        .user("Can someone call me back?", "request_human")
        .form("callback_form")
        .bot("callback_form", "What number should we call?")
        .user("(202) 555-0143", "inform")
        .slot("callback_phone", "+12025550143")
        .bot("callback_form", "What first name should we ask for?")
        .user("Sam", "inform")
        .slot("callback_name", "Sam")
        .form(None)
        .bot("action_callback_confirm", "Thanks Sam, we will call 202-555-0143 this morning.")
        .user("my email is sam.doe@example.org, I live at 12 Oak Street, born 04/12/1985", "inform")
    )
    unclear = (
        Conversation("web-unclear", NOW - timedelta(hours=1))
        .user("asdf qwer zxcv", "nlu_fallback", 0.2)
        .action("action_clarify")
        .bot("utter_ask_rephrase", "Sorry, could you say that another way?")
        .user("wat abt the meds thing", "ask_medication", 0.3)
        .action("action_clarify")
        .bot("utter_default", "Sorry, I did not get that.")
    )
    xss = Conversation("web-xss", NOW - timedelta(minutes=30)).user(XSS[0], "out_of_scope")
    for payload in XSS[1:]:
        xss.bot("utter_default", payload).user(payload, "out_of_scope")
    old = (
        Conversation("web-old", NOW - timedelta(days=200))
        .user("what are your hours", "ask_location_hours")
        .bot("utter_ask_location_hours", "We meet weekdays.")
    )
    plain = (
        Conversation("web-plain", NOW - timedelta(days=2))
        .user("how much does the program cost", "ask_cost_insurance")
        .bot("utter_ask_cost_insurance", "Most insurance plans cover IOP.")
    )
    spanish = (
        Conversation("web-spanish", NOW - timedelta(hours=4))
        .user("hola, ¿tienen grupos en español por la tarde?", "ask_schedule")
        .slot("language", "es")
        .bot("utter_ask_schedule", "Sí, hay grupos en la tarde. Llame para saber los horarios.")
    )
    return [crisis, screening, sms, unclear, xss, old, plain, spanish]
