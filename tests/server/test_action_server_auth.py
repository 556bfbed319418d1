"""Issue 14, item 1: the action server runs work only for the Rasa server that holds the secret.

Attack: a forged tracker posted to ``:5055/webhook`` ran ``action_submit_callback``
(texts queued to any number) or showed the number behind an SMS conversation;
the action server listened on every interface with no authentication.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from tests.server.conftest import texts

REPO = Path(__file__).resolve().parents[2]

FORGED_CALL = {
    "next_action": "action_submit_callback",
    "sender_id": "sms-" + "0" * 64,
    "version": "3.6.21",
    "domain": {},
    "tracker": {
        "sender_id": "sms-" + "0" * 64,
        "slots": {
            "callback_phone": "+442071838750",
            "callback_name": "Mallory",
            "callback_consent": "yes",
            "callback_best_time": "now",
        },  # fmt: skip
        "latest_message": {},
        "events": [],
        "latest_input_channel": "sms",
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    },
}


def _webhook(servers) -> str:
    return f"http://127.0.0.1:{servers.actions_port}/webhook"


def test_forged_action_call_without_the_secret_is_refused(servers):
    answer = requests.post(_webhook(servers), json=FORGED_CALL, timeout=10)
    assert answer.status_code == 401
    assert "responses" not in answer.text and "events" not in answer.text
    listing = requests.get(f"http://127.0.0.1:{servers.actions_port}/actions", timeout=10)
    assert listing.status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer wrong-" + "x" * 40, "Basic " + "x" * 40, "Bearer ", "bearer"],
)
def test_forged_action_call_with_a_wrong_secret_is_refused(servers, header):
    answer = requests.post(
        _webhook(servers), json=FORGED_CALL, headers={"Authorization": header}, timeout=10
    )
    assert answer.status_code == 403


def test_the_secret_runs_actions_and_health_stays_open(servers):
    assert requests.get(f"http://127.0.0.1:{servers.actions_port}/health", timeout=5).ok
    call = {**FORGED_CALL, "next_action": "action_clarify"}
    answer = requests.post(
        _webhook(servers),
        json=call,
        headers={"Authorization": f"Bearer {servers.action_secret}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text


def test_rasa_reaches_the_actions_with_the_secret(servers):
    # the screening form's answers are validated by a custom action
    log = servers.tmp / "actions.log"
    seen = len(log.read_bytes())
    sender = uuid.uuid4().hex
    assert texts(servers.say(sender, "/request_detox_screening"))
    assert texts(servers.say(sender, "for me"))
    assert b"refused" not in log.read_bytes()[seen:], "Rasa's own calls must carry the secret"


def _non_loopback_address() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: no packet is sent
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_servers_listen_on_loopback_only(servers):
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    for port in (servers.actions_port, servers.rasa_port):
        with socket.socket() as sock:
            sock.settimeout(2)
            assert sock.connect_ex((address, port)) != 0, f"port {port} open on {address}"


def test_action_server_does_not_start_without_a_secret(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "iop_assistant.action_server", "--port", "0"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "IOP_ACTION_SECRET" in done.stderr


def test_make_run_binds_every_server_to_loopback_unless_opened():
    script = (REPO / "scripts" / "run.sh").read_text()
    assert 'BIND_HOST="${IOP_BIND_HOST:-127.0.0.1}"' in script
    starts = [line for line in script.splitlines()
              if re.match(r"^\.venv/bin/(rasa run|python -m iop_assistant\.(action_server|"
                          r"serve run|webpage|console))", line)]  # fmt: skip
    assert len(starts) == 4, starts
    for line in starts:
        assert '--host "$BIND_HOST"' in line or '--interface "$BIND_HOST"' in line, line
    assert "rasa run actions" not in script
    endpoints = (REPO / "endpoints.yml").read_text()
    assert "Authorization: Bearer ${IOP_ACTION_SECRET}" in endpoints
