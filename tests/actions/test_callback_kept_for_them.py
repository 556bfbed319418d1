""" "Don't call ME" about a call arranged for someone else keeps their call.

Stepdown role-play round 38: a case manager asked the help line to call her client, then
wrote "just dont call me, text this number is fine"; the client's call was cancelled.
"""

from __future__ import annotations

from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.callback import KEPT_FOR_THEM, WithdrawCallback
from iop_assistant import form_answers
from iop_assistant.store import CallbackRequest
from iop_assistant.store.db import session_scope
from tests.actions.test_callback import run
from tests.actions.test_callback_withdrawal import FILLED, submit

CASE_MANAGER = (
    "Hi, I'm a case manager with County Behavioral Health. I'd like your help line to call one "
    "of my clients about starting IOP. Please call HIM, not me."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("can someone let me know if they cant reach him? just dont call me, text is fine", True),
        ("please don't call me, only him", True),
        ("no me llamen a mí, solo a él", True),
        ("don't call me", True),
        ("cancel it, don't call him", False),
        ("never mind, don't call me or him", False),
        ("dont call anyone", False),
        ("ya no le llamen", False),
    ],
)
def test_declining_only_a_call_to_the_writer_is_read(text: str, expected: bool) -> None:
    assert form_answers.declines_only_a_call_to_the_writer(text) is expected


def _conversation(*texts: str, request_id: Any) -> Tracker:
    events: List[Dict[str, Any]] = [{"event": "user", "text": t} for t in texts]
    latest = {"text": texts[-1], "intent": {"name": "cancel_callback", "confidence": 0.9}}
    return Tracker(
        "conv-1",
        {"callback_request_id": request_id},
        latest,
        events,
        False,
        None,
        {},
        "action_listen",
    )


def _status(app_db: Any) -> str:
    with session_scope(app_db) as session:
        return session.execute(select(CallbackRequest.status)).scalar_one()


def test_the_clients_call_stays_when_the_case_manager_declines_a_call_herself(app_db) -> None:
    request_id, _ = submit(FILLED)
    dispatcher = CollectingDispatcher()
    told = _conversation(
        CASE_MANAGER,
        "mornings",
        "just dont call me, text this number is fine",
        request_id=request_id,
    )
    events = run(WithdrawCallback().run(dispatcher, told, {}))
    assert events == []  # the request id stays: nothing was withdrawn
    assert [m["response"] for m in dispatcher.messages] == [KEPT_FOR_THEM]
    assert _status(app_db) != "closed"


def test_her_own_call_is_still_withdrawn(app_db) -> None:
    request_id, _ = submit(FILLED)
    dispatcher = CollectingDispatcher()
    told = _conversation("call me tomorrow", "don't call me", request_id=request_id)
    run(WithdrawCallback().run(dispatcher, told, {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_withdrawn"]
    assert _status(app_db) == "closed"
