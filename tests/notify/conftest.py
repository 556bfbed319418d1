"""The local Twilio fake, a migrated database and workers pointed at both."""

from __future__ import annotations

from typing import Callable

import pytest

from devtools.twilio_fake import FakeTwilio
from iop_assistant.migrations import migrate
from iop_assistant.notify.sender import TwilioSender, TwilioSettings
from iop_assistant.notify.worker import Backoff, OutboxWorker, WorkerConfig
from iop_assistant.store import OutboxMessage, session_scope
from iop_assistant.store.models import utcnow

FROM = "+15005550006"


@pytest.fixture
def engine(tmp_path):
    engine = migrate(f"sqlite:///{tmp_path / 'app.db'}")
    yield engine
    engine.dispose()  # pooled connections would outlive the temp dir


@pytest.fixture
def fake():
    with FakeTwilio() as server:
        yield server


def settings_for(fake: FakeTwilio, timeout: float = 2.0) -> TwilioSettings:
    return TwilioSettings(fake.account_sid, fake.auth_token, FROM, fake.base_url, timeout)


@pytest.fixture
def make_worker(engine, fake) -> Callable[..., OutboxWorker]:
    workers = []

    def make(
        *,
        max_attempts: int = 8,
        timeout: float = 2.0,
        dry_run: bool = False,
        clock=utcnow,
        engine_=None,
        concurrency: int = 4,
    ) -> OutboxWorker:
        sender = None if dry_run else TwilioSender(settings_for(fake, timeout))
        config = WorkerConfig(
            max_attempts=max_attempts, lease_seconds=30, concurrency=concurrency, poll_interval=0.05
        )
        worker = OutboxWorker(
            engine_ or engine, sender, config, Backoff(base=0, cap=0), clock=clock
        )
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.close()


@pytest.fixture
def enqueue(engine):
    def add(to: str | None, body: str | None = None, key: str | None = None) -> int:
        with session_scope(engine) as session:
            row = OutboxMessage(
                dedupe_key=key or f"test:{to}:{body}",
                kind="callback_confirmation",
                to_number=to,
                body=body or f"Hi, we got your request (ref {to}). Reply STOP to opt out.",
            )
            session.add(row)
            session.flush()
            return row.id

    return add


@pytest.fixture
def row(engine):
    def get(row_id: int) -> OutboxMessage:
        with session_scope(engine) as session:
            return session.get(OutboxMessage, row_id)

    return get
