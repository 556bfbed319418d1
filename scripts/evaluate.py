"""`make eval`: every quality number, tuned and blind side by side.

Prints, for the trained model in models/iop.tar.gz:
- understanding: intent accuracy, macro-F1 and fallback rate on the held-out
  set (tests/nlu_holdout.yml) and on each independent set
  (tests/evaluation/v*/understanding.yml);
- crisis: recall and false alarms on the tuned safety sets (tests/safety/) and
  on each blind set (tests/evaluation/v*/crisis.yml);
- conversations: pass rate, crisis turns and saved callbacks of every
  conversation set, played through a real `rasa run` and action server over
  REST, signed SMS and signed voice webhooks.

Which sets are blind and which were used to tune is recorded in
tests/evaluation/README.md; this script prints each set's status from there.
Results go to results/eval.json (and failing conversations to results/).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from iop_assistant.nlu import crisis_eval, understanding_eval  # noqa: E402
from tests.conversations.runner import Summary, load_conversations  # noqa: E402

EVALUATION = REPO / "tests" / "evaluation"
REGRESSION = REPO / "tests" / "conversations"
STATUS = EVALUATION / "status.json"


def status_of(path: Path) -> str:
    """ "blind" or "tuned" (used to change the assistant), from tests/evaluation/status.json."""
    known = json.loads(STATUS.read_text()) if STATUS.exists() else {}
    return known.get(str(path.relative_to(REPO)), "tuned")


def rounds(name: str | None = None) -> list[Path]:
    """Every round's folder (v1..vN, then the Spanish es-v1..), or its file ``name``, in
    round order (v10 after v9)."""
    folders = [d for d in EVALUATION.glob("*v*") if d.is_dir()]
    folders.sort(key=lambda d: (d.name.startswith("es-"), int(d.name.rsplit("v", 1)[1] or 0)))
    if name is None:
        return folders
    return [d / name for d in folders if (d / name).exists()]


def nlu_numbers(model: Path) -> dict:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    numbers: dict = {"understanding": {}, "crisis": {}}
    sets = [REPO / "tests" / "nlu_holdout.yml", *rounds("understanding.yml")]
    for path in sets:
        report = asyncio.run(
            understanding_eval.evaluate(agent.parse_message, understanding_eval.load_labelled(path))
        )
        status = status_of(path)
        label = f"{path.relative_to(REPO)} [{status}]"
        # a blind set's mistakes are not printed: whoever reads them would tune on them
        print(report.summary(label, confusions=0 if status == "blind" else 8))
        numbers["understanding"][label] = {
            "accuracy": round(report.accuracy, 4),
            "macro_f1": round(report.macro_f1(), 4),
            "fallback_rate": round(report.fallback_rate, 4),
            "n": report.total,
        }
    for blind in [None, *rounds("crisis.yml")]:
        report = asyncio.run(crisis_eval.evaluate(agent.parse_message, blind))
        label = (
            "tests/safety [tuned]"
            if blind is None
            else f"{blind.relative_to(REPO)} [{status_of(blind)}]"
        )
        print(
            f"{label}: crisis recall {report.caught}/{report.crisis_total} = {report.recall:.3f}, "
            f"false alarms {len(report.false_alarms)}/{report.non_crisis_total} = "
            f"{report.false_alarm_rate:.3f}; check-in questions {report.checkins_on_crisis} "
            f"on crisis (missed), {report.checkins_on_non_crisis} on non-crisis"
        )
        # numbers only for a blind set: whoever reads its misses would tune on them
        listed = 0 if blind is not None and status_of(blind) == "blind" else 10
        for text in report.misses[:listed]:
            print(f"    MISSED: {text[:110]}")
        for text in report.false_alarms[:listed]:
            print(f"    FALSE ALARM: {text[:110]}")
        numbers["crisis"][label] = {
            "recall": round(report.recall, 4),
            "false_alarm_rate": round(report.false_alarm_rate, 4),
            "checkins_on_crisis": report.checkins_on_crisis,
            "checkins_on_non_crisis": report.checkins_on_non_crisis,
            "n_crisis": report.crisis_total,
            "n_not_crisis": report.non_crisis_total,
        }
    return numbers


def conversation_numbers(workers: int) -> dict:
    from scripts.eval_conversations import play, running_stack

    groups = {
        f"{REGRESSION.relative_to(REPO)}/*.yml": sorted(REGRESSION.glob("*.yml")),
        **{f"{d.relative_to(REPO)}/conv_*.yml": sorted(d.glob("conv_*.yml")) for d in rounds()},
    }
    numbers = {}
    with running_stack() as endpoint:
        for label, files in groups.items():
            if not files:
                continue
            results = play(endpoint, [c for f in files for c in load_conversations(f)], workers)
            summary = Summary(results)
            title = f"{label} [{status_of(files[0])}]"
            print(summary.report(title))
            out = REPO / "results" / f"failing_{label.replace('/', '_').replace('*', 'all')}.txt"
            out.parent.mkdir(exist_ok=True)
            out.write_text("\n\n".join(r.describe() for r in results if not r.passed) + "\n")
            crisis_ok, crisis_n = summary.crisis_turns()
            saved_ok, saved_n = summary.callback_saves()
            numbers[title] = {
                "passed": summary.passed,
                "total": summary.total,
                "crisis_turns": [crisis_ok, crisis_n],
                "callbacks_saved": [saved_ok, saved_n],
            }
    return numbers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-conversations", action="store_true")
    parser.add_argument("--skip-nlu", action="store_true")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    numbers: dict = {}
    if not args.skip_nlu:
        numbers.update(nlu_numbers(REPO / "models" / "iop.tar.gz"))
    if not args.skip_conversations:
        numbers["conversations"] = conversation_numbers(args.workers)
    out = REPO / "results" / "eval.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(numbers, indent=2) + "\n")
    print(f"numbers written to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
