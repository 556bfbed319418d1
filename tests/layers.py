"""Which test layers a test belongs to: the markers `make test-unit` leaves out.

A test is marked by where it lives (everything under tests/server talks to a
real `rasa run`) and by the fixtures it uses (a console test that opens
Chromium is a browser test), so a new test lands in its layer without anyone
remembering a decorator. tests/conftest.py applies these at collection; the
markers are registered in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

TESTS = Path(__file__).resolve().parent

#: every layer marker; a unit test carries none of them. ``slow`` is the one set by hand
#: (``@pytest.mark.slow``): a test that needs nothing outside but seconds of CPU on
#: purpose (the whole of a megabyte-long message); `make test-py` still runs it
LAYERS = ("model", "server", "browser", "services", "slow")

#: the `-m` expression of `make test-unit`
UNIT = " and ".join(f"not {layer}" for layer in LAYERS)

#: directory under tests/ -> markers of every test below it
BY_DIRECTORY: dict[str, tuple[str, ...]] = {
    "server": ("server", "model"),  # the real Rasa server loads the trained model
    "server/browser": ("browser",),
    "scale": ("services",),
}

#: fixture -> markers of every test that uses it, directly or through another fixture
BY_FIXTURE: dict[str, tuple[str, ...]] = {
    "trained_model": ("model",),
    "servers": ("server", "model"),
    "scale_servers": ("server", "model", "services"),
    "page_server": ("server",),  # the widget's page server: needs the built widget (web/dist)
    "chromium": ("browser",),
    "postgres": ("services",),
    "redis_server": ("services",),
}


def marks_for(path: Path, fixturenames: Iterable[str]) -> set[str]:
    """The layer markers of a test in ``path`` that uses ``fixturenames``."""
    marks: set[str] = set()
    resolved = Path(path).resolve()
    for directory, names in BY_DIRECTORY.items():
        if (TESTS / directory) in resolved.parents:
            marks.update(names)
    for fixture in fixturenames:
        marks.update(BY_FIXTURE.get(fixture, ()))
    return marks
