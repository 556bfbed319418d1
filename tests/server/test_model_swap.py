"""The first run's model swap against the real server (issue 17): a newly trained model
is loaded into the running Rasa server with ``python -m iop_assistant.model_swap``,
and the conversation carries on; without the API's secret the server refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import requests

from iop_assistant.model_swap import swap

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "iop.tar.gz"


def reply(servers, sender: str, text: str) -> str:
    answer = requests.post(
        f"{servers.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=60,
    )
    answer.raise_for_status()
    return "\n".join(r.get("text", "") for r in answer.json())


def test_a_new_model_is_loaded_without_a_restart_and_the_conversation_carries_on(servers):
    before = reply(servers, "swap-1", "what is IOP?")
    assert "IOP" in before or "Intensive Outpatient" in before
    done = subprocess.run(
        [sys.executable, "-m", "iop_assistant.model_swap", str(MODEL), "--url", servers.rasa_url],
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "RASA_JWT_SECRET": servers.jwt_secret},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "now answers with" in done.stdout
    status = requests.get(
        f"{servers.rasa_url}/status", params={"token": servers.token}, timeout=10
    ).json()
    assert status.get("model_id") and status.get("model_file", "").endswith("iop.tar.gz")
    # same sender: the tracker (SQL store) survived the swap
    after = reply(servers, "swap-1", "how long does it last?")
    assert "month" in after  # "how long" answered, in the same conversation


def test_without_the_secret_the_server_refuses_the_swap(servers):
    assert swap(servers.rasa_url, MODEL, {}) in (401, 403)
