"""App data (not conversations): SQLAlchemy models and small blocking helpers.

``DATABASE_URL`` picks the database (default ``sqlite:///var/app.db``). Its
schema is owned by :mod:`iop_assistant.migrations` (``migrate()`` at start-up),
which the store does not import.
"""

from iop_assistant.store.db import (
    DEFAULT_DATABASE_URL,
    database_url,
    get_engine,
    session_scope,
)
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
    "database_url",
    "get_engine",
    "session_scope",
]
