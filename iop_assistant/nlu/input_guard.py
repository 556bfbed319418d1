"""Keeps bad input from confusing the classifier, without losing it.

``InputGuard`` runs first: it strips control characters and caps the length
the classifier sees (a 10,000-character paste would otherwise cost seconds of
attention and still be misread). The untouched text stays on the message as
``ORIGINAL_TEXT`` for the crisis guard, and the tracker keeps the text the
person sent.

``UnreadableInputOverride`` runs after the classifier: a message with no
letters at all (empty, emoji only, binary junk) is marked ``nlu_fallback`` so
the dialogue asks the person to try again instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from iop_assistant.nlu.control_intents import is_phone_message

ORIGINAL_TEXT = "iop_original_text"
UNREADABLE = "iop_unreadable"
MAX_CLASSIFIED_CHARS = 1000
FALLBACK_INTENT = "nlu_fallback"
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def clean_text(text: str | None, limit: int = MAX_CLASSIFIED_CHARS) -> str:
    """Text the classifier should see: printable characters, whitespace collapsed, capped."""
    if not text:
        return ""
    kept = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " " for ch in text.replace("\ufffd", " ")
    )
    kept = " ".join(kept.split())
    return kept[:limit]


def defused_clean_text(text: str | None) -> str:
    """:func:`clean_text` that never starts with "/".

    Rasa's ``RegexMessageHandler`` reads "/intent{...}" from the *cleaned*
    text, so "\u200b/crisis{...}" would become an intent with entities once
    the zero-width space is gone. Whatever the channel, cleaning must not
    create intent syntax that was not there.
    """
    cleaned = clean_text(text)
    while cleaned.startswith("/"):
        cleaned = cleaned.lstrip("/").strip()
    return cleaned


def is_unreadable(text: str | None) -> bool:
    """True when a message holds no letters: empty, emoji, digits-only noise or binary junk."""
    cleaned = clean_text(text)
    if is_phone_message(cleaned):
        return False  # a phone number is a request for a call, not noise
    if not _LETTER.search(cleaned):
        return not cleaned.isdigit() or len(cleaned) > 3  # "1" is a button reply, keep it
    letters = len(_LETTER.findall(cleaned))
    return letters / max(len(cleaned), 1) < 0.3 and len(cleaned) > 12


def _is_intent_payload(text: str) -> bool:
    return text.startswith("/")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class InputGuard(GraphComponent):
    """Normalises incoming text before tokenization and remembers the original."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputGuard:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples are already clean; nothing to do."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            original = message.get(TEXT) or ""
            if _is_intent_payload(original):
                continue
            message.set(ORIGINAL_TEXT, original, add_to_output=False)
            message.set(UNREADABLE, is_unreadable(original), add_to_output=False)
            message.set(TEXT, defused_clean_text(original))
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class UnreadableInputOverride(GraphComponent):
    """Turns a prediction for a letterless message into ``nlu_fallback``."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> UnreadableInputOverride:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if message.get(UNREADABLE):
                intent = {"name": FALLBACK_INTENT, "confidence": 1.0}
                message.set(INTENT, intent, add_to_output=True)
                ranking = message.get(INTENT_RANKING_KEY) or []
                message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)
        return messages
