"""A second callback request in one conversation asks only for what is new.

Role-play 2026-12-04: "can they call tomorrow morning instead?" took the whole form
again (number, name, texting) and then "Sorry, I didn't catch a name". The saved
request's answers are kept (slot ``callback_earlier``) and reused; the time, or a
new number typed in the message, is what the person changes.
"""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import SubmitCallback, ValidateCallbackForm, earlier_answers

CALLER = "+12025550143"
EARLIER = {
    "callback_use_caller_number": "yes",
    "callback_phone": CALLER,
    "callback_name": "Rosa",
    "callback_consent": "no",
}


def tracker(slots: Dict[str, Any], text: str, channel: str = "sms") -> Tracker:
    latest = {"text": text, "intent": {"name": "request_callback", "confidence": 0.9}}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": channel}]
    return Tracker("conv-2", slots, latest, events, False, None, {}, "action_listen")


def extracted(slots: Dict[str, Any], text: str) -> Dict[str, Any]:
    form = ValidateCallbackForm()
    found: Dict[str, Any] = {}
    for name in ("callback_phone", "callback_name", "callback_consent", "callback_best_time"):
        method = getattr(form, f"extract_{name}")
        result = method(CollectingDispatcher(), tracker(slots, text), {})
        found.update(asyncio.run(result) if asyncio.iscoroutine(result) else result)
    return found


def test_saving_keeps_the_answers_for_a_second_request(app_db):
    slots = {**EARLIER, "callback_best_time": "morning"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(SubmitCallback().run(dispatcher, tracker(slots, "no"), {}))
    kept = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert kept["callback_earlier"] == EARLIER
    assert kept["callback_request_id"]


def test_a_second_request_reuses_number_name_and_texting_answer():
    slots = {"callback_request_id": "7", "callback_earlier": EARLIER}
    found = extracted(slots, "can they call in the evening instead")
    assert found["callback_phone"] == CALLER
    assert found["callback_use_caller_number"] == "yes"
    assert found["callback_name"] == "Rosa"
    assert found["callback_consent"] == "no"
    assert found["callback_best_time"] == "in the evening"  # the person's words


def test_a_time_with_the_hour_keeps_the_hour():
    slots = {"callback_request_id": "7", "callback_earlier": EARLIER}
    found = extracted(slots, "change the callback to tomorrow 9am")
    assert found["callback_best_time"] == "tomorrow 9am"


def test_a_new_number_in_the_message_wins():
    slots = {"callback_request_id": "7", "callback_earlier": EARLIER}
    found = extracted(slots, "actually call my cell 312 555 0187 instead")
    assert found["callback_phone"] == "+13125550187"


def test_nothing_is_reused_once_the_request_was_withdrawn_or_mid_form():
    withdrawn = Tracker("c", {"callback_earlier": EARLIER}, {}, [], False, None, {}, "")
    assert earlier_answers(withdrawn) == {}
    slots = {"callback_request_id": "7", "callback_earlier": EARLIER}
    slots["requested_slot"] = "callback_name"
    assert "callback_name" not in extracted(slots, "evening")


def test_use_my_number_at_a_later_question_changes_the_number(app_db):
    # texter role-play 2026-12-04: "617 555 0199 its my moms phone" ... "my mom cant know.
    # use my number" was saved with the mother's number
    from iop_assistant.store.contacts import remember_contact

    remember_contact("conv-2", "sms", CALLER, engine=app_db)
    form = ValidateCallbackForm()
    slots = {"callback_phone": "+16175550199", "requested_slot": "callback_name"}
    said = "wait actually my mom cant know. use my number"
    result = asyncio.run(
        form.validate_callback_name(said, CollectingDispatcher(), tracker(slots, said), {})
    )
    assert result == {
        "callback_phone": CALLER,
        "callback_use_caller_number": "yes",
        "callback_name": None,
    }
    slots["requested_slot"] = "callback_consent"
    said = "no dont call my moms, call this one"
    result = asyncio.run(
        form.validate_callback_consent(said, CollectingDispatcher(), tracker(slots, said), {})
    )
    assert result == {
        "callback_phone": CALLER,
        "callback_use_caller_number": "yes",
        "callback_consent": None,
    }
