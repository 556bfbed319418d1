"""Alembic migrations of the app database: fresh, idempotent, concurrent, adopting, 0600."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from iop_assistant.migrations import (
    INITIAL_REVISION,
    LEGACY_TABLES,
    alembic_config,
    current_revisions,
    head_revisions,
    is_at_head,
    migrate,
)
from iop_assistant.migrations.metadata import compare_opts, target_metadata
from iop_assistant.store import models as store_models

REPO = Path(__file__).resolve().parents[2]
STORE_TABLES = set(LEGACY_TABLES)


def url(tmp_path: Path, name: str = "app.db") -> str:
    return f"sqlite:///{tmp_path / name}"


def diff_for(engine, tables: set[str] | None = None) -> list:
    with engine.connect() as connection:
        diff = compare_metadata(
            MigrationContext.configure(connection, opts=compare_opts()), target_metadata()
        )

    def table_of(entry) -> str | None:
        item = entry[0] if isinstance(entry, list) else entry
        for part in item[1:]:
            name = getattr(part, "name", None)
            table = getattr(part, "table", None)
            if table is not None and getattr(table, "name", None):
                return table.name
            if isinstance(part, str) and part in target_metadata().tables:
                return part
            if name in target_metadata().tables:
                return name
        return None

    if tables is None:
        return diff
    return [entry for entry in diff if table_of(entry) in tables]


def test_first_revision_is_0001_initial_and_creates_every_store_table(tmp_path):
    script = ScriptDirectory.from_config(alembic_config())
    base = [rev for rev in script.walk_revisions() if rev.down_revision is None]
    assert [rev.revision for rev in base] == [INITIAL_REVISION]
    engine = migrate(url(tmp_path))
    tables = set(inspect(engine).get_table_names())
    assert LEGACY_TABLES <= tables
    assert set(store_models.Base.metadata.tables) & LEGACY_TABLES == LEGACY_TABLES


def test_store_models_and_migrations_agree(tmp_path):
    engine = migrate(url(tmp_path))
    assert diff_for(engine, STORE_TABLES) == []


def test_all_models_and_migrations_agree(tmp_path):
    """Every model module on the shared Base (the console's too) has its migration."""
    script = ScriptDirectory.from_config(alembic_config())
    console_models = REPO / "iop_assistant" / "console" / "models.py"
    if console_models.exists() and len(list(script.walk_revisions())) == 1:
        pytest.skip("console models exist but their migration (0002_console) is not written yet")
    engine = migrate(url(tmp_path))
    assert diff_for(engine) == []


def test_migrate_is_idempotent(tmp_path):
    engine = migrate(url(tmp_path))
    migrate(engine)
    migrate(url(tmp_path))
    assert is_at_head(engine)
    with engine.connect() as connection:
        assert current_revisions(connection) == set(head_revisions())


def test_migrate_takes_an_engine_and_stamps_the_database(tmp_path):
    engine = migrate(create_engine(url(tmp_path)))
    assert is_at_head(engine)
    assert "alembic_version" in inspect(engine).get_table_names()


def test_new_sqlite_file_is_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        migrate(url(tmp_path, "fresh.db"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "fresh.db").stat().st_mode) == 0o600
    for companion in tmp_path.glob("fresh.db*"):  # WAL, shared memory, migration lock
        assert stat.S_IMODE(companion.stat().st_mode) == 0o600, companion.name


def test_an_existing_readable_file_is_tightened(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    migrate(url(tmp_path, "old.db"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_concurrent_start_from_several_processes(tmp_path):
    code = textwrap.dedent(
        f"""
        import sys
        from iop_assistant.migrations import is_at_head, migrate
        sys.exit(0 if is_at_head(migrate({url(tmp_path)!r})) else 3)
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    results = [(p.wait(timeout=120), p.stderr.read().decode()[-2000:]) for p in procs]
    assert [rc for rc, _ in results] == [0, 0, 0], results
    with sqlite3.connect(tmp_path / "app.db") as db:
        assert db.execute("select count(*) from alembic_version").fetchone() == (1,)


def test_adopts_a_database_made_by_create_all(tmp_path):
    """Tables present, no alembic_version: kept with their rows, then brought to head."""
    engine = create_engine(url(tmp_path))
    store_models.Base.metadata.create_all(
        engine, tables=[store_models.Base.metadata.tables[t] for t in sorted(LEGACY_TABLES)]
    )
    with sqlite3.connect(tmp_path / "app.db") as db:
        db.execute(
            "insert into opt_outs (phone_number, keyword, opted_out_at) "
            "values ('+17735550123', 'STOP', '2024-01-01 00:00:00')"
        )
    migrate(engine)
    assert is_at_head(engine)
    assert diff_for(engine, STORE_TABLES) == []
    with sqlite3.connect(tmp_path / "app.db") as db:
        assert db.execute("select phone_number from opt_outs").fetchall() == [("+17735550123",)]


def test_adopts_an_older_partial_database(tmp_path):
    """The channel's first tables only, and an outbox table from before the claim columns."""
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as db:
        db.execute(
            "create table opt_outs (phone_number varchar(64) primary key, "
            "keyword varchar(32) not null, opted_out_at datetime not null)"
        )
        db.execute(
            "create table outbox_messages (id integer primary key, dedupe_key varchar(128) "
            "not null unique, kind varchar(32) not null, to_number varchar(32), body text not "
            "null, status varchar(16) not null, attempts integer not null, next_attempt_at "
            "datetime not null, last_error varchar(500), twilio_sid varchar(64), "
            "callback_request_id integer, created_at datetime not null, sent_at datetime)"
        )
        db.execute(
            "insert into outbox_messages (dedupe_key, kind, body, status, attempts, "
            "next_attempt_at, created_at) values ('k', 'staff_alert', 'b', 'pending', 0, "
            "'2024-01-01', '2024-01-01')"
        )
    engine = migrate(url(tmp_path))
    assert is_at_head(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("outbox_messages")}
    assert {"claim_token", "outcome_unknown"} <= columns
    assert LEGACY_TABLES <= set(inspect(engine).get_table_names())
    with sqlite3.connect(path) as db:
        assert db.execute("select outcome_unknown from outbox_messages").fetchall() == [(0,)]


def test_migrations_cli_check(tmp_path):
    env = dict(os.environ, DATABASE_URL=url(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "iop_assistant.migrations", "upgrade"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert ", ".join(sorted(head_revisions())) in run.stdout
    check = subprocess.run(
        [sys.executable, "-m", "iop_assistant.migrations", "check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


# 0007_language (issue 18) ------------------------------------------------------
BEFORE_LANGUAGE = "0006_handoff_typing"


def migrate_to(engine, revision: str, down: bool = False) -> None:
    with engine.begin() as connection:
        (command.downgrade if down else command.upgrade)(alembic_config(connection), revision)


def columns_of(engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


def test_language_upgrade_keeps_rows_and_marks_the_index_for_backfill(tmp_path):
    engine = create_engine(url(tmp_path))
    migrate_to(engine, BEFORE_LANGUAGE)
    with engine.begin() as db:
        db.execute(
            text(
                "insert into callback_requests (conversation_id, channel, phone_number, "
                "best_time, consent_to_text, status, created_at, updated_at) values "
                "('web-a', 'rest', '+17735550123', 'now', 1, 'new', '2026-01-01', '2026-01-01')"
            )
        )
        db.execute(
            text(
                "insert into console_conversations (conversation_id, channel, started_at, "
                "last_at, turns, crisis, unclear_turns, callback_requested, opted_out, risk, "
                "last_event_id) values ('web-a', 'rest', '2026-01-01', '2026-01-01', 1, 0, 0, "
                "1, 0, 2, 42)"
            )
        )
        db.execute(text("insert into console_indexer_state values ('tracker_events', 42)"))
    migrate(engine)
    assert is_at_head(engine) and diff_for(engine) == []
    with engine.connect() as db:
        assert db.execute(text("select language from callback_requests")).all() == [("en",)]
        assert db.execute(text("select language from console_conversations")).all() == [("en",)]
        state = dict(db.execute(text("select name, value from console_indexer_state")).all())
    assert state == {"tracker_events": 42, "language_backfill_to": 42}
    migrate_to(engine, BEFORE_LANGUAGE, down=True)
    assert "language" not in columns_of(engine, "callback_requests")
    assert "language" not in columns_of(engine, "console_conversations")
    with engine.connect() as db:
        assert db.execute(text("select conversation_id from callback_requests")).all() == [
            ("web-a",)
        ]
        assert db.execute(text("select name from console_indexer_state")).all() == [
            ("tracker_events",)
        ]
    migrate(engine)
    assert is_at_head(engine) and diff_for(engine) == []


def test_a_new_database_has_nothing_to_backfill(tmp_path):
    engine = migrate(url(tmp_path))
    with engine.connect() as db:
        assert db.execute(text("select count(*) from console_indexer_state")).scalar() == 0
    indexes = {i["name"] for i in inspect(engine).get_indexes("console_conversations")}
    assert "ix_console_conv_language_risk_last" in indexes


# 0008_no_voicemail (family role-play round 29) -----------------------------------
def test_no_voicemail_upgrade_keeps_rows_as_voicemail_allowed(tmp_path):
    engine = create_engine(url(tmp_path))
    migrate_to(engine, "0007_language")
    with engine.begin() as db:
        db.execute(
            text(
                "insert into callback_requests (conversation_id, channel, phone_number, "
                "best_time, consent_to_text, status, created_at, updated_at) values "
                "('sms-a', 'sms', '+17735550123', 'now', 0, 'new', '2026-01-01', '2026-01-01')"
            )
        )
    migrate(engine)
    assert is_at_head(engine) and diff_for(engine) == []
    with engine.connect() as db:
        assert db.execute(text("select no_voicemail from callback_requests")).all() == [(0,)]
    migrate_to(engine, "0007_language", down=True)
    assert "no_voicemail" not in columns_of(engine, "callback_requests")
    migrate(engine)
    assert is_at_head(engine) and diff_for(engine) == []
