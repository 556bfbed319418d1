"""What the server test fixtures share: talking to a running `rasa run` and stopping it."""

from __future__ import annotations

import subprocess
from typing import List

import requests


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
            from iop_assistant.rasa_server import bearer

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
