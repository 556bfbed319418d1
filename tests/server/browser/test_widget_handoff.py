"""Live handoff end to end in real Chromium: the widget and the staff console (issue 19).

A visitor asks for a person in the widget; a help-line staff member, signed
in to the console in another browser context, claims the chat, replies
("dana from our team" in the widget, labelled for screen readers), reads the
visitor's answer, hands back; the assistant answers the next question.
Screenshots go to test-artifacts/ (handoff-*.png).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from conftest import serve_page
from widget_steps import LONG, confirmed_session_id, load, open_chat, say, wait_bot

from tests.console.console_helpers import PASSWORD
from tests.server.handoff_stack import ASK, Stack, running_stack

STAFF_BUBBLE = ".iopw-msg-staff"


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
            console.fill("#reply-text", "Hi, I'm Dana from the team. How can I help today?")
            console.click("#send-reply")

            bubble = page.locator(STAFF_BUBBLE, has_text="How can I help today?").first
            bubble.wait_for(state="visible", timeout=LONG)
            assert bubble.locator(".iopw-from").inner_text() == "dana from our team"
            # screen readers hear who wrote it; the assistant's messages stay "Assistant said"
            assert "dana from our team said:" in (
                bubble.locator(".iopw-bubble").text_content() or ""
            )
            assert page.locator(".iopw-typing").is_hidden()
            page.screenshot(path=str(artifacts / "handoff-widget-staff.png"))

            say(page, "thank you, can I start next week?")
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
