"""Latency and throughput of the REST channel: IOP Assistant vs. a stock `rasa init` bot.

Both assistants are trained and started in this one invocation, one after the
other so they never compete for the two cores. For each we report training
time, start-up time, p50/p95/p99 latency and throughput at 1, 10, 20 and 50
concurrent clients for two mixes, latency near turn 5 and near turn 200 of one
long conversation, and the peak RSS of every process. Not part of `make test`.

Each client runs for ``--seconds`` at each level: a conversation of ``--turns``
messages with no think time, then a new conversation (a new sender), and so on.
The mixes (issue 17): ``visitor`` is a website visitor's script (hi, five FAQ
questions, thanks, bye); ``faq`` is program questions only.

    .venv/bin/python benchmarks/latency.py [--turns 8] [--seconds 20] [--long 200] [--skip-train]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import aiohttp

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script: devtools.ports is importable from the repo root
from devtools.ports import free_port  # noqa: E402

WORK = REPO / "build" / "bench"
BIN = Path(sys.executable).parent
ENV = {
    **os.environ,
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}
SCRIPT = [
    "hi",
    "what is intensive outpatient",
    "how many days a week is it",
    "do you take insurance",
    "tell me more",
    "is it confidential",
    "thanks",
    "bye",
]
FAQ_SCRIPT = [
    "what is intensive outpatient",
    "how many days a week is it",
    "do you take insurance",
    "is it confidential",
    "do you offer detox",
    "how long does the program last",
    "what kind of therapy do you do",
    "who is iop for",
]
MIXES = {"visitor": SCRIPT, "faq": FAQ_SCRIPT}
CONCURRENCY = (1, 10, 20, 50)


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a process, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: List[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


@dataclass
class Assistant:
    """One assistant under test: where it lives and how to start it."""

    name: str
    project: Path
    model: Path
    endpoints: Path | None = None
    with_actions: bool = False  # ours: its own endpoints, credentials and environment
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)
    port: int = 0
    results: Dict[str, Any] = field(default_factory=dict)  # seconds, and tables by measure

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def own_env(self) -> Dict[str, str]:
        """Ours as `make run` starts it: SQL tracker store and app DB on SQLite files,
        one TensorFlow thread, webhooks signed with a throwaway token."""
        return {
            **ENV,
            "TRACKER_DB_URL": f"sqlite:///{WORK / 'tracker.db'}",
            "DATABASE_URL": f"sqlite:///{WORK / 'app.db'}",
            "TWILIO_AUTH_TOKEN": uuid.uuid4().hex,
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{self.port}",
            "IOP_SENDER_ID_KEY": uuid.uuid4().hex,
            "IOP_ACTION_SECRET": uuid.uuid4().hex,  # endpoints.yml sends it to the actions
            "IOP_HEALTH_EVENTS_FILE": str(WORK / "health_events.jsonl"),
            "TF_INTRA_OP_PARALLELISM_THREADS": "1",
            "TF_INTER_OP_PARALLELISM_THREADS": "1",
        }

    def start(self) -> float:
        """Start the servers; returns seconds until the model answers."""
        started = time.monotonic()
        log = open(WORK / f"{self.name}.log", "ab")
        env, extra = ENV, []
        self.port = free_port()
        if self.with_actions:
            env = self.own_env()
            subprocess.run(
                [str(BIN / "python"), "-m", "iop_assistant.migrations", "upgrade"],
                cwd=REPO,
                env=env,
                check=True,
                capture_output=True,
            )
            actions_port = free_port()
            self.endpoints = WORK / f"{self.name}-endpoints.yml"
            self.endpoints.write_text(
                (REPO / "endpoints.yml")
                .read_text()
                .replace(
                    "http://localhost:5055/webhook", f"http://127.0.0.1:{actions_port}/webhook"
                )
            )
            extra = ["--credentials", str(REPO / "credentials.yml")]
            self.processes["actions"] = subprocess.Popen(
                # as make run starts it: behind the shared secret (IOP_ACTION_SECRET)
                [
                    str(BIN / "python"),
                    "-m",
                    "iop_assistant.action_server",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(actions_port),
                ],
                cwd=self.project,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        # ours through the project's launcher (its hooks into Rasa, as make run);
        # the stock bot as `rasa run`
        rasa = (
            [str(BIN / "python"), "-m", "iop_assistant.serve"]
            if self.with_actions
            else [str(BIN / "rasa")]
        )
        cmd = [
            *rasa,
            "run",
            "--port",
            str(self.port),
            "--model",
            str(self.model),
            "--enable-api",
        ]
        if self.endpoints:
            cmd += ["--endpoints", str(self.endpoints)]
        self.processes["rasa"] = subprocess.Popen(
            cmd + extra, cwd=self.project, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        asyncio.run(self._wait_ready())
        return time.monotonic() - started

    async def _wait_ready(self) -> None:
        async with aiohttp.ClientSession() as session:
            for _ in range(600):
                try:
                    async with session.get(self.url + "/status") as resp:
                        if resp.status == 200 and (await resp.json()).get("model_id"):
                            break
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.5)
            # one warm-up turn (and the action server answering, if any)
            await send(session, self.url, "warmup", "hi")

    def stop(self) -> Dict[str, float]:
        rss = {name: peak_rss_mb(proc.pid) for name, proc in self.processes.items()}
        for proc in self.processes.values():
            proc.terminate()
        for proc in self.processes.values():
            proc.wait(timeout=60)
        return rss


async def send(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> float:
    """One turn; returns its latency in seconds. Raises on any error."""
    started = time.perf_counter()
    async with session.post(
        url + "/webhooks/rest/webhook", json={"sender": sender, "message": text}
    ) as resp:
        resp.raise_for_status()
        replies = await resp.json()
        if not isinstance(replies, list):
            raise RuntimeError(f"unexpected reply {replies!r}")
    return time.perf_counter() - started


async def load(
    url: str, concurrency: int, turns: int, script: List[str], seconds: float
) -> Dict[str, float]:
    """`concurrency` clients for `seconds`, each one conversation of `turns` messages
    after another; a conversation under way when the time is up is finished."""
    latencies: List[float] = []
    errors = 0
    conversations = 0

    async def client(session: aiohttp.ClientSession, deadline: float) -> None:
        nonlocal errors, conversations
        while time.perf_counter() < deadline:
            sender = uuid.uuid4().hex
            conversations += 1
            for turn in range(turns):
                try:
                    latencies.append(await send(session, url, sender, script[turn % len(script)]))
                except Exception:  # counted and reported
                    errors += 1

    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(client(session, deadline) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "conversations": conversations,
        "p50_ms": 1000 * percentile(latencies, 50),
        "p95_ms": 1000 * percentile(latencies, 95),
        "p99_ms": 1000 * percentile(latencies, 99),
        "throughput_rps": len(latencies) / elapsed,
        "requests": len(latencies),
        "errors": errors,
    }


CRISIS_MESSAGES = [
    "i want to kill myself",
    "my friend overdosed and isnt breathing",
    "kms",
    "he is hitting me and i am scared",
    "i took all my pills",
]


async def crisis_latency(url: str, count: int = 50) -> Dict[str, float]:
    """Time from a crisis message to its reply, each in a new conversation."""
    latencies = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        for i in range(count):
            latencies.append(
                await send(
                    session, url, uuid.uuid4().hex, CRISIS_MESSAGES[i % len(CRISIS_MESSAGES)]
                )
            )
    return {"p50_ms": 1000 * percentile(latencies, 50), "p95_ms": 1000 * percentile(latencies, 95)}


async def long_conversation(url: str, turns: int) -> Dict[str, float]:
    """Latency near turn 5 and near the last turn of one long conversation."""
    sender = uuid.uuid4().hex
    latencies = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        for turn in range(turns):
            latencies.append(await send(session, url, sender, SCRIPT[1 + turn % 6]))
    early = statistics.median(latencies[2:8])
    late = statistics.median(latencies[-6:])
    return {"turn5_ms": 1000 * early, f"turn{turns}_ms": 1000 * late, "growth": late / early}


def timed(cmd: List[str], cwd: Path) -> float:
    started = time.monotonic()
    subprocess.run(
        cmd, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.monotonic() - started


def prepare(skip_train: bool) -> List[Assistant]:
    """Train both assistants (or, with --skip-train, reuse their models: ours from
    models/iop.tar.gz when the benchmark has none of its own)."""
    WORK.mkdir(parents=True, exist_ok=True)
    ours = Assistant("iop", REPO, WORK / "iop-models" / "iop.tar.gz", with_actions=True)
    stock_dir = WORK / "stock"
    stock = Assistant("stock", stock_dir, stock_dir / "models" / "stock.tar.gz")
    built = REPO / "models" / "iop.tar.gz"
    if skip_train and not ours.model.exists() and built.exists():
        # the model `make train` built: the benchmark measures serving, not training (a
        # full train is most of an hour now, docs/performance.md)
        ours.model.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, ours.model)
    if not skip_train or not ours.model.exists():
        shutil.rmtree(ours.model.parent, ignore_errors=True)
        ours.results["train_s"] = timed(
            [str(BIN / "python"), "-m", "iop_assistant.program_facts"], REPO
        ) + timed(
            [
                str(BIN / "rasa"),
                "train",
                "--domain",
                "domain",
                "--force",
                "--fixed-model-name",
                "iop",
                "--out",
                str(ours.model.parent),
            ],
            REPO,
        )
    if not skip_train or not stock.model.exists():
        shutil.rmtree(stock_dir, ignore_errors=True)
        stock_dir.mkdir(parents=True)
        timed([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(stock_dir)], WORK)
        shutil.rmtree(stock_dir / "models", ignore_errors=True)
        stock.results["train_s"] = timed(
            [
                str(BIN / "rasa"),
                "train",
                "--force",
                "--fixed-model-name",
                "stock",
                "--out",
                str(stock_dir / "models"),
            ],
            stock_dir,
        )
    return [ours, stock]


def measure(assistant: Assistant, turns: int, seconds: float, long_turns: int) -> None:
    for name in ("tracker.db", "app.db"):
        (WORK / name).unlink(missing_ok=True)
    assistant.results["startup_s"] = assistant.start()
    try:
        for mix, script in MIXES.items():
            for concurrency in CONCURRENCY:
                assistant.results[f"{mix}-c{concurrency}"] = asyncio.run(
                    load(assistant.url, concurrency, turns, script, seconds)
                )
        assistant.results["long"] = asyncio.run(long_conversation(assistant.url, long_turns))
        if assistant.name == "iop":
            assistant.results["crisis"] = asyncio.run(crisis_latency(assistant.url))
    finally:
        assistant.results["peak_rss_mb"] = assistant.stop()


def report(ours: Assistant, stock: Assistant) -> str:
    lines = ["", "REST channel benchmark (same machine, same invocation)", ""]
    for label, key in (("training time (s)", "train_s"), ("start-up time (s)", "startup_s")):
        a, b = ours.results.get(key), stock.results.get(key)
        if a is not None and b is not None:
            lines.append(f"{label:22s} ours {a:7.1f}   stock {b:7.1f}   ratio {a / b:5.2f}")
    lines.append("")
    header = (
        f"{'conc':>4} {'':5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'errors':>6}"
    )
    for mix in MIXES:
        lines += [f"mix: {mix}", header]
        for concurrency in CONCURRENCY:
            rows = []
            for assistant in (ours, stock):
                r = assistant.results[f"{mix}-c{concurrency}"]
                rows.append(r)
                lines.append(
                    f"{concurrency:>4} {assistant.name:5} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
                    f"{r['p99_ms']:8.1f} {r['throughput_rps']:8.1f} {r['errors']:>6}"
                )
            lines.append(
                f"{'':>4} {'ratio':5} {rows[0]['p50_ms'] / rows[1]['p50_ms']:8.2f} "
                f"{rows[0]['p95_ms'] / rows[1]['p95_ms']:8.2f} "
                f"{rows[0]['p99_ms'] / rows[1]['p99_ms']:8.2f} "
                f"{rows[0]['throughput_rps'] / rows[1]['throughput_rps']:8.2f}"
            )
        lines.append("")
    lines.append("")
    for assistant in (ours, stock):
        long = assistant.results["long"]
        keys = list(long)
        lines.append(
            f"long conversation {assistant.name:5}: turn 5 {long[keys[0]]:.1f} ms, "
            f"{keys[1].removesuffix('_ms')} {long[keys[1]]:.1f} ms, "
            f"growth x{long['growth']:.2f}"
        )
    if "crisis" in ours.results:
        crisis = ours.results["crisis"]
        lines.append(
            f"crisis message -> reply (ours, new conversations): "
            f"p50 {crisis['p50_ms']:.1f} ms, p95 {crisis['p95_ms']:.1f} ms"
        )
    lines.append("")
    for assistant in (ours, stock):
        rss = ", ".join(f"{k} {v:.0f} MiB" for k, v in assistant.results["peak_rss_mb"].items())
        lines.append(f"peak RSS {assistant.name:5}: {rss}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--turns", type=int, default=8, help="turns per conversation under load")
    parser.add_argument(
        "--seconds", type=float, default=20, help="seconds at each concurrency and mix"
    )
    parser.add_argument("--long", type=int, default=200, help="turns of the long conversation")
    parser.add_argument("--skip-train", action="store_true", help="reuse models if present")
    args = parser.parse_args()
    ours, stock = prepare(args.skip_train)
    for assistant in (ours, stock):
        print(f"measuring {assistant.name}...", flush=True)
        measure(assistant, args.turns, args.seconds, args.long)
    text = report(ours, stock)
    print(text)
    (WORK / "results.json").write_text(
        json.dumps({a.name: a.results for a in (ours, stock)}, indent=2, default=str)
    )
    (WORK / "results.txt").write_text(text)


if __name__ == "__main__":
    main()
