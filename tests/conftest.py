"""Shared fixtures (the domain, the trained model, trackers built the way rasa-sdk builds
them), the test layers' markers (tests/layers.py) and the hypothesis profiles."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest
from hypothesis import settings
from rasa_sdk import Tracker

from iop_assistant import domain_files
from tests.layers import marks_for

# as the Makefile exports it: SQLAlchemy 1.4's one notice that Rasa's models are not 2.0-ready
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

REPO = Path(__file__).resolve().parents[1]
MODEL = REPO / "models" / "iop.tar.gz"

# CI replays the same examples every run (a failure there is reproducible, never a
# fluke of the seed) and keeps no example database; on a laptop hypothesis explores.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("dev")
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true") else "dev")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: List[pytest.Item]) -> None:
    """Mark every test with its layers (by directory and fixtures) before `-m` selects."""
    for item in items:
        for name in sorted(marks_for(Path(item.path), item.fixturenames)):
            item.add_marker(name)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collection imported TensorFlow, Rasa and spaCy: millions of objects that live until
    the end. ``gc.freeze`` takes them out of every later garbage collection, so the
    collections during the tests and the ones pytest runs at the end scan only what the
    tests made (with pytest-xdist a slow final collection got the worker interrupted)."""
    gc.freeze()


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """models/iop.tar.gz; a test that needs it fails (never skips) when it is missing."""
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` first (make test does)")
    return MODEL


@pytest.fixture
def restored(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``restored(RemoteAction, "run")``: whatever the test installs on those attributes
    (a hook's ``install()``, say) is put back when it ends."""

    def keep(target: Any, *names: str) -> None:
        for name in names:
            own = vars(target) if isinstance(target, type) else {}
            monkeypatch.setattr(target, name, own.get(name, getattr(target, name)))

    return keep


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The domain (domain/, merged) as the action server receives it: a plain dict."""
    return domain_files.load_raw()


def user_event(
    intent: str,
    text: str = "",
    confidence: float = 0.9,
    ranking: List[Dict[str, Any]] | None = None,
) -> Dict[str, Any]:
    """A `user` event as it appears in a tracker sent to the action server."""
    parse = {
        "intent": {"name": intent, "confidence": confidence},
        "entities": [],
        "text": text,
        "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
    }
    return {"event": "user", "text": text, "parse_data": parse}


def bot_action(name: str) -> Dict[str, Any]:
    return {"event": "action", "name": name}


def make_tracker(events: List[Dict[str, Any]], sender: str = "test-user") -> Tracker:
    """A rasa-sdk Tracker whose latest message is the last user event."""
    latest = next(
        (
            e["parse_data"] | {"text": e["text"]}
            for e in reversed(events)
            if e.get("event") == "user"
        ),
        {},
    )
    return Tracker(sender, {}, latest, events, False, None, {}, "action_listen")


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium driven by Playwright (headless, no sandbox, no background traffic).

    Module-scoped: Playwright's sync API keeps an asyncio loop running in the
    main thread while it is open, which breaks every later ``asyncio.run``.

    Skips outside CI when Chromium is not installed; in CI (``CI=true``) a
    missing browser is a failure, because `.ci/run` installs it.
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it with apt")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()
