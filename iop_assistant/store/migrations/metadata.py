"""The metadata migrations are checked against: every app model module.

The staff console keeps its models in ``iop_assistant/console/models.py`` on
the same ``Base``; importing it here puts its tables in the comparison (and in
``alembic revision --autogenerate``) once it exists.
"""

from __future__ import annotations

import importlib
import re

from sqlalchemy import MetaData

MODEL_MODULES = ("iop_assistant.store.models", "iop_assistant.console.models")


def target_metadata() -> MetaData:
    """``Base.metadata`` after importing every model module that exists."""
    for name in MODEL_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name not in (name, name.rsplit(".", 1)[0]):
                raise  # the module exists but something it imports is missing
    from iop_assistant.store.models import Base

    return Base.metadata


# tables a migration makes with raw SQL that no model describes: SQLite FTS5
# full-text indexes and their shadow tables (console_search_fts, ..._fts_data)
_UNMODELLED = re.compile(r"_fts(_[a-z]+)?$")


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Autogenerate / compare filter: leave unmodelled FTS tables alone."""
    return not (type_ == "table" and name and _UNMODELLED.search(name))


def compare_opts() -> dict:
    """``MigrationContext.configure(opts=...)`` for comparing a database with the models."""
    return {"include_name": include_name, "compare_type": True}
