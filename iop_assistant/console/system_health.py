"""Storage outages the Rasa servers reported, for a banner on every console page.

The tracker and lock stores append outage/recovery events to a file
(``iop_assistant.tracking.health_state``), not the database, because the
database may be what is down. Staff must see an open outage at once: during
one, conversations are held in a server's memory until they are written back.
"""

from __future__ import annotations

from typing import Any, Dict, List

from iop_assistant.tracking.health_state import read_events

RECENT_LIMIT = 200


def open_outages(events: List[Dict[str, Any]] | None = None) -> List[Dict[str, Any]]:
    """The outages with no recovery after them, one per component and server."""
    events = read_events(limit=RECENT_LIMIT) if events is None else events
    latest: Dict[tuple, Dict[str, Any]] = {}
    for event in events:  # newest first: keep the first seen per component and server
        latest.setdefault((event.get("component"), event.get("instance")), event)
    return [e for e in latest.values() if e.get("event") == "outage_started"]


def recent_events(limit: int = 10) -> List[Dict[str, Any]]:
    """The newest health events, newest first (shown on the dashboard)."""
    return read_events(limit=limit)
