"""The app database engine: one per URL, from ``DATABASE_URL``.

The embedded default is a SQLite file, ``sqlite:///var/app.db`` relative to
the working directory (the same place the tracker store keeps
``var/tracker.db``), created with mode 0600. Scale-out mode points
``DATABASE_URL`` at PostgreSQL.
Every function here is blocking: call it from a thread (``run_in_executor``)
when you are inside an event loop.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from iop_assistant.sqltyping import Engine, create_engine, make_url

DEFAULT_DATABASE_URL = "sqlite:///var/app.db"

_engines: Dict[str, Engine] = {}
_lock = threading.Lock()


def database_url() -> str:
    """The app database URL: ``DATABASE_URL`` or the embedded SQLite default."""
    return os.environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL


def sqlite_path(url: str) -> Path | None:
    """The file of a file-based SQLite URL; None for other databases and ``:memory:``."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def _prepare_sqlite_file(url: str) -> None:
    """Create a SQLite database file owner-only (0600): it holds phone numbers.

    SQLite would create it with the process umask (usually 0644); creating the
    empty file first fixes its mode, and SQLite gives its journal and WAL files
    the mode of the database file.
    """
    path = sqlite_path(url)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


def sqlite_wal(dbapi_connection: Any, _record: Any) -> None:
    """WAL: readers (console) never block the writers (channel, outbox worker), and a
    commit costs one fsync instead of two. ``synchronous`` stays FULL: a committed
    callback request survives a power cut."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """The (cached) engine for ``url``, by default :func:`database_url`."""
    url = url or database_url()
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            _prepare_sqlite_file(url)
            kwargs: Dict[str, Any] = {"future": True, "pool_pre_ping": True}
            if make_url(url).get_backend_name() == "sqlite":
                # used from a small thread pool; SQLite itself serialises writers
                kwargs["connect_args"] = {"check_same_thread": False, "timeout": 15}
                if sqlite_path(url):
                    # pooled (SQLAlchemy 2's default): closing the last connection of a
                    # WAL database checkpoints it, which NullPool did after every session
                    kwargs.update(poolclass=QueuePool, pool_size=5, max_overflow=10)
            engine = create_engine(url, **kwargs)
            if make_url(url).get_backend_name() == "sqlite" and sqlite_path(url):
                event.listen(engine, "connect", sqlite_wal)
            _engines[url] = engine
        return engine


@contextmanager
def session_scope(engine: sqlalchemy.engine.Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    factory = sessionmaker(bind=engine or get_engine(), future=True, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
