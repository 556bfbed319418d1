"""Fault tests (minutes long: a Twilio outage, atheris fuzzing): run only with IOP_RUN_FAULTS=1.

They are not part of ``make test``; ``make faults`` runs them. Without the
switch every test here is skipped at collection, so ``pytest tests`` stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ENABLED = os.environ.get("IOP_RUN_FAULTS", "").strip() == "1"


def pytest_configure(config: pytest.Config) -> None:
    """Registered here, not in pyproject.toml: the marker belongs to this directory."""
    config.addinivalue_line(
        "markers", "faults: slow fault-injection and fuzz runs (IOP_RUN_FAULTS=1, make faults)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this directory ``faults``; skip them unless IOP_RUN_FAULTS=1."""
    skip = pytest.mark.skip(reason="fault tests take minutes: set IOP_RUN_FAULTS=1 (make faults)")
    for item in items:
        if HERE not in Path(item.path).resolve().parents:
            continue
        item.add_marker(pytest.mark.faults)
        if not ENABLED:
            item.add_marker(skip)
