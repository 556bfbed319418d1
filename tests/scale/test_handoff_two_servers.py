"""Live handoff with two Rasa servers on one PostgreSQL and Redis (issue 19, scale-out).

Two launcher-started Rasa servers (each with its action server) share the
tracker store, the app database and the Redis lock store, as behind nginx.
The widget's socket is on server B; the staff console writes only to the
database; whichever server's relay writes the tracker, only B (which holds the
socket) emits, and an ending is applied once. An SMS handoff started on
server A is ended by STOP arriving on server B.

The last test puts nginx in front, with the deployed config itself
(deploy/nginx/nginx.conf, rendered for loopback ports and a self-signed
certificate by :class:`devtools.local_services.DeployNginx`): the widget's
socket, the REST webhook and the staff console all go through it.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
import uuid
from types import SimpleNamespace
from typing import Callable, Iterator, List, Tuple

import pytest
import requests
from sanic import Sanic
from sqlalchemy import select

from devtools.local_services import DeployNginx, Postgres, Redis
from iop_assistant.console.create_admin import create_user
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.handoff import queue
from iop_assistant.store.db import get_engine, session_scope
from iop_assistant.store.models import HandoffMessage
from tests.console.console_helpers import PASSWORD, LiveServer, csrf_of, login
from tests.scale.conftest import ScaleServers

socketio = pytest.importorskip("socketio")
# two real Rasa servers with the trained model (the directory adds "services")
pytestmark = [pytest.mark.server, pytest.mark.model]

SHARED = ("TWILIO_AUTH_TOKEN", "IOP_SENDER_ID_KEY", "IOP_ACTION_SECRET")


def wait_for(check: Callable[[], object], what: str, timeout: float = 90) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def keep_signalling(signal: Callable[[], object], seen: Callable[[], object], what: str) -> None:
    """Signal every few seconds (as typing does) until ``seen``: a signal lives only seconds."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        signal()
        try:
            wait_for(seen, what, timeout=3)
            return
        except AssertionError:
            continue
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def pair(
    postgres: Postgres, redis_server: Redis, tmp_path_factory
) -> Iterator[Tuple[ScaleServers, ScaleServers, LiveServer, str]]:
    tracker = postgres.create_database("tracker_" + uuid.uuid4().hex[:8])
    app = postgres.create_database("app_" + uuid.uuid4().hex[:8])
    a = ScaleServers(tmp_path_factory.mktemp("rasa_a"), tracker, app, redis_server.url)
    b = ScaleServers(tmp_path_factory.mktemp("rasa_b"), tracker, app, redis_server.url)
    session_key = secrets.token_hex(32)
    for server in (a, b):
        server.env.update({name: a.env[name] for name in SHARED})
        server.env.update(
            {
                "IOP_WEB_SESSION_KEY": session_key,
                "IOP_HANDOFF_POLL_SECONDS": "0.2",
                "IOP_HANDOFF_CLAIM_TIMEOUT": "600",
            }
        )
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(Sanic, "test_mode", True)
    console = None
    try:
        a.start()
        b.start()
        settings = ConsoleSettings(
            database_url=app, tracker_db_url=tracker, index_interval_seconds=0
        )
        create_user(settings, "dana", PASSWORD, "helpline")
        console = LiveServer(settings).start()
        yield a, b, console, app
    finally:
        if console is not None:
            console.stop()
        b.stop()
        a.stop()
        monkeypatch.undo()


def post(client: requests.Session, console: LiveServer, path: str, **data: str):
    data["csrf_token"] = csrf_of(client.get(console.url + "/handoff").text)
    return client.post(console.url + path, data=data, allow_redirects=False)


def events(server: ScaleServers, sender: str, kind: str) -> List[dict]:
    return [e for e in server.tracker(sender)["events"] or [] if e["event"] == kind]


def test_widget_on_server_b_staff_reply_delivered_by_b_ending_applied_once(pair):
    a, b, console, app = pair
    engine = get_engine(app)
    dana = login(console.url, "dana")
    assert post(dana, console, "/handoff/duty", on="1").status_code == 302

    replies: List[dict] = []
    confirmed: List[str] = []
    typing: List[dict] = []
    sio = socketio.Client(reconnection=False)
    sio.on("session_confirm", lambda sid: confirmed.append(sid))
    sio.on("bot_uttered", lambda data: replies.append(data))
    sio.on("handoff_typing", lambda data: typing.append(data))
    sio.connect(b.rasa_url, socketio_path="/socket.io", transports=["polling"])
    try:
        sio.emit("session_request", {"session_id": None})
        session = str(wait_for(lambda: confirmed and confirmed[-1], "session_confirm"))
        sio.emit("user_uttered", {"message": "/request_human", "session_id": session})
        wait_for(
            lambda: any("asked our team to join" in (r.get("text") or "") for r in replies),
            "the joining message",
        )
        handoff = queue.open_for(session, engine)
        assert handoff is not None
        assert post(dana, console, "/handoff/claim", id=str(handoff.id)).status_code == 302
        # typing both ways: the console's signal reaches the socket on B (its relay reads the
        # shared database); the visitor's signal, taken by B, reaches the console
        keep_signalling(
            lambda: post(dana, console, "/handoff/typing", id=str(handoff.id)),
            lambda: typing and typing[0].get("staff") == "dana",
            "dana typing, on the widget's socket",
        )
        state = console.url + f"/handoff/chat/state?id={handoff.id}"
        keep_signalling(
            lambda: sio.emit("handoff_typing", {"session_id": session}),
            lambda: dana.get(state).json()["person_typing"],
            "the person typing, in the console",
        )
        assert (
            post(
                dana, console, "/handoff/reply", id=str(handoff.id), text="Hi from Dana"
            ).status_code
            == 302
        )
        wait_for(lambda: any(r.get("text") == "Hi from Dana" for r in replies), "the staff reply")
        with session_scope(engine) as db:
            delivered_by = db.execute(
                select(HandoffMessage.delivered_by).where(HandoffMessage.handoff_id == handoff.id)
            ).scalar_one()
        assert delivered_by.endswith(f":{b.processes[1].pid}")  # the server holding the socket
        # the tracker is shared: server A's API shows the staff message and the pause
        assert any(
            (e.get("metadata") or {}).get("handoff", {}).get("staff") == "dana"
            for e in events(a, session, "bot")
        )
        assert events(a, session, "pause")

        assert post(dana, console, "/handoff/handback", id=str(handoff.id)).status_code == 302
        wait_for(
            lambda: any((r.get("handoff") or {}).get("state") == "ended" for r in replies),
            "the assistant's return",
        )
        time.sleep(1.0)  # both relays have polled since
        assert len(events(a, session, "resume")) == 1  # applied by one server only
        returned = [
            r for r in replies if "back with the automated assistant" in (r.get("text") or "")
        ]
        assert len(returned) == 1
    finally:
        sio.disconnect()


def test_sms_handoff_started_on_a_is_ended_by_stop_on_b(pair):
    a, b, console, app = pair
    engine = get_engine(app)
    dana = login(console.url, "dana")
    post(dana, console, "/handoff/duty", on="1")
    phone = "+1202555" + "".join(secrets.choice("0123456789") for _ in range(4))
    asked = a.text(phone, "i want to talk to someone right now")
    assert "asked our team to join" in asked.text
    (handoff,) = [h for h in queue.live_queue(engine) if h.channel == "sms"]
    post(dana, console, "/handoff/claim", id=str(handoff.id))
    stop = b.text(phone, "STOP")
    assert "unsubscribed" in stop.text
    assert queue.get(handoff.id, engine).status in (queue.CLOSING, queue.CLOSED)
    wait_for(lambda: queue.get(handoff.id, engine).status == queue.CLOSED, "the ending applied")
    wait_for(lambda: events(a, handoff.conversation_id, "resume"), "the resume event")
    time.sleep(1.0)
    assert len(events(b, handoff.conversation_id, "resume")) == 1


def nginx_or_skip() -> None:
    """No nginx: skipped with the reason, except in CI, where the test must run."""
    if shutil.which("nginx") is not None:
        return
    if os.environ.get("CI") == "true" or os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail("nginx is not installed (CI installs nginx-light: .ci/run)", pytrace=False)
    pytest.skip("nginx is not installed (apt-get install nginx-light)")


@pytest.fixture(scope="module")
def front(request, tmp_path_factory) -> Iterator[Tuple[DeployNginx, tuple]]:
    """deploy/nginx/nginx.conf in front of the pair's two Rasa servers and the console."""
    nginx_or_skip()  # before the pair is started for nothing
    pair = request.getfixturevalue("pair")
    a, b, console, _app = pair
    nginx = DeployNginx(
        tmp_path_factory.mktemp("nginx"),
        rasa_ports=[a.rasa_port, b.rasa_port],
        actions_port=a.actions_port,
        console_port=console.port,
    ).start()
    monkeypatch = pytest.MonkeyPatch()
    # clients verify nginx's certificate (made for 127.0.0.1), as browsers would
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(nginx.certificate))
    try:
        yield nginx, pair
    finally:
        monkeypatch.undo()
        nginx.stop()


def upstreams(nginx: DeployNginx, path: str) -> set:
    """The Rasa servers (ports) nginx sent requests for ``path`` to (its access log)."""
    found = set()
    for line in nginx.access_log.read_text().splitlines():
        if f'"GET {path}' in line or f'"POST {path}' in line:
            found.update(int(port) for port in re.findall(r"127\.0\.0\.1:(\d+)", line))
    return found


def logged_upstreams(nginx: DeployNginx, path: str, wait_s: float = 5.0) -> set:
    """``upstreams`` once nginx has written the request's line: it logs after the response
    is sent, so a read right after the reply can come first (a CI-rehearsal failure)."""
    deadline = time.monotonic() + wait_s
    while not (found := upstreams(nginx, path)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


def test_through_nginx_the_staff_reply_reaches_the_widget_and_rest_answers(front):
    nginx, (a, b, _console, app) = front
    engine = get_engine(app)
    console = SimpleNamespace(url=nginx.console_url)  # staff use the console through nginx too
    dana = login(console.url, "dana")
    assert post(dana, console, "/handoff/duty", on="1").status_code == 302

    # REST (any server, least connections) answers through nginx
    rest = requests.post(
        nginx.url + "/webhooks/rest/webhook",
        json={"sender": "nginx-" + uuid.uuid4().hex[:12], "message": "what is IOP?"},
        timeout=90,
    )
    assert rest.status_code == 200, rest.text
    assert any("intensive outpatient" in (m.get("text") or "").lower() for m in rest.json())
    assert logged_upstreams(nginx, "/webhooks/rest/") & {a.rasa_port, b.rasa_port}
    # health and the Rasa HTTP API stay private: nginx answers them itself (404), while each
    # server answers its own health check directly
    assert requests.get(nginx.url + "/webhooks/health/status", timeout=30).status_code == 404
    assert not upstreams(nginx, "/webhooks/health/")
    assert requests.get(nginx.url + "/conversations/x/tracker", timeout=30).status_code != 200
    assert not upstreams(nginx, "/conversations/") & {a.rasa_port, b.rasa_port}
    assert a.health().status_code == 200 and b.health().status_code == 200

    # the widget's socket through nginx (sticky by client address), a live handoff over it
    replies: List[dict] = []
    confirmed: List[str] = []
    typing: List[dict] = []
    sio = socketio.Client(reconnection=False)
    sio.on("session_confirm", lambda sid: confirmed.append(sid))
    sio.on("bot_uttered", lambda data: replies.append(data))
    sio.on("handoff_typing", lambda data: typing.append(data))
    sio.connect(nginx.url, socketio_path="/socket.io", transports=["polling"])
    try:
        sio.emit("session_request", {"session_id": None})
        session = str(wait_for(lambda: confirmed and confirmed[-1], "session_confirm"))
        sio.emit("user_uttered", {"message": "/request_human", "session_id": session})
        wait_for(
            lambda: any("asked our team to join" in (r.get("text") or "") for r in replies),
            "the joining message",
        )
        handoff = queue.open_for(session, engine)
        assert handoff is not None
        assert post(dana, console, "/handoff/claim", id=str(handoff.id)).status_code == 302
        keep_signalling(
            lambda: post(dana, console, "/handoff/typing", id=str(handoff.id)),
            lambda: typing and typing[0].get("staff") == "dana",
            "dana typing, through nginx",
        )
        sent = post(dana, console, "/handoff/reply", id=str(handoff.id), text="Hi via nginx")
        assert sent.status_code == 302
        wait_for(lambda: any(r.get("text") == "Hi via nginx" for r in replies), "the staff reply")

        # every socket.io request of this widget went to one server, and that one emitted
        (socket_port,) = logged_upstreams(nginx, "/socket.io/")
        with session_scope(engine) as db:
            delivered_by = db.execute(
                select(HandoffMessage.delivered_by).where(HandoffMessage.handoff_id == handoff.id)
            ).scalar_one()
        holder = {a.rasa_port: a, b.rasa_port: b}[socket_port]
        assert delivered_by.endswith(f":{holder.processes[1].pid}")

        assert post(dana, console, "/handoff/handback", id=str(handoff.id)).status_code == 302
        wait_for(
            lambda: any((r.get("handoff") or {}).get("state") == "ended" for r in replies),
            "the assistant's return",
        )
    finally:
        sio.disconnect()
