"""Console settings, all from the environment (secrets never have defaults).

| variable | default | meaning |
|---|---|---|
| DATABASE_URL | sqlite:///var/app.db | app database (accounts, audit, summaries) |
| TRACKER_DB_URL | sqlite:///var/tracker.db | Rasa's SQL tracker store (read; purge deletes) |
| CONSOLE_IDLE_TIMEOUT_MINUTES | 15 | a session unused this long is logged out |
| CONSOLE_TRUST_PROXY | 0 | 1: read X-Forwarded-For / X-Forwarded-Proto (only behind our proxy) |
| CONSOLE_SECURE_COOKIES | auto | 1: always Secure cookies; auto: when the request is HTTPS |
| IOP_RETENTION_DAYS | 90 | conversations older than this are purged |
| CONSOLE_INDEX_INTERVAL_SECONDS | 30 | indexer timer in the console process (0: off) |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Mapping

from iop_assistant.store.db import database_url
from iop_assistant.store.models import utcnow

DEFAULT_TRACKER_DB_URL = "sqlite:///var/tracker.db"
Clock = Callable[[], datetime]


def tracker_db_url(env: Mapping[str, str] | None = None) -> str:
    """The Rasa tracker store URL (``TRACKER_DB_URL``), SQLite under var/ by default."""
    env = os.environ if env is None else env
    return (env.get("TRACKER_DB_URL") or "").strip() or DEFAULT_TRACKER_DB_URL


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    try:
        return int((env.get(name) or "").strip() or default)
    except ValueError:
        return default


@dataclass
class ConsoleSettings:
    """Everything the console app needs; tests build one directly (clock included)."""

    database_url: str
    tracker_db_url: str
    idle_timeout: timedelta = timedelta(minutes=15)
    trust_proxy: bool = False
    always_secure_cookies: bool = False
    retention_days: int = 90
    index_interval_seconds: float = 30.0
    page_size: int = 50
    # sign-in delays (sessions.must_wait): free failures per account and address, then
    # 2 s doubling up to pair_delay_cap; per account from anywhere, capped at 30 s
    max_failures_per_account: int = 5
    free_failures_per_account_anywhere: int = 10
    delay_base: timedelta = timedelta(seconds=2)
    pair_delay_cap: timedelta = timedelta(minutes=15)
    account_delay_cap: timedelta = timedelta(seconds=30)
    max_failures_per_ip: int = 20
    failure_window: timedelta = timedelta(minutes=15)
    clock: Clock = field(default=utcnow)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ConsoleSettings:
        """Settings from the process environment."""
        env = os.environ if env is None else env
        return cls(
            database_url=(env.get("DATABASE_URL") or "").strip() or database_url(),
            tracker_db_url=tracker_db_url(env),
            idle_timeout=timedelta(minutes=max(1, _int(env, "CONSOLE_IDLE_TIMEOUT_MINUTES", 15))),
            trust_proxy=(env.get("CONSOLE_TRUST_PROXY") or "") == "1",
            always_secure_cookies=(env.get("CONSOLE_SECURE_COOKIES") or "") == "1",
            retention_days=max(1, _int(env, "IOP_RETENTION_DAYS", 90)),
            index_interval_seconds=float(_int(env, "CONSOLE_INDEX_INTERVAL_SECONDS", 30)),
        )
