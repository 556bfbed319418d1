"""Issue 14, item 10, against the real server: socket.io session ids and Origin.

The session id was the only credential of a web conversation and the client chose
it; any page could open a socket. Now the server issues signed ids (a
``session_request`` for any other id gets a fresh one), takes a message only for
the id this socket was confirmed, refuses sockets from pages of other origins,
and REST cannot write into a socket.io conversation.
"""

from __future__ import annotations

import uuid

import pytest
import requests

from iop_assistant.channels.web import SIGNED_SESSION
from iop_assistant.webpage import page_origins

socketio = pytest.importorskip("socketio")


class Client:
    def __init__(self, servers, **connect) -> None:
        self.servers = servers
        self.sio = socketio.Client(reconnection=False)
        self.confirmed: list = []
        self.replies: list = []
        self.sio.on("session_confirm", lambda sid: self.confirmed.append(sid))
        self.sio.on("bot_uttered", lambda data: self.replies.append(data))
        self.sio.connect(servers.rasa_url, socketio_path="/socket.io", transports=["polling"],
                         **connect)  # fmt: skip

    def session(self, wanted=None) -> str:
        count = len(self.confirmed)
        self.sio.emit("session_request", {"session_id": wanted})
        for _ in range(40):
            if len(self.confirmed) > count:
                return self.confirmed[-1]
            self.sio.sleep(0.25)
        raise AssertionError("no session_confirm")

    def say(self, session_id: str, text: str, wait: bool = True) -> None:
        count = len(self.replies)
        self.sio.emit("user_uttered", {"message": text, "session_id": session_id})
        for _ in range(60 if wait else 8):
            if len(self.replies) > count:
                return
            self.sio.sleep(0.25)

    def close(self) -> None:
        self.sio.disconnect()


def user_turns(servers, sender: str) -> int:
    return sum(e.get("event") == "user" for e in servers.tracker(sender)["events"] or [])


def test_the_server_issues_the_session_id_and_keeps_it(servers):
    client = Client(servers)
    try:
        chosen = uuid.uuid4().hex
        issued = client.session(chosen)
        assert issued != chosen and SIGNED_SESSION.match(issued)
        client.say(chosen, "hi", wait=False)  # the id it chose is not its conversation
        assert user_turns(servers, chosen) == 0
        client.say(issued, "what is iop")
        assert client.replies and user_turns(servers, issued) == 1
        assert client.session(issued) == issued  # a reload keeps its conversation
    finally:
        client.close()


def test_a_socket_cannot_write_into_a_session_it_was_not_given(servers):
    owner, other = Client(servers), Client(servers)
    try:
        issued = owner.session()
        owner.say(issued, "hello")
        before = user_turns(servers, issued)
        other.session()  # its own session
        other.say(issued, "I want to end my life", wait=False)
        forged = issued[:33] + ("0" if issued[33] != "0" else "1") + issued[34:]
        other.session(forged)
        assert other.confirmed[-1] != forged
        assert user_turns(servers, issued) == before
    finally:
        owner.close()
        other.close()


def test_a_page_of_another_origin_cannot_open_a_socket(servers):
    with pytest.raises(socketio.exceptions.ConnectionError):
        Client(servers, headers={"Origin": "https://attacker.example"})
    allowed = page_origins(servers.web_port, env={})[0]
    client = Client(servers, headers={"Origin": allowed})
    try:
        assert SIGNED_SESSION.match(client.session())
    finally:
        client.close()


def test_rest_cannot_write_into_a_socketio_conversation(servers):
    client = Client(servers)
    try:
        issued = client.session()
    finally:
        client.close()
    answer = requests.post(f"{servers.rasa_url}/webhooks/rest/webhook",
                           json={"sender": issued, "message": "hi"}, timeout=30)  # fmt: skip
    assert answer.status_code == 400


def last_metadata(servers, sender: str) -> dict:
    events = [e for e in servers.tracker(sender)["events"] if e.get("event") == "user"]
    return events[-1].get("metadata") or {}


def test_each_web_client_is_named_by_a_keyed_hash_it_cannot_choose(servers):
    """The per-client callback limit (issue 14, item 5): the action server sees a keyed
    hash of the client's address in the message metadata, never the address."""
    keys = []
    for address in ("203.0.113.5", "203.0.113.5", "198.51.100.9"):
        sender = uuid.uuid4().hex
        requests.post(
            f"{servers.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": "hi", "metadata": {"web_client": "forged"}},
            headers={"X-Forwarded-For": address},
            timeout=30,
        ).raise_for_status()
        metadata = last_metadata(servers, sender)
        assert address not in str(metadata)
        keys.append(metadata["web_client"])
    assert keys[0] == keys[1] != keys[2] and "forged" not in keys
    client = Client(servers)
    try:
        issued = client.session()
        client.sio.emit("user_uttered", {"message": "hi", "session_id": issued,
                                         "metadata": {"web_client": "forged"}})  # fmt: skip
        for _ in range(40):
            if user_turns(servers, issued):
                break
            client.sio.sleep(0.25)
        key = last_metadata(servers, issued)["web_client"]
        assert key != "forged" and len(key) == 32
    finally:
        client.close()
