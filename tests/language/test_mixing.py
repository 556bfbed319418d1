"""Alcohol named with an opioid, benzodiazepine or sleeping pill: the mixing warning, once."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.mixing import names_a_dangerous_mix
from iop_assistant.language.nlg import LanguageNLG

RESPONSES = {
    "utter_ask_am_i_addicted": [{"text": "Dependence can happen with prescribed medicine."}],
    "utter_mixing_danger": [{"text": "Alcohol with opioids can slow or stop breathing."}],
}


@pytest.mark.parametrize(
    "text,mix",
    [
        ("my dad takes oxycodone for his back and has wine every night", True),
        ("she drinks and takes xanax", True),
        ("ambien and wine", True),
        ("fentanyl and xanax bars", False),
        ("he drinks beer and smokes weed", False),
    ],
)
def test_which_mixes(text, mix) -> None:
    assert names_a_dangerous_mix(text) is mix


def generate(*events) -> str:
    tracker = DialogueStateTracker.from_events("m", list(events))
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    out = asyncio.run(nlg.generate("utter_ask_am_i_addicted", tracker, "rest"))
    assert out is not None
    return str(out["text"])


def test_the_warning_follows_the_answer_once() -> None:
    said = "my dad is 70, on oxycodone, and has wine every night. can he be addicted?"
    first = generate(UserUttered(said))
    assert first.endswith("Alcohol with opioids can slow or stop breathing.")
    again = generate(UserUttered(said), BotUttered(first), UserUttered(said))
    assert again == "Dependence can happen with prescribed medicine."
