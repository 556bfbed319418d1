"""Twilio answers 503 for a whole minute: afterwards the outbox drains, nothing sent twice.

Everything is real and in its own process, as in production: the fake
Twilio API (``devtools.twilio_fake``, 503 for the first 60 s),
the outbox worker (``python -m iop_assistant.notify.worker``, started the
way scripts/run.sh starts it, through the real ``twilio`` client) and a
fresh SQLite app database. This process only queues the texts and watches.

Backoff: the production defaults (base 10 s, cap 1800 s, 8 attempts) do
span a minute (a row gives up within 60 s with probability ~2.5e-5, about
0.5 % for one of 200 rows), but after the outage a row may wait minutes for
its next attempt (median ~34 s, worst ~10 min). The test compresses that
through the environment the worker reads: base 2 s, cap 15 s, 30 attempts
(no row gave up in 200,000 simulated outages; each row is retried at most
15 s after Twilio is back).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.outbox_drain import fake_json, queue, start_fake
from devtools.twilio_fake import ACCOUNT_SID, AUTH_TOKEN
from iop_assistant.migrations import migrate
from iop_assistant.notify import outbox

pytestmark = pytest.mark.faults

REPO = Path(__file__).resolve().parents[2]
OUTAGE_SECONDS = 60.0
MESSAGES = 200
FROM = "+15005550006"
OVERALL_TIMEOUT = 600.0  # generous: a drain should take seconds after the outage
WORKER_ENV = {
    "OUTBOX_BACKOFF_BASE_SECONDS": "2",
    "OUTBOX_BACKOFF_CAP_SECONDS": "15",
    "OUTBOX_MAX_ATTEMPTS": "30",
    "OUTBOX_HTTP_TIMEOUT": "10",
    "LOG_LEVEL": "INFO",
}


def start_worker(database_url: str, base_url: str, log: Path) -> subprocess.Popen:
    """The production worker (polling forever), pointed at the fake and the test database."""
    env = dict(
        os.environ,
        **WORKER_ENV,
        TWILIO_ACCOUNT_SID=ACCOUNT_SID,
        TWILIO_AUTH_TOKEN=AUTH_TOKEN,
        TWILIO_API_BASE_URL=base_url,
        TWILIO_NUMBER=FROM,
        DATABASE_URL=database_url,
    )
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "iop_assistant.notify.worker"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def accepted_count(base_url: str) -> int:
    return int(fake_json(base_url, "/_fake/stats")["accepted"])


def unfinished(states: dict) -> int:
    return states.get(outbox.PENDING, 0) + states.get(outbox.SENDING, 0)


def test_a_minute_of_503_then_every_recipient_gets_exactly_one_text(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'app.db'}"
    engine = migrate(database_url)
    numbers = queue(engine, MESSAGES)
    fake, base_url = start_fake(OUTAGE_SECONDS)
    started = time.monotonic()  # the fake's 503 window began just before it printed its URL
    outage_ends = started + OUTAGE_SECONDS
    worker = start_worker(database_url, base_url, tmp_path / "worker.log")
    try:
        # the whole outage: nothing accepted, so nothing can have been delivered
        polls_during_outage = 0
        while time.monotonic() < outage_ends - 1.0:
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
            assert accepted_count(base_url) == 0
            polls_during_outage += 1
            time.sleep(1.0)
        during = fake_json(base_url, "/_fake/stats")["stats"]
        states_at_recovery = outbox.counts(engine)

        while unfinished(outbox.counts(engine)):
            assert time.monotonic() - started < OVERALL_TIMEOUT, outbox.counts(engine)
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
            time.sleep(0.2)
        drained = time.monotonic()

        worker.send_signal(signal.SIGTERM)  # as scripts/run.sh stops it
        assert worker.wait(timeout=60) == 0
        messages = fake_json(base_url, "/_fake/messages")["messages"]
        stats = fake_json(base_url, "/_fake/stats")["stats"]
    finally:
        for process in (worker, fake):
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
        engine.dispose()

    per_number = Counter(m["to"] for m in messages)
    states = outbox.counts(engine)
    duplicates = sum(n - 1 for n in per_number.values() if n > 1)
    print(
        f"\nTwilio 503 outage: {OUTAGE_SECONDS:g} s, {MESSAGES} texts queued; "
        f"POSTs during the outage {during['create']} (all 503), "
        f"rows at recovery {states_at_recovery}; "
        f"drained {drained - outage_ends:.1f} s after recovery "
        f"({drained - started:.1f} s in all); "
        f"POSTs in all {stats['create']}, 503s answered {stats['scripted']}, "
        f"lookups {stats['list']}, accepted {len(messages)}, duplicates {duplicates}; "
        f"final states {states}"
    )
    assert polls_during_outage >= 50
    assert stats["scripted"] > 0 and during["scripted"] == during["create"] > 0
    assert all(per_number[number] == 1 for number in numbers), duplicates
    assert len(messages) == MESSAGES and set(per_number) == set(numbers)
    assert states == {outbox.SENT: MESSAGES}  # none dead, none left pending
    assert stats["create"] == stats["scripted"] + MESSAGES  # each success was one POST
