"""Plays screening personas through a real `rasa run` + action server and prints the pass rate.

    python scripts/eval_personas.py tests/evaluation/personas/v1.yml
    python scripts/eval_personas.py --failures results/personas.txt tests/evaluation/personas/v1.yml

Starts its own servers (scripts/eval_conversations.running_stack), so every run
starts clean. Format and the recorded numbers: tests/evaluation/personas/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scripts.eval_conversations import running_stack  # noqa: E402
from tests.conversations.personas import (  # noqa: E402
    PersonaSummary,
    load_personas,
    run_persona,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--title", default="screening personas")
    parser.add_argument("--failures", type=Path, help="write every failing persona's transcript")
    parser.add_argument("--outcomes", type=Path, help="write {id: outcome} as JSON")
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    personas = [p for f in args.files for p in load_personas(f)]
    with running_stack() as endpoint, ThreadPoolExecutor(args.workers) as pool:
        results = list(pool.map(lambda p: run_persona(endpoint, p), personas))
    print(PersonaSummary(results).report(args.title))
    if args.failures:
        args.failures.parent.mkdir(parents=True, exist_ok=True)
        failing = [r.describe() for r in results if not r.passed]
        args.failures.write_text("\n\n".join(failing) + "\n", encoding="utf-8")
    if args.outcomes:
        args.outcomes.parent.mkdir(parents=True, exist_ok=True)
        outcomes = {r.persona.get("id"): r.outcome for r in results}
        args.outcomes.write_text(json.dumps(outcomes, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
