"""The crisis guard with the project's spaCy pipeline, and a message read through it and
the crisis-update reader as if the classifier had read ``intent`` first."""

from __future__ import annotations

from typing import Callable

import pytest
import spacy
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.control_gate import gate
from iop_assistant.nlu.crisis_guard import CrisisGuard
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.crisis_updates import CrisisUpdateReader
from iop_assistant.nlu.input_guard import InputGuard


@pytest.fixture(scope="session")
def guard() -> CrisisGuard:
    return CrisisGuard(CrisisMatcher(spacy.load(spacy_pipeline.build())))


@pytest.fixture
def guarded(guard: CrisisGuard) -> Callable[..., Message]:
    """``guarded(text, intent, runner_up)``: the message after the guard and the reader."""

    def read(text: str, intent: str = "crisis", runner_up: str = "ask_who_benefits") -> Message:
        message = Message({TEXT: text})
        InputGuard().process([message])
        message.set(INTENT, {"name": intent, "confidence": 0.9})
        message.set(
            INTENT_RANKING_KEY,
            [{"name": intent, "confidence": 0.9}, {"name": runner_up, "confidence": 0.05}],
        )
        guard.process([message])
        CrisisUpdateReader().process([message])
        return message

    return read


@pytest.fixture
def gated() -> Callable[[str, str, float], str]:
    """``gated(text, intent, confidence)``: the intent the control gate leaves, when the
    classifier read ``intent`` at ``confidence`` first."""

    def read(text: str, intent: str, confidence: float = 0.7) -> str:
        message = Message({TEXT: text})
        message.set(INTENT, {"name": intent, "confidence": confidence})
        message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}])
        gate(message)
        return str((message.get(INTENT) or {}).get("name"))

    return read
