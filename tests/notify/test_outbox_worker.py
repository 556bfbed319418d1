"""The outbox worker against the local Twilio fake, through the real twilio client."""

from __future__ import annotations

import logging
import os
import random
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from iop_assistant.notify import outbox, worker
from iop_assistant.notify.sender import TwilioSender
from iop_assistant.notify.worker import Backoff, OutboxWorker
from iop_assistant.store import sms as sms_store
from iop_assistant.store.callbacks import save_callback_request
from iop_assistant.store.models import utcnow

A, B, C = "+17735550123", "+12025550143", "+13125550199"


def later(seconds: float):
    """A clock ``seconds`` ahead: a lease has run out without anyone sleeping."""
    return lambda: utcnow() + timedelta(seconds=seconds)


def test_send_success(make_worker, enqueue, fake, row):
    row_id = enqueue(A, "Hello (ref 1)")
    make_worker().run_once()
    sent = row(row_id)
    assert sent.status == "sent" and sent.attempts == 1 and sent.sent_at is not None
    assert [m["sid"] for m in fake.messages] == [sent.twilio_sid]
    assert (
        fake.messages[0]["body"] == "Hello (ref 1)" and fake.messages[0]["from"] == "+15005550006"
    )
    assert not sent.outcome_unknown and sent.claim_token is None


def test_503_for_a_while_then_recovers_each_message_once(make_worker, enqueue, fake, row):
    ids = [enqueue(n) for n in (A, B, C)]
    fake.fail(503, times=7)
    make_worker().drain(max_seconds=30)
    assert [row(i).status for i in ids] == ["sent"] * 3
    assert [fake.delivered_to(n) for n in (A, B, C)] == [1, 1, 1]
    assert fake.stats["list"] == 0  # a 503 means not created: no lookup needed


def test_429_is_retried(make_worker, enqueue, fake, row):
    row_id = enqueue(A)
    fake.fail(429, times=2)
    make_worker().drain(max_seconds=30)
    assert row(row_id).status == "sent" and row(row_id).attempts == 3
    assert fake.delivered_to(A) == 1


def test_21610_suppresses_records_the_opt_out_and_never_retries(
    make_worker, enqueue, fake, row, engine
):
    row_id = enqueue(A)
    fake.twilio_error(21610, times=5)
    make_worker().drain(max_seconds=30)
    assert row(row_id).status == "suppressed" and row(row_id).attempts == 1
    assert "21610" in row(row_id).last_error
    assert sms_store.is_opted_out(A, engine=engine)
    assert fake.stats["create"] == 1 and fake.delivered_to(A) == 0


def test_other_4xx_is_dead_at_once(make_worker, enqueue, fake, row):
    row_id = enqueue(A)
    fake.twilio_error(21211, status=400, message="The 'To' number +17735550123 is not valid")
    make_worker().drain(max_seconds=30)
    dead = row(row_id)
    assert dead.status == "dead" and dead.attempts == 1
    assert "21211" in dead.last_error and "5550123" not in dead.last_error


def test_hang_times_out_and_is_retried_once_delivered(make_worker, enqueue, fake, row):
    row_id = enqueue(A)
    fake.hang(times=1)
    make_worker(timeout=0.5).drain(max_seconds=30)
    assert row(row_id).status == "sent" and row(row_id).attempts == 2
    assert fake.delivered_to(A) == 1
    assert fake.stats["list"] >= 1  # a read timeout is ambiguous: Twilio was asked first


def test_dead_letter_after_max_attempts_keeps_the_error(make_worker, enqueue, fake, row):
    row_id = enqueue(A)
    fake.fail(500, times=100)
    make_worker(max_attempts=3).drain(max_seconds=30)
    dead = row(row_id)
    assert dead.status == "dead" and dead.attempts == 3
    assert "gave up after 3 attempts" in dead.last_error and "500" in dead.last_error
    assert fake.delivered_to(A) == 0


def test_max_attempts_from_env(monkeypatch):
    monkeypatch.setenv("OUTBOX_MAX_ATTEMPTS", "5")
    assert worker.WorkerConfig.from_env().max_attempts == 5
    monkeypatch.delenv("OUTBOX_MAX_ATTEMPTS")
    assert worker.WorkerConfig.from_env().max_attempts == 8


def test_accept_then_drop_the_connection_is_not_sent_twice(make_worker, enqueue, fake, row):
    row_id = enqueue(A, "Hi (ref 9)")
    fake.drop_after_accept(times=1)
    make_worker().drain(max_seconds=30)
    assert fake.delivered_to(A) == 1
    assert row(row_id).status == "sent"
    assert row(row_id).twilio_sid == fake.messages[0]["sid"]


class Crash(BaseException):
    """The process dying right after Twilio accepted the message."""


class CrashAfterSend(TwilioSender):
    def send(self, to, body):
        result = super().send(to, body)
        assert result.outcome == "sent"
        raise Crash()


def test_crash_between_send_and_mark_does_not_text_twice(make_worker, enqueue, fake, row, engine):
    row_id = enqueue(A, "Hi Sam (ref 4)")
    crashing = make_worker()
    crashing.sender = CrashAfterSend(crashing.sender.settings)
    with pytest.raises(Crash):
        crashing.run_once()
    assert row(row_id).status == "sending" and fake.delivered_to(A) == 1
    make_worker().run_once()  # its lease is not over: nothing happens yet
    assert row(row_id).status == "sending"
    make_worker(clock=later(60)).run_once()  # after the lease: recovered, looked up
    recovered = row(row_id)
    assert recovered.status == "sent" and recovered.twilio_sid == fake.messages[0]["sid"]
    assert fake.delivered_to(A) == 1


def test_stale_claim_that_never_reached_twilio_is_sent(make_worker, enqueue, fake, row, engine):
    row_id = enqueue(A)
    outbox.claim_due(engine, limit=10, lease=timedelta(seconds=1))
    make_worker(clock=later(60)).run_once()
    assert row(row_id).status == "sent" and fake.delivered_to(A) == 1
    assert fake.stats["list"] == 2  # looked up first, found nothing, then sent


def test_two_workers_send_each_message_once(tmp_path, make_worker, enqueue, fake, engine):
    numbers = [f"+1312555{n:04d}" for n in range(40)]
    for number in numbers:
        enqueue(number)
    url = str(engine.url)
    workers = [
        make_worker(engine_=create_engine(url, connect_args={"timeout": 15}), concurrency=3)
        for _ in range(2)
    ]
    counts = [0, 0]

    def run(index: int) -> None:
        counts[index] = workers[index].drain(max_seconds=60)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == len(numbers)
    assert all(fake.delivered_to(number) == 1 for number in numbers)
    assert len(fake.messages) == len(numbers)
    assert outbox.counts(engine) == {"sent": len(numbers)}


def test_opted_out_number_is_never_sent(make_worker, enqueue, fake, row, engine):
    sms_store.opt_out(A, "STOP", engine=engine)
    row_id = enqueue(A)
    make_worker().drain(max_seconds=30)
    assert row(row_id).status == "suppressed"
    assert fake.stats["create"] == 0


def test_dry_run_records_and_logs_without_numbers(make_worker, enqueue, fake, row, caplog):
    row_id = enqueue(A, "Hi Sam (ref 2). If it can't wait, call (888) 783-3291.")
    with caplog.at_level(logging.INFO, logger="iop_assistant.outbox"):
        make_worker(dry_run=True).run_once()
    assert row(row_id).status == "dry_run"
    assert fake.stats["create"] == 0
    assert "DRY-RUN" in caplog.text and f"#{row_id}" in caplog.text
    assert "5550123" not in caplog.text and "783-3291" not in caplog.text
    # ids and kinds only: no name, no words of the text (issue 14, item 8)
    assert "Sam" not in caplog.text and "ref 2" not in caplog.text


def test_no_credentials_means_dry_run(monkeypatch, engine):
    for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_NUMBER"):
        monkeypatch.delenv(name, raising=False)
    worker_ = OutboxWorker.from_env(engine)
    try:
        assert worker_.mode == "dry-run"
    finally:
        worker_.close()


def test_credentials_from_env_go_to_the_fake(monkeypatch, engine, fake, enqueue):
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("TWILIO_NUMBER", "+15005550006")
    enqueue(A)
    worker_ = OutboxWorker.from_env(engine)
    try:
        assert worker_.mode == "live"
        worker_.run_once()
    finally:
        worker_.close()
    assert fake.delivered_to(A) == 1


def test_staff_alert_without_a_number_is_dead_and_explained(
    make_worker, fake, row, engine, monkeypatch
):
    monkeypatch.delenv("STAFF_ALERT_NUMBER", raising=False)
    request_id = save_callback_request(
        conversation_id="sms-x",
        channel="sms",
        phone_number=A,
        best_time="now",
        consent_to_text=True,
        first_name="Sam",
        engine=engine,
    )
    make_worker().run_once()
    states = outbox.counts(engine)
    assert states == {"dead": 1, "sent": 1}
    assert fake.delivered_to(A) == 1
    assert f"(ref {request_id})" in fake.messages[0]["body"]


def test_a_spanish_request_is_confirmed_in_spanish_once(make_worker, fake, engine, monkeypatch):
    """Issue 18: the text goes out as the store wrote it, in the conversation's language; a
    crash after Twilio accepted it is recovered by the lookup, accents and all."""
    monkeypatch.delenv("STAFF_ALERT_NUMBER", raising=False)
    request_id = save_callback_request(
        conversation_id="web-es",
        channel="socketio",
        phone_number=A,
        best_time="evening",
        consent_to_text=True,
        first_name="José",
        language="es",
        engine=engine,
    )
    crashing = make_worker()
    crashing.sender = CrashAfterSend(crashing.sender.settings)
    with pytest.raises(Crash):
        crashing.run_once()
    make_worker(clock=later(60)).run_once()  # after the lease: looked up at Twilio, found
    assert outbox.counts(engine) == {"dead": 1, "sent": 1}  # the alert has no staff number
    assert fake.delivered_to(A) == 1
    body = fake.messages[0]["body"]
    assert body.startswith(f"Hola José, recibimos su pedido (ref {request_id}) y le llamaremos")
    assert "en la noche" in body and "Responda STOP" in body


def test_full_jitter_backoff_stays_within_its_cap():
    backoff = Backoff(base=2, cap=60, rng=random.Random(7))
    for attempt in range(1, 12):
        for _ in range(50):
            assert 0 <= backoff.delay(attempt) <= min(60, 2 * 2 ** (attempt - 1))


def test_worker_process_killed_after_twilio_accepted_does_not_text_twice(
    engine, fake, enqueue, row, make_worker
):
    """A real crash: the worker process is SIGKILLed while Twilio holds the accepted message."""
    row_id = enqueue(A, "Hi Sam (ref 77)")
    fake.accept_then_hang(times=1)
    env = dict(
        os.environ,
        **fake.env(),
        TWILIO_NUMBER="+15005550006",
        DATABASE_URL=str(engine.url),
        OUTBOX_HTTP_TIMEOUT="60",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "iop_assistant.notify.worker", "--drain"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while fake.delivered_to(A) == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        process.kill()
        process.wait(timeout=30)
    assert fake.delivered_to(A) == 1
    assert row(row_id).status == "sending"
    make_worker(clock=later(600)).drain(max_seconds=30)
    assert row(row_id).status == "sent"
    assert row(row_id).twilio_sid == fake.messages[0]["sid"]
    assert fake.delivered_to(A) == 1
