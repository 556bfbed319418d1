"""Staff can send a dead-lettered text again: back to pending, never twice."""

from __future__ import annotations

from console_helpers import token
from sqlalchemy import select

from iop_assistant.console.db import app_engine
from iop_assistant.notify import outbox
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import OutboxMessage


def message(settings, message_id: int) -> OutboxMessage:
    with session_scope(app_engine(settings.database_url)) as session:
        return session.get(OutboxMessage, message_id)


def retry(client, server, message_id: int):
    csrf = token(client, server.url, "/callbacks")
    return client.post(
        f"{server.url}/callbacks/outbox/{message_id}/retry",
        data={"csrf_token": csrf},
        allow_redirects=False,
    )


def test_send_again_requeues_once(server, settings, as_role):
    client = as_role("callback")
    assert "Send again" in client.get(server.url + "/callbacks").text
    assert retry(client, server, 1).status_code == 302
    row = message(settings, 1)
    assert (row.status, row.attempts) == (outbox.PENDING, 0)
    assert retry(client, server, 1).status_code == 400  # not dead any more: nothing to do


def test_a_staff_alert_without_a_number_needs_the_setting(server, settings, as_role, monkeypatch):
    with session_scope(app_engine(settings.database_url)) as session:
        session.add(
            OutboxMessage(
                dedupe_key="cb-1-staff",
                kind="staff_alert",
                to_number=None,
                body="New callback request #1",
                status="dead",
                attempts=1,
                last_error="not deliverable: no recipient number",
            )
        )
    with session_scope(app_engine(settings.database_url)) as session:
        alert_id = session.execute(
            select(OutboxMessage.id).where(OutboxMessage.dedupe_key == "cb-1-staff")
        ).scalar_one()
    client = as_role("clinician")
    monkeypatch.delenv("STAFF_ALERT_NUMBER", raising=False)
    reply = retry(client, server, alert_id)
    assert reply.status_code == 400 and "STAFF_ALERT_NUMBER" in reply.text
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "(202) 555-0100")
    assert retry(client, server, alert_id).status_code == 302
    row = message(settings, alert_id)
    assert (row.status, row.to_number) == (outbox.PENDING, "+12025550100")
