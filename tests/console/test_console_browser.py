"""The console in a real browser (Debian's Chromium via Playwright)."""

from __future__ import annotations

from console_data import XSS
from console_helpers import ARTIFACTS, PASSWORD


def _page(chromium, server):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url + "/login")
    page.fill("input[name=username]", "cleo")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/conversations")
    return context, page, dialogs, errors


def test_crisis_reveal_and_callback(chromium, server, settings):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context, page, dialogs, errors = _page(chromium, server)
    try:
        first_row = page.locator("table.list tbody tr").first
        assert "crisis" in first_row.inner_text()
        page.screenshot(path=str(ARTIFACTS / "list.png"), full_page=True)
        first_row.locator("a.open").click()
        page.wait_for_url("**/conversation?id=web-crisis#turn-*")  # opens at the crisis turn
        assert "I want to end my life tonight" in page.inner_text(".chat")
        page.click("#reveal")  # console.js asks first; the handler accepts
        page.wait_for_selector("text=This reveal was logged")
        assert dialogs and "logged" in dialogs[0]
        page.screenshot(path=str(ARTIFACTS / "transcript_revealed.png"), full_page=True)
        page.click("button.mark-contacted")
        page.wait_for_url("**/conversation?id=web-crisis")
        assert "contacted" in page.inner_text(".side")
        page.screenshot(path=str(ARTIFACTS / "callback_contacted.png"), full_page=True)
        assert errors == []
    finally:
        context.close()


def test_xss_payloads_render_as_text(chromium, server):
    context, page, dialogs, errors = _page(chromium, server)
    try:
        page.goto(server.url + "/conversations?q=script")
        page.goto(server.url + "/conversation?id=web-xss")
        text = page.inner_text(".chat")
        for payload in XSS:
            assert payload in text
        assert page.evaluate("window.__xss") is None
        assert page.locator(".chat script, .chat img, .chat svg, .chat iframe").count() == 0
        page.click("#reveal")
        page.wait_for_selector("text=This reveal was logged")
        assert page.evaluate("window.__xss") is None
        assert [d for d in dialogs if "logged" not in d] == []  # no alert() ever fired
        page.goto(server.url + "/conversations")
        assert XSS[0] in page.inner_text("table.list")
        assert page.evaluate("window.__xss") is None
        page.screenshot(path=str(ARTIFACTS / "xss.png"), full_page=True)
        assert errors == []
    finally:
        context.close()
