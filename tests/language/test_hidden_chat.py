"""Someone who may be watched is told how to remove this conversation, once (crisis
role-play round 24: "he reads my texts. should i delete this conversation")."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.hidden_chat import wants_the_chat_hidden
from iop_assistant.language.nlg import LanguageNLG

RESPONSES = {
    "utter_ask_chat_privacy": [{"text": "Staff may read this chat."}],
    "utter_hide_this_chat": [{"text": "Tap Clear."}],
}


@pytest.mark.parametrize(
    "text,hidden",
    [
        ("no i mean he reads my texts. should i delete this conversation", True),
        ("how do i delete this chat", True),
        ("what if my mom sees this", True),
        ("he goes through my phone every night", True),
        ("mi esposo revisa mi celular", True),
        ("can i delete my account", False),
        ("i deleted his number", False),
        ("who reads this chat", False),
    ],
)
def test_asking_to_hide_the_conversation(text, hidden) -> None:
    assert wants_the_chat_hidden(text) is hidden


def test_the_note_follows_the_privacy_answer() -> None:
    tracker = DialogueStateTracker.from_events(
        "c", [UserUttered("he reads my texts. should i delete this conversation")]
    )
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    reply = asyncio.run(nlg.generate("utter_ask_chat_privacy", tracker, "rest"))
    assert reply and reply["text"] == "Staff may read this chat.\n\nTap Clear."


def test_told_once() -> None:
    from rasa.shared.core.events import BotUttered

    events = [
        UserUttered("he reads my texts"),
        BotUttered("Staff may read this chat.\n\nIf someone checks your phone, delete it."),
        UserUttered("what if he reads my texts again"),
    ]
    tracker = DialogueStateTracker.from_events("c", events)
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    reply = asyncio.run(nlg.generate("utter_ask_chat_privacy", tracker, "rest"))
    assert reply and reply["text"] == "Staff may read this chat."
