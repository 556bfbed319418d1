"""Health of every process from one command (for operators, cron and container checks).

    python -m iop_assistant.tracking.check outbox      # exit 1 if texts are overdue
    python -m iop_assistant.tracking.check events      # recent store outages
    python -m iop_assistant.tracking.check http --rasa URL --actions URL --web URL --console URL

The outbox worker serves no HTTP: it is alive when nothing due waits for it.
A pending text due more than ``--grace`` seconds ago, or a ``sending`` claim
whose lease ran out that long ago, means no worker is draining the outbox.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from datetime import timedelta

import sqlalchemy as sa

from iop_assistant.sqltyping import Engine, typed_engine
from iop_assistant.tracking.health_state import read_events

PATHS = {
    "rasa": "/webhooks/health/status",
    "actions": "/health",
    "web": "/",
    "console": "/login",
}


def overdue_texts(engine: Engine, grace: timedelta) -> int:
    """Outbox rows a live worker would have picked up by now."""
    from iop_assistant.store.models import OutboxMessage, utcnow

    cutoff = utcnow() - grace
    with engine.connect() as connection:
        return connection.execute(
            sa.select(sa.func.count())
            .select_from(OutboxMessage)
            .where(
                OutboxMessage.status.in_(("pending", "sending")),
                OutboxMessage.next_attempt_at < cutoff,
            )
        ).scalar_one()


def http_status(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base.rstrip("/") + path, timeout=10) as resp:
            return resp.status, resp.read(300).decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read(300).decode(errors="replace")
    except OSError as error:
        return 0, str(error)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    outbox = sub.add_parser("outbox", help="exit 1 when queued texts are overdue")
    outbox.add_argument("--grace", type=float, default=300, help="seconds (default 300)")
    events = sub.add_parser("events", help="recent store outages and recoveries")
    events.add_argument("--limit", type=int, default=20)
    http = sub.add_parser("http", help="GET every process's health URL")
    for name in PATHS:
        http.add_argument(f"--{name}", help=f"base URL (checks {PATHS[name]})")
    args = parser.parse_args(argv)
    if args.what == "outbox":
        from iop_assistant.store.db import get_engine

        count = overdue_texts(typed_engine(get_engine()), timedelta(seconds=args.grace))
        print(f"outbox: {count} texts overdue by more than {args.grace:.0f} s")
        return 1 if count else 0
    if args.what == "events":
        for event in read_events(limit=args.limit):
            print(json.dumps(event, sort_keys=True))
        return 0
    failed = 0
    for name, path in PATHS.items():
        base = getattr(args, name)
        if not base:
            continue
        code, body = http_status(base, path)
        ok = 200 <= code < 400
        failed += not ok
        print(f"{'OK  ' if ok else 'FAIL'} {name:8s} {code} {base}{path} {body[:120]!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
