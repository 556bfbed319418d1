"""Real PostgreSQL and Redis for the scale-out tests, started by the fixtures.

Each session starts its own throwaway PostgreSQL cluster (random port, data
under /tmp, run as the ``postgres`` user when we are root) and Redis server,
so no system service state matters. Without PostgreSQL or Redis installed
the tests skip, unless ``REQUIRE_SERVICES=1`` (CI), where they fail.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from pathlib import Path
from typing import Iterator

import pytest

from devtools.local_services import Postgres, Redis, postgres_bin, redis_bin
from tests.rasa_processes import LAUNCHER, RunningRasa, project_endpoints

REPO = Path(__file__).resolve().parents[2]
REQUIRED = os.environ.get("REQUIRE_SERVICES", "") == "1"


def _missing(what: str) -> None:
    message = f"{what} is not installed (apt-get install postgresql redis-server)"
    if REQUIRED:
        pytest.fail(message + "; REQUIRE_SERVICES=1", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    if postgres_bin() is None:
        _missing("PostgreSQL")
    cluster = Postgres.temporary().init()
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> Iterator[Redis]:
    if redis_bin() is None:
        _missing("Redis")
    server = Redis(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_db(postgres: Postgres) -> str:
    """A new empty database in the session's cluster; returns its URL."""
    return postgres.create_database("t_" + uuid.uuid4().hex[:12])


@pytest.fixture(autouse=True)
def _health_events_file(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "health_events.jsonl"
    monkeypatch.setenv("IOP_HEALTH_EVENTS_FILE", str(path))
    return path


class ScaleServers(RunningRasa):
    """The action server and `rasa run` with the repo's endpoints.yml, on PostgreSQL and Redis."""

    say_timeout = 60
    tracker_timeout = 30

    def __init__(self, tmp: Path, tracker_url: str, app_url: str, redis_url: str) -> None:
        import secrets

        from devtools.ports import free_port

        self.tmp = tmp
        self.tracker_url = tracker_url
        self.rasa_port, self.actions_port = free_port(), free_port()
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.token = secrets.token_hex(16)
        self.log = tmp / "rasa.log"
        self.events_file = tmp / "health_events.jsonl"
        self.env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "TRACKER_DB_URL": tracker_url,
            "DATABASE_URL": app_url,
            "REDIS_URL": redis_url,
            "IOP_HEALTH_EVENTS_FILE": str(self.events_file),
            # read by iop_assistant.serve, never on the command line
            "RASA_AUTH_TOKEN": self.token,
            "TWILIO_AUTH_TOKEN": "test-" + secrets.token_hex(16),
            "PUBLIC_BASE_URL": self.rasa_url,
            "IOP_SENDER_ID_KEY": secrets.token_hex(32),
            # the repo's endpoints.yml sends it; the action server requires it
            "IOP_ACTION_SECRET": secrets.token_hex(32),
        }
        self.env.pop("IOP_ALLOW_UNTESTED_RASA", None)
        # the repo's endpoints.yml, only the action server's port changed
        self.endpoints = project_endpoints(tmp, self.actions_port)
        self.processes: list = []

    def _spawn(self, args: list[str], log: Path):
        import subprocess

        proc = subprocess.Popen(
            args,
            cwd=REPO,
            env=self.env,
            stdout=open(log, "ab"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(proc)
        return proc

    def start(self) -> None:
        import subprocess
        import time

        import requests

        # the app database is migrated before any process starts, as scripts/run.sh does
        subprocess.run(
            [sys.executable, "-m", "iop_assistant.migrations", "upgrade"],
            cwd=REPO,
            env=self.env,
            check=True,
            capture_output=True,
        )
        actions = self._spawn(
            [
                sys.executable,
                "-m",
                "iop_assistant.action_server",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.actions_port),
            ],
            self.tmp / "actions.log",  # fmt: skip
        )
        rasa = self._spawn(
            [
                *LAUNCHER,
                "run",
                "--enable-api",
                "--port",
                str(self.rasa_port),
                "--model",
                str(REPO / "models" / "iop.tar.gz"),
                "--endpoints",
                str(self.endpoints),
                "--credentials",
                str(REPO / "credentials.yml"),
            ],
            self.log,
        )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            for proc in (actions, rasa):
                if proc.poll() is not None:
                    raise RuntimeError(f"{proc.args[1:3]} exited; see {self.tmp}")
            try:
                ok = requests.get(f"http://127.0.0.1:{self.actions_port}/health", timeout=2).ok
                status = requests.get(
                    f"{self.rasa_url}/status", params={"token": self.token}, timeout=2
                )
                if ok and status.ok and status.json().get("model_id"):
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise TimeoutError("rasa did not start")

    def text(self, phone: str, body: str):
        """One signed inbound SMS (as Twilio sends it); returns the HTTP response."""
        import secrets

        import requests
        from twilio.request_validator import RequestValidator

        url = self.rasa_url + "/webhooks/sms/webhook"
        sid = "SM" + secrets.token_hex(16)
        form = {"MessageSid": sid, "SmsSid": sid, "AccountSid": "AC" + "0" * 32,
                "From": phone, "To": "+18885550100", "Body": body, "NumMedia": "0"}  # fmt: skip
        signature = RequestValidator(self.env["TWILIO_AUTH_TOKEN"]).compute_signature(url, form)
        return requests.post(url, data=form, headers={"X-Twilio-Signature": signature}, timeout=30)

    def health(self):
        import requests

        return requests.get(f"{self.rasa_url}/webhooks/health/status", timeout=30)


@pytest.fixture(scope="session")
def scale_servers(postgres: Postgres, redis_server: Redis, tmp_path_factory):
    """One Rasa server (and action server) per session, on PostgreSQL and Redis."""
    if not (REPO / "models" / "iop.tar.gz").exists():
        pytest.fail("no trained model: run `make train` first (make test does)")
    servers = ScaleServers(
        tmp_path_factory.mktemp("scale"),
        tracker_url=postgres.create_database("tracker_" + uuid.uuid4().hex[:8]),
        app_url=postgres.create_database("app_" + uuid.uuid4().hex[:8]),
        redis_url=redis_server.url,
    )
    try:
        servers.start()
        yield servers
    finally:
        servers.stop()
