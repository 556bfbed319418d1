"""The screening's opening for someone who already stopped says what matters now, not "don't
stop suddenly" (role-play round 38's open list)."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.already_stopped import told_use_stopped
from iop_assistant.language.nlg import LanguageNLG

RESPONSES = {
    "utter_screening_intro": [{"text": "Please don't stop alcohol or benzodiazepines suddenly."}],
    "utter_screening_intro_stopped": [{"text": "Withdrawal can get worse for several days."}],
    "utter_ask_screening_for": [{"text": "Don't stop suddenly. For you or someone else?"}],
    "utter_ask_screening_for_stopped": [{"text": "It can get worse. For you or someone else?"}],
}


@pytest.mark.parametrize(
    "text, told",
    [
        ("i stopped drinking 3 days ago and im shaky", True),
        ("my dad quit cold turkey 2 days ago", True),
        ("havent had a drink in 4 days", True),
        ("day 3 no drinking", True),
        ("deje de tomar hace 3 dias", True),
        ("llevo 4 dias sin tomar", True),
        ("i want to stop drinking", False),
        ("i quit my job 3 days ago", False),
        ("i stopped going to meetings", False),
    ],
)
def test_stopping_days_ago_is_read(text: str, told: bool) -> None:
    assert told_use_stopped([text]) is told


def _reply(action: str, *texts: str) -> str:
    tracker = DialogueStateTracker.from_events("c", [UserUttered(t) for t in texts])
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    return asyncio.run(nlg.generate(action, tracker, "rest"))["text"]


@pytest.mark.parametrize("action", ["utter_screening_intro", "utter_ask_screening_for"])
def test_someone_who_stopped_is_not_told_not_to_stop(action: str) -> None:
    said = _reply(action, "i stopped drinking 3 days ago", "do i need detox")
    assert "worse" in said and "stop suddenly" not in said


def test_someone_still_using_is_told_not_to_stop_suddenly() -> None:
    assert "suddenly" in _reply("utter_screening_intro", "i drink every day", "do i need detox")
