"""Issue 15 items 7-8 in a real browser (Debian's Chromium via Playwright) at 320, 375, 1280 px.

Every page fits the screen (no horizontal scrolling), the navigation, Sign out
and "Mark contacted" are on screen and work, the transcript is one column on a
phone, and the list's link opens the transcript at the crisis turn, highlighted.
Screenshots go to test-artifacts/console/.
"""

from __future__ import annotations

import pytest
from console_helpers import ARTIFACTS, PASSWORD

WIDTHS = (320, 375, 1280)
CLINICIAN_PAGES = ("/conversations", "/callbacks", "/improve", "/dashboard")
ADMIN_PAGES = ("/admin/users", "/admin/audit", "/admin/retention", "/dashboard", "/conversations")


def signed_in(chromium, server, username: str, width: int):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    errors: list = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: d.accept())
    page.goto(server.url + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return context, page, errors


def overflow(page) -> int:
    """How many pixels the page is wider than the screen (0: no horizontal scrolling)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - window.innerWidth"
    )


def on_screen(page, selector: str, width: int) -> None:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (selector, box, width)


def shot(page, name: str, width: int) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_clinician_pages_fit_and_the_crisis_turn_is_shown(chromium, server, width):
    context, page, errors = signed_in(chromium, server, "cleo", width)
    try:
        for path in CLINICIAN_PAGES:
            page.goto(server.url + path)
            assert overflow(page) <= 0, (path, width, overflow(page))
            on_screen(page, "header nav a[href='/callbacks']", width)
            on_screen(page, "header .logout button", width)
            shot(page, path.strip("/").replace("/", "-"), width)

        # the list's link opens the transcript at the crisis turn, highlighted
        page.goto(server.url + "/conversations")
        page.locator("a.open", has_text="web-crisis").click()
        page.wait_for_url("**/conversation?id=web-crisis#turn-*")
        turn = page.locator(".bubble.crisis-turn")
        assert "I want to end my life tonight" in turn.inner_text()
        assert turn.evaluate(
            "el => { const r = el.getBoundingClientRect();"
            " return r.top >= 0 && r.top < innerHeight; }"
        ), "the crisis turn is in view"
        assert overflow(page) <= 0, ("transcript", width, overflow(page))
        chat = page.locator(".chat").bounding_box()
        if width < 700:  # one column: the chat gets the screen's width
            assert chat["width"] >= width - 40, chat
            side = page.locator(".side").bounding_box()
            assert side["y"] >= chat["y"] + chat["height"] - 1, "the side panel comes after"
        assert not page.locator(".event.internal").first.is_visible()
        page.screenshot(path=str(ARTIFACTS / f"transcript-crisis-{width}.png"))
        page.check("#show-internals")
        assert page.locator(".event.internal").first.is_visible()
        page.uncheck("#show-internals")

        # "Mark contacted" is reachable and works
        on_screen(page, "button.mark-contacted", width)
        page.locator("button.mark-contacted").click()
        page.wait_for_url("**/conversation?id=web-crisis")
        assert "contacted" in page.inner_text(".side")
        shot(page, "transcript-contacted", width)
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_callback_queue_on_a_phone(chromium, server, width):
    context, page, errors = signed_in(chromium, server, "cal", width)
    try:
        page.goto(server.url + "/callbacks")
        assert overflow(page) <= 0, overflow(page)
        first = page.locator("table.callbacks tbody tr").first
        assert "crisis: suicidal" in first.inner_text()  # the crisis callback stands out
        on_screen(page, "button.mark-contacted", width)
        on_screen(page, "header .logout button", width)
        shot(page, "callbacks-callback-role", width)
        page.locator("tr[data-callback='2'] button.mark-contacted").click()
        page.wait_for_load_state()
        assert "contacted" in page.locator("tr[data-callback='2']").inner_text()
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_admin_pages_fit(chromium, server, width):
    context, page, errors = signed_in(chromium, server, "ada", width)
    try:
        for path in ADMIN_PAGES:
            page.goto(server.url + path)
            assert overflow(page) <= 0, (path, width, overflow(page))
            on_screen(page, "header nav a[href='/admin/users']", width)
            on_screen(page, "header .logout button", width)
            shot(page, "admin-" + path.strip("/").replace("/", "-"), width)
        page.goto(server.url + "/admin/users")
        page.fill("form.stack input[name=username]", f"phone{width}")
        page.fill("form.stack input[name=password]", PASSWORD)
        page.click("form.stack button[type=submit]")
        page.wait_for_load_state()
        assert f"Created phone{width}" in page.inner_text(".notice")
        shot(page, "admin-user-created", width)
        page.click("header .logout button")
        page.wait_for_url("**/login")
        assert errors == []
    finally:
        context.close()
