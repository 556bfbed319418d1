"""The metadata migrations are checked against: every model module of the app database.

The store (``iop_assistant/store/models.py``) and the staff console
(``iop_assistant/console/models.py``) declare their tables on the same
``Base``. The modules are named here, not imported at the top: ``migrate()``
needs only the revision scripts, the console imports this package to migrate
at start-up, and only the comparison (``check``, the adoption report,
``alembic revision --autogenerate``) needs every table.
"""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING

from sqlalchemy import MetaData

if TYPE_CHECKING:
    from alembic.runtime.environment import NameFilterParentNames

MODEL_MODULES = ("iop_assistant.store.models", "iop_assistant.console.models")


def target_metadata() -> MetaData:
    """``Base.metadata`` after importing every model module of the app database."""
    modules = [importlib.import_module(name) for name in MODEL_MODULES]
    return modules[0].Base.metadata


# tables a migration makes with raw SQL that no model describes: SQLite FTS5
# full-text indexes and their shadow tables (console_search_fts, ..._fts_data)
_UNMODELLED = re.compile(r"_fts(_[a-z]+)?$")


def include_name(name: str | None, type_: str, parent_names: NameFilterParentNames) -> bool:
    """Autogenerate / compare filter: leave unmodelled FTS tables alone."""
    return not (type_ == "table" and name and _UNMODELLED.search(name))


def compare_opts() -> dict:
    """``MigrationContext.configure(opts=...)`` for comparing a database with the models."""
    return {"include_name": include_name, "compare_type": True}
