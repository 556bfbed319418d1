"""The widget in a real browser against the real Rasa server.

The page server (iop_assistant.webpage, as `make run` starts it) runs on
``servers.web_port``, the origin the test Rasa server allows by CORS; the
browser is the (module-scoped) ``chromium`` fixture (Debian's Chromium via Playwright).
"""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
import requests
from widget_steps import origin

REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / "test-artifacts"
WIDGET = REPO / "web" / "dist" / "iop-widget.js"


class Page:
    """The page server's address (127.0.0.1), and the README's (localhost) for the same server."""

    def __init__(self, url: str, rasa_url: str) -> None:
        self.url = url
        self.rasa_url = rasa_url
        self.localhost_url = url.replace("//127.0.0.1:", "//localhost:")

    @property
    def origins(self) -> set:
        return {origin(self.url), origin(self.localhost_url), origin(self.rasa_url)}


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the page server exited with {proc.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise TimeoutError(url)


@contextmanager
def serve_page(servers, log: Path) -> Iterator[Page]:
    """The page server (as `make run` starts it) for ``servers``, on ``servers.web_port``."""
    if not WIDGET.exists():
        pytest.fail("web/dist/iop-widget.js is missing: run `make widget` (make test does)")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "iop_assistant.webpage",
            "--port",
            str(servers.web_port),
            "--rasa-url",
            servers.rasa_url,
        ],
        cwd=REPO,
        env=servers.env,
        stdout=open(log, "ab"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{servers.web_port}"
    try:
        wait_until_up(url + "/config.json", proc)
        yield Page(url, servers.rasa_url)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def webpage(servers, tmp_path_factory) -> Iterator[Page]:
    with serve_page(servers, tmp_path_factory.mktemp("webpage") / "web.log") as page:
        yield page


@pytest.fixture
def browser_context(chromium, request):
    """A fresh browser context (own storage) per test; options via indirect params."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 800})
        context = chromium.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
