"""Issue 15 item 6, against the real servers: what third-party web clients send.

rasa-webchat (and any plain socket.io or REST client) sends a ``tel:`` button's
payload back as text, opens with an empty init payload, and may show no
buttons at all. The browser side is tests/server/browser/test_rasa_webchat.py.
"""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.server.conftest import texts

DETOX_OFFER = "detox"


def rest(servers, sender: str, message) -> requests.Response:
    body = {"sender": sender, "message": message}
    return requests.post(f"{servers.rasa_url}/webhooks/rest/webhook", json=body, timeout=60)


def user_turns(servers, sender: str) -> list:
    events = servers.tracker(sender).get("events") or []
    return [e.get("text") for e in events if e.get("event") == "user"]


@pytest.mark.parametrize(
    "payload,number",
    [("tel:911", "911"), ("tel:988", "988"), ("tel:+18887833291", "(888) 783-3291")],
)
def test_a_tel_text_is_answered_with_that_number_after_a_crisis(servers, payload, number):
    sender = "web-" + uuid.uuid4().hex
    crisis = rest(servers, sender, "my friend overdosed and is not breathing").json()
    assert "911" in texts(crisis)
    before = user_turns(servers, sender)
    reply = rest(servers, sender, payload).json()
    assert len(reply) == 1, reply
    said = reply[0]["text"]
    assert number in said
    assert not reply[0].get("buttons"), "no topic menu"
    assert DETOX_OFFER not in said.lower()
    # the model never saw it: nothing was added to the conversation
    assert user_turns(servers, sender) == before


def test_call_numbers_are_in_the_text_not_only_in_buttons(servers):
    sender = "web-" + uuid.uuid4().hex
    replies = rest(servers, sender, "hello").json()
    replies += rest(servers, sender, "asdkjh qwpoeiru zmxncb").json()
    with_tel = [
        m
        for m in replies
        if any(str(b.get("payload", "")).startswith("tel:") for b in m.get("buttons") or [])
    ]
    assert with_tel, replies
    for message in with_tel:
        for button in message["buttons"]:
            payload = str(button["payload"])
            if payload.startswith("tel:"):
                digits = "".join(c for c in payload if c.isdigit())[-10:]
                shown = "".join(c for c in message["text"] if c.isdigit())
                assert digits in shown, message


def test_socketio_empty_init_payload_and_call_button(servers):
    """rasa-webchat's own events: an empty init payload, then a crisis and its call button."""
    socketio = pytest.importorskip("socketio")
    client = socketio.Client(reconnection=False)
    replies: list = []
    confirmed: list = []
    client.on("bot_uttered", lambda data: replies.append(data))
    client.on("session_confirm", lambda sid: confirmed.append(sid))
    client.connect(servers.rasa_url, socketio_path="/socket.io", transports=["polling"])
    try:
        # as rasa-webchat does: ask for a session, then use the (signed) id the server confirms
        client.emit("session_request", {"session_id": uuid.uuid4().hex})
        for _ in range(40):
            if confirmed:
                break
            client.sleep(0.25)
        assert confirmed, "no session_confirm"
        session = confirmed[-1]
        if isinstance(session, dict):
            session = session.get("session_id")
        client.emit("user_uttered", {"message": "", "customData": {}, "session_id": session})
        client.emit("user_uttered", {"customData": {}, "session_id": session})  # no message
        client.sleep(3)
        assert replies == [], "an empty init payload is not answered"
        assert user_turns(servers, session) == []
        client.emit("user_uttered", {"message": "someone overdosed", "session_id": session})
        for _ in range(60):
            if any("911" in str(r.get("text")) for r in replies):
                break
            client.sleep(0.5)
        crisis = [r for r in replies if "911" in str(r.get("text"))]
        assert crisis, replies
        replies.clear()
        client.emit("user_uttered", {"message": "tel:911", "session_id": session})
        for _ in range(40):
            if replies:
                break
            client.sleep(0.25)
        client.sleep(1)
        assert [r.get("text") for r in replies] == ["Please call 911 now from your phone."]
        assert "tel:911" not in user_turns(servers, session)
    finally:
        client.disconnect()
