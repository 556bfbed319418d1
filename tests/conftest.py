"""Shared fixtures: the domain, and trackers built the way rasa-sdk builds them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker

from iop_assistant import domain_files

REPO = Path(__file__).resolve().parents[1]


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
    import os

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
