"""The first run's quick model differs from the full one only in DIET's shape (issue 17)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("quick_config", REPO / "scripts/quick_config.py")
assert _SPEC and _SPEC.loader
quick_config = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(quick_config)
CHANGED = ("epochs", "number_of_transformer_layers")


def test_only_diet_changes():
    full = yaml.safe_load((REPO / "config.yml").read_text())
    fast = quick_config.quick(full, epochs=40)
    assert fast["policies"] == full["policies"]
    assert [c["name"] for c in fast["pipeline"]] == [c["name"] for c in full["pipeline"]]
    for mine, theirs in zip(fast["pipeline"], full["pipeline"], strict=True):
        if mine["name"] == "FallbackClassifier":
            assert mine["threshold"] < theirs["threshold"]
            assert {k: v for k, v in mine.items() if k != "threshold"} == {
                k: v for k, v in theirs.items() if k != "threshold"
            }
            continue
        if mine["name"] != "DIETClassifier":
            assert mine == theirs
            continue
        assert mine["number_of_transformer_layers"] == 0 and mine["epochs"] == 40
        assert {k: v for k, v in mine.items() if k not in CHANGED} == {
            k: v for k, v in theirs.items() if k not in CHANGED
        }
