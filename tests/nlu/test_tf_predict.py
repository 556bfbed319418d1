"""Calling the traced prediction graph directly gives Rasa's own answers, number for number.

Loads the trained model (``make test`` trains it first) and compares every
intent confidence and every next-action probability with and without
:mod:`iop_assistant.tf_predict`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa.core.agent import Agent
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.tensorflow.models import RasaModel

from iop_assistant import tf_predict

MESSAGES = [
    "what is intensive outpatient",
    "do i need detox first",
    "can someone call me back tonight",
    "i want to end it all",
    "thanks, bye",
    "asdf qwer",
    "",
    "🙂" * 50,
    "word " * 400,
]


def run(coro: Any) -> Any:
    return asyncio.get_event_loop_policy().new_event_loop().run_until_complete(coro)


@pytest.fixture(scope="module")
def agent(trained_model: Path) -> Agent:
    tf_predict.uninstall()
    loaded = Agent.load(str(trained_model))
    yield loaded
    tf_predict.uninstall()


def answers(agent: Agent) -> list[Any]:
    """Intent rankings and next-action probabilities for every message."""
    out = []
    for text in MESSAGES:
        parsed = run(agent.parse_message(text))
        out.append([(r["name"], r["confidence"]) for r in parsed.get("intent_ranking", [])])
        tracker = DialogueStateTracker.from_events(
            "tf-predict-test",
            [ActionExecuted("action_listen"), UserUttered(text, parsed["intent"], [], parsed)],
            slots=agent.domain.slots,
        )
        prediction = agent.processor._predict_next_with_tracker(tracker)
        out.append((prediction.policy_name, list(prediction.probabilities)))
    return out


def test_same_answers_as_rasas_own_call(agent: Agent) -> None:
    tf_predict.uninstall()
    rasa_answers = answers(agent)
    assert tf_predict.install() is True
    ours = answers(agent)
    assert ours == rasa_answers
    assert tf_predict.install() is False  # idempotent


def test_the_direct_path_is_the_one_taken(agent: Agent) -> None:
    tf_predict.install()
    answers(agent)  # Rasa's first call traces the graph
    # count calls that still go through the tf.function (Rasa's path)
    traced = [m for m in _models(agent) if m._tf_predict_step is not None]
    assert traced, "no traced prediction graph found"
    counted = {id(m): m._tf_predict_step for m in traced}
    hits: list[int] = []
    for model in traced:
        step = model._tf_predict_step
        model._tf_predict_step = _Counting(step, hits)
    try:
        answers(agent)
    finally:
        for model in traced:
            model._tf_predict_step = counted[id(model)]
    assert hits == []  # every prediction went straight to the concrete graph


class _Counting:
    """Stands in for the tf.function and counts calls through Rasa's path."""

    def __init__(self, function: Any, hits: list[int]) -> None:
        self._function, self._hits = function, hits

    def __call__(self, *args: Any) -> Any:
        self._hits.append(1)
        return self._function(*args)

    def get_concrete_function(self, *args: Any) -> Any:
        return self._function.get_concrete_function(*args)


def _models(agent: Agent) -> list[RasaModel]:
    """The RasaModels (DIET, TED) inside the loaded graph."""
    found = []
    for node in agent.processor.graph_runner._instantiated_nodes.values():
        component = getattr(node, "_component", None)
        model = getattr(component, "model", None)
        if isinstance(model, RasaModel):
            found.append(model)
    return found
