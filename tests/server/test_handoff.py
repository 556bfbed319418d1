"""Live handoff through the real stack (issue 19, docs/handoff.md).

The real Rasa server (launcher, hooks, relay), the real action server, a
migrated SQLite app database and tracker store, the real staff console (Sanic,
HTTP with CSRF and sessions), signed SMS webhooks, a socket.io client playing
the widget, and the outbox worker sending staff replies to the local Twilio
fake. Timeouts are driven by moving a handoff's times into the past in the
shared database (what the relay reads), never by sleeping through them; no
test asserts a wall-clock time.
"""

from __future__ import annotations

import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterator, List

import pytest

from iop_assistant.handoff import queue
from tests.server.handoff_stack import ASK, STAFF, Stack, running_stack, wait_for
from tests.server.test_sms_channel import conversation_id

socketio = pytest.importorskip("socketio")
_used: set = set()


def new_phone() -> str:
    """A valid US number (phonenumbers accepts 202-555-xxxx), so the contact is kept."""
    while True:
        number = "+1202555" + "".join(secrets.choice("0123456789") for _ in range(4))
        if number not in _used:
            _used.add(number)
            return number


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("handoff")) as running:
        yield running


def test_nobody_on_duty_answers_as_before_and_says_when_people_chat(stack):
    stack.on_duty()
    stack.set_hours(start0="09:00", end0="17:00", start1="09:00", end1="17:00")
    phone = new_phone()
    reply = " ".join(stack.text(phone, ASK))
    assert "(888) 783-3291" in reply  # the help line, as today
    assert "call you back" in reply or "call back" in reply.lower()
    assert "People from our team can chat here Monday to Tuesday, 9 AM to 5 PM (UTC)" in reply
    cid = conversation_id(stack.servers, phone)
    assert queue.open_for(cid, stack.engine) is None
    assert not stack.paused(cid)
    stack.set_hours()  # no hours: the switch alone decides, for the other tests


def test_sms_handoff_claim_reply_hand_back(stack):
    stack.on_duty("dana")
    phone = new_phone()
    cid = conversation_id(stack.servers, phone)
    joining = " ".join(stack.text(phone, ASK))
    assert "asked our team to join" in joining
    assert "(888) 783-3291" in joining and "911" in joining and "988" in joining
    assert stack.paused(cid)  # Rasa's pause is in the tracker
    handoff = stack.handoff(cid)
    assert handoff.channel == "sms" and handoff.status == queue.WAITING
    queue_page = stack.as_staff("dana").get(stack.console.url + "/handoff").text
    assert f'data-handoff="{handoff.id}"' in queue_page
    # the wait the person is told is the claim timeout the staff see
    assert "within 10 minutes" in joining and "after 10 minutes" in queue_page

    # while waiting, the person's words are kept and the bot stays silent (no fallback text)
    assert stack.text(phone, "ok thank you, I'll wait") == []

    assert stack.claim("dana", handoff.id).status_code == 302
    claimed_at = time.monotonic()
    chat = stack.as_staff("dana").get(stack.console.url + f"/handoff/chat?id={handoff.id}").text
    assert "I&#39;ll wait" in chat or "I'll wait" in chat
    sent = stack.post(
        "dana", "/handoff/reply", id=str(handoff.id), text="Hi, I'm Dana. How can I help?"
    )
    assert sent.status_code == 302
    stack.wait_text(phone, "Hi, I'm Dana. How can I help?")
    elapsed = time.monotonic() - claimed_at
    print(f"\nSMS: claim to staff text accepted by Twilio (fake): {elapsed:.2f} s")
    # the staff message is in the tracker as a bot message marked with its sender
    staff_events = wait_for(
        lambda: [
            e
            for e in stack.events(cid)
            if e["event"] == "bot" and (e.get("metadata") or {}).get("handoff", {}).get("staff")
        ],  # fmt: skip
        "the staff message in the tracker",
    )
    assert staff_events[0]["text"] == "Hi, I'm Dana. How can I help?"  # type: ignore[index]
    assert staff_events[0]["metadata"]["handoff"]["staff"] == "dana"  # type: ignore[index]

    assert stack.text(phone, "what time do groups meet?") == []  # dana answers, not the bot
    assert stack.post("dana", "/handoff/handback", id=str(handoff.id)).status_code == 302
    stack.wait_text(phone, "back with the automated assistant")
    wait_for(lambda: not stack.paused(cid), "the conversation resumed")
    after = " ".join(stack.text(phone, "what is IOP?"))
    assert after and "Sorry, I can't answer right now" not in after
    assert queue.open_for(cid, stack.engine) is None


def test_two_staff_claiming_at_once(stack):
    stack.on_duty("dana", "eli")
    phone = new_phone()
    stack.text(phone, ASK)
    handoff = stack.handoff(conversation_id(stack.servers, phone))
    for name in STAFF:
        stack.as_staff(name)
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda n: stack.claim(n, handoff.id), STAFF))
    codes = sorted(a.status_code for a in answers)
    assert codes == [302, 409]
    refused = next(a for a in answers if a.status_code == 409)
    assert "has already claimed this conversation" in refused.text
    winner = STAFF[[a.status_code for a in answers].index(302)]
    assert queue.get(handoff.id, stack.engine).claimed_name == winner
    stack.post(winner, "/handoff/close", id=str(handoff.id))


def test_crisis_during_a_handoff_is_answered_at_once_and_flagged(stack):
    stack.on_duty("dana")
    phone = new_phone()
    cid = conversation_id(stack.servers, phone)
    stack.text(phone, ASK)
    handoff = stack.handoff(cid)
    stack.claim("dana", handoff.id)
    crisis = " ".join(stack.text(phone, "i took too many pills and my friend isn't breathing"))
    assert "911" in crisis
    row = stack.handoff(cid)
    assert row.crisis_during and row.status == queue.CLAIMED
    assert stack.paused(cid)  # still with dana
    chat = stack.as_staff("dana").get(stack.console.url + f"/handoff/chat?id={handoff.id}").text
    assert 'id="crisis-alert"' in chat
    assert stack.text(phone, "ok") == []  # an ordinary message still waits for dana
    stack.post("dana", "/handoff/close", id=str(handoff.id))


def test_stop_during_a_handoff_wins(stack):
    stack.on_duty("dana")
    phone = new_phone()
    cid = conversation_id(stack.servers, phone)
    stack.text(phone, ASK)
    handoff = stack.handoff(cid)
    stack.claim("dana", handoff.id)
    # a reply queued just before STOP is never texted
    stack.post("dana", "/handoff/reply", id=str(handoff.id), text="Are you still there?")
    assert "unsubscribed" in " ".join(stack.text(phone, "STOP"))
    assert queue.open_for(cid, stack.engine) is None
    wait_for(lambda: not stack.paused(cid), "the conversation resumed after STOP")
    assert stack.texts_to(phone) == []
    late = stack.post("dana", "/handoff/reply", id=str(handoff.id), text="Hello?")
    assert late.status_code == 409
    assert queue.get(handoff.id, stack.engine).end_reason == queue.OPTED_OUT
    assert stack.texts_to(phone) == []


def test_nobody_claims_in_time(stack):
    stack.on_duty("dana")
    phone = new_phone()
    cid = conversation_id(stack.servers, phone)
    stack.text(phone, ASK)
    handoff = stack.handoff(cid)
    stack.move_back(handoff.id, requested_at="2000-01-01 00:00:00")
    text = stack.wait_text(phone, "no one from our team could join in time")
    assert "(888) 783-3291" in text and "call you back" in text
    wait_for(lambda: not stack.paused(cid), "the conversation resumed")
    assert queue.get(handoff.id, stack.engine).end_reason == queue.UNCLAIMED
    assert stack.claim("dana", handoff.id).status_code == 409  # too late to claim
    assert " ".join(stack.text(phone, "what is IOP?"))


def test_person_quiet_returns_the_conversation(stack):
    stack.on_duty("dana")
    phone = new_phone()
    cid = conversation_id(stack.servers, phone)
    stack.text(phone, ASK)
    handoff = stack.handoff(cid)
    stack.claim("dana", handoff.id)
    stack.move_back(handoff.id, claimed_at="2000-01-01 00:00:00")
    stack.wait_text(phone, "back with the automated assistant")
    assert queue.get(handoff.id, stack.engine).end_reason == queue.QUIET
    wait_for(lambda: not stack.paused(cid), "the conversation resumed")


class Widget:
    """A socket.io client speaking the widget's protocol."""

    def __init__(self, stack: Stack, session_id: str | None = None) -> None:
        self.sio = socketio.Client(reconnection=False)
        self.replies: List[dict] = []
        confirmed: List[str] = []
        self.sio.on("session_confirm", lambda sid: confirmed.append(sid))
        self.sio.on("bot_uttered", lambda data: self.replies.append(data))
        self.sio.connect(stack.servers.rasa_url, socketio_path="/socket.io", transports=["polling"])
        self.sio.emit("session_request", {"session_id": session_id})
        self.session_id = str(wait_for(lambda: confirmed and confirmed[-1], "session_confirm"))

    def say(self, text: str) -> None:
        self.sio.emit("user_uttered", {"message": text, "session_id": self.session_id})

    def wait(self, predicate: Callable[[dict], bool], what: str) -> dict:
        return wait_for(lambda: next((r for r in self.replies if predicate(r)), None), what)  # type: ignore[return-value]

    def close(self) -> None:
        self.sio.disconnect()


def test_web_handoff_over_the_widget_socket_survives_a_reload(stack):
    stack.on_duty("dana")
    widget = Widget(stack)
    widget.say("/request_human")
    joining = widget.wait(lambda r: "asked our team to join" in (r.get("text") or ""), "joining")
    assert "911" in joining["text"] and "988" in joining["text"]
    widget.wait(lambda r: (r.get("handoff") or {}).get("state") == "waiting", "handoff state")
    cid = widget.session_id
    assert stack.paused(cid)
    handoff = stack.handoff(cid)
    assert handoff.channel == "socketio"
    assert stack.claim("dana", handoff.id).status_code == 302
    claimed_at = time.monotonic()
    stack.post("dana", "/handoff/reply", id=str(handoff.id), text="Hi, Dana here.")
    staff = widget.wait(lambda r: r.get("text") == "Hi, Dana here.", "the staff message")
    elapsed = time.monotonic() - claimed_at
    print(f"\nweb: claim to staff message on the widget's socket: {elapsed:.2f} s")
    assert staff["handoff"] == {"state": "claimed", "staff": "dana"}

    # the widget reloads mid-handoff: a message sent meanwhile arrives on the new socket
    widget.close()
    stack.post("dana", "/handoff/reply", id=str(handoff.id), text="Still here when you're ready.")
    time.sleep(1.0)  # the relay polls; nobody holds the socket
    reloaded = Widget(stack, session_id=cid)
    assert reloaded.session_id == cid
    reloaded.wait(lambda r: r.get("text") == "Still here when you're ready.", "the queued message")
    reloaded.say("thanks Dana")
    wait_for(
        lambda: any(e.get("text") == "thanks Dana" for e in stack.events(cid)), "the person's reply"
    )
    assert not [r for r in reloaded.replies if "thanks" in (r.get("text") or "").lower()]

    assert stack.post("dana", "/handoff/handback", id=str(handoff.id)).status_code == 302
    back = reloaded.wait(lambda r: (r.get("handoff") or {}).get("state") == "ended", "hand back")
    assert "back with the automated assistant" in back["text"]
    wait_for(lambda: not stack.paused(cid), "the conversation resumed")
    count = len(reloaded.replies)
    reloaded.say("what is IOP?")
    wait_for(lambda: len(reloaded.replies) > count, "the assistant's answer")
    reloaded.close()
    # delivery state as the console shows it
    states = [m.state for m in queue.message_states(handoff.id, stack.engine)]
    assert states == ["delivered", "delivered", "delivered"]


def test_on_duty_outside_the_hours_is_nobody(stack):
    stack.on_duty("dana")
    # hours on a single weekday that is not today (UTC)
    other_day = (time.gmtime().tm_wday + 3) % 7
    stack.set_hours(**{f"start{other_day}": "09:00", f"end{other_day}": "10:00"})
    try:
        phone = new_phone()
        reply = " ".join(stack.text(phone, ASK))
        assert "People from our team can chat here" in reply
        assert queue.open_for(conversation_id(stack.servers, phone), stack.engine) is None
    finally:
        stack.set_hours()


def keep_signalling(signal: Callable[[], object], seen: Callable[[], object], what: str) -> None:
    """Signal (as a person typing would, every few seconds) until ``seen``: a signal lasts
    seconds, so on a slow machine the relay may poll after one has already gone."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        signal()
        try:
            wait_for(seen, what, timeout=3)
            return
        except AssertionError:
            continue
    raise AssertionError(f"timed out waiting for {what}")


def test_typing_indicators_both_ways_over_the_widget_socket(stack):
    stack.on_duty("dana")
    widget = Widget(stack)
    typing: List[dict] = []
    widget.sio.on("handoff_typing", lambda data: typing.append(data))
    try:
        widget.say("/request_human")
        widget.wait(lambda r: (r.get("handoff") or {}).get("state") == "waiting", "waiting")
        handoff = stack.handoff(widget.session_id)
        state_url = stack.console.url + f"/handoff/chat/state?id={handoff.id}"
        assert stack.claim("dana", handoff.id).status_code == 302

        # dana types: the relay emits to the widget's socket who is typing
        def dana_types() -> None:
            assert stack.post("dana", "/handoff/typing", id=str(handoff.id)).status_code == 204

        keep_signalling(dana_types, lambda: any(t.get("typing") for t in typing), "staff typing")
        assert typing[0] == {"typing": True, "staff": "dana", "seconds": 6.0}
        stack.post("dana", "/handoff/reply", id=str(handoff.id), text="Hi, Dana here.")
        widget.wait(lambda r: r.get("text") == "Hi, Dana here.", "the staff message")
        wait_for(lambda: typing[-1] == {"typing": False}, "typing stopped once sent")

        # the visitor types: the console's chat page learns it (and only for this session)
        def visitor_types() -> None:
            widget.sio.emit("handoff_typing", {"session_id": widget.session_id})

        keep_signalling(
            visitor_types,
            lambda: stack.as_staff("dana").get(state_url).json()["person_typing"],
            "the person typing",
        )
        widget.say("thanks")
        wait_for(
            lambda: not stack.as_staff("dana").get(state_url).json()["person_typing"],
            "the message ends the visitor's indicator",
        )
        stack.post("dana", "/handoff/close", id=str(handoff.id))
    finally:
        widget.close()
