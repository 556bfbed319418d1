"""Real PostgreSQL and Redis for the scale-out tests, started by the fixtures.

Each session starts its own throwaway PostgreSQL cluster (random port, data
under /tmp, run as the ``postgres`` user when we are root) and Redis server,
so no system service state matters. Without PostgreSQL or Redis installed
the tests skip, unless ``REQUIRE_SERVICES=1`` (CI), where they fail.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Iterator

import pytest

from iop_assistant.tracking.local_services import Postgres, Redis, postgres_bin, redis_bin

REQUIRED = os.environ.get("REQUIRE_SERVICES", "") == "1"


def _missing(what: str) -> None:
    message = f"{what} is not installed (apt-get install postgresql redis-server)"
    if REQUIRED:
        pytest.fail(message + "; REQUIRE_SERVICES=1", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    if postgres_bin() is None:
        _missing("PostgreSQL")
    cluster = Postgres.temporary().init()
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[Redis]:
    if redis_bin() is None:
        _missing("Redis")
    server = Redis(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_db(postgres: Postgres) -> str:
    """A new empty database in the session's cluster; returns its URL."""
    return postgres.create_database("t_" + uuid.uuid4().hex[:12])


@pytest.fixture(autouse=True)
def _health_events_file(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "health_events.jsonl"
    monkeypatch.setenv("IOP_HEALTH_EVENTS_FILE", str(path))
    return path
