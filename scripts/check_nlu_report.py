"""Gate on held-out NLU quality: reads Rasa's intent_report.json, prints, exits 1 below the bar."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

IGNORED = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def summarize(report: dict, weakest: int = 5) -> str:
    """Human-readable summary: accuracy, macro-F1 and the weakest intents."""
    per_intent = {k: v for k, v in report.items() if k not in IGNORED and isinstance(v, dict)}
    lines = [
        f"held-out intents: {len(per_intent)}, messages: {report['macro avg']['support']}",
        f"accuracy: {report['accuracy']:.3f}",
        f"macro-F1: {report['macro avg']['f1-score']:.3f}",
        "weakest intents (F1):",
    ]
    for name, scores in sorted(per_intent.items(), key=lambda kv: kv[1]["f1-score"])[:weakest]:
        lines.append(f"  {name:28s} {scores['f1-score']:.3f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", type=Path)
    parser.add_argument("--min-macro-f1", type=float, default=0.90)
    args = parser.parse_args()
    report = json.loads(args.report.read_text())
    print(summarize(report))
    macro_f1 = report["macro avg"]["f1-score"]
    if macro_f1 < args.min_macro_f1:
        print(f"FAIL: macro-F1 {macro_f1:.3f} < {args.min_macro_f1:.2f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
