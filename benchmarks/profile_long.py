"""Where the time of a long conversation's late turns goes (issue 17).

Starts ours as `make bench` does (SQLite tracker store, action server, hooks),
plays one conversation of ``--turns`` turns (the bench's FAQ script), and has
py-spy sample the Rasa server during the last ``--profiled`` turns. Prints the
latency near turn 5 and near the last turn, and the functions with the most
samples (own and cumulative). Not part of `make test`; needs ``py-spy``
(``pip install py-spy``) and permission to trace the server (root here).

    .venv/bin/python benchmarks/profile_long.py [--turns 200] [--profiled 40]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import statistics
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Dict, List, Tuple

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import BIN, SCRIPT, WORK, Assistant, send

REPO = Path(__file__).resolve().parents[1]
# where a sampled thread is waiting, not working: the event loop's select, an idle
# worker thread of the default executor, the server's run loop
IDLE_LEAVES = ("select", "epoll", "_worker thread.py:81", "serve runners.py:155")


async def play(url: str, turns: int, profiled: int, pid: int, out: Path) -> List[float]:
    """One conversation; py-spy records the server for the last ``profiled`` turns."""
    sender = uuid.uuid4().hex
    latencies: List[float] = []
    spy: subprocess.Popen | None = None
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        for turn in range(turns):
            if turn == turns - profiled:
                spy = subprocess.Popen(
                    [
                        str(BIN / "py-spy"),
                        "record",
                        "--pid",
                        str(pid),
                        "--format",
                        "raw",
                        "--output",
                        str(out),
                        "--rate",
                        "200",
                        "--nonblocking",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                await asyncio.sleep(1.0)
            latencies.append(await send(session, url, sender, SCRIPT[1 + turn % 6]))
    if spy is not None:
        spy.send_signal(2)  # SIGINT: py-spy writes what it has
        spy.wait(timeout=60)
    return latencies


def top_functions(
    raw: Path, limit: int
) -> Tuple[List[Tuple[str, int]], List[Tuple[str, int]], int]:
    """(own, cumulative) sample counts per function from py-spy's collapsed stacks."""
    own: Dict[str, int] = collections.Counter()
    cumulative: Dict[str, int] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [
            f.split(" (")[0] + " " + f.rsplit("/", 1)[-1].rstrip(")") for f in stack.split(";")
        ]
        if any(idle in frames[-1] for idle in IDLE_LEAVES):
            continue  # the event loop or an idle worker thread waiting, not work
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            cumulative[frame] += count
    return (
        sorted(own.items(), key=lambda kv: -kv[1])[:limit],
        sorted(cumulative.items(), key=lambda kv: -kv[1])[:limit],
        total,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--profiled", type=int, default=40)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    model = WORK / "iop-models" / "iop.tar.gz"
    if not model.exists():
        model.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "models" / "iop.tar.gz", model)
    for name in ("tracker.db", "app.db"):
        (WORK / name).unlink(missing_ok=True)
    ours = Assistant("iop", REPO, model, with_actions=True)
    ours.start()
    raw = WORK / "profile_long.txt"
    try:
        latencies = asyncio.run(
            play(ours.url, args.turns, args.profiled, ours.processes["rasa"].pid, raw)
        )
    finally:
        ours.stop()
    early = statistics.median(latencies[2:8]) * 1000
    late = statistics.median(latencies[-6:]) * 1000
    print(f"turn 5 {early:.1f} ms, turn {args.turns} {late:.1f} ms, growth x{late / early:.2f}")
    if not raw.exists():
        print("py-spy wrote nothing (is it installed, may it trace the server?)")
        return
    own, cumulative, total = top_functions(raw, args.top)
    print(f"\n{total} samples in the last {args.profiled} turns (event-loop waits left out)")
    print("\nown time")
    for name, count in own:
        print(f"{100 * count / total:6.1f}%  {name}")
    print("\ncumulative")
    for name, count in cumulative:
        print(f"{100 * count / total:6.1f}%  {name}")


if __name__ == "__main__":
    main()
