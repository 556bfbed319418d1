"""Report how the deterministic crisis guard does on the held-out safety sets.

Prints recall per crisis category, overall recall, the false-alarm rate per
kind of non-crisis message, and every miss and false alarm, so a lexicon change
can be judged before it ships. Also checks the NLU training data: every
``crisis`` example should hit, no example of another intent should. It is a
report, not a gate: it always exits 0.

    .venv/bin/python scripts/crisis_guard_report.py
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Tuple

import spacy
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from iop_assistant.nlu.crisis_matcher import (  # noqa: E402
    CATEGORY_PRIORITY,
    DEFAULT_LEXICON,
    CrisisMatcher,
)
from iop_assistant.nlu.spacy_pipeline import DEFAULT_OUTPUT  # noqa: E402

CRISIS_SET = REPO / "tests" / "safety" / "crisis_messages.yml"
NON_CRISIS_SET = REPO / "tests" / "safety" / "non_crisis_messages.yml"
NLU_DIR = REPO / "data" / "nlu"
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def load_messages(path: Path, label: str) -> List[Tuple[str, str]]:
    """(text, label value) pairs from a `messages:` list."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [(str(m["text"]), str(m.get(label, "?"))) for m in data.get("messages") or []]


def load_nlu_examples(path: Path) -> List[Tuple[str, str]]:
    """(text, intent) pairs from a Rasa NLU file, entity annotations stripped."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples = []
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples.append((_ANNOTATION.sub(r"\1", line[2:]), block["intent"]))
    return examples


def _pct(num: int, den: int) -> str:
    return f"{num}/{den} ({100.0 * num / den:.1f}%)" if den else "0/0"


def recall_report(matcher: CrisisMatcher, title: str, items: List[Tuple[str, str]]) -> float:
    """Per-category recall; lists the misses. Returns overall recall."""
    hits: Dict[str, int] = defaultdict(int)
    totals: Dict[str, int] = defaultdict(int)
    misses = []
    agree = 0
    for text, category in items:
        totals[category] += 1
        hit = matcher.match(text)
        if hit:
            hits[category] += 1
            agree += hit.category == category
        else:
            misses.append((category, text))
    print(f"\n== {title}: recall ==")
    for category in sorted(totals):
        print(f"  {category:12s} {_pct(hits[category], totals[category])}")
    caught = sum(hits.values())
    print(f"  {'OVERALL':12s} {_pct(caught, len(items))}")
    if set(totals) <= set(CATEGORY_PRIORITY):
        print(f"  hit category equals labelled category: {_pct(agree, caught)}")
    for category, text in misses:
        print(f"  MISS [{category}] {text}")
    return caught / len(items) if items else 1.0


def false_alarm_report(matcher: CrisisMatcher, title: str, items: List[Tuple[str, str]]) -> float:
    """Per-kind false-alarm rate; lists each false alarm with the entry that fired."""
    alarms: Dict[str, int] = defaultdict(int)
    totals: Dict[str, int] = defaultdict(int)
    listed = []
    for text, kind in items:
        totals[kind] += 1
        hit = matcher.match(text)
        if hit:
            alarms[kind] += 1
            listed.append((kind, hit.pattern_id, text))
    print(f"\n== {title}: false alarms ==")
    for kind in sorted(totals):
        print(f"  {kind:24s} {_pct(alarms[kind], totals[kind])}")
    print(f"  {'OVERALL':24s} {_pct(sum(alarms.values()), len(items))}")
    for kind, pattern_id, text in listed:
        print(f"  FALSE ALARM [{kind}] ({pattern_id}) {text}")
    return sum(alarms.values()) / len(items) if items else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("--pipeline", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--lexicon", type=Path, default=DEFAULT_LEXICON)
    parser.add_argument("--crisis", type=Path, default=CRISIS_SET)
    parser.add_argument("--non-crisis", type=Path, default=NON_CRISIS_SET)
    parser.add_argument("--nlu-dir", type=Path, default=NLU_DIR)
    args = parser.parse_args()

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    matcher = CrisisMatcher(spacy.load(args.pipeline), args.lexicon)

    recall = recall_report(matcher, args.crisis.name, load_messages(args.crisis, "category"))
    alarms = false_alarm_report(
        matcher, args.non_crisis.name, load_messages(args.non_crisis, "kind")
    )

    training_crisis, training_other = [], []
    for path in sorted(args.nlu_dir.glob("*.yml")):
        for text, intent in load_nlu_examples(path):
            if intent == "crisis":
                training_crisis.append((text, "crisis"))
            else:
                training_other.append((text, f"{path.name}:{intent}"))
    train_recall = recall_report(matcher, "NLU training, intent crisis", training_crisis)
    train_alarms = false_alarm_report(matcher, "NLU training, other intents", training_other)

    print("\n== summary ==")
    print(f"  held-out recall      {100 * recall:.1f}%   (target >= 97%)")
    print(f"  held-out false alarm {100 * alarms:.1f}%   (target <= 1%)")
    print(f"  training recall      {100 * train_recall:.1f}%")
    print(f"  training false alarm {100 * train_alarms:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
