"""DIET loaded without Rasa's one-example training run reads every message exactly as
Rasa's load does (issue 17: the training graph and Adam's slots cost 214 MiB)."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from typing import Any, Dict, List, Tuple

import tensorflow as tf
import yaml
from rasa.core.agent import Agent
from rasa.nlu.classifiers.diet_classifier import DIET
from rasa.utils.tensorflow.models import RasaModel

from iop_assistant.rasa_hooks import inference_load

HOLDOUT = Path(__file__).parents[1] / "nlu_holdout.yml"
# a crisis, Spanish, an emoji, one word and a long story, besides the held-out set
EXTRA = [
    "i took a whole bottle of pills",
    "hola necesito ayuda para mi esposo que toma mucho",
    "🙂",
    "help",
    "my son is 19 and i found pills and foil in his room and i dont know what to do "
    "or who to call, does your program take people his age",
]


def _messages() -> List[str]:
    data = yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))
    texts = [
        line.strip()[2:]
        for item in data["nlu"]
        for line in item["examples"].splitlines()
        if line.strip().startswith("- ")
    ]
    return texts[::3] + EXTRA


Reading = Tuple[str, List[Tuple[str, float]]]


def _read(model: Path, texts: List[str]) -> Tuple[List[Reading], Any]:
    agent = Agent.load(str(model))

    async def parse_all() -> List[Reading]:
        out = []
        for text in texts:
            parsed: Dict[str, Any] = await agent.parse_message(text)
            ranking = [(r["name"], r["confidence"]) for r in parsed["intent_ranking"]]
            out.append((parsed["intent"]["name"], ranking))
        return out

    return asyncio.run(parse_all()), agent


def _diet(agent: Any) -> DIET:
    for node in agent.processor.graph_runner._instantiated_nodes.values():  # type: ignore[union-attr]
        component = getattr(node, "_component", None)
        model = getattr(component, "model", None)
        if isinstance(model, DIET):
            return model
    raise AssertionError("no DIET in the loaded model")


def test_same_rankings_and_confidences_as_rasas_load(trained_model: Path):
    texts = _messages()
    rasa_readings, rasa_agent = _read(trained_model, texts)
    assert _diet(rasa_agent).optimizer is not None  # Rasa's load compiled and trained

    assert inference_load.install()
    ours, our_agent = _read(trained_model, texts)

    assert ours == rasa_readings  # every intent, every confidence, bit for bit
    diet = _diet(our_agent)
    assert diet.optimizer is None  # no training graph, no Adam slots
    # the trained weights are the same (Keras's loss totals from Rasa's one-example
    # training run are not weights and exist only there)
    rasa_weights = {w.name: w.numpy() for w in _diet(rasa_agent).trainable_weights}
    assert len(rasa_weights) == len(_diet(rasa_agent).trainable_weights)
    assert sorted(w.name for w in diet.trainable_weights) == sorted(rasa_weights)
    for weight in diet.trainable_weights:
        assert tf.reduce_all(weight.numpy() == rasa_weights[weight.name])


def test_fine_tuning_still_uses_rasas_load(monkeypatch):
    calls: List[bool] = []

    def rasas(cls, name, example, predict_example=None, finetune_mode=False, *a, **k):
        calls.append(finetune_mode)
        return "rasa's"

    monkeypatch.setattr(RasaModel, "load", classmethod(rasas))
    assert inference_load.install()
    assert DIET.load("weights", None, None, True) == "rasa's"  # fine-tuning
    assert DIET.load("weights", None) == "rasa's"  # no prediction example
    assert calls == [True, False]


def test_install_is_idempotent_and_uninstall_restores_rasa():
    assert "load" not in vars(DIET)  # DIET inherits RasaModel's class method
    assert inference_load.install()
    assert not inference_load.install()
    assert inference_load.installed()
    assert isinstance(inspect.getattr_static(DIET, "load"), classmethod)
    inference_load.uninstall()
    assert "load" not in vars(DIET)
    assert DIET.load.__func__ is RasaModel.load.__func__
    assert not inference_load.installed()
