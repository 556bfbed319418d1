"""App data (not conversations): SQLAlchemy models and small blocking helpers.

``DATABASE_URL`` picks the database (default ``sqlite:///var/app.db``);
:func:`migrate` (also run by :func:`create_tables`) brings its schema to the
newest Alembic revision at start-up.
"""

from iop_assistant.store.db import (
    DEFAULT_DATABASE_URL,
    create_tables,
    database_url,
    get_engine,
    session_scope,
)
from iop_assistant.store.migrations import migrate
from iop_assistant.store.models import (
    Base,
    CallbackRequest,
    ConversationContact,
    OptOut,
    OutboxMessage,
    ProcessedMessage,
    SmsButtonMenu,
)

__all__ = [
    "DEFAULT_DATABASE_URL",
    "Base",
    "CallbackRequest",
    "ConversationContact",
    "OutboxMessage",
    "OptOut",
    "ProcessedMessage",
    "SmsButtonMenu",
    "create_tables",
    "database_url",
    "get_engine",
    "migrate",
    "session_scope",
]
