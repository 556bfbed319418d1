"""Console at scale: 100,000 conversations / 2,000,000 events in a SQLite tracker store.

    .venv/bin/python benchmarks/console_scale.py [--conversations 100000] [--keep DIR]

Writes the events in Rasa's own format (the ``events`` table created by
rasa's ``SQLTrackerStore``, rows as ``SQLTrackerStore.save`` writes them),
indexes them, then times the pages over HTTP against the real app (median of
several requests after one warm-up) and prints the query plans.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # devtools.ports, run as a script
from devtools.ports import free_port

PASSWORD = "benchmark password 1"
TEXTS = [
    "how much does the program cost",
    "do you take medicaid insurance",
    "what are your hours",
    "can I keep working while in the program",
    "is there group therapy",
    "do you drug test",
    "what is iop",
    "I drink every day and want to stop",
    "my son uses opioids, can you help",
    "do you offer detox",
    "where are you located",
    "how long is the program",
    "call me at 202-555-{n:04d}",
    "my name is Jordan",
    "what about sober living",
]
INTENTS = [
    "ask_cost_insurance",
    "ask_schedule",
    "ask_location_hours",
    "ask_therapies",
    "ask_drug_testing",
    "ask_what_is_iop",
    "inform_use",
    "request_human",
    "greet",
]
CHANNELS = ["rest", "rest", "socketio", "sms"]
EVENTS_PER_CONVERSATION = 20


def _event(sender, type_name, ts, intent=None, action=None, data=None):
    data = dict(data or {}, event=type_name, timestamp=ts)
    return (sender, type_name, ts, intent, action, json.dumps(data))


def conversation(i: int, start: float, rng: random.Random):
    """20 events: session start, 4 turns (user, action, bot, listen), one slot."""
    sender = f"bench-{i:06d}"
    channel = rng.choice(CHANNELS)
    ts = start
    rows = [
        _event(
            sender,
            "action",
            ts,
            action="action_session_start",
            data={"name": "action_session_start"},
        ),
        _event(sender, "session_started", ts),
        _event(sender, "action", ts, action="action_listen", data={"name": "action_listen"}),
    ]
    kind = rng.random()
    for turn in range(4):
        ts += rng.uniform(5, 90)
        text = rng.choice(TEXTS).format(n=rng.randint(0, 9999))
        intent, confidence = rng.choice(INTENTS), round(rng.uniform(0.5, 1.0), 3)
        if kind < 0.02 and turn == 2:
            text, intent, confidence = "I want to end my life", "crisis", 1.0
        elif kind > 0.92 and turn == 1:
            text, intent, confidence = "asdf qwerty", "nlu_fallback", 0.2
        parse = {
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": [],
            "intent_ranking": [],
        }
        rows.append(
            _event(
                sender,
                "user",
                ts,
                intent=intent,
                data={"text": text, "parse_data": parse, "input_channel": channel},
            )
        )
        action = "action_clarify" if intent == "nlu_fallback" else f"utter_{intent}"
        rows.append(_event(sender, "action", ts + 0.1, action=action, data={"name": action}))
        rows.append(_event(sender, "bot", ts + 0.2, data={"text": "An answer about the program."}))
        rows.append(
            _event(
                sender, "action", ts + 0.3, action="action_listen", data={"name": "action_listen"}
            )
        )
    if kind < 0.02:
        slot = ("crisis_flag", True)
    elif kind < 0.07:
        slot = ("screening_outcome", rng.choice(["detox_first", "iop_may_fit", "helpline"]))
    else:
        slot = ("crisis_flag", False)
    rows.append(
        _event(sender, "slot", ts + 0.4, action=slot[0], data={"name": slot[0], "value": slot[1]})
    )
    return rows


def generate(path: Path, conversations: int) -> None:
    """The tracker DB: rasa creates the table; rows go in by executemany."""
    from rasa.core.tracker_store import SQLTrackerStore

    from iop_assistant.sqltyping import typed_engine

    typed_engine(SQLTrackerStore(dialect="sqlite", db=str(path)).engine).dispose()
    rng = random.Random(7)
    now = time.time()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    batch = []
    for i in range(conversations):
        batch += conversation(i, now - rng.uniform(0, 90 * 86400), rng)
        if len(batch) >= 100_000:
            db.executemany(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name,"
                " data) VALUES (?, ?, ?, ?, ?, ?)",
                batch,
            )
            batch = []
    if batch:
        db.executemany(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            batch,
        )
    db.commit()
    db.close()


def _serve(app, port: int, ready: threading.Event) -> None:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    )
    loop.run_until_complete(server.startup())
    ready.set()
    loop.run_forever()


def timed(client: requests.Session, url: str, repeat: int = 7) -> float:
    """Median milliseconds over ``repeat`` requests, after one warm-up."""
    assert client.get(url).status_code == 200, url
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        reply = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert reply.status_code == 200
    return statistics.median(samples)


def explain(conn, sql: str) -> str:
    return "\n".join("    " + row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="directory to keep the databases in")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="console_scale_"))
    workdir.mkdir(parents=True, exist_ok=True)
    tracker = workdir / "tracker.db"

    from sanic import Sanic

    from iop_assistant.console import indexer, listing
    from iop_assistant.console.app import create_app
    from iop_assistant.console.create_admin import create_user
    from iop_assistant.console.db import app_engine, ensure_schema
    from iop_assistant.console.settings import ConsoleSettings

    settings = ConsoleSettings(
        database_url=f"sqlite:///{workdir / 'app.db'}",
        tracker_db_url=f"sqlite:///{tracker}",
        index_interval_seconds=0,
    )
    if not tracker.exists():
        started = time.perf_counter()
        generate(tracker, args.conversations)
        print(
            f"generated {args.conversations} conversations in {time.perf_counter() - started:.1f} s"
        )
    n_events = sqlite3.connect(tracker).execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"tracker: {n_events} events, {tracker.stat().st_size / 1e6:.0f} MB")
    ensure_schema(app_engine(settings.database_url))
    started = time.perf_counter()
    indexed = indexer.run_once(settings)
    print(
        f"indexing: {indexed} events in {time.perf_counter() - started:.1f} s "
        f"({indexed / max(time.perf_counter() - started, 1e-9):,.0f} events/s)"
    )
    started = time.perf_counter()
    indexer.run_once(settings)
    print(f"indexer tick with nothing new: {(time.perf_counter() - started) * 1000:.1f} ms")
    print(f"app DB: {(workdir / 'app.db').stat().st_size / 1e6:.0f} MB")

    try:
        create_user(settings, "bench", PASSWORD, "clinician")
    except ValueError:
        pass
    Sanic.test_mode = True
    app = create_app(settings)
    port = free_port()
    ready = threading.Event()
    threading.Thread(target=_serve, args=(app, port, ready), daemon=True).start()
    ready.wait(30)
    base = f"http://127.0.0.1:{port}"
    client = requests.Session()
    page = client.get(base + "/login").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if found is None:
        raise RuntimeError("the console's login page has no CSRF token")
    csrf = found.group(1)
    client.post(
        base + "/login", data={"username": "bench", "password": PASSWORD, "csrf_token": csrf}
    )

    with app_engine(settings.database_url).connect() as conn:
        total = conn.exec_driver_sql("SELECT count(*) FROM console_conversations").scalar()
    deep = max(1, total // settings.page_size - 1)
    cases = {
        "list, first page": "/conversations",
        "list, crisis filter": "/conversations?flag=crisis",
        "list, channel=sms + unclear": "/conversations?channel=sms&flag=unclear",
        "list, date range": "/conversations?since=2020-01-01&until=2100-01-01&page=20",
        "list, search 'medicaid'": "/conversations?q=medicaid",
        "list, search 'sober living'": "/conversations?q=sober+living",
        f"list, deep page {deep}": f"/conversations?page={deep}",
        "transcript": "/conversation?id=bench-054321",
        "dashboard (30 days)": "/dashboard",
    }
    print(f"\nHTTP timings over {total} conversations (median of 7, ms):")
    for label, path in cases.items():
        print(f"  {label:32s} {timed(client, base + path):8.1f}")

    print("\nEXPLAIN QUERY PLAN")
    with app_engine(settings.database_url).connect() as conn:
        for label, flt in {
            "first page": listing.ListFilter(),
            "crisis filter": listing.ListFilter(flags=("crisis",)),
            "channel filter": listing.ListFilter(channel="sms"),
            "search": listing.ListFilter(query="medicaid"),
            "deep page": listing.ListFilter(page=deep),
        }.items():
            count_sql, rows_sql = listing.main_queries(conn, flt, settings.page_size)
            print(f"  {label} (rows):\n{explain(conn, rows_sql)}")
            print(f"  {label} (count):\n{explain(conn, count_sql)}")
    from iop_assistant.console.db import tracker_engine

    with tracker_engine(settings.tracker_db_url).connect() as tconn:
        sql = "SELECT id FROM events WHERE sender_id = 'bench-054321' ORDER BY id LIMIT 5000"
        print(f"  transcript:\n{explain(tconn, sql)}")
        sql = "SELECT id FROM events WHERE id > 1999000 ORDER BY id LIMIT 20000"
        print(f"  indexer batch:\n{explain(tconn, sql)}")
    print(f"\ndatabases in {workdir}")


if __name__ == "__main__":
    main()
