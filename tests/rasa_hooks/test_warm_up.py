"""A newly loaded model reads a few messages before the first person writes (issue 17),
and a failure of that never stops the model from loading."""

from __future__ import annotations

from pathlib import Path
from typing import List

from rasa.core.agent import Agent
from rasa.core.processor import MessageProcessor

from iop_assistant.rasa_hooks import warm_up


def test_loading_a_model_reads_the_warm_up_messages(trained_model: Path, monkeypatch):
    read: List[str] = []
    rasa_parse = MessageProcessor._parse_message_with_graph

    def recording(self, message, tracker, only_output_properties=True):
        read.append(message.text)
        return rasa_parse(self, message, tracker, only_output_properties)

    monkeypatch.setattr(MessageProcessor, "_parse_message_with_graph", recording)
    assert warm_up.install()
    assert not warm_up.install()  # idempotent
    agent = Agent.load(str(trained_model))
    assert read == list(warm_up.MESSAGES)
    assert agent.processor is not None and agent.is_ready()


def test_a_failing_warm_up_still_loads_the_model(trained_model: Path, monkeypatch, caplog):
    def broken(processor):
        raise RuntimeError("no warm-up today")

    monkeypatch.setattr(warm_up, "warm", broken)
    assert warm_up.install()
    agent = Agent.load(str(trained_model))
    assert agent.is_ready()
    assert "warm-up failed" in caplog.text


def test_uninstall_restores_rasa():
    rasa_init = MessageProcessor.__init__
    assert warm_up.install()
    assert MessageProcessor.__init__ is not rasa_init
    warm_up.uninstall()
    assert MessageProcessor.__init__ is rasa_init
