"""Held-out sets stay held out: no evaluation message is also a training example."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Set

from iop_assistant import yaml_io

REPO = Path(__file__).resolve().parents[1]


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def nlu_examples(path: Path) -> Set[str]:
    data = yaml_io.read(path) or {}
    found = set()
    for block in data.get("nlu") or []:
        for line in (block.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- "):
                found.add(normalise(line[2:]))
    return found


def training_examples() -> Set[str]:
    examples: Set[str] = set()
    for path in (REPO / "data" / "nlu").glob("*.yml"):
        examples |= nlu_examples(path)
    return examples


def test_holdout_is_not_trained_on():
    overlap = nlu_examples(REPO / "tests" / "nlu_holdout.yml") & training_examples()
    assert not overlap, sorted(overlap)


def test_safety_sets_are_not_trained_on():
    training = training_examples()
    for path in (REPO / "tests" / "safety").rglob("*.yml"):
        messages = yaml_io.read(path)["messages"]
        overlap = {normalise(m["text"]) for m in messages} & training
        assert not overlap, f"{path.name}: {sorted(overlap)}"
