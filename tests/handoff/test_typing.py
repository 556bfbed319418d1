"""Typing indicators on a real SQLite database (migration 0006): who signals, how long it shows."""

from __future__ import annotations

from datetime import datetime, timedelta

from iop_assistant.handoff import queue, typing_signals
from iop_assistant.handoff.settings import TYPING_SECONDS
from iop_assistant.store.models import utcnow

NOW = datetime(2026, 12, 3, 12, 0)


def _claimed(engine, conversation: str, channel: str = "socketio", user: int = 1) -> int:
    queue.request(conversation, channel, engine=engine)
    row = queue.open_for(conversation, engine)
    assert row is not None and queue.claim(row.id, user, "dana", engine)
    return row.id


def test_only_the_claimant_of_an_open_web_chat_signals_typing(engine):
    queue.request("web-waiting", "socketio", engine=engine)
    waiting = queue.open_for("web-waiting", engine).id
    assert not typing_signals.staff_typing(waiting, 1, now=NOW, engine=engine)  # not claimed
    hid = _claimed(engine, "web-a")
    assert not typing_signals.staff_typing(hid, 2, now=NOW, engine=engine)  # someone else's
    assert typing_signals.staff_typing(hid, 1, now=NOW, engine=engine)
    sms = _claimed(engine, "sms-b", channel="sms")
    assert not typing_signals.staff_typing(sms, 1, now=NOW, engine=engine)  # SMS: no indicator
    queue.end(hid, queue.HANDED_BACK, user_id=1, engine=engine)
    assert not typing_signals.staff_typing(hid, 1, now=NOW, engine=engine)  # ended


def test_a_staff_signal_shows_for_a_few_seconds_then_goes_by_itself(engine):
    hid = _claimed(engine, "web-a")
    typing_signals.staff_typing(hid, 1, now=NOW, engine=engine)
    (shown,) = typing_signals.staff_typing_web(now=NOW + timedelta(seconds=1), engine=engine)
    assert (shown.conversation_id, shown.staff_name) == ("web-a", "dana")
    assert shown.until == NOW + timedelta(seconds=TYPING_SECONDS)
    later = NOW + timedelta(seconds=TYPING_SECONDS + 0.1)
    assert typing_signals.staff_typing_web(now=later, engine=engine) == []
    # a new signal moves it on: the relays see a new "until" and emit again
    typing_signals.staff_typing(hid, 1, now=later, engine=engine)
    (again,) = typing_signals.staff_typing_web(now=later, engine=engine)
    assert again.until > shown.until


def test_sending_the_message_or_ending_the_chat_clears_staff_typing(engine):
    hid = _claimed(engine, "web-a")
    now = utcnow()
    typing_signals.staff_typing(hid, 1, now=now, engine=engine)
    assert typing_signals.staff_typing_web(now=now, engine=engine)
    queue.add_staff_message(hid, 1, "dana", "Hello", engine=engine)
    assert typing_signals.staff_typing_web(now=now, engine=engine) == []
    typing_signals.staff_typing(hid, 1, now=now, engine=engine)
    queue.end(hid, queue.STAFF_CLOSED, user_id=1, engine=engine)
    assert typing_signals.staff_typing_web(now=now, engine=engine) == []


def test_the_visitor_typing_shows_to_staff_until_the_message_arrives(engine):
    hid = _claimed(engine, "web-a")
    assert not typing_signals.person_typing(hid, now=NOW, engine=engine)
    assert typing_signals.visitor_typing("web-a", now=NOW, engine=engine)
    assert typing_signals.person_typing(hid, now=NOW + timedelta(seconds=2), engine=engine)
    expired = NOW + timedelta(seconds=TYPING_SECONDS + 0.1)
    assert not typing_signals.person_typing(hid, now=expired, engine=engine)
    typing_signals.visitor_typing("web-a", engine=engine)
    assert typing_signals.person_typing(hid, engine=engine)
    queue.person_spoke("web-a", engine=engine)  # the message arrived
    assert not typing_signals.person_typing(hid, engine=engine)


def test_visitor_typing_needs_an_open_web_handoff(engine):
    assert not typing_signals.visitor_typing("web-nobody", engine=engine)
    _claimed(engine, "sms-b", channel="sms")
    assert not typing_signals.visitor_typing("sms-b", engine=engine)
    hid = _claimed(engine, "web-a")
    queue.end(hid, queue.HANDED_BACK, user_id=1, engine=engine)
    assert not typing_signals.visitor_typing("web-a", engine=engine)
    assert not typing_signals.person_typing(hid, engine=engine)
