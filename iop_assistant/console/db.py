"""Engines for the app database and the tracker store, and the console schema.

The tracker engine is separate because it is Rasa's database: the console
reads it (and the retention purge deletes from it) but never creates tables there.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any, Callable, TypeVar

from sqlalchemy import event

from iop_assistant.console import models  # noqa: F401  (registers the console tables)
from iop_assistant.migrations import migrate
from iop_assistant.sqltyping import Engine, create_engine, make_url, typed_engine
from iop_assistant.store.db import get_engine

T = TypeVar("T")
_tracker_engines: dict[str, Engine] = {}


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 15000")
        cursor.close()


def tracker_engine(url: str) -> Engine:
    """The (cached) engine of Rasa's tracker store."""
    engine = _tracker_engines.get(url)
    if engine is None:
        kwargs: dict[str, Any] = {"future": True}
        if make_url(url).get_backend_name() == "sqlite":
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 15}
        engine = create_engine(url, **kwargs)
        if engine.dialect.name == "sqlite":
            _sqlite_pragmas(engine)
        _tracker_engines[url] = engine
    return engine


def app_engine(url: str) -> Engine:
    """The app database engine (shared with the store)."""
    return typed_engine(get_engine(url))


def ensure_schema(engine: Engine) -> None:
    """Bring the app database up to date (the app database's Alembic migrations)."""
    migrate(engine)


async def run_sync(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run blocking database work in the default thread pool, not the event loop."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, functools.partial(function, *args, **kwargs))
