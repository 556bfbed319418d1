"""Asking about a callback request already made reads it back (round 26).

"did my request go through? when will they call?" started a new request on top of the one
saved; now the form tells what the store holds for the conversation and saves nothing new.
The database is a real SQLite file of the test's own (``app_db``).
"""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select

from actions.callback import (
    NO_STATUS_RESPONSE,
    STATUS_RESPONSE,
    SubmitCallback,
    ValidateCallbackForm,
    when_words,
)
from iop_assistant import domain_files
from iop_assistant.nlu.contact_questions import asks_callback_status
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest

SENDER = "+12025550177"


def _tracker(text: str, slots: Dict[str, Any] | None = None) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": "request_callback", "confidence": 0.9},
        "control_gate": {"from": "request_callback", "reason": "callback_status"},
    }
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": "sms"}]
    return Tracker(
        SENDER,
        {"requested_slot": None, **(slots or {})},
        latest,
        events,
        False,
        None,
        {"name": "callback_form"},
        "action_listen",
    )


def _requests(engine: Any) -> int:
    with session_scope(engine) as session:
        return int(session.execute(select(func.count()).select_from(CallbackRequest)).scalar())


def _save_one() -> None:
    slots = {
        "callback_use_caller_number": "yes",
        "callback_phone": SENDER,
        "callback_best_time": "morning",
        "callback_name": "Ana",
        "callback_consent": "no",
    }
    latest = {"text": "no", "intent": {"name": "deny", "confidence": 0.9}}
    events = [{"event": "user", "text": "no", "parse_data": latest, "input_channel": "sms"}]
    tracker = Tracker(SENDER, slots, latest, events, False, None, {}, "action_listen")
    asyncio.run(SubmitCallback().run(CollectingDispatcher(), tracker, {}))


def _run_form(text: str) -> tuple[List[Dict[str, Any]], List[str]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ValidateCallbackForm().run(dispatcher, _tracker(text), domain_files.load_raw())
    )
    return events, [str(m.get("response")) for m in dispatcher.messages]


def test_the_saved_request_is_read_back_and_the_form_ends(app_db) -> None:
    _save_one()
    events, said = _run_form("did my request go through? when will they call?")
    assert said == [STATUS_RESPONSE]
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["requested_slot"] is None
    assert slots["callback_phone"] == SENDER
    assert slots["callback_best_time"] == "morning"


def test_reading_it_back_saves_no_second_request(app_db) -> None:
    _save_one()
    slots = {
        "callback_use_caller_number": "no",
        "callback_phone": SENDER,
        "callback_best_time": "morning",
        "callback_name": "skip",
        "callback_consent": "no",
    }
    dispatcher = CollectingDispatcher()
    asyncio.run(SubmitCallback().run(dispatcher, _tracker("still waiting on that call", slots), {}))
    assert dispatcher.messages == []
    assert _requests(app_db) == 1


def test_with_no_request_saved_the_person_is_told_and_asked(app_db) -> None:
    events, said = _run_form("nobody called me back yet")
    assert said[0] == NO_STATUS_RESPONSE
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("requested_slot")  # the questions for a new request begin


def test_the_time_is_said_in_the_persons_language() -> None:
    assert when_words("morning", "en") == "in the morning"
    assert when_words("evening", "es") == "en la noche"
    assert when_words("after 6pm", "en") == "(after 6pm)"


def test_status_questions_are_not_new_requests() -> None:
    assert asks_callback_status("sigo esperando la llamada de ayer")
    assert asks_callback_status("did you get my number? nobody called")
    assert not asks_callback_status("can someone call me tomorrow")
    assert not asks_callback_status("when can someone call me")
