"""A young person living with a parent's drinking is told it isn't their fault, not to ride
with them, and where to turn, once (family role-play round 24)."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG
from iop_assistant.language.teen_at_home import tells_of_a_parent_using

RESPONSES = {
    "utter_ask_who_benefits": [{"text": "IOP suits adults who..."}],
    "utter_teen_parent_uses": [{"text": "Not your fault. Alateen (al-anon.org/alateen)."}],
    "utter_child_abuse_line": [{"text": "Childhelp: call or text."}],
    "utter_crisis": [{"text": "Call 911."}],
}


@pytest.mark.parametrize(
    "latest,earlier,told",
    [
        ("im 15 and my mom drinks every day and drives me to school", [], True),
        ("is it safe to ride with her if shes been drinking", ["im 15. my mom drinks a lot"], True),
        ("tengo 14 y mi papa toma todos los dias", [], True),
        ("my mom drinks every day", [], False),  # no age said: an adult child, the usual answer
        ("my son drinks and hes 16", [], False),  # a parent writing about their teen
        ("is it safe to ride with her", ["im 15"], False),  # nothing said about drinking
        ("im 16 and i drink every weekend", [], False),  # their own use
    ],
)
def test_a_young_person_living_with_a_parents_use(latest, earlier, told) -> None:
    assert tells_of_a_parent_using(latest, earlier) is told


def _reply(events, action="utter_ask_who_benefits"):
    tracker = DialogueStateTracker.from_events("c", events)
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    return asyncio.run(nlg.generate(action, tracker, "rest"))["text"]


def test_the_note_follows_the_reply_once() -> None:
    first = [UserUttered("im 15"), UserUttered("my dad gets drunk and then drives me places")]
    assert _reply(first).endswith("Alateen (al-anon.org/alateen).")
    told = [*first, BotUttered("IOP suits... Not your fault. Alateen (al-anon.org/alateen).")]
    assert "Alateen" not in _reply([*told, UserUttered("my dad drinks again tonight")])


def test_a_crisis_reply_and_a_parent_who_hurts_them_get_their_own_lines() -> None:
    events = [UserUttered("im 15 and my mom drinks and hits me")]
    assert "Alateen" not in _reply(events)
    assert "Childhelp" in _reply(events)
    assert "Alateen" not in _reply([UserUttered("im 15 my mom is drunk")], "utter_crisis")
