"""A call back asked for someone else's phone (family role-play round 37: a social worker
asked the help line to call her client; she was offered her own number, and the saved
request said "They'll ask for Maria", her own name)."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import FOR_SOMEONE_ELSE, ValidateCallbackForm
from iop_assistant import form_answers
from iop_assistant.store.contacts import remember_contact
from tests.actions.test_callback import CALLER, run, tracker

SOCIAL_WORKER = (
    "Hi this is Maria, I'm a social worker with DCFS. My client wants help with her drinking. "
    "Can your help line call HER directly?"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (SOCIAL_WORKER, True),
        ("can someone call my son? his name is Jake", True),
        ("have them call my client, not me", True),
        ("llamenle a mi hijo por favor", True),
        ("can you call me back tonight", False),
        ("can i call them directly", False),
        ("my son wants someone to call me", False),
    ],
)
def test_a_call_for_someone_else_is_read(text: str, expected: bool) -> None:
    assert form_answers.asks_to_call_someone_else(text) is expected


def test_their_number_is_asked_for_not_the_writers_offered(app_db) -> None:
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    dispatcher = CollectingDispatcher()
    slots = run(
        ValidateCallbackForm().extract_callback_phone(
            dispatcher, tracker(text=SOCIAL_WORKER, channel="sms", sender="conv-sms"), {}
        )
    )
    assert slots == {"callback_use_caller_number": "no"}
    assert dispatcher.messages == []  # the number question itself says it (language/nlg.py)


def test_a_number_given_for_them_is_theirs(app_db) -> None:
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    text = "can your team call my client at 312-555-0164? she said ok"
    dispatcher = CollectingDispatcher()
    slots = run(
        ValidateCallbackForm().extract_callback_phone(
            dispatcher, tracker(text=text, channel="sms", sender="conv-sms"), {}
        )
    )
    assert slots == {"callback_phone": "+13125550164", "callback_use_caller_number": "no"}
    assert [m["response"] for m in dispatcher.messages] == [FOR_SOMEONE_ELSE]


@pytest.mark.parametrize(
    "text, expected",
    [
        (SOCIAL_WORKER, {}),
        (SOCIAL_WORKER + " Have them ask for Tanya.", {"callback_name": "Tanya"}),
        ("can someone call my son? his name is Jake", {"callback_name": "Jake"}),
        ("This is Ana, call me between 2 and 4", {"callback_name": "Ana"}),
    ],
)
def test_the_name_to_ask_for_is_theirs(text: str, expected: dict) -> None:
    form = ValidateCallbackForm()
    assert form.extract_callback_name(CollectingDispatcher(), tracker(text=text), {}) == expected


def test_the_number_question_is_worded_for_them() -> None:
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from iop_assistant.language.nlg import LanguageNLG

    responses = {
        "utter_ask_callback_phone": [{"text": "I can ask them to call you. What number?"}],
        "utter_ask_callback_phone_someone_else": [{"text": "They'll call them. What number?"}],
    }
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": responses}))
    for text, expected in [
        (SOCIAL_WORKER, "They'll call them. What number?"),
        ("can someone call me back", "I can ask them to call you. What number?"),
    ]:
        tracker = DialogueStateTracker.from_events("n", [UserUttered(text)])
        reply = asyncio.run(nlg.generate("utter_ask_callback_phone", tracker, "rest"))
        assert reply and reply["text"] == expected
