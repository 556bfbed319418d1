"""Role × route matrix: each role reaches its own pages and gets 403 elsewhere."""

from __future__ import annotations

import pytest
import requests
from console_helpers import token

GET_ROUTES = {
    "/conversations": {"clinician"},
    "/conversation?id=web-crisis": {"clinician"},
    "/improve": {"clinician"},
    "/callbacks": {"clinician", "callback"},
    "/dashboard": {"clinician", "admin"},
    "/dashboard/chart/per_day.svg": {"clinician", "admin"},
    "/admin/users": {"admin"},
    "/admin/audit": {"admin"},
    "/admin/retention": {"admin"},
}
POST_ROUTES = {
    "/conversation/reveal": ({"id": "web-crisis"}, {"clinician"}),
    "/conversation/note": ({"id": "web-crisis", "body": "called"}, {"clinician"}),
    "/conversation/tag": ({"id": "web-crisis", "tag": "needs follow-up"}, {"clinician"}),
    "/conversations/export.csv": ({}, {"clinician"}),
    "/improve/export.yml": ({}, {"clinician"}),
    "/callbacks/1/assign": ({"assignee": "cal"}, {"clinician", "callback"}),
    "/callbacks/outbox/1/retry": ({}, {"clinician", "callback"}),
    "/admin/users": ({"username": "x", "password": "y", "role": "admin"}, {"admin"}),
}
ROLES = ["admin", "clinician", "callback"]


@pytest.mark.parametrize("role", ROLES)
def test_get_matrix(as_role, server, role):
    client = as_role(role)
    for path, allowed in GET_ROUTES.items():
        status = client.get(server.url + path, allow_redirects=False).status_code
        expected = 200 if role in allowed else 403
        assert status == expected, (role, path, status)


@pytest.mark.parametrize("role", ROLES)
def test_post_matrix(as_role, server, role):
    client = as_role(role)
    csrf = token(client, server.url, "/")
    for path, (data, allowed) in POST_ROUTES.items():
        status = client.post(
            server.url + path, data=dict(data, csrf_token=csrf), allow_redirects=False
        ).status_code
        if role in allowed:
            assert status in (200, 302, 400), (role, path, status)
        else:
            assert status == 403, (role, path, status)


def test_anonymous_is_sent_to_login(server):
    for path in GET_ROUTES:
        reply = requests.get(server.url + path, allow_redirects=False)
        assert reply.status_code == 302 and reply.headers["location"] == "/login", path


def test_callback_staff_see_numbers_but_no_transcript_links(as_role, server):
    page = as_role("callback").get(server.url + "/callbacks").text
    assert "+12025550143" in page and "Sam" in page
    assert "/conversation?id=" not in page


def test_unmasked_export_needs_the_right(as_role, server):
    client = as_role("clinician")
    csrf = token(client, server.url, "/conversations")
    reply = client.post(
        server.url + "/conversations/export.csv", data={"csrf_token": csrf, "unmasked": "1"}
    )
    assert reply.status_code == 403
