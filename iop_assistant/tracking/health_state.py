"""Process-wide health of the tracker and lock stores, and the health-event log.

The stores report every failure and recovery here; the health endpoint reads
it. Transitions (outage started, recovered) are appended as JSON lines to
``IOP_HEALTH_EVENTS_FILE`` (default ``var/health_events.jsonl``), a file and
not a database row, because the database may be the thing that is down.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict

logger = logging.getLogger("iop_assistant.health")

DEFAULT_EVENTS_FILE = "var/health_events.jsonl"
_SECRET_IN_URL = re.compile(r"(\w+://[^:/@\s]*:)[^@\s]*@")


def redact(text: str, limit: int = 300) -> str:
    """Error text without passwords in URLs, bounded (it is shown on a status page)."""
    return _SECRET_IN_URL.sub(r"\1***@", " ".join(str(text).split()))[:limit]


def events_file() -> Path:
    return Path(os.environ.get("IOP_HEALTH_EVENTS_FILE", "").strip() or DEFAULT_EVENTS_FILE)


def instance_name() -> str:
    """Which process wrote an event: host and pid (several Rasa servers share a log)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def record_event(component: str, event: str, **detail: Any) -> None:
    """Append one health event; never raises (a full disk must not stop a reply)."""
    row = {
        "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "component": component,
        "event": event,
        "instance": instance_name(),
        **detail,
    }
    path = events_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _WRITE_LOCK, open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(row, sort_keys=True) + "\n")
    except OSError as error:
        logger.error("could not write health event %s to %s: %s", row, path, error)


_WRITE_LOCK = threading.Lock()


@dataclass
class ComponentHealth:
    """One backend (tracker store or lock store) as this process has seen it."""

    component: str
    backend: str = "unknown"
    reachable: bool = True
    fallback_active: bool = False  # serving from this process's memory right now
    outages: int = 0
    failed_operations: int = 0
    pending: int = 0  # conversations held in memory, not yet written back
    last_error: str | None = None
    last_error_at: float | None = None
    outage_started_at: float | None = None
    last_recovered_at: float | None = None
    extra: Dict[str, Any] = field(default_factory=dict)

    def failed(self, operation: str, error: BaseException, pending: int = 0) -> None:
        """Record a failed operation; the first one of an outage is an event."""
        message = redact(f"{type(error).__name__}: {error}")
        self.failed_operations += 1
        self.reachable = False
        self.fallback_active = True
        self.pending = pending
        self.last_error, self.last_error_at = message, time.time()
        logger.error(
            "%s (%s) FAILED during %s; serving from memory on %s (%d conversations "
            "pending); GET /webhooks/health/status is red: %s",
            self.component,
            self.backend,
            operation,
            instance_name(),
            pending,
            message,
        )
        if self.outage_started_at is None:
            self.outages += 1
            self.outage_started_at = self.last_error_at
            record_event(self.component, "outage_started", backend=self.backend, error=message)

    def recovered(self, written_back: int = 0) -> None:
        """Record that the backend answers again and nothing is pending."""
        self.reachable, self.fallback_active, self.pending = True, False, 0
        if self.outage_started_at is None:
            return
        seconds = round(time.time() - self.outage_started_at, 1)
        self.outage_started_at, self.last_recovered_at = None, time.time()
        logger.error(
            "%s (%s) RECOVERED after %.1f s; %d conversations written back from memory",
            self.component,
            self.backend,
            seconds,
            written_back,
        )
        record_event(
            self.component,
            "recovered",
            backend=self.backend,
            outage_seconds=seconds,
            written_back=written_back,
        )

    def as_dict(self) -> Dict[str, Any]:
        data = asdict(self)
        data.update(data.pop("extra"))
        data["ok"] = self.reachable and not self.fallback_active
        return data


TRACKER_STORE = ComponentHealth("tracker_store")
LOCK_STORE = ComponentHealth("lock_store")


def read_events(path: Path | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """The newest health events, newest first (for the staff console and the CLI)."""
    path = path or events_file()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[-limit:]
    except FileNotFoundError:
        return []
    events = []
    for line in reversed(lines):
        try:
            events.append(json.loads(line))
        except ValueError:
            continue  # a torn last line after a crash
    return events
