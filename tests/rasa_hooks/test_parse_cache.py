"""Short messages are read once per model (issue 17), and what is read is exactly what the
pipeline says: the same answer for the same text and metadata, a fresh copy every time,
longer messages always read afresh."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List

import pytest
from rasa.core.agent import Agent
from rasa.core.channels import UserMessage
from rasa.core.processor import MessageProcessor

from iop_assistant.rasa_hooks import parse_cache


class _Processor:
    """Stands in for Rasa's processor: only the table lives on it."""


@pytest.fixture
def reads(monkeypatch) -> List[str]:
    """Rasa's parse replaced by one that records what it was asked to read."""
    seen: List[str] = []

    def parse(self, message, tracker, only_output_properties=True) -> Dict[str, Any]:
        seen.append(message.text)
        return {"text": message.text, "intent": {"name": "greet", "confidence": 0.9}}

    monkeypatch.setattr(MessageProcessor, "_parse_message_with_graph", parse)
    assert parse_cache.install()
    assert not parse_cache.install()  # idempotent
    return seen


def parse(processor: Any, text: str, metadata: Any = None) -> Dict[str, Any]:
    message = UserMessage(text, metadata=metadata)
    return MessageProcessor._parse_message_with_graph(processor, message, None)


def test_a_short_message_is_read_once_and_answered_with_a_copy(reads):
    processor = _Processor()
    first = parse(processor, "hi")
    first["intent"]["name"] = "changed by a caller"
    again = parse(processor, "hi")
    assert reads == ["hi"]
    assert again["intent"]["name"] == "greet"  # the caller's change did not leak


def test_metadata_and_longer_messages_are_read_afresh(reads):
    processor = _Processor()
    parse(processor, "hola", {"language": "es"})
    parse(processor, "hola", {"language": "en"})
    parse(processor, "hola", {"language": "es"})
    long = "my son is using again and I am scared"
    parse(processor, long)
    parse(processor, long)
    assert reads == ["hola", "hola", long, long]


def test_each_model_has_its_own_table_and_the_table_is_bounded(reads, monkeypatch):
    monkeypatch.setattr(parse_cache, "CAPACITY", 3)
    old, new = _Processor(), _Processor()
    parse(old, "yes")
    parse(new, "yes")  # a new model: read again
    for word in ("a", "b", "c"):
        parse(new, word)
    assert len(parse_cache.table(new)) == 3
    parse(new, "yes")  # dropped as the least recently used
    assert reads == ["yes", "yes", "a", "b", "c", "yes"]


def test_uninstall_restores_rasa(reads):
    parse_cache.uninstall()
    processor = _Processor()
    parse(processor, "hi")
    parse(processor, "hi")
    assert reads == ["hi", "hi"]


SHORT = [
    "hi",
    "yes",
    "no",
    "thanks",
    "bye",
    "help",
    "1",
    "stop",
    "hola",
    "i need help",
    "kill me now",
    "ok",
    "yes please",
    "English please",
    "en español",
    "asap",
]


def test_the_trained_pipeline_reads_a_short_message_the_same_every_time(trained_model: Path):
    """The cache relies on the pipeline being a function of the message alone: here the
    real model reads each text once uncached, then twice through the cache, in between
    messages that could leave state behind (a crisis, Spanish, a form answer)."""
    agent = Agent.load(str(trained_model))
    processor = agent.processor
    assert processor is not None

    def read(text: str, metadata: Any = None) -> Dict[str, Any]:
        return asyncio.run(processor.parse_message(UserMessage(text, metadata=metadata)))

    plain = {text: read(text) for text in SHORT}
    assert parse_cache.install()
    for _ in range(2):
        for text in SHORT:
            read("i took too many pills")
            read("mi hijo toma mucho, necesito ayuda")
            assert read(text) == plain[text], text
    assert len(parse_cache.table(processor)) == len(SHORT)
