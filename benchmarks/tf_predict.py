"""What the tf_predict hook saves: NLU parse time with and without it, same process.

Loads models/iop.tar.gz once and parses every held-out message
(tests/nlu_holdout.yml) through the loaded model's full NLU pipeline
(``Agent.parse_message``: spaCy, regexes, DIET, the crisis guard), in rounds
that alternate Rasa's own call path and the hook's direct call of the traced
graph, so both see the same process, caches and machine load. Reports the
median per-parse CPU time (``process_time``) and wall time of each. Not part
of `make test`; the numbers are in docs/performance.md.

    .venv/bin/python benchmarks/tf_predict.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from pathlib import Path
from typing import Dict, List

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_INTRA_OP_PARALLELISM_THREADS", "1")  # as make run
os.environ.setdefault("TF_INTER_OP_PARALLELISM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
MODEL = REPO / "models" / "iop.tar.gz"
HOLDOUT = REPO / "tests" / "nlu_holdout.yml"


def holdout_messages() -> List[str]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [example.get("text") for example in load_data(str(HOLDOUT)).intent_examples]


def timed_round(agent, messages: List[str], loop) -> tuple[float, float]:
    """CPU and wall seconds per parse, averaged over one pass of every message."""
    cpu, wall = time.process_time(), time.perf_counter()
    for text in messages:
        loop.run_until_complete(agent.parse_message(text))
    n = len(messages)
    return (time.process_time() - cpu) / n, (time.perf_counter() - wall) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds per mode (alternating)")
    args = parser.parse_args()

    import logging

    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    from iop_assistant.rasa_hooks import tf_predict

    configure_logging_and_warnings(logging.WARNING)  # as `rasa run`: no per-parse debug lines
    configure_structlog(logging.WARNING)

    messages = holdout_messages()
    loop = asyncio.new_event_loop()
    agent = Agent.load(str(MODEL))
    for text in messages[:20]:  # Rasa's first calls trace the graph
        loop.run_until_complete(agent.parse_message(text))
    results: Dict[str, List[tuple[float, float]]] = {"rasa": [], "tf_predict": []}
    for _ in range(args.rounds):
        for mode in ("rasa", "tf_predict"):
            if mode == "rasa":
                tf_predict.uninstall()
            else:
                tf_predict.install()
            results[mode].append(timed_round(agent, messages, loop))
    tf_predict.uninstall()
    print(f"{len(messages)} held-out messages x {args.rounds} rounds per mode, alternating")
    print(f"{'path':<12} {'CPU ms/parse':>13} {'wall ms/parse':>14}")
    medians = {}
    for mode, rounds in results.items():
        cpu = statistics.median(r[0] for r in rounds) * 1000
        wall = statistics.median(r[1] for r in rounds) * 1000
        medians[mode] = (cpu, wall)
        print(f"{mode:<12} {cpu:>13.2f} {wall:>14.2f}")
    saved_cpu = medians["rasa"][0] - medians["tf_predict"][0]
    saved_wall = medians["rasa"][1] - medians["tf_predict"][1]
    print(
        f"saved per parse: {saved_cpu:.2f} ms CPU ({saved_cpu / medians['rasa'][0]:.0%}), "
        f"{saved_wall:.2f} ms wall ({saved_wall / medians['rasa'][1]:.0%})"
    )


if __name__ == "__main__":
    main()
