"""Callback queue rules, improve-the-assistant export, dashboard, CSV export, transcript masking."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import yaml
from console_helpers import login, token

from iop_assistant.console import callbacks, nlu_export


def test_overdue_rule():
    monday = datetime(2026, 3, 2, 9, 0)
    friday = datetime(2026, 3, 6, 9, 0)
    assert not callbacks.is_overdue("new", monday, "now", datetime(2026, 3, 2, 9, 59))
    assert callbacks.is_overdue("new", monday, "now", datetime(2026, 3, 2, 10, 1))
    assert not callbacks.is_overdue("new", monday, "morning", datetime(2026, 3, 3, 8, 59))
    assert callbacks.is_overdue("new", monday, "morning", datetime(2026, 3, 3, 9, 1))
    assert not callbacks.is_overdue("new", friday, "evening", datetime(2026, 3, 8, 23, 0))
    assert callbacks.is_overdue("new", friday, "evening", datetime(2026, 3, 9, 9, 1))
    assert not callbacks.is_overdue("contacted", monday, "now", datetime(2026, 3, 9))


def test_queue_shows_overdue_and_dead_letters(server):
    client = login(server.url, "cal")
    page = client.get(server.url + "/callbacks").text
    assert 'class="overdue status-new" data-callback="1"' in page  # "now", 2 h old
    # "morning", 30 min old, not overdue; but its conversation was a crisis (issue 15 item 8):
    # it stands out and comes first, with the conversation's risk named
    assert 'class=" risk3 status-new" data-callback="2"' in page
    assert page.index('data-callback="2"') < page.index('data-callback="1"')
    row = page[page.index('data-callback="2"') :].split("</tr>")[0]
    assert "crisis: suicidal" in row
    row = page[page.index('data-callback="1"') :].split("</tr>")[0]
    assert "crisis:" not in row and "no crisis reported" in row
    assert "Twilio 21610" in page and "+12025550143 is unsubscribed" not in page  # masked error


def test_close_needs_an_outcome(server):
    client = login(server.url, "cal")
    csrf = token(client, server.url, "/callbacks")
    url = server.url + "/callbacks/1/status"
    assert client.post(url, data={"status": "closed", "csrf_token": csrf}).status_code == 400
    done = client.post(
        url, data={"status": "closed", "csrf_token": csrf, "outcome": "reached - intake scheduled"}
    )
    assert (
        done.status_code == 200
        and "reached - intake scheduled" in client.get(server.url + "/callbacks?view=closed").text
    )


def test_nlu_export_skips_pii_and_is_rasa_yaml():
    body = nlu_export.to_yaml(
        [
            ("ask_medication", "wat abt the meds thing"),
            ("ask_medication", "wat abt the meds thing"),
            ("request_human", "call me at 202 555 0143"),
            ("ask_cost_insurance", "does medicaid\ncover it"),
        ]
    )
    data = yaml.safe_load(body)
    assert data["version"] == "3.1"
    assert data["nlu"] == [
        {"intent": "ask_cost_insurance", "examples": "- does medicaid cover it\n"},
        {"intent": "ask_medication", "examples": "- wat abt the meds thing\n"},
    ]


def test_correction_round_trip(server):
    client = login(server.url, "cleo")
    page = client.get(server.url + "/improve").text
    assert "wat abt the meds thing" in page and "asdf qwer zxcv" in page
    csrf = token(client, server.url, "/improve")
    client.post(
        server.url + "/improve/correct",
        data={"event_id": "57", "intent": "ask_medication", "csrf_token": csrf},
    )
    bad = client.post(
        server.url + "/improve/correct",
        data={"event_id": "57", "intent": "made_up", "csrf_token": csrf},
    )
    assert bad.status_code == 400
    exported = client.post(server.url + "/improve/export.yml", data={"csrf_token": csrf}).text
    assert yaml.safe_load(exported)["nlu"][0]["intent"] == "ask_medication"


def test_dashboard_numbers_and_svg(server):
    client = login(server.url, "ada")
    page = client.get(server.url + "/dashboard?days=7").text
    assert "1</span> conversations with a crisis" in page
    assert "Detox first" in page  # human labels, not detox_first (issue 15 item 9)
    svg = client.get(server.url + "/dashboard/chart/per_day.svg?days=7")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in svg.content
    assert client.get(server.url + "/dashboard/chart/nope.svg").status_code == 404


def test_csv_export_is_masked_unless_allowed(server, settings):
    from iop_assistant.console.db import app_engine
    from iop_assistant.console.models import ConsoleUser
    from iop_assistant.store.db import session_scope

    client = login(server.url, "cleo")
    csrf = token(client, server.url, "/conversations")
    body = client.post(
        server.url + "/conversations/export.csv", data={"csrf_token": csrf, "flag": "crisis"}
    ).text
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["conversation_id"] for r in rows] == ["web-crisis"]
    assert "phone_number" not in rows[0]
    with session_scope(app_engine(settings.database_url)) as session:
        session.query(ConsoleUser).filter_by(username="cleo").one().can_export_unmasked = True
    body = client.post(
        server.url + "/conversations/export.csv",
        data={"csrf_token": csrf, "unmasked": "1", "channel": "sms"},
    ).text
    assert list(csv.DictReader(io.StringIO(body)))[0]["first_message"] == (
        "Can someone call me back?"
    )


def test_transcript_masks_and_reveal_shows(server):
    client = login(server.url, "cleo")
    masked = client.get(server.url + "/conversation", params={"id": "sms-callback"}).text
    for secret in ["555-0143", "sam.doe@example.org", "Oak Street", "04/12/1985", ">Sam<"]:
        assert secret not in masked
    assert "Asked for a person</span> · 0.95" in masked
    csrf = token(client, server.url, "/conversations")
    shown = client.post(
        server.url + "/conversation/reveal", data={"id": "sms-callback", "csrf_token": csrf}
    ).text
    assert "sam.doe@example.org" in shown and "This reveal was logged" in shown
