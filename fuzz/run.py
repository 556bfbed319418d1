"""Run every atheris harness for a bounded time and report runs, exec/s and crashes.

    .venv/bin/python fuzz/run.py                  # each target for FUZZ_SECONDS (default 60)
    .venv/bin/python fuzz/run.py --seconds 5 masker voice

Targets run one after the other (one core each). The growing corpus is kept
in ``build/fuzz/corpus/<target>`` (seeded from ``fuzz/seeds/<target>``), so
later runs start where earlier ones stopped; crashing inputs are written to
``build/fuzz/artifacts/<target>/`` and the harness output to
``build/fuzz/logs/<target>.log``. Exits 1 when any target crashed (an
uncaught exception, a failed invariant, or one input slower than
``--timeout`` seconds).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGETS = sorted(p.stem[len("fuzz_") :] for p in HERE.glob("fuzz_*.py"))
ARTIFACT_PREFIXES = ("crash-", "timeout-", "oom-", "leak-")
_STAT = re.compile(r"^stat::(\w+):\s+(\d+)", re.MULTILINE)


@dataclass
class Result:
    target: str
    runs: int
    exec_per_second: float
    seconds: float
    crashes: List[Path]
    exit_code: int
    log: Path

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.crashes


def _artifacts(folder: Path) -> set[Path]:
    return {p for p in folder.iterdir() if p.name.startswith(ARTIFACT_PREFIXES)}


def fuzz(target: str, seconds: int, work: Path, timeout: int, extra: List[str]) -> Result:
    """One libFuzzer run of ``fuzz/fuzz_<target>.py`` for ``seconds``."""
    corpus = work / "corpus" / target
    artifacts = work / "artifacts" / target
    log = work / "logs" / f"{target}.log"
    for folder in (corpus, artifacts, log.parent):
        folder.mkdir(parents=True, exist_ok=True)
    before = _artifacts(artifacts)
    command = [
        sys.executable,
        str(HERE / f"fuzz_{target}.py"),
        f"-max_total_time={seconds}",
        f"-timeout={timeout}",
        "-max_len=4096",
        "-print_final_stats=1",
        f"-artifact_prefix={artifacts}/",
        *extra,
        str(corpus),
    ]
    seeds = HERE / "seeds" / target
    if seeds.is_dir():
        command.append(str(seeds))
    started = time.monotonic()
    with log.open("w") as out:
        # a hung harness is stopped well after libFuzzer's own time limit
        try:
            code = subprocess.run(
                command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, timeout=seconds * 2 + 120
            ).returncode
        except subprocess.TimeoutExpired:
            code = -9
    elapsed = time.monotonic() - started
    stats: Dict[str, int] = {k: int(v) for k, v in _STAT.findall(log.read_text(errors="replace"))}
    runs = stats.get("number_of_executed_units", 0)
    rate = stats.get("average_exec_per_sec") or runs / max(elapsed, 1e-9)
    crashes = sorted(_artifacts(artifacts) - before)
    return Result(target, runs, float(rate), elapsed, crashes, code, log)


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("targets", nargs="*", choices=[[], *TARGETS], default=[])
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("FUZZ_SECONDS", "") or 60)
    )
    parser.add_argument("--work", type=Path, default=REPO / "build" / "fuzz")
    parser.add_argument("--timeout", type=int, default=10, help="slowest input allowed (s)")
    parser.add_argument("--libfuzzer", action="append", default=[], help="extra libFuzzer arg")
    args = parser.parse_args(argv)
    results = []
    for target in args.targets or TARGETS:
        result = fuzz(target, args.seconds, args.work.resolve(), args.timeout, args.libfuzzer)
        results.append(result)
        print(
            f"{target:>14}: {result.runs:>9,} runs in {result.seconds:5.1f} s, "
            f"{result.exec_per_second:8,.0f} exec/s, crashes {len(result.crashes)}"
            + ("" if result.ok else f"  FAILED (exit {result.exit_code}, log {result.log})"),
            flush=True,
        )
        for crash in result.crashes:
            print(f"{'':>16}reproduce: {sys.executable} fuzz/fuzz_{target}.py {crash}")
        if not result.ok:
            tail = result.log.read_text(errors="replace").splitlines()
            start = next((i for i, line in enumerate(tail) if "Uncaught" in line), len(tail) - 15)
            print("\n".join(f"{'':>16}{line}" for line in tail[start : start + 15]))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
