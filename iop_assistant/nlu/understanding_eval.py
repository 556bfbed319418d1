"""Intent accuracy and fallback rate of the trained pipeline on a labelled set.

Reads either an independent set (a YAML list of ``{text, intent}``, as
``tests/evaluation/v1/understanding.yml``) or a Rasa NLU file (the held-out
``tests/nlu_holdout.yml``), parses every message with the real model (crisis
guard and control gate included) and counts what a person would get.

    .venv/bin/python -m iop_assistant.nlu.understanding_eval tests/evaluation/v1/understanding.yml
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Tuple

from iop_assistant import yaml_io

REPO = Path(__file__).resolve().parents[2]
FALLBACK = "nlu_fallback"
Parse = Callable[[str], Awaitable[Dict[str, Any]]]


def load_labelled(path: Path) -> List[Tuple[str, str]]:
    """(text, intent) pairs from an independent list or a Rasa NLU file."""
    data = yaml_io.read(path)
    if isinstance(data, dict) and "nlu" in data:
        pairs = []
        for block in data["nlu"]:
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    pairs.append((line[2:].strip(), block["intent"]))
        return pairs
    return [(str(item["text"]), str(item["intent"])) for item in data]


@dataclass
class UnderstandingReport:
    total: int = 0
    correct: int = 0
    fallbacks: int = 0
    confusions: Counter = field(default_factory=Counter)
    per_intent: Dict[str, Counter] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / max(self.total, 1)

    @property
    def fallback_rate(self) -> float:
        return self.fallbacks / max(self.total, 1)

    def macro_f1(self) -> float:
        scores = []
        for counts in self.per_intent.values():
            tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
            if tp + fn == 0:
                continue
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn)
            scores.append(2 * precision * recall / (precision + recall) if tp else 0.0)
        return sum(scores) / max(len(scores), 1)

    def summary(self, title: str, confusions: int = 15) -> str:
        lines = [
            f"{title}: accuracy {self.correct}/{self.total} = {self.accuracy:.3f}, "
            f"macro-F1 {self.macro_f1():.3f}, fallback rate {self.fallback_rate:.3f}"
        ]
        for (want, got), n in self.confusions.most_common(confusions):
            lines.append(f"    {n:3d} x {want} -> {got}")
        return "\n".join(lines)


async def evaluate(parse: Parse, pairs: List[Tuple[str, str]]) -> UnderstandingReport:
    report = UnderstandingReport()
    for text, wanted in pairs:
        got = ((await parse(text)).get("intent") or {}).get("name")
        report.total += 1
        report.per_intent.setdefault(wanted, Counter())
        report.per_intent.setdefault(str(got), Counter())
        if got == FALLBACK:
            report.fallbacks += 1
        if got == wanted:
            report.correct += 1
            report.per_intent[wanted]["tp"] += 1
        else:
            report.confusions[(wanted, got)] += 1
            report.per_intent[wanted]["fn"] += 1
            report.per_intent[str(got)]["fp"] += 1
    return report


def main() -> None:
    from rasa.core.agent import Agent

    paths = [Path(p) for p in sys.argv[1:]] or [REPO / "tests/evaluation/v1/understanding.yml"]
    agent = Agent.load(str(REPO / "models" / "iop.tar.gz"))
    for path in paths:
        report = asyncio.run(evaluate(agent.parse_message, load_labelled(path)))
        print(report.summary(str(path)))


if __name__ == "__main__":
    main()
