"""Callback requests end to end: the real Rasa server, the real action server,
and the app database both write to (web chat and signed SMS webhooks)."""

from __future__ import annotations

import sqlite3
import uuid

from tests.server.conftest import texts
from tests.server.test_sms_channel import conversation_id, form_for, messages, new_sid, post

HELPLINE = "(888) 783-3291"


def app_rows(servers, sql: str, *args) -> list:
    path = servers.env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchall()


def test_web_callback_is_saved_with_outbox_rows_and_the_help_line(servers):
    sender = f"cb-{uuid.uuid4().hex}"
    first = texts(servers.say(sender, "Can someone call me back?"))
    assert "phone number" in first.lower()
    assert "number" in texts(servers.say(sender, "555")).lower()  # invalid: asked again
    assert "good time" in texts(servers.say(sender, "(202) 555-0143")).lower()
    assert "first name" in texts(servers.say(sender, "tomorrow morning")).lower()
    assert "text" in texts(servers.say(sender, "Sam")).lower()
    done = texts(servers.say(sender, "yes"))
    assert "saved" in done and HELPLINE in done

    rows = app_rows(
        servers,
        "SELECT id, phone_number, best_time, first_name, consent_to_text, channel, status "
        "FROM callback_requests WHERE conversation_id = ?",
        sender,
    )
    assert len(rows) == 1
    request_id, number, best_time, name, consent, channel, status = rows[0]
    assert (number, best_time, name, consent, channel, status) == (
        "+12025550143",
        "tomorrow morning",  # a specific time is kept in the person's own words
        "Sam",
        1,
        "rest",
        "new",
    )
    kinds = app_rows(
        servers,
        "SELECT kind, to_number FROM outbox_messages WHERE callback_request_id = ? ORDER BY kind",
        request_id,
    )
    assert [k for k, _ in kinds] == ["callback_confirmation", "staff_alert"]
    assert dict(kinds)["callback_confirmation"] == "+12025550143"


def test_crisis_inside_the_callback_form_gets_the_crisis_reply(servers):
    sender = f"cb-{uuid.uuid4().hex}"
    servers.say(sender, "please have someone call me")
    reply = texts(servers.say(sender, "i took too many pills and cant breathe"))
    assert "911" in reply and "988" in reply
    # the form is over: the next message is not read as an answer to its question
    # (a number sent on its own would start a new request, so a question is asked)
    after = texts(servers.say(sender, "what is iop")).lower()
    assert "outpatient" in after and "phone number" not in after


def test_sms_callback_offers_the_texting_number(servers):
    phone = "+12025550188"

    def sms(body: str) -> str:
        return "\n".join(messages(post(servers, form_for(phone, body, new_sid()))))

    offer = sms("can someone call me back")
    assert "(202) 555-0188" in offer and "texting from" in offer
    assert "good time" in sms("yes").lower()
    sms("evening")
    sms("skip")
    done = sms("no")
    assert "saved" in done and HELPLINE in done

    rows = app_rows(
        servers,
        "SELECT id, phone_number, best_time, first_name, consent_to_text, channel "
        "FROM callback_requests WHERE conversation_id = ?",
        conversation_id(servers, phone),
    )
    assert [r[1:] for r in rows] == [("+12025550188", "evening", None, 0, "sms")]
    kinds = app_rows(
        servers, "SELECT kind FROM outbox_messages WHERE callback_request_id = ?", rows[0][0]
    )
    assert kinds == [("staff_alert",)]  # no consent: nothing is sent to the person
