"""Starts the real action server and the real Rasa server for HTTP tests.

Both run as subprocesses on free ports, started as `make run` (scripts/run.sh)
starts them: Rasa through the project's launcher (``python -m
iop_assistant.serve``: version guard, hooks into Rasa, API secrets from the
environment) with the repo's credentials.yml and endpoints.yml, so the
project's own tracker store (``TRACKER_DB_URL``: a SQLite file of this
session) and lock store (no ``REDIS_URL``: in memory, as `make run`). Only
the ports, the files under the session's temporary directory and the test
secrets differ.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator, List

import pytest
import requests

from devtools.ports import free_port
from iop_assistant.webpage import page_origins
from tests.rasa_processes import LAUNCHER, RunningRasa, project_endpoints

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "iop.tar.gz"
BIN = Path(sys.executable).parent


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[:3]} exited with {proc.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


class Servers(RunningRasa):
    """Handles to the running processes and their addresses."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.rasa_port = free_port()
        self.actions_port = free_port()
        # the widget's page server (tests/server/browser) runs here; Rasa allows it by CORS
        self.web_port = free_port()
        self.token = secrets.token_hex(16)
        # the HTTP API's secrets reach Rasa through the environment (iop_assistant/serve.py),
        # never its command line; clients prefer the JWT in the Authorization header
        self.jwt_secret = secrets.token_hex(32)
        self.action_secret = secrets.token_hex(32)
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            # the project's stores (endpoints.yml), as make run: SQL on a SQLite file,
            # locks in memory; health events beside them, not in the repo's var/
            "TRACKER_DB_URL": f"sqlite:///{tmp / 'tracker.db'}",
            "IOP_HEALTH_EVENTS_FILE": str(tmp / "health_events.jsonl"),
            # SMS channel (docs/sms.md): test secrets, the servers' own URL as the
            # signed public URL, and an app database of their own
            "TWILIO_AUTH_TOKEN": "test-" + secrets.token_hex(16),
            "PUBLIC_BASE_URL": self.rasa_url,
            "IOP_SENDER_ID_KEY": secrets.token_hex(32),
            "DATABASE_URL": f"sqlite:///{tmp / 'app.db'}",
            # Rasa -> action server shared secret (iop_assistant/action_server.py)
            "IOP_ACTION_SECRET": self.action_secret,
            # pages allowed to open a socket (Origin check) and to call Rasa (CORS)
            "IOP_WEB_ORIGINS": " ".join(page_origins(self.web_port, env={})),
            # tests name their client by X-Forwarded-For (as behind nginx); every test
            # without one is the same client, so the per-client callback limit is high
            "IOP_PROXIES_COUNT": "1",
            "IOP_CALLBACKS_PER_CLIENT_PER_DAY": "1000",
            # every server test shares this app database: the hourly cap on staff alerts
            # (10) would let a test's alert depend on how many callbacks earlier tests
            # saved; the cap itself is tested in tests/store/test_callbacks_store.py
            "IOP_STAFF_ALERTS_PER_HOUR": "1000",
        }
        for name in ("IOP_SMS_ALLOW_UNSIGNED", "REDIS_URL", "IOP_ALLOW_UNTESTED_RASA"):
            self.env.pop(name, None)
        self.endpoints = project_endpoints(tmp, self.actions_port)
        self.actions: subprocess.Popen | None = None
        self.rasa: subprocess.Popen | None = None
        self.processes: List[subprocess.Popen] = []

    def migrate(self) -> None:
        """The app database at the newest schema, before any process starts (as run.sh)."""
        subprocess.run(
            [str(BIN / "python"), "-m", "iop_assistant.migrations", "upgrade"],
            cwd=REPO,
            env=self.env,
            check=True,
            capture_output=True,
        )
        self.migrated = True

    def start_actions(self) -> None:
        if not getattr(self, "migrated", False):
            self.migrate()
        self.actions = subprocess.Popen(
            [
                str(BIN / "python"),
                "-m",
                "iop_assistant.action_server",
                "--port",
                str(self.actions_port),
            ],  # fmt: skip
            cwd=REPO,
            env=self.env,
            stdout=open(self.tmp / "actions.log", "ab"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(self.actions)
        wait_until_up(f"http://127.0.0.1:{self.actions_port}/health", self.actions)

    def stop_actions(self) -> None:
        if self.actions and self.actions.poll() is None:
            self.actions.terminate()
            self.actions.wait(timeout=30)

    def start_rasa(self) -> None:
        self.rasa = subprocess.Popen(
            [
                *LAUNCHER,
                "run",
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.rasa_port),
                # both local addresses of the page, after one flag, as scripts/run.sh does
                "--cors",
                *page_origins(self.web_port, env={}),
                "--model",
                str(MODEL),
                "--endpoints",
                str(self.endpoints),
                "--credentials",
                str(REPO / "credentials.yml"),
            ],
            cwd=REPO,
            env={**self.env, "RASA_AUTH_TOKEN": self.token, "RASA_JWT_SECRET": self.jwt_secret},
            stdout=open(self.tmp / "rasa.log", "ab"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(self.rasa)
        wait_until_up(self.rasa_url + "/", self.rasa)
        # the model loads after the web server answers: wait until it replies
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            status = requests.get(f"{self.rasa_url}/status", headers=self.auth, timeout=5)
            if status.ok and status.json().get("model_id"):
                return
            time.sleep(0.5)
        raise TimeoutError("model did not load")


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Iterator[Servers]:
    if not MODEL.exists():
        pytest.fail("no trained model: run `make train` first (make test does)")
    running = Servers(tmp_path_factory.mktemp("servers"))
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()


def texts(replies: list) -> str:
    return "\n".join(r.get("text", "") for r in replies)
