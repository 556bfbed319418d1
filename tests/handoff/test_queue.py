"""The handoff rows on a real (migrated) SQLite database: who wins, what times out."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from sqlalchemy import select

from iop_assistant.handoff import availability, queue
from iop_assistant.handoff.settings import HandoffSettings, from_env
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import Handoff, OutboxMessage

CONFIG = HandoffSettings(claim_timeout=300, quiet_timeout=900)


def _set(engine, hid: int, **values) -> None:
    with session_scope(engine) as session:
        row = session.get(Handoff, hid)
        for key, value in values.items():
            setattr(row, key, value)


def _id(engine, conversation: str) -> int:
    row = queue.open_for(conversation, engine)
    assert row is not None
    return row.id


def test_request_queues_once_and_gives_the_place_in_line(engine):
    assert queue.request("web-a", "socketio", engine=engine) == 1
    assert queue.request("sms-b", "sms", engine=engine) == 2
    # asking again while waiting keeps the same row and place
    assert queue.request("web-a", "socketio", engine=engine) == 1
    with session_scope(engine) as session:
        assert len(session.execute(select(Handoff)).scalars().all()) == 2


def test_rest_has_no_live_handoff(engine):
    try:
        queue.request("rest-a", "rest", engine=engine)
    except ValueError:
        return
    raise AssertionError("REST cannot receive a staff reply later")


def test_crisis_conversations_come_first(engine):
    queue.request("web-calm", "socketio", engine=engine)
    queue.request("web-crisis", "socketio", crisis=True, crisis_category="overdose", engine=engine)
    queue.request("sms-later", "sms", screening_outcome="detox_first", engine=engine)
    order = [h.conversation_id for h in queue.live_queue(engine)]
    assert order == ["web-crisis", "web-calm", "sms-later"]
    # a crisis message during a chat moves it up too
    queue.person_spoke("sms-later", crisis=True, engine=engine)
    assert [h.conversation_id for h in queue.live_queue(engine)][:2] == ["web-crisis", "sms-later"]
    assert queue.open_for("sms-later", engine).crisis_during


def test_two_staff_claiming_at_once_exactly_one_wins(engine):
    queue.request("web-a", "socketio", engine=engine)
    hid = _id(engine, "web-a")
    start = threading.Barrier(8)
    results = []

    def claim(user_id: int) -> None:
        start.wait()
        results.append((user_id, queue.claim(hid, user_id, f"staff{user_id}", engine)))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [user for user, won in results if won]
    assert len(winners) == 1
    row = queue.get(hid, engine)
    assert row.status == queue.CLAIMED and row.claimed_by == winners[0]


def test_only_the_claimant_replies_and_sms_replies_go_through_the_outbox(engine):
    queue.request("sms-b", "sms", engine=engine)
    hid = _id(engine, "sms-b")
    assert queue.add_staff_message(hid, 1, "dana", "Hi", engine=engine) is None  # not claimed
    assert queue.claim(hid, 1, "dana", engine)
    assert queue.add_staff_message(hid, 2, "eve", "Hi", engine=engine) is None  # not hers
    mid = queue.add_staff_message(
        hid, 1, "dana", "Hi, I'm Dana.", phone_number="+12025550143", engine=engine
    )
    assert mid is not None
    with session_scope(engine) as session:
        outbox = session.execute(select(OutboxMessage)).scalars().one()
        assert (outbox.kind, outbox.to_number, outbox.body) == (
            queue.HANDOFF_REPLY,
            "+12025550143",
            "Hi, I'm Dana.",
        )
    # the relay writes it into the tracker once, whichever server asks first
    assert [m.id for m in queue.take_untracked(engine=engine)] == [mid]
    assert queue.take_untracked(engine=engine) == []
    states = queue.message_states(hid, engine)
    assert [(s.author, s.state) for s in states] == [("staff", "pending")]


def test_web_messages_are_delivered_once(engine):
    queue.request("web-a", "socketio", engine=engine)
    hid = _id(engine, "web-a")
    queue.claim(hid, 1, "dana", engine)
    mid = queue.add_staff_message(hid, 1, "dana", "Hello", engine=engine)
    assert queue.undelivered_web_conversations(engine) == []  # not in the tracker yet
    queue.take_untracked(engine=engine)
    assert queue.undelivered_web_conversations(engine) == ["web-a"]
    assert [m.id for m in queue.undelivered_web(["web-a"], engine)] == [mid]
    assert queue.mark_delivered(mid, "server-1", engine)
    assert not queue.mark_delivered(mid, "server-2", engine)
    assert queue.undelivered_web(["web-a"], engine) == []


def test_unclaimed_and_quiet_timeouts(engine):
    now = datetime(2026, 12, 3, 12, 0)
    queue.request("web-unclaimed", "socketio", engine=engine)
    queue.request("web-quiet", "socketio", engine=engine)
    queue.request("web-talking", "socketio", engine=engine)
    unclaimed, quiet, talking = (
        _id(engine, c) for c in ("web-unclaimed", "web-quiet", "web-talking")
    )
    _set(engine, unclaimed, requested_at=now - timedelta(seconds=301))
    for hid in (quiet, talking):
        queue.claim(hid, 1, "dana", engine)
        _set(engine, hid, claimed_at=now - timedelta(seconds=2000))
    _set(engine, talking, last_person_at=now - timedelta(seconds=10))
    assert queue.sweep(CONFIG, engine, now=now) == 2
    ended = {h.conversation_id: h.end_reason for h in queue.take_closing(engine=engine)}
    assert ended == {"web-unclaimed": queue.UNCLAIMED, "web-quiet": queue.QUIET}
    assert queue.take_closing(engine=engine) == []  # one relay finishes each
    assert queue.is_open("web-talking", engine)


def test_a_claim_after_the_timeout_is_refused(engine):
    queue.request("web-a", "socketio", engine=engine)
    hid = _id(engine, "web-a")
    _set(engine, hid, requested_at=datetime(2000, 1, 1))
    queue.sweep(CONFIG, engine)
    assert not queue.claim(hid, 1, "dana", engine)


def test_stop_ends_the_handoff(engine):
    queue.request("sms-b", "sms", engine=engine)
    assert queue.end_conversation("sms-b", queue.OPTED_OUT, engine)
    assert not queue.is_open("sms-b", engine)
    (row,) = queue.take_closing(engine=engine)
    assert row.end_reason == queue.OPTED_OUT
    assert not queue.end_conversation("sms-b", queue.OPTED_OUT, engine)


def test_only_the_claimant_hands_back(engine):
    queue.request("web-a", "socketio", engine=engine)
    hid = _id(engine, "web-a")
    queue.claim(hid, 1, "dana", engine)
    assert not queue.end(hid, queue.HANDED_BACK, user_id=2, engine=engine)
    assert queue.end(hid, queue.HANDED_BACK, user_id=1, engine=engine)
    assert queue.get(hid, engine).status == queue.CLOSING


def test_retention_deletes_ended_handoffs_and_their_messages(engine):
    queue.request("web-a", "socketio", engine=engine)
    hid = _id(engine, "web-a")
    queue.claim(hid, 1, "dana", engine)
    queue.add_staff_message(hid, 1, "dana", "Hello", engine=engine)
    queue.end(hid, queue.STAFF_CLOSED, user_id=1, engine=engine)
    queue.take_closing(engine=engine)
    assert queue.purge_before(datetime(2000, 1, 1), engine) == 0
    assert queue.purge_before(datetime(2100, 1, 1), engine) == 1
    assert queue.get(hid, engine) is None
    assert queue.message_states(hid, engine) == []


def test_availability_needs_someone_on_duty_inside_the_hours(engine):
    config = HandoffSettings(timezone="UTC")
    monday_10 = datetime.fromisoformat("2026-11-30T10:00:00+00:00")
    monday_20 = datetime.fromisoformat("2026-11-30T20:00:00+00:00")
    assert not availability.status(config, engine, now=monday_10).available
    availability.set_on_duty(7, "dana", True, engine)
    assert availability.status(config, engine, now=monday_20).available  # no hours: switch alone
    availability.set_hours({d: (9 * 60, 17 * 60) for d in range(5)}, engine)
    inside = availability.status(config, engine, now=monday_10)
    outside = availability.status(config, engine, now=monday_20)
    assert inside.available and not outside.available
    assert outside.hours_text == "Monday to Friday, 9 AM to 5 PM (UTC)"
    assert outside.hours_text_es == "lunes a viernes, 9 AM a 5 PM (UTC)"
    availability.set_on_duty(7, "dana", False, engine)
    assert not availability.status(config, engine, now=monday_10).available
    assert availability.on_duty_names(engine) == []


def test_hours_text():
    hours = {0: (540, 1020), 1: (540, 1020), 5: (600, 870)}
    assert (
        availability.describe(hours)
        == "Monday to Tuesday, 9 AM to 5 PM; Saturday, 10 AM to 2:30 PM"
    )
    assert availability.describe({}) == ""
    assert (
        availability.describe(hours, "EST", "es")
        == "lunes a martes, 9 AM a 5 PM; sábado, 10 AM a 2:30 PM (EST)"
    )
    assert availability.describe({6: (0, 1440)}, "", "es") == "domingo, medianoche a medianoche"


def test_settings_from_env():
    config = from_env({"IOP_HANDOFF_CLAIM_TIMEOUT": "90", "IOP_HANDOFF_QUIET_TIMEOUT": "bad"})
    assert config.claim_timeout == 90 and config.claim_minutes == 2
    assert config.quiet_timeout == 900
