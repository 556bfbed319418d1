"""The Twilio SMS channel on the real Rasa server (with the real action server).

Requests are signed the way Twilio signs them (RequestValidator over the
servers' base URL + path and the whole form); conftest sets the test auth
token, PUBLIC_BASE_URL, the conversation-id key and a temporary app database.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import pytest
import requests
from twilio.request_validator import RequestValidator

from iop_assistant import domain_files, program_facts
from iop_assistant.channels import identity

FACTS = program_facts.load()
HELPLINE = FACTS.helpline
PATH = "/webhooks/sms/webhook"


def new_phone() -> str:
    return "+1555" + "".join(secrets.choice("0123456789") for _ in range(7))


def new_sid() -> str:
    return "SM" + secrets.token_hex(16)


def conversation_id(servers, phone: str) -> str:
    return identity.sender_id("sms", phone, servers.env["IOP_SENDER_ID_KEY"].encode())


def form_for(phone: str, body: str, sid: str, media: int = 0) -> Dict[str, str]:
    form = {
        "ToCountry": "US",
        "SmsMessageSid": sid,
        "NumMedia": str(media),
        "SmsSid": sid,
        "SmsStatus": "received",
        "Body": body,
        "To": "+18885550100",
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": "AC" + "0" * 32,
        "From": phone,
        "ApiVersion": "2010-04-01",
    }
    for index in range(media):
        form[f"MediaUrl{index}"] = f"https://api.twilio.com/media/ME{index}"
        form[f"MediaContentType{index}"] = "image/jpeg"
    return form


def post(servers, form: Dict[str, str], signature: str | None = None) -> requests.Response:
    url = servers.rasa_url + PATH
    if signature is None:
        validator = RequestValidator(servers.env["TWILIO_AUTH_TOKEN"])
        signature = validator.compute_signature(servers.env["PUBLIC_BASE_URL"] + PATH, form)
    return requests.post(url, data=form, headers={"X-Twilio-Signature": signature}, timeout=30)


def messages(response: requests.Response) -> List[str]:
    assert response.status_code == 200, response.text
    assert "xml" in response.headers["content-type"]
    root = ET.fromstring(response.content)
    assert root.tag == "Response"
    return [m.text or "" for m in root.iter("Message")]


def text(servers, phone: str, body: str, media: int = 0) -> List[str]:
    """One signed SMS; the texts of the TwiML reply."""
    return messages(post(servers, form_for(phone, body, new_sid(), media)))


def user_events(servers, phone: str) -> List[dict]:
    events = servers.tracker(conversation_id(servers, phone))["events"]
    return [e for e in events if e["event"] == "user"]


def app_db(servers) -> sqlite3.Connection:
    return sqlite3.connect(servers.env["DATABASE_URL"].removeprefix("sqlite:///"))


def button_payloads() -> Dict[str, str]:
    domain = domain_files.load_raw()
    found: Dict[str, str] = {}
    for variations in domain["responses"].values():
        for variation in variations:
            for button in variation.get("buttons") or []:
                found.setdefault(button["title"], button["payload"])
    return found


def check_sizes(texts: List[str]) -> None:
    assert 1 <= len(texts) <= 3
    assert all(0 < len(t.encode("utf-16-le")) // 2 <= 1600 for t in texts)


def test_faq_answer_with_numbered_options_and_selecting_one(servers):
    phone = new_phone()
    reply = text(servers, phone, "what is an intensive outpatient program")
    check_sizes(reply)
    joined = "\n".join(reply)
    assert "IOP" in joined and "automated assistant" in joined
    match = re.search(r"Reply 1 for ([^,\n]+?)(?:, 2 for|\.?$)", joined, re.MULTILINE)
    assert match, joined
    assert "/ask" not in joined and "tel:" not in joined, "no raw payloads"

    more = text(servers, phone, "1")
    assert more
    events = user_events(servers, phone)
    assert events[-1]["text"] == button_payloads()[match.group(1)]
    assert events[-1]["metadata"]["sms"]["selected_option"] == "1"
    tracker = servers.tracker(conversation_id(servers, phone))
    assert tracker["latest_input_channel"] == "sms"
    assert phone not in json.dumps(tracker) and phone[2:] not in json.dumps(tracker)


def test_forged_signature_is_refused_and_nothing_is_stored(servers):
    phone, sid = new_phone(), new_sid()
    response = post(servers, form_for(phone, "what is iop", sid), signature="Zm9yZ2Vk")
    assert response.status_code == 403
    unsigned = requests.post(servers.rasa_url + PATH, data=form_for(phone, "hi", sid), timeout=10)
    assert unsigned.status_code == 403
    assert user_events(servers, phone) == []
    with app_db(servers) as db:
        rows = db.execute("select count(*) from processed_messages where message_sid = ?", (sid,))
        assert rows.fetchone()[0] == 0


def test_signature_covers_the_whole_form(servers):
    phone = new_phone()
    form = form_for(phone, "what is iop", new_sid())
    validator = RequestValidator(servers.env["TWILIO_AUTH_TOKEN"])
    signature = validator.compute_signature(servers.env["PUBLIC_BASE_URL"] + PATH, form)
    form["Body"] = "something else"
    assert post(servers, form, signature).status_code == 403
    assert user_events(servers, phone) == []


def test_replayed_message_sid_makes_exactly_one_turn(servers):
    phone, sid = new_phone(), new_sid()
    form = form_for(phone, "what are the hours", sid)
    with ThreadPoolExecutor(max_workers=3) as pool:
        responses = list(pool.map(lambda _: post(servers, form), range(3)))
    replies = [messages(r) for r in responses]
    assert sum(1 for r in replies if r) == 1, "one answer, two empty acknowledgements"
    assert len(user_events(servers, phone)) == 1
    assert messages(post(servers, form)) == [], "a later retry is acknowledged too"
    assert len(user_events(servers, phone)) == 1


def test_stop_confirms_once_then_silence_and_start_resumes(servers):
    phone = new_phone()
    assert text(servers, phone, "hi")
    confirmation = text(servers, phone, " Stop ")
    assert len(confirmation) == 1 and "START" in confirmation[0]
    turns = len(user_events(servers, phone))
    assert text(servers, phone, "what is iop") == []
    assert text(servers, phone, "STOP") == [], "one confirmation only"
    assert len(user_events(servers, phone)) == turns, "no turn while opted out"
    with app_db(servers) as db:
        assert (
            db.execute("select count(*) from opt_outs where phone_number = ?", (phone,)).fetchone()[
                0
            ]
            == 1
        )

    resumed = text(servers, phone, "START")
    assert len(resumed) == 1 and "STOP" in resumed[0]
    assert "IOP" in "\n".join(text(servers, phone, "what is iop"))


def test_stop_drinking_is_an_ordinary_message(servers):
    phone = new_phone()
    reply = text(servers, phone, "I want to stop drinking")
    assert reply and "unsubscribed" not in "\n".join(reply)
    assert user_events(servers, phone)[-1]["text"] == "I want to stop drinking"


def test_help_keyword(servers):
    reply = text(servers, new_phone(), "help")
    assert len(reply) == 1
    assert FACTS.program_name in reply[0] and HELPLINE in reply[0]
    assert "Msg & data rates may apply" in reply[0] and "STOP" in reply[0]


def test_picture_only_message_gets_a_kind_text_reply(servers):
    reply = text(servers, new_phone(), "", media=1)
    assert len(reply) == 1 and "only read text" in reply[0]


def test_picture_with_text_answers_the_text(servers):
    reply = "\n".join(text(servers, new_phone(), "what is iop", media=1))
    assert "only read text" in reply and "IOP" in reply


def test_crisis_gets_911_988_and_the_help_line_as_plain_text(servers):
    reply = text(servers, new_phone(), "i want to kill myself")
    check_sizes(reply)
    joined = "\n".join(reply)
    assert "911" in joined and "988" in joined and HELPLINE in joined
    assert "tel:" not in joined and not re.search(r"(^|\s)/\w", joined), "no raw payloads"


BAD_BODIES = {
    "empty": "",
    "huge": "I have a question about the program. " * 270,  # ~10,000 characters
    "binary": bytes(range(256)).decode("latin-1"),
}


@pytest.mark.parametrize("kind", BAD_BODIES)
def test_bad_bodies_get_a_kind_reply_and_the_server_stays_up(servers, kind):
    phone = new_phone()
    reply = text(servers, phone, BAD_BODIES[kind])
    check_sizes(reply)
    assert "IOP" in "\n".join(text(servers, phone, "what is iop"))


def test_malformed_requests_are_client_errors(servers):
    url = servers.rasa_url + PATH
    as_json = requests.post(url, json={"From": new_phone(), "Body": "hi"}, timeout=10)
    assert as_json.status_code == 400
    junk = requests.post(
        url,
        data=b"\xff\xfe\x00\x01",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=10,
    )
    assert junk.status_code == 400
    no_from = form_for(new_phone(), "hi", new_sid())
    del no_from["From"]
    assert post(servers, no_from).status_code == 400
    assert text(servers, new_phone(), "hi"), "still answering"
