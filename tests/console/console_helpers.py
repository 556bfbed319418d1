"""Console test helpers: users, an injected clock, a live server, signed-in clients."""

from __future__ import annotations

import asyncio
import re
import threading
from datetime import datetime, timedelta
from pathlib import Path

import requests

from devtools.ports import free_port
from iop_assistant.console.settings import ConsoleSettings

PASSWORD = "correct horse battery"
USERS = {"ada": "admin", "cleo": "clinician", "cal": "callback", "cam": "callback"}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "console"


class Clock:
    """The console's clock, moved by tests (no sleeping)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


class LiveServer:
    """The console app served by Sanic on a free port, in a background thread."""

    def __init__(self, settings: ConsoleSettings) -> None:
        """Needs ``Sanic.test_mode`` on (the ``server`` fixture sets it for the test)."""
        from iop_assistant.console.app import create_app

        self.app = create_app(settings)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self._serve()
        except BaseException as error:  # surfaced by start()
            self.error = error
            self._ready.set()

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            self.app.create_server(
                host="127.0.0.1", port=self.port, return_asyncio_server=True, access_log=False
            )
        )
        self.loop.run_until_complete(server.startup())
        self.server = server
        self._ready.set()
        self.loop.run_forever()

    def start(self) -> LiveServer:
        self._thread.start()
        assert self._ready.wait(30), "console did not start"
        if getattr(self, "error", None):
            raise self.error
        return self

    def stop(self) -> None:
        async def _close() -> None:
            self.server.close()
            await self.server.wait_closed()

        asyncio.run_coroutine_threadsafe(_close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def login(base: str, username: str, password: str = PASSWORD, **headers: str) -> requests.Session:
    """A signed-in HTTP client (asserts the login worked)."""
    client = requests.Session()
    client.headers.update(headers)
    page = client.get(f"{base}/login")
    reply = client.post(
        f"{base}/login",
        data={"username": username, "password": password, "csrf_token": csrf_of(page.text)},
        allow_redirects=False,
    )
    assert reply.status_code == 302, reply.text
    return client


def token(client: requests.Session, base: str, path: str = "/") -> str:
    """The session's CSRF token, read from a page."""
    return csrf_of(client.get(base + path).text)
