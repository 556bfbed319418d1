"""What a person does with the widget, as Playwright steps (shared by the tests)."""

from __future__ import annotations

from typing import List
from urllib.parse import urlsplit

LONG = 90_000  # ms: generous waits; the first reply warms the model up

LAUNCHER = ".iopw-launcher"
PANEL = ".iopw-panel"
INPUT = ".iopw-input"
BOT = ".iopw-msg-bot .iopw-bubble"
USER = ".iopw-msg-user .iopw-bubble"


def origin(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname
    port = parts.port
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    return f"{scheme}://{host}:{port}"


class Recorder:
    """Every request and WebSocket a page makes, and any dialog it opens."""

    def __init__(self) -> None:
        self.urls: List[str] = []
        self.dialogs: List[str] = []
        self.console_errors: List[str] = []
        self.failed: List[str] = []  # responses with an HTTP error status

    def attach(self, page) -> None:
        page.on("request", lambda request: self.urls.append(request.url))
        page.on(
            "response",
            lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        page.on("websocket", lambda ws: self.urls.append(ws.url))
        page.on("dialog", self._dialog)
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def foreign(self, allowed: set) -> List[str]:
        return [u for u in self.urls if not u.startswith("data:") and origin(u) not in allowed]


def load(context, webpage, recorder: Recorder | None = None, url: str | None = None):
    """A new tab on the demo page (or ``url``), with the widget ready (launcher on screen)."""
    page = context.new_page()
    if recorder:
        recorder.attach(page)
    page.goto(url or webpage.url + "/")
    page.wait_for_selector(".iopw-root[data-iopw=ready] " + LAUNCHER, state="visible", timeout=LONG)
    return page


def open_chat(page) -> None:
    page.click(LAUNCHER)
    page.wait_for_selector(PANEL, state="visible")
    wait_online(page)


def wait_online(page, timeout: int = LONG) -> None:
    page.wait_for_selector(
        ".iopw-root[data-iopw-connection=online]", state="attached", timeout=timeout
    )


def say(page, text: str) -> None:
    page.fill(INPUT, text)
    page.press(INPUT, "Enter")


def wait_bot(page, contains: str, timeout: int = LONG):
    """The first bot message containing ``contains`` (waits for it)."""
    locator = page.locator(BOT, has_text=contains).first
    locator.wait_for(state="visible", timeout=timeout)
    return locator


def bot_texts(page) -> list:
    return page.locator(BOT).all_inner_texts()


def session_id(page) -> str:
    return page.evaluate("JSON.parse(sessionStorage.getItem('iopw.default.session'))")


SIGNED_ID = r"^[0-9a-f]{32}\.[0-9a-f]{32}$"


def confirmed_session_id(page) -> str:
    """The session id the server issued (signed, issue 14 item 10), once the widget has it."""
    page.wait_for_function(
        "re => new RegExp(re).test(JSON.parse(sessionStorage.getItem('iopw.default.session')))",
        arg=SIGNED_ID,
    )
    return session_id(page)
