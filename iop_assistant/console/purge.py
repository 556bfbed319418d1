"""``python -m iop_assistant.console.purge [--dry-run] [--days N]``: apply retention.

Indexes first (so every conversation in the tracker store has a summary with
its last activity), then lists or deletes what is older than the retention
period (``IOP_RETENTION_DAYS``, default 90). The purge itself is audited.
"""

from __future__ import annotations

import argparse
import sys
from typing import List

from iop_assistant.console import audit, indexer, retention
from iop_assistant.console.db import app_engine, ensure_schema, tracker_engine
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.store.db import session_scope


def run(settings: ConsoleSettings, dry_run: bool, out=sys.stdout) -> retention.PurgePlan:
    """Plan (and unless ``dry_run``, execute) the purge; prints a report."""
    app = app_engine(settings.database_url)
    tracker = tracker_engine(settings.tracker_db_url)
    ensure_schema(app)
    indexer.run_once(settings)
    cutoff = retention.cutoff_for(settings.clock(), settings.retention_days)
    purge = retention.plan(app, tracker, cutoff) if indexer.tracker_ready(tracker) else None
    if purge is None:
        print("No tracker store yet: nothing to purge.", file=out)
        return retention.PurgePlan(cutoff=cutoff)
    verb = "Would delete" if dry_run else "Deleting"
    print(f"Retention {settings.retention_days} days: cutoff {cutoff:%Y-%m-%d %H:%M} UTC", file=out)
    print(f"{verb} {len(purge.conversations)} conversations:", file=out)
    for cid in purge.conversations[:50]:
        print(f"  {cid}", file=out)
    if len(purge.conversations) > 50:
        print(f"  ... and {len(purge.conversations) - 50} more", file=out)
    for label, n in purge.counts.items():
        print(f"  {label}: {n}", file=out)
    if purge.kept_open_callback:
        print(f"Kept (callback still open): {len(purge.kept_open_callback)}", file=out)
    if dry_run:
        return purge
    deleted = retention.execute(app, tracker, purge)
    with session_scope(app) as session:
        detail = f"conversations={len(purge.conversations)} events={deleted['tracker events']}"
        audit.record(session, settings.clock(), "purge", "system", None, "retention", None, detail)
    print("Deleted: " + ", ".join(f"{k}={v}" for k, v in deleted.items()), file=out)
    return purge


def main(argv: List[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="list, delete nothing")
    parser.add_argument("--days", type=int, help="retention period (default IOP_RETENTION_DAYS)")
    args = parser.parse_args(argv)
    settings = ConsoleSettings.from_env()
    if args.days:
        settings.retention_days = max(1, args.days)
    run(settings, args.dry_run)


if __name__ == "__main__":
    main()
