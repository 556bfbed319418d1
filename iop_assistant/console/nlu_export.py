"""Reviewers' intent corrections as Rasa NLU training data (YAML, version "3.1").

Texts holding PII are never exported (they are not even stored with the
correction); the output is meant to be reviewed and merged into data/nlu/.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Dict, Iterable, List, Tuple

from iop_assistant import privacy


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_yaml(corrections: Iterable[Tuple[str, str]]) -> str:
    """``(intent, text)`` pairs as an NLU file; duplicates and PII are left out."""
    by_intent: Dict[str, List[str]] = defaultdict(list)
    for intent, text in corrections:
        example = _one_line(text or "")
        if not example or privacy.contains_pii(example) or example.startswith("/"):
            continue
        if example not in by_intent[intent]:
            by_intent[intent].append(example)
    lines = ['version: "3.1"', "nlu:"]
    for intent in sorted(by_intent):
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines.extend(f"    - {example}" for example in by_intent[intent])
    if len(lines) == 2:
        lines[-1] = "nlu: []"
    return "\n".join(lines) + "\n"
