"""Alembic environment of the app database.

Run through :func:`iop_assistant.migrations.migrate` (which passes its
own locked connection in ``config.attributes["connection"]``) or the
``alembic`` command line (repo-root ``alembic.ini``; the URL then comes from
``DATABASE_URL``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from iop_assistant.migrations import config_attributes
from iop_assistant.migrations.metadata import include_name, target_metadata
from iop_assistant.store.db import database_url, get_engine

config = context.config
metadata = target_metadata()


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        compare_type=True,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER TABLE by copy
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """``alembic upgrade head --sql``: print the SQL instead of running it."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or database_url(),
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config_attributes(config).get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = get_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with engine.begin() as connection:
        _configure(connection)


if context.is_offline_mode():
    run_offline()
else:
    run_online()
