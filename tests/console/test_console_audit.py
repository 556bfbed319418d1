"""Every audited action writes exactly one audit row; the log is append-only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests
from console_helpers import PASSWORD, csrf_of, login, token
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from iop_assistant.console.db import app_engine
from iop_assistant.console.models import AuditEvent

CONSOLE = Path(__file__).resolve().parents[2] / "iop_assistant" / "console"


def rows(settings, action=None):
    with app_engine(settings.database_url).connect() as conn:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(conn.execute(query))


def count(settings) -> int:
    with app_engine(settings.database_url).connect() as conn:
        return conn.execute(select(func.count()).select_from(AuditEvent)).scalar_one()


def one_new_row(settings, before: int, action: str):
    after = rows(settings)
    new = after[before:]
    assert [r.action for r in new] == [action], [r.action for r in new]
    return new[0]


def test_login_failed_login_logout(server, settings):
    n = count(settings)
    page = requests.get(server.url + "/login")
    csrf = csrf_of(page.text)
    requests.post(
        server.url + "/login",
        data={"username": "cleo", "password": "wrong wrong wrong", "csrf_token": csrf},
        cookies={"console_login_csrf": csrf},
    )
    row = one_new_row(settings, n, "login_failed")
    assert row.username == "cleo" and row.ip == "127.0.0.1"
    n = count(settings)
    client = login(server.url, "cleo")
    one_new_row(settings, n, "login")
    csrf = token(client, server.url, "/conversations")
    n = count(settings)
    client.post(server.url + "/logout", data={"csrf_token": csrf})
    one_new_row(settings, n, "logout")


@pytest.mark.parametrize(
    ("method", "path", "data", "action"),
    [
        ("get", "/conversation?id=sms-callback", None, "transcript_view"),
        ("post", "/conversation/reveal", {"id": "sms-callback"}, "reveal"),
        ("post", "/conversations/export.csv", {}, "export_csv"),
        ("post", "/improve/export.yml", {}, "export_nlu"),
        ("post", "/callbacks/1/status", {"status": "contacted"}, "callback_status"),
        ("post", "/callbacks/1/assign", {"assignee": "cal"}, "callback_assign"),
        ("post", "/callbacks/outbox/1/retry", {}, "outbox_retry"),
        ("post", "/conversation/tag", {"id": "web-xss", "tag": "misunderstood"}, "tag"),
        ("post", "/conversation/review", {"id": "web-xss", "reviewed": "1"}, "review"),
        ("post", "/conversation/note", {"id": "web-xss", "body": "Called 202-555-0143"}, "note"),
        (
            "post",
            "/improve/correct",
            {"event_id": "57", "intent": "ask_medication"},
            "intent_correction",
        ),
    ],
)
def test_clinician_actions_write_one_row(server, settings, method, path, data, action):
    client = login(server.url, "cleo")
    csrf = token(client, server.url, "/conversations")
    n = count(settings)
    if method == "get":
        reply = client.get(server.url + path)
    else:
        reply = client.post(
            server.url + path, data=dict(data, csrf_token=csrf), allow_redirects=False
        )
    assert reply.status_code in (200, 302), reply.text[:300]
    row = one_new_row(settings, n, action)
    assert row.username == "cleo" and row.ip == "127.0.0.1"
    # no message content or phone numbers in the log
    for value in (row.detail, row.target_id):
        assert not re.search(r"\d{3}\D?\d{4}", value or ""), value


def test_user_changes_write_one_row(server, settings):
    client = login(server.url, "ada")
    csrf = token(client, server.url, "/admin/users")
    n = count(settings)
    client.post(
        server.url + "/admin/users",
        data={"username": "newbie", "password": PASSWORD, "role": "callback", "csrf_token": csrf},
    )
    assert one_new_row(settings, n, "user_create").target_id == "newbie"
    n = count(settings)
    client.post(
        server.url + "/admin/users/3", data={"role": "clinician", "active": "1", "csrf_token": csrf}
    )
    row = one_new_row(settings, n, "user_update")
    assert "role=clinician" in row.detail
    audit_page = client.get(server.url + "/admin/audit", params={"action": "user_update"})
    assert "role=clinician" in audit_page.text


def test_console_code_never_updates_or_deletes_the_audit_log():
    forbidden = [
        r"update\(\s*(models\.)?AuditEvent",
        r"delete\(\s*(models\.)?AuditEvent",
        r"AuditEvent\.__table__\.(update|delete)",
        r"(UPDATE|DELETE\s+FROM)\s+console_audit_log",
        r"session\.delete\(\s*\w*audit",
    ]
    for path in CONSOLE.rglob("*.py"):
        source = path.read_text()
        for pattern in forbidden:
            assert not re.search(pattern, source, re.IGNORECASE), (path.name, pattern)


def test_the_database_refuses_to_change_history(settings, server):
    login(server.url, "cleo")
    engine = app_engine(settings.database_url)
    for statement in ("UPDATE console_audit_log SET action = 'x'", "DELETE FROM console_audit_log"):
        with pytest.raises(DatabaseError), engine.begin() as conn:
            conn.execute(text(statement))
