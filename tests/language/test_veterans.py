"""A crisis reply to a veteran, or to someone writing about one, adds the Veterans Crisis Line."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG
from iop_assistant.language.veterans import asks_for_a_veteran, speaks_of_service

RESPONSES = {
    "utter_veterans_peer": [{"text": "Many responders are veterans: 988, press 1."}],
    "utter_crisis": [{"text": "Please call or text 988 now."}],
    "utter_ask_cost_insurance": [{"text": "Cost depends on your insurance."}],
    "utter_ask_individual_counseling": [{"text": "One-on-one sessions."}],
    "utter_veterans_crisis_line": [{"text": "Veterans: call 988 and press 1."}],
}


@pytest.mark.parametrize(
    "text,served",
    [
        ("im a veteran and i drink to sleep", True),
        ("my husband did two tours in iraq and he has a gun out", True),
        ("he served 8 years in the army", True),
        ("mi esposo es veterano", True),
        ("i took my cat to the vet", False),
        ("my son drinks every night", False),
    ],
)
def test_who_served(text, served) -> None:
    assert speaks_of_service([text]) is served


def reply(said: str, *texts: str) -> str:
    tracker = DialogueStateTracker.from_events("v", [UserUttered(t) for t in texts])
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    out = asyncio.run(nlg.generate(said, tracker, "rest"))
    assert out is not None
    return str(out["text"])


def test_a_veteran_in_crisis_gets_the_veterans_line_too() -> None:
    text = reply("utter_crisis", "im a veteran", "i have my pistol and i'm done")
    assert text == "Please call or text 988 now.\n\nVeterans: call 988 and press 1."


def test_no_veterans_line_without_service_or_outside_a_crisis() -> None:
    assert reply("utter_crisis", "i have pills and i'm done") == "Please call or text 988 now."
    assert reply("utter_ask_cost_insurance", "im a veteran, does VA cover it") == (
        "Cost depends on your insurance."
    )


@pytest.mark.parametrize(
    "text,asks",
    [
        ("is there somebody who is a vet i can talk to", True),
        ("I want to talk to another vet", True),
        ("quiero hablar con alguien que sea veterano", True),
        ("my dad is a vet", False),
        ("i need to talk to someone", False),
        ("take my cat to the vet", False),
    ],
)
def test_asking_for_a_fellow_veteran(text, asks) -> None:
    assert asks_for_a_veteran(text) is asks


def test_asking_for_a_fellow_veteran_gets_the_line_after_any_reply() -> None:
    """Caller role-play round 24: "someone who's a vet" got the one-on-one therapy answer."""
    text = reply("utter_ask_individual_counseling", "is there somebody who's a vet i can talk to")
    assert text.endswith("Many responders are veterans: 988, press 1.")
