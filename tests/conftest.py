"""Shared fixtures: the domain, and trackers built the way rasa-sdk builds them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml
from rasa_sdk import Tracker

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """domain.yml as the action server receives it (a plain dict)."""
    return yaml.safe_load((REPO / "domain.yml").read_text())


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
