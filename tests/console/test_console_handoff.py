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


def test_staff_typing_signal_is_for_the_claimant_of_an_open_web_chat(settings, server, as_role):
    from iop_assistant.handoff import typing_signals

    hana, hugo = _staff(settings, server, "hana", "hugo")
    engine = app_engine(settings.database_url)
    queue.request("web-typing", "socketio", engine=engine)
    hid = queue.open_for("web-typing", engine).id
    url = server.url + "/handoff/typing"

    # signed out, or without the CSRF token: refused before anything is stored
    assert requests.post(url, data={"id": str(hid)}, allow_redirects=False).status_code == 403
    assert hana.post(url, data={"id": str(hid)}, allow_redirects=False).status_code == 403
    # not the helpline role
    clinician = as_role("clinician")
    assert _post(clinician, server, "/handoff/typing", id=str(hid)).status_code == 403
    # nobody holds the chat yet; then only the one who claimed it may signal
    assert _post(hana, server, "/handoff/typing", id=str(hid)).status_code == 409
    _post(hana, server, "/handoff/claim", id=str(hid))
    assert _post(hugo, server, "/handoff/typing", id=str(hid)).status_code == 409
    assert typing_signals.staff_typing_web(engine=engine) == []
    assert _post(hana, server, "/handoff/typing", id="x").status_code == 400
    # the console.js way: the token in a header, the id in a form
    signal = hana.post(
        url,
        data={"id": str(hid)},
        headers={"X-CSRF-Token": token(hana, server.url, "/handoff")},
        allow_redirects=False,
    )
    assert signal.status_code == 204
    (typing,) = typing_signals.staff_typing_web(engine=engine)
    assert (typing.conversation_id, typing.staff_name) == ("web-typing", "hana")

    # the chat page shows the reply box wired to the signal, and the person's indicator
    chat = hana.get(server.url + f"/handoff/chat?id={hid}").text
    assert 'data-typing-url="/handoff/typing"' in chat and 'id="person-typing"' in chat
    state = hana.get(server.url + f"/handoff/chat/state?id={hid}")
    assert state.json() == {"status": "claimed", "person_typing": False}
    typing_signals.visitor_typing("web-typing", engine=engine)
    assert hana.get(server.url + f"/handoff/chat/state?id={hid}").json()["person_typing"]
    assert "The person is typing…" in hana.get(server.url + f"/handoff/chat?id={hid}").text
    assert clinician.get(server.url + f"/handoff/chat/state?id={hid}").status_code == 403
    assert hana.get(server.url + "/handoff/chat/state?id=999").status_code == 404

    # an ended chat takes no more signals
    _post(hana, server, "/handoff/handback", id=str(hid))
    assert _post(hana, server, "/handoff/typing", id=str(hid)).status_code == 409
    assert typing_signals.staff_typing_web(engine=engine) == []
    assert hana.get(server.url + f"/handoff/chat/state?id={hid}").json() == {
        "status": "closing",
        "person_typing": False,
    }
    # typing is never audited (no words, and it would flood the log)
    assert not [a for a, _ in _audit(settings) if "typing" in a]


def test_sms_chats_have_no_typing_indicator(settings, server):
    (hana,) = _staff(settings, server, "hana")
    engine = app_engine(settings.database_url)
    queue.request("sms-typing", "sms", engine=engine)
    hid = queue.open_for("sms-typing", engine).id
    _post(hana, server, "/handoff/claim", id=str(hid))
    chat = hana.get(server.url + f"/handoff/chat?id={hid}").text
    assert 'id="reply-text"' in chat
    assert "data-typing-url" not in chat and 'id="person-typing"' not in chat
    assert _post(hana, server, "/handoff/typing", id=str(hid)).status_code == 409
