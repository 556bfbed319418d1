"""``python -m iop_assistant.migrations [upgrade|check|current]`` (``make migrate``)."""

from __future__ import annotations

import argparse
import logging
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from iop_assistant.migrations import current_revisions, head_revisions, migrate
from iop_assistant.migrations.metadata import compare_opts, target_metadata
from iop_assistant.store.db import get_engine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="App database migrations (DATABASE_URL).")
    parser.add_argument(
        "action", nargs="?", default="upgrade", choices=["upgrade", "check", "current"]
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    engine = get_engine()
    if args.action == "upgrade":
        migrate(engine)
        print(f"app database at {', '.join(sorted(head_revisions()))}")
        return 0
    with engine.connect() as connection:
        current = current_revisions(connection)
        if args.action == "current":
            print(", ".join(sorted(current)) or "(not migrated)")
            return 0
        diff = compare_metadata(
            MigrationContext.configure(connection, opts=compare_opts()), target_metadata()
        )
    if current != set(head_revisions()) or diff:
        print(f"not at head ({sorted(current)}) or differs from the models: {diff}")
        return 1
    print("app database matches the models")
    return 0


if __name__ == "__main__":
    sys.exit(main())
