"""Issue 14, item 6, against the real servers: a huge message costs a bounded time and space.

A 5 MB REST message held the only Rasa worker for ~14 s (SMS crisis replies hit
their own timeout) and was stored whole. Now Sanic refuses a body over
IOP_REQUEST_MAX_BYTES (413) and every channel passes at most a few KB to Rasa:
the first part and the end (where a crisis may be), marked ``truncated``.
"""

from __future__ import annotations

import threading
import uuid

import requests

from iop_assistant.channels.message_size import CUT_MARK, MAX_MESSAGE_CHARS
from tests.server.test_sms_channel import form_for, new_phone, new_sid, post, user_events
from tests.server.test_voice_channel import Call, said

CRISIS = "I want to kill myself tonight"
FILLER = "my week has been long and I keep thinking about the program. "


def long_text(chars: int, ending: str = CRISIS) -> str:
    return (FILLER * (chars // len(FILLER) + 1))[:chars] + " " + ending


def last_user_event(servers, sender: str) -> dict:
    return [e for e in servers.tracker(sender)["events"] if e["event"] == "user"][-1]


def test_a_5_mb_rest_message_is_refused_and_sms_crisis_replies_still_arrive(servers):
    outcome: dict = {}

    def flood() -> None:
        try:
            outcome["status"] = requests.post(
                f"{servers.rasa_url}/webhooks/rest/webhook",
                json={"sender": uuid.uuid4().hex, "message": "x" * 5_000_000},
                timeout=60,
            ).status_code
        except requests.ConnectionError:  # refused before the body was read
            outcome["status"] = "closed"

    flooding = threading.Thread(target=flood)
    flooding.start()
    replies = post(servers, form_for(new_phone(), CRISIS, new_sid()))
    flooding.join()
    assert outcome["status"] in (413, "closed")
    assert replies.status_code == 200
    assert "988" in replies.text and "Sorry, I can't answer right now" not in replies.text


def test_a_long_rest_message_is_stored_truncated_and_its_ending_crisis_is_answered(servers):
    sender = uuid.uuid4().hex
    message = long_text(300_000)
    reply = servers.say(sender, message, timeout=60)
    assert "988" in " ".join(r.get("text", "") for r in reply)
    event = last_user_event(servers, sender)
    assert len(event["text"]) <= MAX_MESSAGE_CHARS + len(CUT_MARK)
    assert CUT_MARK in event["text"] and event["text"].endswith(CRISIS)
    assert event["text"].startswith(FILLER)
    assert event["metadata"]["truncated"]["original_chars"] == len(message)
    assert event["parse_data"]["intent"]["name"] == "crisis"


def test_a_client_cannot_claim_truncated_metadata(servers):
    sender = uuid.uuid4().hex
    requests.post(
        f"{servers.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": "hi", "metadata": {"truncated": {"x": 1}}},
        timeout=30,
    ).raise_for_status()
    assert "truncated" not in (last_user_event(servers, sender).get("metadata") or {})


def test_a_long_sms_body_is_truncated_and_its_crisis_answered(servers):
    phone = new_phone()
    body = long_text(20_000)
    replies = post(servers, form_for(phone, body, new_sid()))
    assert replies.status_code == 200 and "988" in replies.text
    event = user_events(servers, phone)[-1]
    assert len(event["text"]) <= MAX_MESSAGE_CHARS + len(CUT_MARK)
    assert event["metadata"]["sms"]["truncated"]["original_chars"] == len(body)


def test_a_long_speech_result_is_truncated_and_its_crisis_answered(servers):
    call = Call(servers)
    call.send()
    speech = long_text(20_000)
    answer = call.send(SpeechResult=speech, Confidence="0.9")
    assert "988" in said(answer)
    events = [e for e in servers.tracker(call.conversation())["events"] if e["event"] == "user"]
    assert len(events[-1]["text"]) <= MAX_MESSAGE_CHARS + len(CUT_MARK)
    assert events[-1]["metadata"]["voice"]["truncated"]["original_chars"] == len(speech)
