"""Keeps bad input from confusing the classifier, without losing it.

``InputGuard`` runs first: it strips control characters and caps the length
the classifier sees (a 10,000-character paste would otherwise cost seconds of
attention and still be misread), and lets it read the question behind a leading
"hi," ("hi, what is iop"). The untouched text stays on the message as
``ORIGINAL_TEXT`` for the crisis guard, and the tracker keeps the text the
person sent.

``UnreadableInputOverride`` runs after the classifier: a message with no
letters at all (empty, emoji only, binary junk) is marked ``nlu_fallback`` so
the dialogue asks the person to try again instead of guessing.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from iop_assistant.input_text import (
    defused_clean_text,
    emoji_words,
    is_unreadable,
    without_leading_greeting,
    written_forms,
)
from iop_assistant.rule_component import RuleComponent

ORIGINAL_TEXT = "iop_original_text"
UNREADABLE = "iop_unreadable"
FALLBACK_INTENT = "nlu_fallback"


def _is_intent_payload(text: str) -> bool:
    return text.startswith("/")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class InputGuard(RuleComponent):
    """Normalises incoming text before tokenization and remembers the original."""

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples are already clean; nothing to do."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            original = message.get(TEXT) or ""
            if _is_intent_payload(original):
                continue
            message.set(ORIGINAL_TEXT, original, add_to_output=False)
            said = emoji_words(original)
            if said:  # "👋" is read as "hi", "🙏" as "thank you"
                message.set(UNREADABLE, False, add_to_output=False)
                message.set(TEXT, said)
                continue
            message.set(UNREADABLE, is_unreadable(original), add_to_output=False)
            message.set(TEXT, written_forms(without_leading_greeting(defused_clean_text(original))))
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class UnreadableInputOverride(RuleComponent):
    """Turns a prediction for a letterless message into ``nlu_fallback``."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if message.get(UNREADABLE):
                intent = {"name": FALLBACK_INTENT, "confidence": 1.0}
                message.set(INTENT, intent, add_to_output=True)
                ranking = message.get(INTENT_RANKING_KEY) or []
                message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)
        return messages
