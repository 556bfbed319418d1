"""The outbox worker: sends queued texts with retries, exactly once per row.

``python -m iop_assistant.notify.worker`` polls the outbox; ``--once``
processes what is due and exits; ``--drain`` runs until nothing is pending.
Without Twilio credentials it runs in dry-run mode: messages are recorded
as ``dry_run`` and logged (id and kind only), nothing is sent.
Design, states and limits: docs/callbacks.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Mapping

from sqlalchemy.engine import Engine

from iop_assistant.migrations import migrate
from iop_assistant.notify import outbox
from iop_assistant.notify.sender import SendResult, TwilioSender, TwilioSettings, redact_numbers
from iop_assistant.store import sms as sms_store
from iop_assistant.store.db import get_engine
from iop_assistant.store.models import utcnow
from iop_assistant.store.phones import masked

logger = logging.getLogger("iop_assistant.outbox")

NO_RECIPIENT = "not deliverable: no recipient number (STAFF_ALERT_NUMBER unset or invalid)"
OPTED_OUT = "recipient opted out of texts (STOP)"


@dataclass
class Backoff:
    """Exponential backoff with full jitter: uniform(0, min(cap, base * 2**(attempt-1)))."""

    base: float = 10.0
    cap: float = 1800.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        return self.rng.uniform(0, min(self.cap, self.base * 2 ** max(attempt - 1, 0)))


@dataclass(frozen=True)
class WorkerConfig:
    max_attempts: int = 8
    lease_seconds: float = 120.0  # > 2 x the HTTP timeout: a lookup and a send fit in a lease
    batch_size: int = 50
    concurrency: int = 4
    poll_interval: float = 2.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> WorkerConfig:
        def number(name: str, default: float) -> float:
            return float(env.get(name, "") or default)

        return cls(
            max_attempts=max(1, int(number("OUTBOX_MAX_ATTEMPTS", 8))),
            lease_seconds=number("OUTBOX_LEASE_SECONDS", 120),
            batch_size=int(number("OUTBOX_BATCH_SIZE", 50)),
            concurrency=max(1, int(number("OUTBOX_CONCURRENCY", 4))),
            poll_interval=number("OUTBOX_POLL_SECONDS", 2),
        )


def backoff_from_env(env: Mapping[str, str] = os.environ) -> Backoff:
    return Backoff(
        base=float(env.get("OUTBOX_BACKOFF_BASE_SECONDS", "") or 10),
        cap=float(env.get("OUTBOX_BACKOFF_CAP_SECONDS", "") or 1800),
    )


class OutboxWorker:
    """Claims due rows and sends them; several workers may run against one database."""

    def __init__(
        self,
        engine: Engine | None = None,
        sender: TwilioSender | None = None,
        config: WorkerConfig | None = None,
        backoff: Backoff | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine or get_engine()
        self.sender = sender  # None: dry-run
        self.config = config or WorkerConfig()
        self.backoff = backoff or Backoff()
        self.clock = clock
        self._pool = ThreadPoolExecutor(self.config.concurrency, thread_name_prefix="outbox")

    @classmethod
    def from_env(cls, engine: Engine | None = None) -> OutboxWorker:
        settings = TwilioSettings.from_env()
        if settings.partial:
            logger.error(
                "outbox: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_NUMBER must all be set "
                "to send; running in DRY-RUN mode"
            )
        sender = TwilioSender(settings) if settings.live else None
        return cls(engine, sender, WorkerConfig.from_env(), backoff_from_env())

    @property
    def mode(self) -> str:
        return "live" if self.sender is not None else "dry-run"

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    # ------------------------------------------------------------------ passes
    def run_once(self) -> int:
        """Recover stale claims, then claim and process every due row once; how many."""
        now = self.clock()
        recovered = outbox.recover_stale(self.engine, now)
        if recovered:
            logger.warning("outbox: %d message(s) left mid-send by a stopped worker", recovered)
        total = 0
        while True:
            claims = outbox.claim_due(
                self.engine,
                limit=self.config.batch_size,
                lease=timedelta(seconds=self.config.lease_seconds),
                now=self.clock(),
            )
            if not claims:
                return total
            list(self._pool.map(self._process_safely, claims))
            total += len(claims)

    def drain(self, stop: threading.Event | None = None, max_seconds: float | None = None) -> int:
        """Run until no row is pending or sending (or ``stop``); how many were processed."""
        stop = stop or threading.Event()
        started = time.monotonic()
        total = 0
        while not stop.is_set():
            total += self.run_once()
            due = outbox.next_due(self.engine)
            if due is None:
                return total
            if max_seconds is not None and time.monotonic() - started > max_seconds:
                return total
            wait = (due - self.clock()).total_seconds()
            stop.wait(min(max(wait, 0.01), self.config.poll_interval))
        return total

    def run_forever(self, stop: threading.Event) -> None:
        """Poll until ``stop`` is set; a failing pass (database down) is logged and retried."""
        while not stop.is_set():
            try:
                processed = self.run_once()
            except Exception:
                logger.exception("outbox: pass failed; retrying")
                processed = 0
            if not processed:
                stop.wait(self.config.poll_interval)

    # ------------------------------------------------------------------ one row
    def _process_safely(self, claim: outbox.Claim) -> None:
        try:
            self.process(claim)
        except Exception:
            # the claim stays 'sending' with outcome_unknown; its lease expiry recovers it
            logger.exception("outbox #%d: processing failed; recovered after its lease", claim.id)

    def process(self, claim: outbox.Claim) -> None:
        """Decide and record the fate of one claimed row."""
        if not claim.to_number:
            self._finish(claim, outbox.DEAD, error=NO_RECIPIENT)
            return
        if sms_store.is_opted_out(claim.to_number, engine=self.engine):
            self._finish(claim, outbox.SUPPRESSED, error=OPTED_OUT)
            return
        if self.sender is None:
            # ids and kinds only: a text's body holds names (issue 14, item 8)
            logger.info(
                "outbox #%d %s: DRY-RUN, not sent (%d characters)",
                claim.id,
                claim.kind,
                len(claim.body or ""),
            )
            self._finish(claim, outbox.DRY_RUN)
            return
        if claim.needs_lookup:
            try:
                sid = self.sender.find(claim.to_number, claim.body, since=claim.created_at)
            except Exception as error:
                failed = SendResult("retry", error=f"could not check Twilio: {error!r}"[:200])
                self._retry(claim, failed, ambiguous=True)
                return
            if sid:
                logger.info("outbox #%d: found already accepted by Twilio (%s)", claim.id, sid)
                self._finish(claim, outbox.SENT, twilio_sid=sid)
                return
        result = self.sender.send(claim.to_number, claim.body)
        if result.outcome == "sent":
            self._finish(claim, outbox.SENT, twilio_sid=result.sid)
        elif result.outcome == "opted_out":
            sms_store.opt_out(claim.to_number, "TWILIO_21610", engine=self.engine)
            self._finish(claim, outbox.SUPPRESSED, error=f"{OPTED_OUT}: {result.error}")
        elif result.outcome == "rejected":
            self._finish(claim, outbox.DEAD, error=f"rejected by Twilio: {result.error}")
        else:
            self._retry(claim, result, ambiguous=result.ambiguous)

    def _retry(self, claim: outbox.Claim, result: SendResult, *, ambiguous: bool) -> None:
        if claim.attempts >= self.config.max_attempts:
            note = " (may have been sent)" if ambiguous else ""
            self._finish(
                claim,
                outbox.DEAD,
                error=f"gave up after {claim.attempts} attempts{note}: {result.error}",
                outcome_unknown=ambiguous,
            )
            return
        delay = self.backoff.delay(claim.attempts)
        self._finish(
            claim,
            outbox.PENDING,
            error=f"attempt {claim.attempts}: {result.error}",
            next_attempt_at=self.clock() + timedelta(seconds=delay),
            outcome_unknown=ambiguous,
        )

    def _finish(self, claim: outbox.Claim, status: str, **kwargs) -> None:
        if not outbox.finish(self.engine, claim, status, now=self.clock(), **kwargs):
            logger.warning(
                "outbox #%d: claim expired before it could be marked %s", claim.id, status
            )
            return
        level = logging.WARNING if status in (outbox.DEAD, outbox.PENDING) else logging.INFO
        if status == outbox.DRY_RUN:
            level = logging.DEBUG  # already logged with its text
        logger.log(
            level,
            "outbox #%d %s: %s%s",
            claim.id,
            claim.kind,
            status,
            f" ({redact_numbers(kwargs['error'])})" if kwargs.get("error") else "",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Send queued texts (the outbox).")
    parser.add_argument("--once", action="store_true", help="process what is due, then exit")
    parser.add_argument("--drain", action="store_true", help="run until nothing is pending")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    logging.getLogger("twilio").setLevel(logging.WARNING)  # its request logs carry numbers
    engine = migrate(get_engine())
    worker = OutboxWorker.from_env(engine)
    if worker.sender is not None:  # live mode
        logger.info(
            "outbox worker: LIVE, sending from %s", masked(worker.sender.settings.from_number)
        )
    else:
        logger.info("outbox worker: DRY-RUN (no Twilio credentials): records, sends nothing")
    if not os.environ.get("STAFF_ALERT_NUMBER", "").strip():
        logger.warning("outbox worker: STAFF_ALERT_NUMBER is not set: staff alerts are not sent")
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    try:
        if args.once:
            worker.run_once()
        elif args.drain:
            worker.drain(stop)
        else:
            worker.run_forever(stop)
    finally:
        worker.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
