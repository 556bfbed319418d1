"""A whole conversation in the widget: mouse, keyboard only, crisis, reload, small screens."""

from __future__ import annotations

import re

from widget_steps import (
    BOT,
    INPUT,
    LAUNCHER,
    LONG,
    PANEL,
    USER,
    Recorder,
    bot_texts,
    confirmed_session_id,
    load,
    open_chat,
    say,
    session_id,
    wait_bot,
    wait_online,
)

from iop_assistant import program_facts

FACTS = program_facts.load()


def assert_only_own_origins(recorder: Recorder, webpage, context) -> None:
    assert recorder.urls, "nothing recorded"
    assert recorder.foreign(webpage.origins) == [], "requests to other origins"
    assert context.cookies() == [], "the widget sets no cookies"
    assert recorder.dialogs == []


def test_full_conversation_survives_reload(browser_context, webpage, servers, artifacts):
    context = browser_context()
    recorder = Recorder()
    page = load(context, webpage, recorder)

    # closed: the launcher and the help line are on screen, nothing talks to Rasa yet
    call = page.locator(".iopw-dock-call")
    assert call.get_attribute("href") == "tel:" + FACTS.helpline_e164
    assert FACTS.helpline in call.inner_text()
    assert not [u for u in recorder.urls if u.startswith(webpage.rasa_url)], (
        "no connection before opening"
    )

    open_chat(page)
    assert page.locator(".iopw-call").get_attribute("href") == "tel:" + FACTS.helpline_e164
    sid = confirmed_session_id(page)
    assert re.fullmatch(r"[0-9a-f]{32}\.[0-9a-f]{32}", sid), "a session id the server signed"

    say(page, "what is IOP")
    wait_bot(page, "IOP (intensive outpatient) is structured treatment")
    assert page.locator(USER, has_text="what is IOP").count() == 1
    # quick replies: titles shown, payloads sent
    more = page.locator(".iopw-reply", has_text="Tell me more")
    more.wait_for()
    more.click()
    wait_bot(page, "smaller")
    assert page.locator(USER, has_text="Tell me more").count() == 1
    assert page.locator(".iopw-msg time").count() >= 4, "every message has a timestamp"
    # new bot messages are announced through the aria-live region
    assert "smaller" in page.locator("[data-iopw-announcer]").inner_text()
    page.screenshot(path=str(artifacts / "widget-1280.png"))
    page.locator(PANEL).screenshot(path=str(artifacts / "widget-panel.png"))  # docs/img source

    # the server holds the same conversation under the widget's session id
    tracker = servers.tracker(sid)
    said = [e.get("text") for e in tracker["events"] if e.get("event") == "user"]
    assert "what is IOP" in said and "/ask_more" in said

    before = bot_texts(page)
    page.reload()
    page.wait_for_selector(PANEL, state="visible", timeout=LONG)  # it stays open
    assert bot_texts(page) == before, "the transcript is re-rendered after a reload"
    assert session_id(page) == sid
    wait_online(page)
    say(page, "what's the schedule")
    page.locator(BOT).nth(len(before)).wait_for(timeout=LONG)  # the conversation goes on
    assert_only_own_origins(recorder, webpage, context)

    # Clear conversation: new session id, empty transcript
    page.click(".iopw-clear")
    wait_online(page)
    assert session_id(page) != sid
    assert page.locator(USER).count() == 0
    assert page.locator(BOT).count() == 0  # the intro, until the assistant's disclaimer
    assert page.locator("[data-iopw-intro]").is_visible()


def test_crisis_message_shows_banner_until_dismissed(browser_context, webpage):
    context = browser_context()
    recorder = Recorder()
    page = load(context, webpage, recorder)
    open_chat(page)
    say(page, "I want to kill myself")
    banner = page.locator("[data-iopw-crisis]")
    banner.wait_for(state="visible", timeout=LONG)
    text = banner.inner_text()
    assert "911" in text and "988" in text and "Help line" in text
    assert not page.locator(".iopw-helpbar").is_visible(), "the bar takes the help bar's place"
    banner.locator(".iopw-crisis-more").click()  # the details, on demand
    assert FACTS.helpline in banner.inner_text()
    hrefs = banner.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "tel:911" in hrefs and "tel:988" in hrefs and "tel:" + FACTS.helpline_e164 in hrefs
    assert banner.get_attribute("role") == "alert"
    # the bot's crisis reply itself is marked and its numbers are links
    reply = page.locator(".iopw-msg-crisis").last
    reply.wait_for()
    assert "988" in reply.inner_text()
    assert reply.locator("a[href='tel:911']").count() >= 1

    # a further message and a reload do not take the banner away
    say(page, "ok")
    page.reload()
    page.wait_for_selector(PANEL, state="visible", timeout=LONG)
    assert page.locator("[data-iopw-crisis]").is_visible()
    page.locator(".iopw-crisis-more").click()
    page.locator(".iopw-crisis-dismiss").click()
    assert not page.locator("[data-iopw-crisis]").is_visible()
    assert page.locator(".iopw-helpbar").is_visible(), "the help bar is back"
    assert page.evaluate("document.activeElement.classList.contains('iopw-input')")
    page.reload()
    page.wait_for_selector(PANEL, state="visible", timeout=LONG)
    assert not page.locator("[data-iopw-crisis]").is_visible()
    assert recorder.foreign(webpage.origins) == []


def test_disclaimer_mentioning_988_is_not_a_crisis(browser_context, webpage):
    """The opening disclaimer names 911 and 988 too; only a crisis reply raises the banner."""
    context = browser_context()
    page = load(context, webpage)
    open_chat(page)
    say(page, "hello")
    wait_bot(page, "automated assistant, not a person")
    page.locator(".iopw-reply").first.wait_for(timeout=LONG)
    assert not page.locator("[data-iopw-crisis]").is_visible()


def focused(page, selector: str, text: str | None = None) -> bool:
    script = """([s, text]) => {
        const el = document.activeElement;
        return !!el && el.matches(s) && (text === null || el.textContent.trim() === text);
    }"""
    return page.evaluate(script, [selector, text])


def tab_to(page, selector: str, key: str = "Tab", text: str | None = None, limit: int = 40):
    for _ in range(limit):
        if focused(page, selector, text):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} never reached {selector} {text or ''}")


def test_keyboard_only(browser_context, webpage):
    context = browser_context()
    page = load(context, webpage)
    tab_to(page, LAUNCHER)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "visible focus on the launcher"
    page.keyboard.press("Enter")
    page.wait_for_selector(PANEL, state="visible")
    assert focused(page, INPUT), "opening moves focus to the message box"
    wait_online(page)
    page.keyboard.type("what is IOP")
    page.keyboard.press("Enter")
    wait_bot(page, "IOP (intensive outpatient) is structured treatment")
    page.locator(".iopw-reply", has_text="Tell me more").wait_for()
    tab_to(page, ".iopw-reply", key="Shift+Tab", text="Tell me more")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    wait_bot(page, "smaller")
    assert focused(page, INPUT), "after a quick reply, focus is back in the message box"
    # Shift+Enter makes a new line, not a message
    page.keyboard.type("line one")
    page.keyboard.press("Shift+Enter")
    assert page.input_value(INPUT) == "line one\n"
    page.fill(INPUT, "")
    # close with Escape: focus returns to the launcher
    page.keyboard.press("Escape")
    page.wait_for_selector(PANEL, state="hidden")
    assert focused(page, LAUNCHER)
    assert page.get_attribute(LAUNCHER, "aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_selector(PANEL, state="visible")
    tab_to(page, ".iopw-close", key="Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(PANEL, state="hidden")
    assert focused(page, LAUNCHER)


def test_input_limit_and_counter(browser_context, webpage):
    context = browser_context()
    page = load(context, webpage)
    open_chat(page)
    page.fill(INPUT, "x" * 1200)
    assert len(page.input_value(INPUT)) == 1000, "the server's classifier reads 1,000 characters"
    assert page.locator(".iopw-counter").inner_text() == "1000 of 1000 characters"
    assert page.get_attribute(INPUT, "aria-describedby")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_small_screens_and_zoom(browser_context, webpage, artifacts):
    # a phone, 375 px wide
    context = browser_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    page = load(context, webpage)
    page.screenshot(path=str(artifacts / "page-375.png"))
    open_chat(page)
    say(page, "what is IOP")
    wait_bot(page, "structured treatment")
    page.screenshot(path=str(artifacts / "widget-375.png"))
    assert no_horizontal_scroll(page)

    # 320 px, and 1280x720 at 200 % zoom (a 640x360 CSS viewport): everything reachable
    for size in ({"width": 320, "height": 640}, {"width": 640, "height": 360}):
        page.set_viewport_size(size)
        assert no_horizontal_scroll(page)
        for selector in (INPUT, ".iopw-send", ".iopw-close", ".iopw-call"):
            box = page.locator(selector).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1, selector
        page.locator(INPUT).scroll_into_view_if_needed()
        assert page.locator(INPUT).is_visible()
    page.screenshot(path=str(artifacts / "widget-zoom200.png"))


def test_reduced_motion_is_respected(browser_context, webpage):
    context = browser_context(reduced_motion="reduce")
    page = load(context, webpage)
    open_chat(page)
    animation = page.evaluate(
        "getComputedStyle(document.querySelector('.iopw-panel')).animationName"
    )
    assert animation == "none"
