"""The Rasa, rasa-sdk and TensorFlow versions this project was tested with, and a guard.

Every hook in this package replaces a Rasa method: on another Rasa version it
may do the wrong thing without failing; the model's answers were checked on
this TensorFlow (``make test-nlu``). The tested versions are the ones
``requirements.lock`` pins (what CI installs and tests). The launcher refuses
any other unless ``IOP_ALLOW_UNTESTED_RASA=1``, which starts anyway with a
loud warning.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path
from typing import Dict, List, Mapping

PACKAGES = ("rasa", "rasa-sdk", "tensorflow")
OVERRIDE_ENV = "IOP_ALLOW_UNTESTED_RASA"
LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"


class UntestedVersionsError(RuntimeError):
    """An installed version differs from the locked one (or the lock is missing)."""


def tested_versions(lock: Path | None = None) -> Dict[str, str]:
    """``{package: version}`` pinned in requirements.lock for :data:`PACKAGES`."""
    text = (lock or LOCK).read_text()
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", text, re.MULTILINE))
    pins = {name.lower().replace("_", "-"): version for name, version in pins.items()}
    return {name: pins[name] for name in PACKAGES if name in pins}


def found_versions() -> Dict[str, str | None]:
    """``{package: installed version}``; None for one that is not installed."""
    found: Dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def mismatches(tested: Mapping[str, str], found: Mapping[str, str | None]) -> List[str]:
    """One line per package whose installed version is not the tested one."""
    return [
        f"{name} {found.get(name) or 'not installed'} (tested: {tested.get(name, 'not pinned')})"
        for name in PACKAGES
        if found.get(name) is None or found.get(name) != tested.get(name)
    ]


def untested(lock: Path | None = None) -> List[str]:
    """What differs from the tested set; empty when this is the tested set."""
    lock = lock or LOCK
    if not lock.is_file():
        return [f"{lock} is missing, so the tested versions are unknown"]
    return mismatches(tested_versions(lock), found_versions())


def check(environ: Mapping[str, str], lock: Path | None = None) -> List[str]:
    """Raises :class:`UntestedVersionsError` on an untested set, unless overridden.

    Returns the mismatches that were let through by ``IOP_ALLOW_UNTESTED_RASA=1``
    (empty on the tested set) so the caller can warn about them.
    """
    problems = untested(lock)
    if problems and environ.get(OVERRIDE_ENV, "").strip() != "1":
        raise UntestedVersionsError(
            "Refusing to start Rasa: this project's hooks into Rasa (iop_assistant/rasa_hooks)"
            " were tested only with the versions in requirements.lock, and here\n  "
            + "\n  ".join(problems)
            + "\nInstall the locked versions (make install), or, if you have checked the hooks"
            f" against these versions, set {OVERRIDE_ENV}=1 to start anyway."
        )
    return problems
