"""Crisis recall and false-alarm rate of the real trained pipeline on the safety sets.

Used by tests/safety (the gates) and runnable for the numbers:

    .venv/bin/python -m iop_assistant.nlu.crisis_eval [models/iop.tar.gz]
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List

from iop_assistant import yaml_io

REPO = Path(__file__).resolve().parents[2]
CRISIS_SET = REPO / "tests" / "safety" / "crisis_messages.yml"
NON_CRISIS_SET = REPO / "tests" / "safety" / "non_crisis_messages.yml"
Parse = Callable[[str], Awaitable[Dict[str, Any]]]


@dataclass
class CrisisReport:
    """Counts that the gates and the closing note need."""

    crisis_total: int = 0
    caught: int = 0
    caught_by_guard_only: int = 0
    caught_by_classifier_only: int = 0
    caught_by_both: int = 0
    misses: List[str] = field(default_factory=list)
    non_crisis_total: int = 0
    false_alarms: List[str] = field(default_factory=list)
    checkins_on_crisis: int = 0  # a direct question instead of the crisis reply
    checkins_on_non_crisis: int = 0
    missed_by_category: Counter = field(default_factory=Counter)
    total_by_category: Counter = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.caught / self.crisis_total

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / self.non_crisis_total

    def summary(self) -> str:
        lines = [
            f"crisis recall: {self.caught}/{self.crisis_total} = {self.recall:.3f}",
            f"  caught by the guard only:      {self.caught_by_guard_only}",
            f"  caught by the classifier only: {self.caught_by_classifier_only}",
            f"  caught by both:                {self.caught_by_both}",
            f"false alarms: {len(self.false_alarms)}/{self.non_crisis_total} "
            f"= {self.false_alarm_rate:.3f}",
            f"check-in questions: {self.checkins_on_crisis} on crisis messages (counted as "
            f"missed), {self.checkins_on_non_crisis} on non-crisis messages",
        ]
        for category, total in sorted(self.total_by_category.items()):
            missed = self.missed_by_category[category]
            lines.append(f"  {category:12s} recall {(total - missed) / total:.3f} ({total})")
        lines += [f"  MISSED: {text}" for text in self.misses]
        lines += [f"  FALSE ALARM: {text}" for text in self.false_alarms]
        return "\n".join(lines)


# both get a reply for someone in danger now: the crisis reply, or the answer to
# an update about it ("called 911 and he's still not breathing")
CRISIS_REPLY_INTENTS = frozenset({"crisis", "crisis_update"})


def load_set(path: Path, key: str = "messages") -> List[Dict[str, str]]:
    return yaml_io.read(path)[key]


def load_sets(blind: Path | None) -> tuple[List[Dict[str, str]], List[Dict[str, str]]]:
    """(crisis, non-crisis) messages: the tuned safety sets, or one blind file
    with ``crisis:`` and ``not_crisis:`` lists (tests/evaluation/v*/crisis.yml)."""
    if blind is None:
        return load_set(CRISIS_SET), load_set(NON_CRISIS_SET)
    return load_set(blind, "crisis"), load_set(blind, "not_crisis")


async def evaluate(parse: Parse, blind: Path | None = None) -> CrisisReport:
    """Run every message of both sets through ``parse`` (Rasa parse_data out)."""
    report = CrisisReport()
    crisis_messages, non_crisis_messages = load_sets(blind)
    for item in crisis_messages:
        result = await parse(item["text"])
        report.crisis_total += 1
        report.total_by_category[item["category"]] += 1
        guard = result.get("crisis_guard")
        classifier_said_crisis = (
            guard["classifier_intent"] if guard else result["intent"]["name"]
        ) == "crisis"
        if result["intent"]["name"] not in CRISIS_REPLY_INTENTS:
            report.checkins_on_crisis += result["intent"]["name"] == "crisis_checkin"
            report.misses.append(item["text"])
            report.missed_by_category[item["category"]] += 1
            continue
        report.caught += 1
        if guard and classifier_said_crisis:
            report.caught_by_both += 1
        elif guard:
            report.caught_by_guard_only += 1
        else:
            report.caught_by_classifier_only += 1
    for item in non_crisis_messages:
        result = await parse(item["text"])
        report.non_crisis_total += 1
        if result["intent"]["name"] in CRISIS_REPLY_INTENTS:
            report.false_alarms.append(item["text"])
        report.checkins_on_non_crisis += result["intent"]["name"] == "crisis_checkin"
    return report


async def evaluate_model(model: Path, blind: Path | None = None) -> CrisisReport:
    """Load the trained model (NLU pipeline including the guard) and evaluate it."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return await evaluate(agent.parse_message, blind)


def main() -> None:
    """``crisis_eval [model] [--blind tests/evaluation/v1/crisis.yml]``"""
    args = sys.argv[1:]
    blind = None
    if "--blind" in args:
        at = args.index("--blind")
        blind = Path(args[at + 1])
        del args[at : at + 2]
    model = Path(args[0]) if args else REPO / "models" / "iop.tar.gz"
    print(asyncio.run(evaluate_model(model, blind)).summary())


if __name__ == "__main__":
    main()
