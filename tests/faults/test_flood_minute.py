"""A minute of huge messages does not starve anyone else (issue 14, item 6; make faults).

The real `rasa run` and action server (started as tests/server starts them).
Two clients post 5 MB and 900 KB REST bodies and 20,000-character socket.io
messages without pause for FLOOD_SECONDS (default 60); meanwhile a texter
sends a crisis message every few seconds. Every one of those texts must get
the crisis reply (988), never the fallback the SMS channel gives when a turn
outlives its deadline, and the server must still answer afterwards.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest
import requests

from iop_assistant.migrations import migrate
from tests.server.conftest import MODEL, Servers
from tests.server.test_sms_channel import form_for, new_phone, new_sid, post

pytestmark = pytest.mark.faults

FLOOD_SECONDS = float(os.environ.get("FLOOD_SECONDS", "60"))
CRISIS = "I want to kill myself tonight"
FALLBACK = "Sorry, I can't answer right now"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` first")
    running = Servers(tmp_path_factory.mktemp("flood"))
    migrate(running.env["DATABASE_URL"])  # as scripts/run.sh does before starting anything
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()


def flood_rest(servers, stop: threading.Event, sizes: list) -> None:
    while not stop.is_set():
        for size in (5_000_000, 900_000):
            try:
                status = requests.post(
                    f"{servers.rasa_url}/webhooks/rest/webhook",
                    json={"sender": uuid.uuid4().hex, "message": "x " * (size // 2)},
                    timeout=60,
                ).status_code
            except requests.RequestException:
                status = "closed"
            sizes.append((size, status))


def flood_socketio(servers, stop: threading.Event, sent: list) -> None:
    socketio = pytest.importorskip("socketio")
    client = socketio.Client(reconnection=False)
    confirmed: list = []
    client.on("session_confirm", confirmed.append)
    client.connect(servers.rasa_url, socketio_path="/socket.io", transports=["polling"])
    try:
        client.emit("session_request", {"session_id": None})
        while not confirmed and not stop.is_set():
            client.sleep(0.2)
        while not stop.is_set():
            client.emit("user_uttered", {"message": "y " * 10_000, "session_id": confirmed[-1]})
            sent.append(1)
            client.sleep(0.05)
    finally:
        client.disconnect()


def test_crisis_texts_are_answered_through_a_minute_of_huge_messages(servers):
    stop = threading.Event()
    sizes: list = []
    sent: list = []
    floods = [
        threading.Thread(target=flood_rest, args=(servers, stop, sizes)),
        threading.Thread(target=flood_rest, args=(servers, stop, sizes)),
        threading.Thread(target=flood_socketio, args=(servers, stop, sent)),
    ]
    for thread in floods:
        thread.start()
    answers = []
    deadline = time.monotonic() + FLOOD_SECONDS
    try:
        while time.monotonic() < deadline:
            reply = post(servers, form_for(new_phone(), CRISIS, new_sid()))
            answers.append((reply.status_code, reply.text))
            time.sleep(3)
    finally:
        stop.set()
        for thread in floods:
            thread.join(timeout=120)
    print(
        f"\nflood {FLOOD_SECONDS:.0f} s: {len(sizes)} huge REST bodies "
        f"({sum(1 for s, _ in sizes if s == 5_000_000)} of 5 MB), {len(sent)} long socket.io "
        f"messages; {len(answers)} SMS crisis texts, all answered: "
        f"{sum('988' in body for _, body in answers)}"
    )
    assert answers and sizes and sent
    for status, body in answers:
        assert status == 200 and "988" in body and FALLBACK not in body, body[:300]
    assert all(status in (413, "closed") for size, status in sizes if size == 5_000_000)
    assert all(status == 200 for size, status in sizes if size == 900_000)
    assert servers.say(uuid.uuid4().hex, "what is iop")
