"""A conversation long enough to roll over into a new session (issue 17), through the real
Rasa server, action server and SQL tracker store: a callback form that was waiting when
the session rolled over goes on where it was, and its request is saved whole."""

from __future__ import annotations

import json
import sqlite3
import uuid

from iop_assistant.rasa_hooks.carried import is_carried
from iop_assistant.rasa_hooks.session_rollover import ROLLOVER_EVENTS
from tests.server.conftest import texts
from tests.server.test_callback_conversation import HELPLINE, app_rows

QUESTIONS = ["what is IOP?", "how long does it last?", "what therapies do you have?"]


def stored(servers, sender: str) -> list:
    path = servers.env["TRACKER_DB_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()
    return [(kind, json.loads(data)) for kind, data in rows]


def in_session(rows: list) -> int:
    """Stored events since the latest session start."""
    starts = [i for i, (kind, _) in enumerate(rows) if kind == "session_started"]
    return len(rows) - starts[-1]


def rolled_over(rows: list) -> bool:
    return any(kind == "session_started" and is_carried(data) for kind, data in rows)


def test_a_form_waiting_when_the_session_rolls_over_goes_on_where_it_was(servers):
    sender = f"long-{uuid.uuid4().hex}"
    for turn in range(120):
        if in_session(stored(servers, sender)) >= ROLLOVER_EVENTS - 30 if turn else False:
            break
        servers.say(sender, QUESTIONS[turn % len(QUESTIONS)])
    assert not rolled_over(stored(servers, sender))
    assert "phone number" in texts(servers.say(sender, "Can someone call me back?")).lower()
    assert "good time" in texts(servers.say(sender, "(202) 555-0168")).lower()
    for _ in range(20):  # questions while the form waits, until the session rolls over
        reply = texts(servers.say(sender, "how long does IOP last?")).lower()
        # answered, not taken as the time: the length, or, asked again and again, what can't
        # be said about it and who can (language/repeats.py, round 36)
        assert "month" in reply or "end date" in reply or "same answer" in reply
        assert "first name" not in reply
        if rolled_over(stored(servers, sender)):
            break
    rows = stored(servers, sender)
    assert rolled_over(rows), "the session never rolled over"
    # the carried window and one turn, well under the limit (a form's turns carry slot
    # events too: 106 of 200 here)
    assert in_session(rows) < ROLLOVER_EVENTS * 3 // 4
    assert "first name" in texts(servers.say(sender, "tomorrow morning")).lower()
    assert "text" in texts(servers.say(sender, "Sam")).lower()
    done = texts(servers.say(sender, "yes"))
    assert "saved" in done and HELPLINE in done
    saved = app_rows(
        servers,
        "SELECT phone_number, best_time, first_name FROM callback_requests "
        "WHERE conversation_id = ?",
        sender,
    )
    assert saved == [("+12025550168", "tomorrow morning", "Sam")], done
