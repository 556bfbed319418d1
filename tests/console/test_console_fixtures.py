"""The console fixtures: every test starts from the same filled databases, its own copies."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from iop_assistant.console.settings import ConsoleSettings


def _count(path: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_test_changes_its_copy_never_the_databases_the_next_test_starts_from(
    settings: ConsoleSettings, _filled_databases: Path
) -> None:
    app = Path(settings.database_url.removeprefix("sqlite:///"))
    tracker = Path(settings.tracker_db_url.removeprefix("sqlite:///"))
    assert app.parent != _filled_databases and tracker.parent == app.parent
    tables = {"app.db": ("console_users", "callback_requests"), "tracker.db": ("events",)}
    for name, names in tables.items():
        for table in names:
            assert _count(app.parent / name, table) == _count(_filled_databases / name, table) > 0
    with contextlib.closing(sqlite3.connect(app)) as db, db:
        db.execute("DELETE FROM callback_requests")
    assert _count(app, "callback_requests") == 0
    assert _count(_filled_databases / "app.db", "callback_requests") == 2
    assert oct(app.stat().st_mode & 0o777) == oct(
        (_filled_databases / "app.db").stat().st_mode & 0o777
    )
