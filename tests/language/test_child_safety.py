"""A young person who says an adult at home hurts them is given Childhelp, whatever the reply."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.child_safety import is_a_minor_hurt_at_home
from iop_assistant.language.nlg import LanguageNLG

RESPONSES = {
    "utter_inform_use": [{"text": "Thank you for telling me."}],
    "utter_child_abuse_line": [{"text": "Childhelp: call or text."}],
}


@pytest.mark.parametrize(
    "latest,earlier,told",
    [
        ("my dad drinks and hits me and my mom when hes drunk. im 15", [], True),
        ("my dad hits me when he drinks", ["im 14 and my dad drinks"], True),
        ("mi papa me pega cuando toma", ["tengo 15 anos"], True),
        ("my dad hits me when he drinks", [], False),  # an adult: the violence reply's lines
        ("my husband hits me", ["im 15 years sober"], False),
        ("my son hits me when hes high, hes 16", [], False),
        ("my mom hurt my feelings lol im 16", [], False),
    ],
)
def test_a_minor_hurt_at_home(latest, earlier, told) -> None:
    assert is_a_minor_hurt_at_home(latest, earlier) is told


def test_the_childhelp_line_follows_whatever_the_reply_was() -> None:
    tracker = DialogueStateTracker.from_events(
        "c", [UserUttered("im 15"), UserUttered("my mom's boyfriend hits me when he's drunk")]
    )
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    reply = asyncio.run(nlg.generate("utter_inform_use", tracker, "rest"))
    assert reply and reply["text"] == "Thank you for telling me.\n\nChildhelp: call or text."
