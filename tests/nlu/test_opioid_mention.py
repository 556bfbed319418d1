"""OpioidMention: a message naming an opioid sets ``opioid_named`` so the withdrawal
warnings fit the drug (role-play 2026-12-04: percocet and fentanyl users were told only
"don't stop alcohol or benzodiazepines")."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.opioid_mention import ENTITY, VALUE, OpioidMention, names_an_opioid


@pytest.mark.parametrize(
    "text",
    [
        "ok. do i need detox first im on percs n sometimes fent",
        "my son has been using fentanyl",
        "she takes oxycodone for her back, should she just stop",
        "mi hijo usa fentanilo",
        "heroin",
    ],
)
def test_opioids_are_named(text):
    message = OpioidMention().process([Message(data={TEXT: text})])[0]
    assert {"entity": ENTITY, "value": VALUE} in [
        {"entity": e["entity"], "value": e["value"]} for e in message.get(ENTITIES) or []
    ]


@pytest.mark.parametrize(
    "text", ["my boy drinks every night", "i drink a fifth a day", "xanax and alcohol", "plan h"]
)
def test_other_words_are_not_opioids(text):
    assert not names_an_opioid(text)
    message = OpioidMention().process([Message(data={TEXT: text})])[0]
    assert not message.get(ENTITIES)
