"""`rasa run` with the repo's endpoints.yml on PostgreSQL and Redis, as in scale-out mode.

The last test stops PostgreSQL mid-conversation: the crisis reply and the
help line must still come, loudly (health red, ERROR logged), and the
conversation must carry on, written back, when the database returns.
"""

from __future__ import annotations

import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

HELPLINE = "783-3291"


def texts(replies: list) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def user_texts(url: str, sender: str) -> list[str]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT data FROM events WHERE sender_id=:s AND type_name='user' ORDER BY id"),
            {"s": sender},
        ).all()
    engine.dispose()
    return [json.loads(data)["text"] for (data,) in rows]


def test_conversation_events_land_in_postgres(scale_servers) -> None:
    sender = uuid.uuid4().hex
    assert scale_servers.say(sender, "hi")
    assert scale_servers.say(sender, "what is intensive outpatient")
    assert user_texts(scale_servers.tracker_url, sender) == ["hi", "what is intensive outpatient"]
    health = scale_servers.health()
    assert health.status_code == 200, health.text
    report = health.json()
    assert report["tracker_store"]["backend"] == "postgresql"
    assert report["lock_store"]["backend"] == "redis" and report["lock_store"]["mode"] == "redis"


def test_twenty_concurrent_messages_from_one_sender_are_serialised(scale_servers) -> None:
    """Every message is kept, and each HTTP answer is the reply to its own message."""
    sender = uuid.uuid4().hex
    scale_servers.say(sender, "hi")
    questions = [
        "what is intensive outpatient",
        "do you take insurance",
        "is it confidential",
        "how many days a week is it",
    ]
    messages = [f"{questions[i % 4]} {i}" for i in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(lambda m: scale_servers.say(sender, m), messages))
    events = scale_servers.tracker(sender)["events"]
    turns: dict[str, list[str]] = {}
    current = None
    for event in events:
        if event["event"] == "user":
            assert current is None, "a message started before the previous turn finished"
            current = event["text"]
            turns[current] = []
        elif event["event"] == "bot" and current is not None:
            turns[current].append(event.get("text") or "")
        elif event["event"] == "action" and event.get("name") == "action_listen":
            current = None
    assert sorted(t for t in turns if t != "hi") == sorted(messages), "a message was lost"
    for message, answer in zip(messages, answers, strict=True):
        assert answer and [a.get("text", "") for a in answer] == turns[message]


def test_app_database_migrates_on_postgres(postgres) -> None:
    from iop_assistant.migrations import migrate

    url = postgres.create_database("app_" + uuid.uuid4().hex[:8])
    engine = migrate(sa.create_engine(url))
    migrate(engine)  # idempotent
    tables = set(sa.inspect(engine).get_table_names())
    assert {"callback_requests", "outbox_messages", "alembic_version"} <= tables
    engine.dispose()


def test_tracker_database_down_mid_conversation(scale_servers, postgres) -> None:
    sender = uuid.uuid4().hex
    assert scale_servers.say(sender, "hi")
    assert scale_servers.say(sender, "what is intensive outpatient")
    postgres.stop()
    try:
        crisis = texts(scale_servers.say(sender, "i want to kill myself"))
        assert "988" in crisis and HELPLINE in crisis
        health = scale_servers.health()
        assert health.status_code == 503
        report = health.json()
        assert report["status"] == "degraded" and not report["tracker_store"]["ok"]
        assert report["tracker_store"]["fallback_active"]
        log = scale_servers.log.read_text(errors="replace")
        assert "ERROR" in log and "tracker_store (postgresql) FAILED" in log
        assert scale_servers.say(sender, "is it confidential")  # still answering
        # SMS: the app database is on the same (stopped) PostgreSQL here; the
        # channel cannot record the message id, and must still give the help line
        sms = scale_servers.text("+12125550123", "i want to kill myself")
        assert sms.status_code == 200 and HELPLINE in sms.text and "988" in sms.text, sms.text
    finally:
        postgres.start()
    health = scale_servers.health()  # the probe writes the held conversation back
    assert health.status_code == 200, health.text
    assert scale_servers.say(sender, "thanks")
    assert user_texts(scale_servers.tracker_url, sender) == [
        "hi",
        "what is intensive outpatient",
        "i want to kill myself",
        "is it confidential",
        "thanks",
    ]
    events = [json.loads(x) for x in scale_servers.events_file.read_text().splitlines()]
    assert [e["event"] for e in events if e["component"] == "tracker_store"] == [
        "outage_started",
        "recovered",
    ]
