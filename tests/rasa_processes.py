"""What the server test fixtures share: Rasa's launcher and endpoints, talking to it, stopping."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List

import requests
import yaml

REPO = Path(__file__).resolve().parents[1]
# Rasa is started by the project's launcher (version guard, hooks, API secrets from the env)
LAUNCHER = [sys.executable, "-m", "iop_assistant.serve"]


def project_endpoints(tmp: Path, actions_port: int) -> Path:
    """The repo's endpoints.yml (the project's tracker and lock stores, the action
    server's shared secret), written to ``tmp`` with only the action server's port changed.

    The stores find their backends in the environment, as under `make run`:
    ``TRACKER_DB_URL`` (SQL) and ``REDIS_URL`` (locks; unset: in memory).
    """
    endpoints = yaml.safe_load((REPO / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    path = tmp / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints))
    return path


class RunningRasa:
    """HTTP helpers for a started Rasa server; subclasses set the addresses and processes."""

    rasa_url: str
    token: str
    jwt_secret: str | None = None
    processes: List[subprocess.Popen]
    say_timeout: float = 30
    tracker_timeout: float = 10

    def say(self, sender: str, message, timeout: float | None = None) -> list:
        """One turn through the REST channel; returns the bot's messages."""
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=timeout or self.say_timeout,
        )
        response.raise_for_status()
        return response.json()

    @property
    def auth(self) -> dict:
        """Authorization for the HTTP API: a JWT in the header when the server has a secret."""
        if self.jwt_secret:
            from iop_assistant.serve import bearer

            return bearer(self.jwt_secret)
        return {}

    def tracker(self, sender: str) -> dict:
        response = requests.get(
            f"{self.rasa_url}/conversations/{sender}/tracker",
            params={} if self.jwt_secret else {"token": self.token},
            headers=self.auth,
            timeout=self.tracker_timeout,
        )
        response.raise_for_status()
        return response.json()

    def stop(self) -> None:
        for proc in self.processes:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.processes:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
