"""Marks a message that names an opioid, so the withdrawal warning fits the drug.

Role-played opioid users ("percs n sometimes fent", a 71-year-old on oxycodone) and a
mother writing about fentanyl were told only "don't stop alcohol or benzodiazepines
suddenly" (2026-12-04). The danger that fits them is different: a prescribed opioid is
not stopped without a doctor, and after even a few days off, an old amount can cause
an overdose. This adds the entity ``opioid_named`` (value ``yes``); the slot of the
same name keeps it for the conversation, and the screening's opening, its stop reply
and the reply to described use add the opioid sentence when it is set.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.input_guard import ORIGINAL_TEXT
from iop_assistant.rule_component import RuleComponent
from iop_assistant.substances import categories_in_text

ENTITY = "opioid_named"
VALUE = "yes"
OPIOID = "opioid"
# lexicon words that are everyday English too ("my boy", "plan h")
_AMBIGUOUS = frozenset({"h", "boy"})


def names_an_opioid(text: str) -> bool:
    """Whether the text names an opioid (English or Spanish), not counting words like "boy"."""
    words = " ".join(
        w for w in str(text or "").lower().split() if w.strip(".,!?") not in _AMBIGUOUS
    )
    return OPIOID in categories_in_text(words)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class OpioidMention(RuleComponent):
    """Adds entity ``opioid_named`` when a message names an opioid."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""
            if not names_an_opioid(text):
                continue
            entity = {
                "entity": ENTITY,
                "value": VALUE,
                "start": 0,
                "end": len(text),
                "extractor": type(self).__name__,
                "confidence_entity": 1.0,
            }
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
        return messages
