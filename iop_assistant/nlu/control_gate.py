"""The NLU component that keeps control intents for explicit commands only.

Runs after the classifier and before FallbackClassifier (so a demoted message
can still fall back when the next guess is weak) and before the crisis guard
(which always has the last word). See ``control_intents`` for the rules.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.control_intents import (
    CONTROL_INTENTS,
    HELP_INTENT,
    SPANISH_INTENT,
    is_explicit,
    is_goal_or_plea,
    is_plea,
    looks_spanish,
)
from iop_assistant.nlu.input_guard import ORIGINAL_TEXT

GATE_OUTPUT = "control_gate"


def _set_top(message: Message, intent: Dict[str, Any]) -> None:
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent["name"]]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)


def gate(message: Message) -> None:
    """Re-reads one message's intent (in place)."""
    text = str(message.get(ORIGINAL_TEXT) or message.get(TEXT) or "")
    if text.lstrip().startswith("/"):
        return  # a button payload: Rasa reads it as an intent itself
    intent = message.get(INTENT) or {}
    name = intent.get("name")
    if looks_spanish(text) and name not in ("crisis", SPANISH_INTENT):
        message.set(GATE_OUTPUT, {"from": name, "reason": "spanish"}, add_to_output=True)
        _set_top(message, {"name": SPANISH_INTENT, "confidence": 1.0})
        return
    if is_plea(text) and name != HELP_INTENT:
        message.set(GATE_OUTPUT, {"from": name, "reason": "plea"}, add_to_output=True)
        _set_top(message, {"name": HELP_INTENT, "confidence": 1.0})
        return
    if name not in CONTROL_INTENTS or is_explicit(name, text):
        return
    if is_goal_or_plea(text):
        message.set(GATE_OUTPUT, {"from": name, "reason": "goal"}, add_to_output=True)
        _set_top(message, {"name": HELP_INTENT, "confidence": 1.0})
        return
    others = [
        r
        for r in message.get(INTENT_RANKING_KEY) or []
        if r.get("name") not in CONTROL_INTENTS and r.get("name") != "nlu_fallback"
    ]
    replacement = dict(others[0]) if others else {"name": "nlu_fallback", "confidence": 1.0}
    message.set(GATE_OUTPUT, {"from": name, "reason": "not explicit"}, add_to_output=True)
    message.set(INTENT, replacement, add_to_output=True)
    message.set(INTENT_RANKING_KEY, others or [replacement], add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ControlIntentGate(GraphComponent):
    """stop / goodbye / thank / greet / yes / no only when the message plainly says so."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ControlIntentGate:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            gate(message)
        return messages
