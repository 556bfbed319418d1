"""How fast the outbox worker drains a queue, against the local Twilio fake.

Queues N messages (default 1,000, one per recipient) in a fresh SQLite app
database, starts the fake Twilio API as a separate process (so it does not
share the worker's GIL) and runs the worker until nothing is pending. The
second run has the fake answer 503 for the first few seconds. Each run
checks that every recipient got exactly one message.

    .venv/bin/python benchmarks/outbox_drain.py [--messages 1000] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from devtools.twilio_fake import ACCOUNT_SID, AUTH_TOKEN  # noqa: E402
from iop_assistant.migrations import migrate  # noqa: E402
from iop_assistant.notify import outbox  # noqa: E402
from iop_assistant.notify.sender import TwilioSender, TwilioSettings  # noqa: E402
from iop_assistant.notify.worker import Backoff, OutboxWorker, WorkerConfig  # noqa: E402
from iop_assistant.store import OutboxMessage, session_scope  # noqa: E402


def start_fake(fail_seconds: float) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "devtools.twilio_fake", "--port", "0"]
    if fail_seconds:
        command += ["--fail-status", "503", "--fail-seconds", str(fail_seconds)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None  # stdout=PIPE
    line = process.stdout.readline()
    return process, line.rsplit(" ", 1)[-1].strip()


def fake_json(base_url: str, path: str) -> dict:
    with urllib.request.urlopen(base_url + path, timeout=10) as response:
        return json.loads(response.read())


def queue(engine, n: int) -> list[str]:
    numbers = [f"+1312555{i:04d}" for i in range(n)]
    with session_scope(engine) as session:
        session.add_all(
            OutboxMessage(
                dedupe_key=f"bench:{i}",
                kind="callback_confirmation",
                to_number=number,
                body=f"Hi, we got your request (ref {i}). Reply STOP to opt out.",
            )
            for i, number in enumerate(numbers)
        )
    return numbers


def run(n: int, concurrency: int, fail_seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        engine = migrate(f"sqlite:///{tmp}/app.db")
        numbers = queue(engine, n)
        fake, base_url = start_fake(fail_seconds)
        try:
            settings = TwilioSettings(ACCOUNT_SID, AUTH_TOKEN, "+15005550006", base_url, 10)
            worker = OutboxWorker(
                engine,
                TwilioSender(settings),
                WorkerConfig(concurrency=concurrency, batch_size=50, poll_interval=0.05),
                Backoff(base=0.5, cap=4.0),
            )
            started = time.perf_counter()
            worker.drain(max_seconds=600)
            elapsed = time.perf_counter() - started
            worker.close()
            accepted = Counter(m["to"] for m in fake_json(base_url, "/_fake/messages")["messages"])
            stats = fake_json(base_url, "/_fake/stats")["stats"]
        finally:
            fake.terminate()
            fake.wait(timeout=10)
        return {
            "messages": n,
            "fail_503_seconds": fail_seconds,
            "concurrency": concurrency,
            "drain_seconds": round(elapsed, 2),
            "messages_per_second": round(n / elapsed, 1),
            "states": outbox.counts(engine),
            "create_requests": stats["create"],
            "list_requests": stats["list"],
            "answered_503": stats["scripted"],
            "duplicates": sum(c - 1 for c in accepted.values() if c > 1),
            "missing": sum(1 for number in numbers if accepted[number] == 0),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--fail-seconds", type=float, default=3.0)
    args = parser.parse_args()
    ok = True
    for fail in (0.0, args.fail_seconds):
        result = run(args.messages, args.concurrency, fail)
        label = f"503 for the first {fail:g} s" if fail else "healthy Twilio"
        print(
            f"{label:>24}: {result['messages']} messages drained in {result['drain_seconds']} s "
            f"= {result['messages_per_second']} msg/s "
            f"(POSTs {result['create_requests']}, lookups {result['list_requests']}, "
            f"503s {result['answered_503']}, duplicates {result['duplicates']}, "
            f"missing {result['missing']}, states {result['states']})"
        )
        ok = ok and result["duplicates"] == 0 and result["missing"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
