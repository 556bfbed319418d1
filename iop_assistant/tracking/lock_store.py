"""The conversation lock store from ``REDIS_URL``; in memory when it is unset.

Several Rasa servers must share one lock per conversation (Redis), or two
messages from one sender can be processed at once and the tracker loses a
turn. When Redis fails, a lock store that raises means the person gets no
reply at all, crisis included; this one falls back to this process's memory
(serialising per server, not across servers), logs an ERROR, turns the
health endpoint red, and returns to Redis once it answers and no memory lock
is held.
"""

from __future__ import annotations

import logging
import os
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Mapping

from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX,
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockError,
    LockStore,
    RedisLockStore,
)
from rasa.utils.endpoints import EndpointConfig

from iop_assistant.tracking.health_state import LOCK_STORE, ComponentHealth

logger = logging.getLogger(__name__)

SOCKET_TIMEOUT_S = 2.0
RETRY_REDIS_EVERY_S = 5.0
_INSTANCES: list[UrlLockStore] = []


def redis_url(env: Mapping[str, str] | None = None) -> str:
    """``REDIS_URL``, empty when unset (then locks live in memory)."""
    env = os.environ if env is None else env
    return (env.get("REDIS_URL") or "").strip()


def registered() -> list[UrlLockStore]:
    return list(_INSTANCES)


class _UrlRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store, connected from a URL (``redis://:pw@host:6379/1``)."""

    def __init__(self, url: str) -> None:  # parent's setup, from a URL
        import redis

        self.red = redis.StrictRedis.from_url(
            url, socket_timeout=SOCKET_TIMEOUT_S, socket_connect_timeout=SOCKET_TIMEOUT_S
        )
        self.key_prefix = DEFAULT_REDIS_LOCK_STORE_KEY_PREFIX


def _is_redis_failure(error: BaseException) -> bool:
    import redis

    if isinstance(error, (redis.RedisError, OSError)):
        return True
    return isinstance(error, LockError) and isinstance(error.__context__, redis.RedisError)


class UrlLockStore(LockStore):
    """Redis when ``REDIS_URL`` is set, else memory; memory (loudly) while Redis is down."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        url: str | None = None,
        health: ComponentHealth = LOCK_STORE,
    ) -> None:
        configured = url or (endpoint_config.url if endpoint_config else None) or redis_url()
        self.memory = InMemoryLockStore()
        self.redis: _UrlRedisLockStore | None = (
            _UrlRedisLockStore(configured) if configured else None
        )
        self.health = health
        self.health.backend = "redis" if self.redis else "in_memory"
        self._use_memory = self.redis is None
        self._retry_at = 0.0
        _INSTANCES.append(self)

    def _active(self) -> LockStore:
        """Redis unless it failed recently (and memory still holds a lock)."""
        if self.redis is None:
            return self.memory
        if self._use_memory and time.monotonic() >= self._retry_at:
            if not self.memory.conversation_locks and self.probe():
                self._use_memory = False
        return self.memory if self._use_memory else self.redis

    def _failed(self, operation: str, error: BaseException) -> None:
        self._use_memory = True
        self._retry_at = time.monotonic() + RETRY_REDIS_EVERY_S
        self.health.failed(operation, error)

    # LockStore's storage methods, for callers that use them directly
    def get_lock(self, conversation_id: str) -> TicketLock | None:
        return self._active().get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self._active().delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self._active().save_lock(lock)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Take the conversation's lock in Redis, or in memory when Redis fails."""
        store = self._active()
        try:
            ticket = store.issue_ticket(conversation_id, lock_lifetime)
            lock = await store._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        except Exception as error:  # only Redis failures are handled
            if store is self.memory or not _is_redis_failure(error):
                raise
            self._failed("lock", error)
            store = self.memory
            ticket = store.issue_ticket(conversation_id, lock_lifetime)
            lock = await store._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        try:
            yield lock
        finally:
            try:
                store.cleanup(conversation_id, ticket)
            except Exception as error:  # the ticket expires with its lifetime
                if not _is_redis_failure(error):
                    raise
                self._failed("unlock", error)

    def probe(self) -> bool:
        """Ping Redis (true in memory mode: there is nothing to reach)."""
        if self.redis is None:
            return True
        try:
            self.redis.red.ping()
        except Exception as error:  # any failure means unreachable
            if not _is_redis_failure(error):
                raise
            self._failed("health probe", error)
            return False
        if self._use_memory and not self.memory.conversation_locks:
            self._use_memory = False
        if not self._use_memory:
            self.health.recovered()
        return True

    def describe(self) -> dict[str, Any]:
        return {"mode": "memory" if self._active() is self.memory else "redis"}
