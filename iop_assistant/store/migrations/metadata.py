"""The metadata migrations are checked against: every app model module.

The staff console keeps its models in ``iop_assistant/console/models.py`` on
the same ``Base``; importing it here puts its tables in the comparison (and in
``alembic revision --autogenerate``) once it exists.
"""

from __future__ import annotations

import importlib

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
