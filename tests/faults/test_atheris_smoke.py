"""Each atheris harness runs for a few seconds without a crash (``make fuzz`` runs longer).

Runs ``fuzz/run.py`` as ``make fuzz`` does, one target at a time, with a
throwaway corpus, so a harness that no longer imports or whose invariant
fails on the first inputs is caught here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.faults

REPO = Path(__file__).resolve().parents[2]
SECONDS = 5
TARGETS = sorted(p.stem[len("fuzz_") :] for p in (REPO / "fuzz").glob("fuzz_*.py"))
# target -> why it is expected to crash (an open bug); empty when none is known
KNOWN_BUGS: dict[str, str] = {}


def test_every_harness_is_listed() -> None:
    assert {"sms_form", "sms_keywords", "voice", "masker"} <= set(TARGETS)


@pytest.mark.parametrize(
    "target",
    [
        pytest.param(t, marks=pytest.mark.xfail(reason=KNOWN_BUGS[t], strict=True))
        if t in KNOWN_BUGS
        else t
        for t in TARGETS
    ],
)
def test_harness_runs_without_a_crash(target: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "fuzz/run.py", "--seconds", str(SECONDS), "--work", str(tmp_path), target],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=SECONDS * 2 + 180,
    )
    print("\n" + done.stdout.splitlines()[0] if done.stdout else done.stderr[-2000:])
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "crashes 0" in done.stdout
