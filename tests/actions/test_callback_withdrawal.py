"""Reading a saved request back, and taking it back ("actually, don't call me"):
rasa-sdk's Tracker and CollectingDispatcher against a real SQLite app database."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.callback import SubmitCallback, WithdrawCallback, readable_number
from iop_assistant.store import CallbackRequest, OutboxMessage
from iop_assistant.store.callback_withdrawal import WITHDRAWN_OUTCOME
from iop_assistant.store.db import session_scope

FILLED = {
    "callback_phone": "+13125550187",
    "callback_best_time": "after 6pm",
    "callback_name": "Sam",
    "callback_consent": "yes",
}


def tracker(slots: Dict[str, Any], sender: str = "conv-1") -> Tracker:
    latest = {"text": "", "intent": {"name": "cancel_callback", "confidence": 1.0}, "entities": []}
    events = [{"event": "user", "text": "", "parse_data": latest, "input_channel": "rest"}]
    return Tracker(sender, slots, latest, events, False, None, {}, "action_listen")


def submit(slots: Dict[str, Any], sender: str = "conv-1") -> tuple[str, CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(SubmitCallback().run(dispatcher, tracker(slots, sender), {}))
    request_id = next(e["value"] for e in events if e.get("name") == "callback_request_id")
    return request_id, dispatcher


def withdraw(slots: Dict[str, Any], sender: str = "conv-1") -> tuple[list, CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(WithdrawCallback().run(dispatcher, tracker(slots, sender), {}))
    return events, dispatcher


def test_the_saved_request_is_read_back_with_number_and_time(app_db):
    _, dispatcher = submit(FILLED)
    message = dispatcher.messages[0]
    assert message["response"] == "utter_callback_saved"
    assert message["callback_number"] == "(312) 555-0187"


def test_an_unparseable_number_is_read_back_as_given():
    assert readable_number("not a number") == "not a number"


def test_dont_call_me_withdraws_the_request_and_its_unsent_texts(app_db):
    request_id, _ = submit(FILLED)
    events, dispatcher = withdraw({"callback_request_id": request_id})
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_withdrawn"]
    assert {"event": "slot", "name": "callback_request_id", "value": None} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    with session_scope(app_db) as session:
        request = session.execute(select(CallbackRequest)).scalar_one()
        assert (request.status, request.outcome) == ("closed", WITHDRAWN_OUTCOME)
        statuses = session.execute(select(OutboxMessage.status)).scalars().all()
    assert statuses and set(statuses) == {"cancelled"}  # no confirmation, no alert goes out


def test_nothing_saved_gets_an_honest_answer(app_db):
    events, dispatcher = withdraw({})
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_nothing_to_withdraw"]
    assert events == []


def test_another_conversation_cannot_withdraw_a_request(app_db):
    request_id, _ = submit(FILLED, sender="conv-1")
    _, dispatcher = withdraw({"callback_request_id": request_id}, sender="conv-2")
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_nothing_to_withdraw"]
    with session_scope(app_db) as session:
        assert session.execute(select(CallbackRequest.status)).scalar_one() == "new"


def test_a_database_failure_sends_the_person_to_the_help_line(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked.db"
    blocked.mkdir()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{blocked}")
    _, dispatcher = withdraw({"callback_request_id": "7"})
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_withdraw_failed"]
