"""The conversation's language as an NLU result: entity ``language`` → slot ``language``.

Runs last in the NLU pipeline (after the crisis guard). It adds the entity
only when the message gives a reason to choose, so the slot (and with it the
conversation's language) stays as it was on "ok", "no", "si", "Maria":

1. an explicit request in the text ("en español por favor", "English please");
2. the widget's setting, message metadata ``{"language": "es"}`` (sent only
   when the person picked a language in the widget);
3. a hit from the Spanish crisis lexicon (``es_`` pattern ids): a person in
   danger is answered in the language they wrote in, even in two words
   ("no respira");
4. confident detection (:mod:`iop_assistant.language.detect`).
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.language import SPANISH
from iop_assistant.language.choice import choose
from iop_assistant.rule_component import RuleComponent

ENTITY = "language"
OUTPUT = "language"
EXTRACTOR = "LanguageChooser"
METADATA = "metadata"
# iop_assistant.nlu.input_guard.ORIGINAL_TEXT (the text before cleaning), spelled here so the
# language room does not import the nlu room, which imports it (tests/test_boundaries.py)
ORIGINAL_TEXT = "iop_original_text"
# the control gate's intent for Spanish it read (nlu/control_intents.SPANISH_INTENT)
SPEAK_SPANISH = "speak_spanish"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageChooser(RuleComponent):
    """Adds entity ``language`` (en/es) when a message gives a reason to choose."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""
            guard = message.get("crisis_guard") or {}
            language, reason = choose(text, message.get(METADATA), guard.get("pattern_id"))
            if language is None and (message.get(INTENT) or {}).get("name") == SPEAK_SPANISH:
                # the control gate read Spanish words the detector was not sure of: answer
                # in Spanish, never "I can only answer in English" then Spanish (role-play)
                language, reason = SPANISH, "gate"
            if language is None:
                continue
            message.set(OUTPUT, {"value": language, "reason": reason}, add_to_output=True)
            entity = {
                "entity": ENTITY,
                "value": language,
                "start": 0,
                "end": len(message.get(TEXT) or ""),
                "extractor": EXTRACTOR,
                "confidence_entity": 1.0,
            }
            message.set(ENTITIES, (message.get(ENTITIES) or []) + [entity], add_to_output=True)
        return messages
