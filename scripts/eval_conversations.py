"""Plays conversation sets through a real `rasa run` + action server and prints the scores.

    python scripts/eval_conversations.py tests/conversations/regression/*.yml
    python scripts/eval_conversations.py --failures results/conv.txt /work/blind/conv_*.yml

Starts its own servers exactly as the HTTP tests do (tests/server/conftest.py),
with a fresh tracker store and app database, so every run starts clean.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conversations.runner import (  # noqa: E402
    ConversationResult,
    Endpoint,
    Summary,
    load_conversations,
    run_conversation,
)
from tests.server.conftest import Servers  # noqa: E402


@contextmanager
def running_stack() -> Iterator[Endpoint]:
    """A real action server and `rasa run` on free ports with a fresh store, stopped after."""
    with tempfile.TemporaryDirectory() as tmp:
        servers = Servers(Path(tmp))
        try:
            servers.start_actions()
            servers.start_rasa()
            yield Endpoint.for_servers(servers)
        finally:
            servers.stop()


def play(
    endpoint: Endpoint, conversations: List[Dict[str, Any]], workers: int
) -> List[ConversationResult]:
    """Every conversation through the stack, ``workers`` people at a time."""
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda c: run_conversation(endpoint, c), conversations))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--title", default="conversations")
    parser.add_argument("--failures", type=Path, help="write every failing conversation here")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    conversations = [c for f in args.files for c in load_conversations(f)]
    with running_stack() as endpoint:
        results = play(endpoint, conversations, args.workers)
    summary = Summary(results)
    print(summary.report(args.title))
    failing = [r.describe() for r in results if not r.passed]
    if args.failures:
        args.failures.parent.mkdir(parents=True, exist_ok=True)
        args.failures.write_text("\n\n".join(failing) + "\n")
        print(f"  failing conversations written to {args.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
