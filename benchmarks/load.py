"""Load: concurrent web (socket.io), SMS and voice conversations, one Rasa server vs two
behind nginx.

In one invocation, against a throwaway PostgreSQL (tracker store and app DB)
and Redis (lock store), this starts, one after the other:

  iop-1   nginx -> 1 Rasa server + 1 action server
  iop-2   nginx -> 2 Rasa servers + 2 action servers
  stock   nginx -> the stock `rasa init` assistant (in-memory tracker, web only)

and for each run (a mode and a number of conversations) talks for --seconds:
half on the website channel (python-socketio AsyncClient, polling then
WebSocket like the widget, each client with its own X-Forwarded-For so nginx
spreads them like distinct visitors), a quarter as signed Twilio SMS webhooks and
a quarter as signed Twilio voice webhooks (a call's greeting, then spoken turns
posted to each ``<Gather>``'s action; until 2026-12-04 two thirds web, one third
SMS, no voice). Scripts are multi-turn: FAQ, detox screening, callback request,
crisis (the stock bot gets scripts in its own mood-bot vocabulary, so that it
answers every turn). Two modes:

  stress  closed loop: the next message goes as soon as the turn is over (0.3 s
          after the last bot message); measures capacity
  paced   people: they arrive at random within the first 6 s, and each turn is
          followed by a think time of 2-6 s (reading the answer and typing
          the next message); measures what people wait

After the run every web conversation's tracker is read back through
the HTTP API: a sent message missing from it is "lost", a different order is
"out of order". Reports throughput, p50/p95/p99 per channel, errors, lost and
out-of-order messages, and the peak RSS of every process. Not in `make test`.

    .venv/bin/python benchmarks/load.py [--seconds 60] [--runs stress:20 stress:50 paced:20]
"""

from __future__ import annotations

import argparse
import asyncio
import html
import itertools
import json
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import aiohttp
import socketio
from twilio.request_validator import RequestValidator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import BIN, ENV, REPO, WORK, peak_rss_mb, percentile

from devtools.local_services import Nginx, Postgres, Redis
from devtools.ports import free_port

OUT = WORK / "load"
REPLY_TIMEOUT_S = 30.0
QUIET_S = 0.3  # a turn is over when no further message came for this long
STOCK_MODEL = WORK / "stock" / "models" / "stock.tar.gz"
SCRIPTS = {
    "faq": [
        "hi",
        "what is intensive outpatient",
        "do you take insurance",
        "is it confidential",
        "thanks",
    ],
    "screening": ["do i need detox before the program", "alcohol", "every day", "no", "thanks"],
    "callback": ["can someone call me back", "yes", "evening", "skip", "no"],
    "crisis": ["i want to kill myself", "ok", "bye"],
}
IOP_TF_THREADS = {"TF_INTRA_OP_PARALLELISM_THREADS": "1", "TF_INTER_OP_PARALLELISM_THREADS": "1"}
STOCK_SCRIPTS = {
    "sad": ["hi", "i am sad", "yes", "bye"],
    "great": ["hello", "i am great", "are you a bot?", "goodbye"],
    "unhappy": ["hey", "very unhappy", "no", "bye"],
    "challenge": ["good morning", "am i talking to a human?", "bye"],
}
THINK_S = (2.0, 6.0)  # paced mode: uniform think time after each turn
SOCKETIO_CREDENTIALS = (
    "rest:\nsocketio:\n  user_message_evt: user_uttered\n  bot_message_evt: bot_uttered\n"
    "  session_persistence: true\n"
)


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(
        default_factory=lambda: {"web": [], "sms": [], "voice": []}
    )
    errors: dict[str, int] = field(default_factory=lambda: {"web": 0, "sms": 0, "voice": 0})
    no_reply: dict[str, int] = field(default_factory=lambda: {"web": 0, "sms": 0, "voice": 0})
    error_kinds: Counter = field(default_factory=Counter)
    by_turn: dict[str, list[float]] = field(default_factory=dict)  # "sms: text" -> latencies
    sent: dict[str, list[str]] = field(default_factory=dict)  # web sender -> texts


@dataclass
class System:
    """One configuration under test: its processes and the nginx in front."""

    name: str
    instances: int
    stock: bool = False
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    nginx: Nginx | None = None
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    twilio_token: str = field(default_factory=lambda: "bench-" + secrets.token_hex(16))

    @property
    def url(self) -> str:
        if self.nginx is None:
            raise RuntimeError(f"{self.name} is not started")
        return f"http://127.0.0.1:{self.nginx.port}"

    def start(self, pg: Postgres, redis: Redis) -> None:
        root = OUT / self.name
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        rasa_ports = [free_port() for _ in range(self.instances)]
        action_ports = [free_port() for _ in range(self.instances)]
        self.nginx = Nginx(root / "nginx", rasa_ports, action_ports)
        env = {
            **ENV,
            "TWILIO_AUTH_TOKEN": self.twilio_token,
            "PUBLIC_BASE_URL": self.url,
            "IOP_SENDER_ID_KEY": secrets.token_hex(32),
            "IOP_ACTION_SECRET": secrets.token_hex(32),
            "IOP_HEALTH_EVENTS_FILE": str(root / "health_events.jsonl"),
        }
        if self.stock:
            project, model = STOCK_MODEL.parents[1], STOCK_MODEL
            endpoints, credentials = None, root / "credentials.yml"
            credentials.write_text(SOCKETIO_CREDENTIALS)
        else:
            suffix = uuid.uuid4().hex[:6]
            env["TRACKER_DB_URL"] = pg.create_database(f"tracker_{self.name[-1]}_{suffix}")
            env["DATABASE_URL"] = pg.create_database(f"app_{self.name[-1]}_{suffix}")
            env["REDIS_URL"] = redis.url
            subprocess.run(
                [str(BIN / "python"), "-m", "iop_assistant.migrations", "upgrade"],
                cwd=REPO,
                env=env,
                check=True,
                capture_output=True,
            )
            project, model = REPO, REPO / "models" / "iop.tar.gz"
            env.update(IOP_TF_THREADS)  # as scripts/run.sh and the image set them
            credentials = REPO / "credentials.yml"
            endpoints = root / "endpoints.yml"
            endpoints.write_text(
                (REPO / "endpoints.yml")
                .read_text()
                .replace(
                    "http://localhost:5055/webhook",
                    f"http://127.0.0.1:{self.nginx.actions_port}/webhook",
                )
            )
            for i, port in enumerate(action_ports):
                # as make run starts it: behind the shared secret (IOP_ACTION_SECRET)
                actions = [
                    "-m",
                    "iop_assistant.action_server",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                ]
                self._spawn(f"actions{i + 1}", actions, project, env, root)
        for i, port in enumerate(rasa_ports):
            # the API token through the environment, as make run (iop_assistant/serve.py)
            args = [
                "-m",
                "iop_assistant.serve",
                "run",
                "--enable-api",
                "--port",
                str(port),
                "--model",
                str(model),
                "--credentials",
                str(credentials),
            ]
            if endpoints:
                args += ["--endpoints", str(endpoints)]
            self._spawn(f"rasa{i + 1}", args, project, {**env, "RASA_AUTH_TOKEN": self.token}, root)
        self.nginx.start()
        asyncio.run(self._ready(rasa_ports))

    def _spawn(self, name: str, args: list[str], cwd: Path, env: dict, root: Path) -> None:
        log = open(root / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            [str(BIN / "python"), *args], cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT
        )

    async def _ready(self, ports: list[int]) -> None:
        async with aiohttp.ClientSession() as session:
            for port in ports:
                for _ in range(900):
                    try:
                        async with session.get(
                            f"http://127.0.0.1:{port}/status", params={"token": self.token}
                        ) as resp:
                            if resp.status == 200 and (await resp.json()).get("model_id"):
                                break
                    except aiohttp.ClientError:
                        pass
                    await asyncio.sleep(0.5)
                else:
                    raise TimeoutError(f"{self.name}: rasa on {port} did not start")
            # warm-up: one conversation on every server through nginx
            for _ in range(2 * len(ports)):
                turn = {"sender": uuid.uuid4().hex, "message": "hi"}
                async with session.post(self.url + "/webhooks/rest/webhook", json=turn) as r:
                    r.raise_for_status()

    def stop(self) -> dict[str, float]:
        rss = {name: peak_rss_mb(proc.pid) for name, proc in self.processes.items()}
        if self.nginx:
            self.nginx.stop()
        for proc in self.processes.values():
            proc.terminate()
        for proc in self.processes.values():
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        return rss


def script_cycle(system: System, client: int) -> Iterator[list[str]]:
    """Each client starts at a different script, then takes them in turn."""
    scripts = list((STOCK_SCRIPTS if system.stock else SCRIPTS).values())
    return itertools.cycle(scripts[client % len(scripts) :] + scripts)


async def think(paced: bool) -> None:
    """A person reading the answer and typing the next message (paced mode only)."""
    if paced:
        await asyncio.sleep(random.uniform(*THINK_S))


async def arrive(paced: bool) -> None:
    """Paced mode: people arrive independently, not all in the same millisecond
    (a synchronised start would measure a 20-message burst, not 20 people)."""
    if paced:
        await asyncio.sleep(random.uniform(0, THINK_S[1]))


async def web_worker(
    system: System, deadline: float, stats: Stats, client: int, paced: bool
) -> None:
    scripts = script_cycle(system, client)
    await arrive(paced)
    while time.monotonic() < deadline:
        script = next(scripts)
        sio = socketio.AsyncClient(reconnection=False)
        replies: asyncio.Queue = asyncio.Queue()
        confirmed = asyncio.Event()
        sio.on("bot_uttered", lambda data, q=replies: q.put_nowait(time.perf_counter()))
        given: list = []  # the server hands out the session id (channels/web.py SessionSigner)
        sio.on("session_confirm", lambda sid, c=confirmed, g=given: (g.append(sid), c.set()))
        sender = uuid.uuid4().hex
        try:
            await sio.connect(
                system.url,
                transports=["polling", "websocket"],
                wait_timeout=30,
                headers={"X-Forwarded-For": f"10.{client // 250}.{client % 250}.7"},
            )
            await sio.emit("session_request", {"session_id": sender})
            await asyncio.wait_for(confirmed.wait(), 30)
            sender = str(given[0] if isinstance(given[0], str) else given[0]["session_id"])
            stats.sent[sender] = []
            for text in script:
                started = time.perf_counter()
                await sio.emit("user_uttered", {"session_id": sender, "message": text})
                stats.sent[sender].append(text)
                try:
                    first = await asyncio.wait_for(replies.get(), REPLY_TIMEOUT_S)
                except asyncio.TimeoutError:
                    stats.no_reply["web"] += 1
                    continue
                stats.latencies["web"].append(first - started)
                stats.by_turn.setdefault(f"web: {text}", []).append(first - started)
                while True:  # the rest of this turn's messages
                    try:
                        await asyncio.wait_for(replies.get(), QUIET_S)
                    except asyncio.TimeoutError:
                        break
                if time.monotonic() >= deadline:
                    break
                await think(paced)
        except Exception as error:  # counted and reported
            stats.errors["web"] += 1
            stats.error_kinds[f"web {type(error).__name__}"] += 1
        finally:
            try:
                await sio.disconnect()
            except Exception:
                pass


_phones = itertools.count(1)
AREA_CODES = ("202", "212", "312", "415", "617", "718", "503", "206", "305", "404")


def next_phone() -> str:
    """A valid US number no other conversation of this run has used."""
    n = next(_phones)
    return f"+1{AREA_CODES[n % 10]}555{(n // 10) % 10000:04d}"


async def twilio_turn(
    session: aiohttp.ClientSession,
    validator: RequestValidator,
    url: str,
    form: dict,
    stats: Stats,
    channel: str,
    label: str,
    answered_by: tuple[str, ...],
) -> str | None:
    """One signed Twilio webhook turn, timed and counted; the TwiML, or None when the
    turn failed or had no reply (an element of ``answered_by``)."""
    headers = {"X-Twilio-Signature": validator.compute_signature(url, form)}
    started = time.perf_counter()
    try:
        async with session.post(url, data=form, headers=headers) as resp:
            answer = await resp.text()
        if resp.status != 200:
            stats.errors[channel] += 1
            stats.error_kinds[f"{channel} HTTP {resp.status}"] += 1
            return None
        if not any(tag in answer for tag in answered_by):
            stats.no_reply[channel] += 1
            return None
        stats.latencies[channel].append(time.perf_counter() - started)
        stats.by_turn.setdefault(f"{channel}: {label}", []).append(stats.latencies[channel][-1])
        return answer
    except Exception as error:  # counted and reported
        stats.errors[channel] += 1
        stats.error_kinds[f"{channel} {type(error).__name__}"] += 1
        return None


async def sms_worker(
    system: System,
    session: aiohttp.ClientSession,
    deadline: float,
    stats: Stats,
    client: int,
    paced: bool,
) -> None:
    scripts = script_cycle(system, client + 1)
    await arrive(paced)
    validator = RequestValidator(system.twilio_token)
    url = system.url + "/webhooks/sms/webhook"
    while time.monotonic() < deadline:
        phone = next_phone()  # a new conversation per script
        for body in next(scripts):
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
            await twilio_turn(session, validator, url, form, stats, "sms", body, ("<Message",))
            if time.monotonic() >= deadline:
                return
            await think(paced)


# a caller's turns (what they say); the last one ends the call
VOICE_SCRIPT = [
    "what is intensive outpatient",
    "do you take insurance",
    "is it confidential",
    "thank you goodbye",
]
VOICE_REPLY = ("<Say", "<Dial")  # what the caller hears, or a transfer
_ACTION = re.compile(r'<Gather[^>]*\baction="([^"]+)"')


async def voice_worker(
    system: System,
    session: aiohttp.ClientSession,
    deadline: float,
    stats: Stats,
    client: int,
    paced: bool,
) -> None:
    """Signed Twilio voice webhooks: a call's greeting, then each spoken turn posted to
    the action of the last ``<Gather>``, as Twilio does; latency to the TwiML answer."""
    await arrive(paced)
    validator = RequestValidator(system.twilio_token)
    start_url = system.url + "/webhooks/voice/webhook"
    while time.monotonic() < deadline:
        call = {
            "CallSid": "CA" + secrets.token_hex(16),
            "AccountSid": "AC" + "0" * 32,
            "From": next_phone(),
            "To": "+18885550100",
            "CallStatus": "in-progress",
        }
        url = start_url
        for said in [None, *VOICE_SCRIPT]:
            form = dict(call, **({"SpeechResult": said, "Confidence": "0.9"} if said else {}))
            answer = await twilio_turn(
                session,
                validator,
                url,
                form,
                stats,
                "voice",
                said or "(call starts)",
                ("<Say", "<Dial"),
            )
            action = _ACTION.search(answer or "")
            if action is None or time.monotonic() >= deadline:
                break  # the call ended (goodbye) or the time is up
            url = html.unescape(action.group(1))
            if url.startswith("/"):
                url = system.url + url
            await think(paced)


async def check_order(system: System, stats: Stats) -> tuple[int, int]:
    """Read every web conversation back: (messages lost, conversations out of order)."""
    lost = disordered = 0
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        for sender, sent in stats.sent.items():
            async with session.get(
                f"{system.url}/conversations/{sender}/tracker", params={"token": system.token}
            ) as resp:
                events = (await resp.json()).get("events", []) if resp.status == 200 else []
            got = [e.get("text") for e in events if e.get("event") == "user"]
            lost += sum(1 for text in set(sent) if got.count(text) < sent.count(text))
            if [t for t in got if t in sent] != [t for t in sent if t in got]:
                disordered += 1
    return lost, disordered


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time all cores spent busy (not idle, not waiting for I/O) since boot."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(system: System) -> dict[str, float]:
    """CPU so far of each server process, this load generator, and the whole machine."""
    snapshot = {name: cpu_seconds(proc.pid) for name, proc in system.processes.items()}
    snapshot["load generator"] = time.process_time()
    snapshot["machine"] = machine_busy_seconds()
    return snapshot


def cpu_per_turn(before: dict, after: dict, turns: int, elapsed: float) -> dict[str, float]:
    """CPU ms per turn by process; "other" is nginx, PostgreSQL, Redis and the rest."""
    used = {name: after[name] - before[name] for name in before}
    machine = used.pop("machine")
    per_turn = {name: round(1000 * v / max(turns, 1), 1) for name, v in used.items()}
    per_turn["other"] = round(1000 * (machine - sum(used.values())) / max(turns, 1), 1)
    per_turn["machine busy %"] = round(100 * machine / (elapsed * (os.cpu_count() or 1)), 1)
    return per_turn


async def run_load(system: System, mode: str, concurrency: int, seconds: float) -> dict:
    stats = Stats()
    cpu_before = cpu_snapshot(system)
    # half on the web, a quarter each texting and calling (the stock bot: web only)
    web = max(1, round(concurrency / 2)) if not system.stock else concurrency
    sms = 0 if system.stock else round(concurrency / 4)
    voice = 0 if system.stock else concurrency - web - sms
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=REPLY_TIMEOUT_S)
    ) as session:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(web_worker(system, deadline, stats, i, mode == "paced") for i in range(web)),
            *(sms_worker(system, session, deadline, stats, i, mode == "paced") for i in range(sms)),
            *(
                voice_worker(system, session, deadline, stats, i, mode == "paced")
                for i in range(voice)
            ),
        )
        elapsed = time.monotonic() - started
    cpu_after = cpu_snapshot(system)
    await asyncio.sleep(5)  # turns still in flight at the deadline finish first
    lost, disordered = await check_order(system, stats)
    result = {
        "mode": mode,
        "concurrency": concurrency,
        "web_clients": web,
        "sms_clients": sms,
        "voice_clients": voice,
        "elapsed_s": elapsed,
        "lost": lost,
        "out_of_order": disordered,
        "error_kinds": dict(stats.error_kinds),
        "cpu_ms_per_turn": cpu_per_turn(
            cpu_before, cpu_after, sum(map(len, stats.latencies.values())), elapsed
        ),
        "p95_ms_by_turn": {
            turn: round(1000 * percentile(values, 95))
            for turn, values in sorted(stats.by_turn.items())
        },
    }
    for channel, values in stats.latencies.items():
        if not values and channel in ("sms", "voice") and system.stock:
            continue
        result[channel] = {
            "turns": len(values),
            "turns_per_s": len(values) / elapsed,
            "p50_ms": 1000 * percentile(values, 50) if values else float("nan"),
            "p95_ms": 1000 * percentile(values, 95) if values else float("nan"),
            "p99_ms": 1000 * percentile(values, 99) if values else float("nan"),
            "errors": stats.errors[channel],
            "no_reply": stats.no_reply[channel],
        }
    return result


def table(results: dict) -> str:
    lines = [
        f"{'system':7} {'mode':6} {'conc':>4} {'chan':4} {'turns':>6} {'turns/s':>8} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p99 ms':>8} {'errors':>6} {'noreply':>7} {'lost':>5} {'order':>5}"
    ]
    for name, runs in results.items():
        for run in runs.get("runs", []):
            for channel in ("web", "sms", "voice"):
                r = run.get(channel)
                if not r:
                    continue
                lines.append(
                    f"{name:7} {run['mode']:6} {run['concurrency']:>4} {channel:4} {r['turns']:>6} "
                    f"{r['turns_per_s']:8.1f} {r['p50_ms']:8.0f} {r['p95_ms']:8.0f} "
                    f"{r['p99_ms']:8.0f} {r['errors']:>6} {r['no_reply']:>7} "
                    + (f"{run['lost']:>5} {run['out_of_order']:>5}" if channel == "web" else "")
                )
    lines.append("")
    for name, runs in results.items():
        for run in runs.get("runs", []):
            if run.get("error_kinds"):
                lines.append(
                    f"errors {name} {run['mode']} {run['concurrency']}: {run['error_kinds']}"
                )
    lines.append("")
    for name, runs in results.items():
        for run in runs.get("runs", []):
            cpu = ", ".join(f"{k} {v}" for k, v in run.get("cpu_ms_per_turn", {}).items())
            lines.append(f"CPU ms/turn {name} {run['mode']} {run['concurrency']}: {cpu}")
    lines.append("")
    for name, runs in results.items():
        rss = ", ".join(f"{k} {v:.0f}" for k, v in runs.get("peak_rss_mb", {}).items())
        lines.append(f"peak RSS MiB {name:7}: {rss}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--runs",
        nargs="+",
        default=["stress:20", "stress:50", "paced:20"],
        help="MODE:CONVERSATIONS, MODE is stress (no think time) or paced (2-6 s)",
    )
    parser.add_argument("--systems", nargs="+", default=["iop-1", "iop-2", "stock"])
    args = parser.parse_args()
    runs = [(mode, int(n)) for mode, n in (r.split(":") for r in args.runs)]
    if any(mode not in ("stress", "paced") for mode, _ in runs):
        sys.exit("--runs: MODE must be stress or paced")
    if "stock" in args.systems and not STOCK_MODEL.exists():
        sys.exit("no stock model: run `make bench` (benchmarks/latency.py) once to build it")
    OUT.mkdir(parents=True, exist_ok=True)
    pg = Postgres.temporary().init()
    redis = Redis(OUT / "redis").start()
    results: dict = {}
    try:
        for name in args.systems:
            system = System(name, 2 if name == "iop-2" else 1, stock=name == "stock")
            print(f"starting {name}...", flush=True)
            results[name] = {"runs": []}
            try:
                system.start(pg, redis)
                for mode, concurrency in runs:
                    print(
                        f"  {name}: {mode}, {concurrency} conversations, {args.seconds:.0f} s",
                        flush=True,
                    )
                    results[name]["runs"].append(
                        asyncio.run(run_load(system, mode, concurrency, args.seconds))
                    )
            finally:
                results[name]["peak_rss_mb"] = system.stop()
    finally:
        redis.stop()
        pg.stop()
        shutil.rmtree(pg.root, ignore_errors=True)
    text = table(results)
    print(text)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str))
    (OUT / "results.txt").write_text(text + "\n")


if __name__ == "__main__":
    main()
