"""Live chats in the console (issue 19): helpline role, duty, queue, claim, reply, hand back.

A real console server on a migrated SQLite app database and a real tracker
store (tests/console/conftest.py); the handoff rows are what the action
server would have written (iop_assistant.handoff.queue).
"""

from __future__ import annotations

import re

import requests
from console_helpers import PASSWORD, login, token
from sqlalchemy import select

from iop_assistant.console.create_admin import create_user
from iop_assistant.console.db import app_engine
from iop_assistant.console.models import AuditEvent
from iop_assistant.handoff import availability, queue
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import OutboxMessage


def _staff(settings, server, *names: str) -> list[requests.Session]:
    for name in names:
        create_user(settings, name, PASSWORD, "helpline")
    return [login(server.url, name) for name in names]


def _post(client: requests.Session, server, path: str, **data: str) -> requests.Response:
    data["csrf_token"] = token(client, server.url, "/handoff")
    return client.post(server.url + path, data=data, allow_redirects=False)


def _audit(settings) -> list[tuple[str, str | None]]:
    with session_scope(app_engine(settings.database_url)) as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        return [(r.action, r.username) for r in rows if r.action.startswith("handoff")]


def test_only_helpline_staff_see_live_chats(settings, server, as_role):
    assert as_role("clinician").get(server.url + "/handoff").status_code == 403
    assert as_role("callback").get(server.url + "/handoff").status_code == 403
    (hana,) = _staff(settings, server, "hana")
    page = hana.get(server.url + "/handoff")
    assert page.status_code == 200 and "Live chats" in page.text
    # a helpline account lands on the live queue
    assert "/handoff" in login(server.url, "hana").get(server.url + "/").url


def test_duty_switch_and_hours_decide_availability(settings, server):
    (hana,) = _staff(settings, server, "hana")
    engine = app_engine(settings.database_url)
    assert "off duty" in hana.get(server.url + "/handoff").text
    assert _post(hana, server, "/handoff/duty", on="1").status_code == 302
    assert availability.on_duty_names(engine) == ["hana"]
    assert "on duty" in hana.get(server.url + "/handoff").text
    reply = _post(
        hana, server, "/handoff/hours", start0="09:00", end0="17:00", start1="9", end1="8"
    )
    assert reply.status_code == 400 and "later end" in reply.text
    assert availability.get_hours(engine) == {}
    assert _post(hana, server, "/handoff/hours", start0="09:00", end0="17:30").status_code == 302
    assert availability.get_hours(engine) == {0: (540, 1050)}
    _post(hana, server, "/handoff/duty", on="0")
    assert availability.on_duty_names(engine) == []
    assert [a for a, _ in _audit(settings)] == [
        "handoff_queue_view",
        "handoff_queue_view",
        "handoff_duty",
        "handoff_queue_view",
        "handoff_queue_view",
        "handoff_queue_view",
        "handoff_hours",
        "handoff_queue_view",
        "handoff_duty",
    ]


def test_queue_claim_reply_and_hand_back(settings, server):
    hana, hugo = _staff(settings, server, "hana", "hugo")
    engine = app_engine(settings.database_url)
    queue.request("web-screen", "socketio", screening_outcome="detox_first", engine=engine)
    queue.request("web-crisis", "socketio", crisis=True, crisis_category="suicidal", engine=engine)
    page = hana.get(server.url + "/handoff").text
    rows = re.findall(r'data-handoff="(\d+)"', page)
    crisis_id = queue.open_for("web-crisis", engine).id
    assert rows[0] == str(crisis_id)  # crisis first
    assert "Detox" in page or "detox" in page

    # two staff claim the same conversation: one gets it, the other a clear refusal
    first = _post(hana, server, "/handoff/claim", id=str(crisis_id))
    second = _post(hugo, server, "/handoff/claim", id=str(crisis_id))
    assert first.status_code == 302 and first.headers["location"].startswith("/handoff/chat")
    assert second.status_code == 409 and "hana has already claimed" in second.text

    chat = hana.get(server.url + f"/handoff/chat?id={crisis_id}").text
    assert "I want to end my life tonight" in chat  # the person's words (no PII to mask)
    assert 'id="send-reply"' in chat
    assert 'id="send-reply"' not in hugo.get(server.url + f"/handoff/chat?id={crisis_id}").text

    assert _post(hugo, server, "/handoff/reply", id=str(crisis_id), text="Hi").status_code == 409
    sent = _post(hana, server, "/handoff/reply", id=str(crisis_id), text="Hi, I'm Hana. I'm here.")
    assert sent.status_code == 302
    (state,) = queue.message_states(crisis_id, engine)
    assert (state.author, state.staff_name, state.text) == (
        "staff",
        "hana",
        "Hi, I'm Hana. I'm here.",
    )
    too_long = _post(hana, server, "/handoff/reply", id=str(crisis_id), text="x" * 1001)
    assert too_long.status_code == 400

    assert _post(hugo, server, "/handoff/handback", id=str(crisis_id)).status_code == 409
    assert _post(hana, server, "/handoff/handback", id=str(crisis_id)).status_code == 302
    assert queue.get(crisis_id, engine).status == queue.CLOSING
    actions = _audit(settings)
    for expected in (
        ("handoff_claim", "hana"),
        ("handoff_claim_refused", "hugo"),
        ("handoff_reply", "hana"),
        ("handoff_handback", "hana"),
    ):
        assert expected in actions
    with session_scope(engine) as session:
        details = [
            r.detail or ""
            for r in session.execute(select(AuditEvent)).scalars()
            if r.action == "handoff_reply"
        ]
    assert details and all("I'm here" not in d for d in details)  # no words in the audit log


def test_sms_reply_goes_to_the_outbox_with_the_number(settings, server):
    (hana,) = _staff(settings, server, "hana")
    engine = app_engine(settings.database_url)
    from iop_assistant.store import contacts

    contacts.remember_contact("sms-callback", "sms", "+12025550143", engine=engine)
    queue.request("sms-callback", "sms", engine=engine)
    hid = queue.open_for("sms-callback", engine).id
    _post(hana, server, "/handoff/claim", id=str(hid))
    _post(hana, server, "/handoff/reply", id=str(hid), text="Hi, this is Hana from the team.")
    with session_scope(engine) as session:
        texts = [
            (m.to_number, m.body)
            for m in session.execute(select(OutboxMessage)).scalars()
            if m.kind == queue.HANDOFF_REPLY
        ]
    assert texts == [("+12025550143", "Hi, this is Hana from the team.")]


def test_transcript_is_masked_until_revealed_and_the_reveal_is_audited(settings, server):
    (hana,) = _staff(settings, server, "hana")
    engine = app_engine(settings.database_url)
    queue.request("sms-callback", "sms", engine=engine)
    hid = queue.open_for("sms-callback", engine).id
    masked = hana.get(server.url + f"/handoff/chat?id={hid}").text
    assert "Can someone call me back?" in masked
    assert "555-0143" not in masked and "sam.doe@example.org" not in masked
    revealed = _post(hana, server, "/handoff/reveal", id=str(hid))
    assert revealed.status_code == 200 and "This reveal was logged" in revealed.text
    assert "sam.doe@example.org" in revealed.text
    with session_scope(engine) as session:
        reveals = [r for r in session.execute(select(AuditEvent)).scalars() if r.action == "reveal"]
    assert reveals and reveals[-1].target_id == "sms-callback"


def test_retention_purges_ended_handoffs(settings):
    from datetime import datetime

    from iop_assistant.console import retention
    from iop_assistant.console.db import tracker_engine

    engine = app_engine(settings.database_url)
    queue.request("web-crisis", "socketio", engine=engine)
    hid = queue.open_for("web-crisis", engine).id
    queue.claim(hid, 1, "hana", engine)
    queue.add_staff_message(hid, 1, "hana", "Hello", engine=engine)
    queue.end(hid, queue.STAFF_CLOSED, user_id=1, engine=engine)
    queue.take_closing(engine=engine)
    tracker = tracker_engine(settings.tracker_db_url)
    kept = retention.execute(engine, tracker, retention.PurgePlan(cutoff=datetime(2000, 1, 1)))
    assert kept["live handoffs"] == 0 and queue.get(hid, engine) is not None
    gone = retention.execute(engine, tracker, retention.PurgePlan(cutoff=datetime(2100, 1, 1)))
    assert (gone["live handoffs"], gone["handoff messages"]) == (1, 1)
    assert queue.get(hid, engine) is None
