"""Live handoff end to end in real Chromium: the widget and the staff console (issue 19).

A visitor asks for a person in the widget; a help-line staff member, signed
in to the console in another browser context, claims the chat, replies
("dana from our team" in the widget, labelled for screen readers), reads the
visitor's answer, hands back; the assistant answers the next question.
Typing indicators both ways: while dana writes, the widget says "dana from
our team is typing…" (a polite live region, not a message) until her message
arrives; while the visitor writes, the console says "The person is typing…".
Screenshots go to test-artifacts/ (handoff-*.png).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import pytest
from conftest import serve_page
from widget_steps import INPUT, LONG, confirmed_session_id, load, open_chat, say, wait_bot

from tests.console.console_helpers import PASSWORD
from tests.server.handoff_stack import ASK, Stack, running_stack

STAFF_BUBBLE = ".iopw-msg-staff"
STAFF_TYPING = ".iopw-staff-typing"
PERSON_TYPING = "#person-typing"


def until_shown(act, locator, text: str, timeout: float = LONG / 1000) -> None:
    """Keep typing (``act``) until ``locator`` says ``text``: a signal lasts seconds, so a slow
    machine may need another one (the sender throttles them, as a person typing would)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        act()
        try:
            locator.filter(has_text=text).wait_for(state="visible", timeout=3_000)
            return
        except Exception:
            continue
    raise AssertionError(f"{text!r} never shown")


def hold_still(console) -> None:
    """As if staff had started typing: the live page stops reloading itself under the clicks."""
    console.evaluate("document.dispatchEvent(new Event('input'))")


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("handoff-browser")) as running:
        yield running


def test_widget_and_console_in_chromium(stack, chromium, tmp_path, artifacts: Path):
    stack.on_duty("dana")
    with serve_page(stack.servers, tmp_path / "web.log") as webpage:
        visitor = chromium.new_context(viewport={"width": 1280, "height": 800})
        staff = chromium.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = load(visitor, webpage)
            open_chat(page)
            say(page, ASK)
            wait_bot(page, "asked our team to join")
            cid = confirmed_session_id(page)
            handoff = stack.handoff(cid)
            page.screenshot(path=str(artifacts / "handoff-widget-waiting.png"))

            console = staff.new_page()
            console.goto(stack.console.url + "/login")
            console.fill("input[name=username]", "dana")
            console.fill("input[name=password]", PASSWORD)
            console.click("button[type=submit]")
            console.goto(stack.console.url + "/handoff")
            hold_still(console)
            row = console.locator(f'tr[data-handoff="{handoff.id}"]')
            row.wait_for(state="visible", timeout=LONG)
            console.screenshot(path=str(artifacts / "handoff-console-queue.png"), full_page=True)
            row.locator("button.claim").click()
            console.wait_for_selector("#reply-text", timeout=LONG)
            reply = "Hi, I'm Dana from the team. How can I help today?"
            typed = iter(range(len(reply)))

            def staff_types() -> None:
                # one more character of the reply each time (a signal per 2.5 s at most)
                console.fill("#reply-text", reply[: next(typed, len(reply) - 1) + 1])

            indicator = page.locator(STAFF_TYPING)
            until_shown(staff_types, indicator, "dana from our team is typing…")
            # announced politely, outside the log: it is not a message
            assert indicator.get_attribute("role") == "status"
            assert indicator.get_attribute("aria-live") == "polite"
            assert page.locator(f".iopw-log {STAFF_TYPING}").count() == 0
            assert page.locator(STAFF_BUBBLE).count() == 0
            page.screenshot(path=str(artifacts / "handoff-widget-staff-typing.png"))
            console.fill("#reply-text", reply)
            console.click("#send-reply")

            bubble = page.locator(STAFF_BUBBLE, has_text="How can I help today?").first
            bubble.wait_for(state="visible", timeout=LONG)
            assert bubble.locator(".iopw-from").inner_text() == "dana from our team"
            # screen readers hear who wrote it; the assistant's messages stay "Assistant said"
            assert "dana from our team said:" in (
                bubble.locator(".iopw-bubble").text_content() or ""
            )
            assert page.locator(".iopw-typing").is_hidden()
            # the message arrived: nobody is typing it any more
            page.wait_for_function(
                "sel => document.querySelector(sel).textContent === ''",
                arg=STAFF_TYPING,
                timeout=LONG,
            )
            page.screenshot(path=str(artifacts / "handoff-widget-staff.png"))

            # the visitor writes: the open chat page says so (it polls; its reload is paused)
            answer = "thank you, can I start next week?"
            written = iter(range(len(answer)))

            def visitor_types() -> None:
                page.fill(INPUT, answer[: next(written, len(answer) - 1) + 1])

            until_shown(visitor_types, console.locator(PERSON_TYPING), "The person is typing…")
            console.screenshot(path=str(artifacts / "handoff-console-person-typing.png"))
            page.fill(INPUT, answer)
            page.press(INPUT, "Enter")
            # the open chat page reloads itself (console.js) and shows the new message
            console.wait_for_selector("text=can I start next week", timeout=LONG)
            hold_still(console)
            assert page.locator(".iopw-typing").is_hidden()  # no "assistant is typing"
            console.screenshot(path=str(artifacts / "handoff-console-chat.png"), full_page=True)
            console.click("#hand-back")

            wait_bot(page, "back with the automated assistant")
            say(page, "what is IOP?")
            wait_bot(page, "intensive outpatient")
            page.screenshot(path=str(artifacts / "handoff-widget-handed-back.png"))
        finally:
            visitor.close()
            staff.close()
