"""The app database's schema: its Alembic migrations and :func:`migrate`, which runs them.

One home for every table of the app database, the store's and the staff
console's: both packages use it, and it imports neither's code at start-up
(it opens the database through :mod:`iop_assistant.store.db`; the models are
read only to compare them with the database, see ``metadata.py``).

``migrate()`` is what start-up code calls: it needs no ``alembic.ini``, does
nothing when the database is already at head, lets only one process migrate at
a time (a file lock for SQLite, an advisory lock for PostgreSQL) and adopts a
database made by the old ``create_all``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, Set, Union, cast

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from iop_assistant.migrations.metadata import compare_opts, target_metadata
from iop_assistant.sqltyping import inspect
from iop_assistant.store.db import get_engine, sqlite_path

logger = logging.getLogger(__name__)

SCRIPT_LOCATION = Path(__file__).resolve().parent
INITIAL_REVISION = "0001_initial"
# tables that databases made by ``Base.metadata.create_all`` (before migrations) may hold
LEGACY_TABLES = frozenset(
    {
        "opt_outs",
        "processed_messages",
        "sms_button_menus",
        "conversation_contacts",
        "callback_requests",
        "outbox_messages",
    }
)
PG_LOCK_KEY = 0x10A5_5157  # pg_advisory_xact_lock id of app-schema migrations
_thread_lock = threading.Lock()


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at this directory (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if connection is not None:
        config_attributes(config)["connection"] = connection
    return config


def config_attributes(config: Config) -> Dict[str, Any]:
    """``config.attributes``, the dictionary env.py reads the connection from.

    Alembic declares it with SQLAlchemy's ``memoized_property``, which 1.4 leaves
    untyped, so the type checker would see the property object, not the dictionary.
    """
    return cast(Dict[str, Any], config.attributes)


@lru_cache(maxsize=1)
def head_revisions() -> frozenset:
    """The head revision(s) of the migration scripts."""
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(connection: Connection) -> Set[str]:
    """The revision(s) the database is stamped with (empty: never migrated)."""
    return set(MigrationContext.configure(connection).get_current_heads())


def _engine(url_or_engine: Union[str, Engine, None]) -> Engine:
    if isinstance(url_or_engine, Engine):
        return url_or_engine
    return get_engine(url_or_engine)


def is_at_head(engine: Engine) -> bool:
    """True when the database carries every migration."""
    with engine.connect() as connection:
        return current_revisions(connection) == set(head_revisions())


@contextlib.contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """Across processes: an exclusive flock next to a SQLite file (nothing otherwise)."""
    path = sqlite_path(str(engine.url))
    if path is None:
        yield
        return
    import fcntl

    lock_path = path.with_name(path.name + ".migrate-lock")
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _upgrade(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # held until the transaction ends; a second process waits here
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
    if current_revisions(connection) == set(head_revisions()):
        return  # another process migrated while this one waited for the lock
    adopting = False
    if not current_revisions(connection):
        found = LEGACY_TABLES & set(inspect(connection).get_table_names())
        if found:
            adopting = True
            logger.warning(
                "app database: adopting tables made without migrations (%s); "
                "%s completes them, then the rest runs",
                ", ".join(sorted(found)),
                INITIAL_REVISION,
            )
    command.upgrade(alembic_config(connection), "head")
    if adopting:
        _log_differences(connection)


def _log_differences(connection: Connection) -> None:
    """After adopting an old database, say where it still differs from the models."""
    diff = compare_metadata(
        MigrationContext.configure(connection, opts=compare_opts()), target_metadata()
    )
    if diff:
        logger.warning("app database differs from the models after adoption: %s", diff)


def _tighten_sqlite_mode(engine: Engine) -> None:
    """Make an existing SQLite file owner-only (older versions left it 0644)."""
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        try:
            path.chmod(0o600)
            logger.warning("app database %s was mode %o: now 0600", path.name, mode)
        except OSError:
            logger.warning("app database %s is mode %o and could not be made 0600", path, mode)


def migrate(url_or_engine: Union[str, Engine, None] = None) -> Engine:
    """Upgrade the app database (default ``DATABASE_URL``) to head; returns its engine.

    Idempotent and safe when several processes start at once.
    """
    engine = _engine(url_or_engine)
    _tighten_sqlite_mode(engine)
    if is_at_head(engine):
        return engine
    with _thread_lock, _file_lock(engine):
        try:
            with engine.begin() as connection:
                _upgrade(connection)
        except DBAPIError:
            # a database without our locks (neither SQLite nor PostgreSQL) can race:
            # the loser fails on "already exists"; fine if the winner finished
            if not is_at_head(engine):
                raise
    logger.info("app database at %s", ", ".join(sorted(head_revisions())))
    return engine


__all__ = ["INITIAL_REVISION", "alembic_config", "current_revisions", "is_at_head", "migrate"]
