"""SMS webhook response time under concurrent senders (Twilio gives up after 15 s).

Starts the real action server and `rasa run` with the project's channels (a
test Twilio auth token, a temporary app database), then N senders text the
signed webhook at once, each a realistic multi-turn script (FAQ, a callback
request, a crisis for some). Reports p50/p95/p99/max per request, errors,
and how many answers took longer than Twilio's 15 s. Not part of `make test`.

    .venv/bin/python benchmarks/sms_webhook.py [--senders 20] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
import time
from pathlib import Path
from typing import Dict, List

import aiohttp
from twilio.request_validator import RequestValidator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import BIN, ENV, REPO, WORK, free_port, peak_rss_mb, percentile

PATH = "/webhooks/sms/webhook"
TWILIO_TIMEOUT_S = 15.0
SCRIPTS = [
    [
        "hi",
        "what is IOP",
        "how long does it last",
        "can someone call me back",
        "yes",
        "evening",
        "skip",
        "no",
    ],
    ["do you offer detox", "is it confidential", "1", "thanks"],
    ["i want to kill myself", "ok", "bye"],
]


class Server:
    """The action server and the Rasa server, started as `make run` starts them."""

    def __init__(self) -> None:
        WORK.mkdir(parents=True, exist_ok=True)
        self.port, self.actions_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = "bench-" + secrets.token_hex(16)
        db_dir = WORK / f"sms-{secrets.token_hex(4)}"
        db_dir.mkdir()
        self.env = {
            **ENV,
            "TWILIO_AUTH_TOKEN": self.token,
            "PUBLIC_BASE_URL": self.url,
            "IOP_SENDER_ID_KEY": secrets.token_hex(32),
            "DATABASE_URL": f"sqlite:///{db_dir / 'app.db'}",
        }
        endpoints = db_dir / "endpoints.yml"
        endpoints.write_text(
            f"action_endpoint:\n  url: http://127.0.0.1:{self.actions_port}/webhook\n"
            f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {db_dir / 'tracker.db'}\n"
        )
        log = open(db_dir / "servers.log", "ab")
        # the app database is migrated before anything starts, as scripts/run.sh does
        _migrate(self.env, log)
        self.processes = {
            "actions": _spawn(
                ["-m", "rasa", "run", "actions", "--port", str(self.actions_port)], self.env, log
            ),
            "rasa": _spawn(
                [
                    "-m",
                    "iop_assistant.serve",  # the project's launcher, as make run
                    "run",
                    "--enable-api",
                    "--port",
                    str(self.port),
                    "--model",
                    str(REPO / "models/iop.tar.gz"),
                    "--endpoints",
                    str(endpoints),
                    "--credentials",
                    str(REPO / "credentials.yml"),
                ],
                self.env,
                log,
            ),
        }

    async def ready(self) -> None:
        async with aiohttp.ClientSession() as session:
            for _ in range(600):
                try:
                    async with session.get(self.url + "/status") as resp:
                        if resp.status == 200 and (await resp.json()).get("model_id"):
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.5)
        raise TimeoutError("rasa did not start")

    def stop(self) -> Dict[str, float]:
        rss = {name: peak_rss_mb(p.pid) for name, p in self.processes.items()}
        for proc in self.processes.values():
            proc.terminate()
        for proc in self.processes.values():
            proc.wait(timeout=60)
        return rss


def _migrate(env: Dict[str, str], log) -> None:
    import subprocess

    subprocess.run(
        [str(BIN / "python"), "-m", "iop_assistant.migrations", "upgrade"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        check=True,
    )


def _spawn(args: List[str], env: Dict[str, str], log):
    import subprocess

    return subprocess.Popen(
        [str(BIN / "python"), *args], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
    )


async def text(session, server: Server, phone: str, body: str) -> float:
    """One signed inbound SMS; returns seconds until the TwiML answer."""
    sid = "SM" + secrets.token_hex(16)
    form = {
        "MessageSid": sid,
        "SmsSid": sid,
        "AccountSid": "AC" + "0" * 32,
        "From": phone,
        "To": "+18885550100",
        "Body": body,
        "NumMedia": "0",
    }
    signature = RequestValidator(server.token).compute_signature(server.url + PATH, form)
    started = time.perf_counter()
    async with session.post(
        server.url + PATH, data=form, headers={"X-Twilio-Signature": signature}
    ) as resp:
        answer = await resp.text()
        if resp.status != 200 or "<Response" not in answer:
            raise RuntimeError(f"HTTP {resp.status}")
    return time.perf_counter() - started


async def sender(
    session, server: Server, index: int, rounds: int, out: List[float], errors: List[str]
) -> None:
    phone = f"+1202555{index:04d}"
    for round_ in range(rounds):
        for body in SCRIPTS[(index + round_) % len(SCRIPTS)]:
            try:
                out.append(await text(session, server, phone, body))
            except Exception as exc:  # counted, not fatal: the report shows them
                errors.append(f"{type(exc).__name__}: {exc}")


async def run(server: Server, senders: int, rounds: int) -> Dict[str, float]:
    latencies: List[float] = []
    errors: List[str] = []
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await text(session, server, "+12025559999", "hi")  # warm-up
        started = time.perf_counter()
        await asyncio.gather(
            *(sender(session, server, i, rounds, latencies, errors) for i in range(senders))
        )
        elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "over_15s": sum(1 for x in latencies if x > TWILIO_TIMEOUT_S),
        "p50_ms": percentile(latencies, 50) * 1000,
        "p95_ms": percentile(latencies, 95) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "max_ms": max(latencies) * 1000,
        "throughput_rps": len(latencies) / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("--senders", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    server = Server()
    try:
        asyncio.run(server.ready())
        result = asyncio.run(run(server, args.senders, args.rounds))
    finally:
        rss = server.stop()
    print(f"SMS webhook, {args.senders} concurrent senders x {args.rounds} scripts")
    for key, value in result.items():
        print(f"  {key:15s} {value:.1f}" if isinstance(value, float) else f"  {key:15s} {value}")
    for name, mb in rss.items():
        print(f"  peak RSS {name:8s} {mb:.0f} MiB")


if __name__ == "__main__":
    main()
