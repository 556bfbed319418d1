"""Where conversations and their locks live, chosen by environment variables.

``TRACKER_DB_URL`` (SQL tracker store, SQLite under var/ by default) and
``REDIS_URL`` (Redis lock store, in-memory when unset). Both stores keep
serving from memory when their backend fails, but loudly: an ERROR log
line, a red ``GET /webhooks/health/status`` and a line in
``var/health_events.jsonl`` (docs/operations.md).
"""
