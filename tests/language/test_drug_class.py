"""Which family a named drug is in, said when asked (caller role-play round 24: "is
lorazepam one of those benzos?" went unanswered)."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.drug_class import asked_family
from iop_assistant.language.nlg import LanguageNLG


@pytest.mark.parametrize(
    "text,family",
    [
        ("is lorazepam one of those benzos?", "benzodiazepine"),
        ("is tramadol an opioid", "opioid"),
        ("is adderall a stimulant", "stimulant"),
        ("what kind of drug is klonopin", "benzodiazepine"),
        ("el lorazepam es una benzo?", "benzodiazepine"),
        ("is xanax and oxy a benzo", None),  # two families: not guessed
        ("my mom takes ativan", None),  # no question about its family
        ("are benzos dangerous", None),
    ],
)
def test_the_family_asked_about(text, family) -> None:
    assert asked_family(text) == family


def test_the_family_follows_the_reply() -> None:
    responses = {
        "utter_default": [{"text": "I'm not sure."}],
        "utter_drug_class_benzodiazepine": [{"text": "That one is a benzo."}],
    }
    tracker = DialogueStateTracker.from_events("c", [UserUttered("is ativan a benzo")])
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": responses}))
    reply = asyncio.run(nlg.generate("utter_default", tracker, "rest"))
    assert reply and reply["text"] == "I'm not sure.\n\nThat one is a benzo."


def test_said_once_a_turn_and_not_after_the_disclaimer() -> None:
    """ "is lorazepam a benzo" as a first message had the note after the disclaimer and
    again after the answer (round 24 widget check)."""
    from rasa.shared.core.events import BotUttered

    responses = {
        "utter_disclaimer": [{"text": "I'm an automated assistant."}],
        "utter_default": [{"text": "I'm not sure."}],
        "utter_drug_class_benzodiazepine": [{"text": "That one is a benzo."}],
    }
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": responses}))
    first = DialogueStateTracker.from_events("c", [UserUttered("is ativan a benzo")])
    disclaimer = asyncio.run(nlg.generate("utter_disclaimer", first, "rest"))
    assert disclaimer and disclaimer["text"] == "I'm an automated assistant."
    again = DialogueStateTracker.from_events(
        "c", [UserUttered("is ativan a benzo"), BotUttered("Hi.\n\nThat one is a benzo.")]
    )
    reply = asyncio.run(nlg.generate("utter_default", again, "rest"))
    assert reply and reply["text"] == "I'm not sure."


def test_the_family_named_alone_is_no_drug_of_that_family() -> None:
    """Caller role-play round 29: "G isn't alcohol or benzos, so it's fine to stop?" got
    "That one is a benzodiazepine" (GHB), twice."""
    from iop_assistant.language.drug_class import asked_family

    assert asked_family("G isn't alcohol or benzos, so it's fine to stop?") is None
    assert asked_family("is ghb a benzo") == "sedative"
    assert asked_family("is lorazepam one of those benzos?") == "benzodiazepine"
