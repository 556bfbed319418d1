"""A callback request that asks for no voicemail (family role-play round 29).

"don't leave a voicemail, he checks my phone" was never noted: the request was saved with its
time only, and the bot had said they don't say "what it's about in a voicemail", implying one
may be left. The request now records it, the staff alert says it, and the person hears it back.
"""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.callback import SubmitCallback, asked_for_no_voicemail
from iop_assistant import callback_texts
from iop_assistant.form_answers import asks_for_no_voicemail
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, OutboxMessage

FILLED = {
    "callback_phone": "+12025550143",
    "callback_use_caller_number": "yes",
    "callback_best_time": "after 5",
    "callback_name": "Dee",
    "callback_consent": "no",
}


def conversation(*texts: str, slots: Dict[str, Any] | None = None) -> Tracker:
    events: List[Dict[str, Any]] = [{"event": "action", "name": "action_session_start"}]
    for text in texts:
        events.append({"event": "user", "text": text, "input_channel": "twilio"})
    latest = {"text": texts[-1], "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    return Tracker("conv-vm", slots or {}, latest, events, False, None, {}, "action_listen")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("call me after 5. dont leave a voicemail, he checks my phone", True),
        ("if i dont answer just dont leave anything", True),
        ("no voicemail pls", True),
        ("please don't leave me a message", True),
        ("no deje mensaje de voz por favor", True),
        ("will they leave a voicemail?", False),
        ("no voicemail?", False),
        ("i left a voicemail yesterday", False),
    ],
)
def test_asking_for_no_voicemail(text: str, expected: bool) -> None:
    assert asks_for_no_voicemail(text) is expected


def test_said_before_the_request_counts_for_the_session() -> None:
    assert asked_for_no_voicemail(conversation("dont leave a voicemail ok", "morning"))
    assert not asked_for_no_voicemail(conversation("morning", "Dee"))


def test_the_request_records_it_and_the_person_hears_it(app_db: Any) -> None:
    dispatcher = CollectingDispatcher()
    tracker = conversation(
        "can someone call me", "after 5. dont leave a voicemail, he checks my phone", slots=FILLED
    )
    asyncio.run(SubmitCallback().run(dispatcher, tracker, {}))
    said = [m.get("response") for m in dispatcher.messages]
    assert [r for r in said if r != "utter_callback_name_noted"] == [
        "utter_callback_saved",
        "utter_callback_no_voicemail",
    ]
    with session_scope(app_db) as session:
        request = session.execute(select(CallbackRequest)).scalar_one()
        alert = session.execute(select(OutboxMessage)).scalar_one()
        assert request.no_voicemail is True
        assert "NO VOICEMAIL" in alert.body and "he checks" not in alert.body


def test_without_asking_nothing_is_said_and_voicemail_is_allowed(app_db: Any) -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(SubmitCallback().run(dispatcher, conversation("after 5", slots=FILLED), {}))
    assert [
        m.get("response")
        for m in dispatcher.messages
        if m.get("response") != "utter_callback_name_noted"
    ] == ["utter_callback_saved"]
    with session_scope(app_db) as session:
        assert session.execute(select(CallbackRequest)).scalar_one().no_voicemail is False


def test_the_staff_alert_says_it_and_nothing_about_the_person() -> None:
    assert callback_texts.staff_alert(3, "evening", no_voicemail=True) == (
        "New callback request #3, best time: evening. NO VOICEMAIL. Open the staff console."
    )


def test_said_in_the_starting_message_it_is_noted_at_once() -> None:
    """Not "say so and I'll note it" to someone who just said it (round 29 check)."""
    from actions.callback import ValidateCallbackForm

    dispatcher = CollectingDispatcher()
    text = "can someone call me back? dont leave a voicemail, he checks my phone"
    asyncio.run(ValidateCallbackForm().extract_callback_phone(dispatcher, conversation(text), {}))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_callback_no_voicemail"]
