"""What a new person gets: the README's address, one greeting, a phone, a crisis, a reload.

Issue 15, items 1-5: the page at http://localhost:PORT/ (not 127.0.0.1) connects;
the widget's intro and the assistant's disclaimer are one greeting, not two;
at 320 and 375 px the crisis bar leaves the crisis reply fully on screen, also
after a reload; tapping a quick reply does not raise the phone's keyboard; the
close button stays on the title's row; the favicon is served.
"""

from __future__ import annotations

import json

import pytest
from widget_steps import (
    BOT,
    INPUT,
    LONG,
    PANEL,
    Recorder,
    load,
    open_chat,
    say,
    wait_bot,
    wait_online,
)

from iop_assistant import program_facts

FACTS = program_facts.load()
CRISIS_REPLY = ".iopw-msg-crisis .iopw-bubble"
BANNER = "[data-iopw-crisis]"
DISCLAIMER = "not a person or a clinician"
PHONES = {
    "320": {"width": 320, "height": 568},  # iPhone SE (1st generation)
    "375": {"width": 375, "height": 667},  # iPhone SE (2nd and 3rd), 6/7/8
}


def test_readme_address_connects_with_one_greeting(browser_context, webpage, artifacts):
    """http://localhost:PORT/, as README and `make run` give it: CORS lets it in."""
    context = browser_context()
    recorder = Recorder()
    page = load(context, webpage, recorder, url=webpage.localhost_url + "/")
    assert page.evaluate("location.hostname") == "localhost"
    open_chat(page)  # waits for the session to be confirmed over socket.io
    intro = page.locator("[data-iopw-intro]")
    assert intro.is_visible(), "a new conversation says what this is"
    assert page.locator(BOT).count() == 0, "the intro is not a message of the transcript"

    say(page, "hello")
    wait_bot(page, DISCLAIMER)
    page.locator(".iopw-reply").first.wait_for(timeout=LONG)
    assert not intro.is_visible(), "the assistant's disclaimer replaces the intro"
    greetings = [t for t in page.locator(BOT).all_inner_texts() if "automated assistant" in t]
    assert len(greetings) == 1, greetings
    assert page.locator(".iopw-status").inner_text() == ""
    assert "Not sent yet" not in page.locator(".iopw-log").inner_text()
    page.screenshot(path=str(artifacts / "widget-localhost-1280.png"))

    icon = page.request.get(webpage.localhost_url + "/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"
    assert recorder.failed == [], "no request fails (favicon included)"
    assert recorder.foreign(webpage.origins) == []


def geometry(page) -> dict:
    """Boxes (CSS px) of what a person sees in the panel."""
    return page.evaluate(
        """([reply, banner]) => {
            const box = (el) => {
                if (!el) return null;
                const r = el.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                        height: r.height};
            };
            const log = document.querySelector('.iopw-log');
            const replies = document.querySelectorAll(reply);
            return {
                viewport: {width: innerWidth, height: innerHeight},
                reply: box(replies[replies.length - 1]),
                banner: box(document.querySelector(banner)),
                log: box(log),
                logScrollTop: log.scrollTop,
                panelScrollTop: document.querySelector('.iopw-panel').scrollTop,
                pageScrollY: scrollY,
                header: box(document.querySelector('.iopw-header')),
                title: box(document.querySelector('.iopw-title')),
                close: box(document.querySelector('.iopw-close')),
            };
        }""",
        [CRISIS_REPLY, BANNER],
    )


def assert_reply_fully_visible(g: dict, where: str) -> None:
    reply, log, banner, vp = g["reply"], g["log"], g["banner"], g["viewport"]
    assert reply and banner, where
    assert g["panelScrollTop"] == 0 and g["pageScrollY"] == 0, (where, "nothing scrolled", g)
    assert banner["top"] >= 0 and banner["bottom"] <= log["top"] + 0.5, (where, "banner above", g)
    assert reply["top"] >= log["top"] - 0.5 and reply["bottom"] <= log["bottom"] + 0.5, (
        where,
        "the crisis reply's text is inside the visible part of the messages",
        g,
    )
    assert reply["top"] >= banner["bottom"], (where, "the banner does not cover it", g)
    assert reply["left"] >= 0 and reply["right"] <= vp["width"] + 0.5, (where, g)
    assert reply["bottom"] <= vp["height"], (where, g)


@pytest.mark.parametrize("size", sorted(PHONES))
def test_crisis_reply_fully_visible_on_phones(browser_context, webpage, artifacts, size):
    viewport = PHONES[size]
    context = browser_context(viewport=viewport, is_mobile=True, has_touch=True)
    page = load(context, webpage, url=webpage.localhost_url + "/")
    open_chat(page)

    # the close button stays on the title's row, inside the screen
    g = geometry(page)
    assert g["close"]["top"] < g["title"]["bottom"], ("close button wrapped", g)
    assert g["close"]["right"] <= viewport["width"], g

    say(page, "my friend overdosed and isn't breathing")
    page.locator(CRISIS_REPLY).wait_for(timeout=LONG)
    banner = page.locator(BANNER)
    banner.wait_for(state="visible")
    wait_bot(page, "naloxone")
    page.wait_for_timeout(300)  # let the buttons under the reply settle
    g = geometry(page)
    page.screenshot(path=str(artifacts / f"widget-crisis-{size}.png"))
    assert_reply_fully_visible(g, f"{size} px, as it arrives")
    # the compact bar: 911, 988 and the help line, one tap each
    hrefs = banner.locator("a").evaluate_all(
        "links => links.filter(a => a.offsetParent).map(a => a.getAttribute('href'))"
    )
    assert hrefs == ["tel:911", "tel:988", "tel:" + FACTS.helpline_e164], hrefs
    assert g["banner"]["height"] <= 60, ("one compact row", g["banner"])
    assert g["log"]["height"] >= 240, ("room for the reply", g["log"])

    # the details open on demand and close again
    more = banner.locator(".iopw-crisis-more")
    more.tap()
    assert more.get_attribute("aria-expanded") == "true"
    assert "Suicide & Crisis Lifeline" in banner.inner_text()
    page.screenshot(path=str(artifacts / f"widget-crisis-{size}-more.png"))
    more.tap()
    assert more.get_attribute("aria-expanded") == "false"

    # a reload opens at the latest message: the crisis reply, fully in view
    page.reload()
    page.wait_for_selector(PANEL, state="visible", timeout=LONG)
    page.locator(CRISIS_REPLY).wait_for()
    page.wait_for_timeout(300)
    reloaded = geometry(page)
    page.screenshot(path=str(artifacts / f"widget-crisis-{size}-reload.png"))
    assert_reply_fully_visible(reloaded, f"{size} px, after a reload")
    (artifacts / f"widget-crisis-{size}.json").write_text(
        json.dumps({"arrived": g, "reloaded": reloaded}, indent=2)
    )


def test_reload_opens_at_latest_message(browser_context, webpage):
    context = browser_context(viewport={"width": 1280, "height": 800})
    page = load(context, webpage)
    open_chat(page)
    for question, answer in (
        ("what is IOP", "structured treatment"),
        ("what's the schedule", "week"),
        ("how much does it cost", "insurance"),
    ):
        say(page, question)
        wait_bot(page, answer)
    page.locator(".iopw-reply").first.wait_for(timeout=LONG)
    page.reload()
    page.wait_for_selector(PANEL, state="visible", timeout=LONG)
    wait_online(page)
    state = page.evaluate(
        """() => { const log = document.querySelector('.iopw-log');
            const last = [...log.querySelectorAll('.iopw-msg-bot')].pop().getBoundingClientRect();
            const box = log.getBoundingClientRect();
            return {scrollable: log.scrollHeight > log.clientHeight, top: log.scrollTop,
                    max: log.scrollHeight - log.clientHeight,
                    lastTop: last.top, logTop: box.top, logBottom: box.bottom}; }"""
    )
    assert state["scrollable"], state
    assert state["top"] > 0, ("not at the top of the history", state)
    assert state["logTop"] <= state["lastTop"] < state["logBottom"], ("latest reply in view", state)


def test_tapping_a_quick_reply_does_not_raise_the_keyboard(browser_context, webpage):
    context = browser_context(viewport=PHONES["375"], is_mobile=True, has_touch=True)
    page = load(context, webpage)
    page.locator(".iopw-launcher").tap()
    page.wait_for_selector(PANEL, state="visible")
    wait_online(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    say(page, "what is IOP")
    wait_bot(page, "structured treatment")
    page.evaluate("document.activeElement && document.activeElement.blur()")  # keyboard down
    page.locator(".iopw-reply", has_text="Tell me more").tap()
    wait_bot(page, "smaller")
    active = page.evaluate("document.activeElement && document.activeElement.className")
    assert "iopw-input" not in (active or ""), "a tap must not focus the message box"
    assert page.evaluate(f"!document.querySelector('{INPUT}').matches(':focus')")
