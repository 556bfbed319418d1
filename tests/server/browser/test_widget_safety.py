"""Hostile text renders as text, nothing leaves for other origins, axe finds no serious issue."""

from __future__ import annotations

import json
from pathlib import Path

import requests
from widget_steps import (
    BOT,
    LONG,
    USER,
    Recorder,
    load,
    open_chat,
    say,
    session_id,
    wait_bot,
)

AXE = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"

PAYLOADS = [
    "<img src=x onerror=\"window.__xss='img'\">",
    "<script>window.__xss='script'</script>",
    "javascript:window.__xss='js'",
    "[click me](javascript:window.__xss='md')",
    "<a href=\"javascript:window.__xss='a'\">link</a>",
]


def assert_inert(page, recorder: Recorder) -> None:
    assert page.evaluate("window.__xss") is None, "a payload ran"
    assert recorder.dialogs == []
    log = page.locator(".iopw-log")
    assert log.locator("img, script, iframe, object, embed").count() == 0
    hrefs = log.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(h.startswith(("tel:", "http://", "https://")) for h in hrefs), hrefs


def test_user_typed_markup_is_text(browser_context, webpage):
    context = browser_context()
    recorder = Recorder()
    page = load(context, webpage, recorder)
    open_chat(page)
    for payload in PAYLOADS:
        say(page, payload)
        page.locator(USER, has_text=payload).wait_for(timeout=LONG)
    page.locator(BOT).nth(len(PAYLOADS)).wait_for(timeout=LONG)  # the bot answered
    texts = page.locator(USER).all_text_contents()
    assert [t.replace("You said: ", "") for t in texts] == PAYLOADS
    page.reload()  # the stored transcript re-renders as text too
    page.locator(USER).nth(len(PAYLOADS) - 1).wait_for(timeout=LONG)
    assert_inert(page, recorder)


def test_bot_text_with_markup_is_text(browser_context, webpage, servers):
    """A real server path: a response template filled from a slot holding hostile text.

    The slot is set through Rasa's HTTP API, then the bot utters a response that
    interpolates it, sent over the socket.io output channel to the widget.
    """
    context = browser_context()
    recorder = Recorder()
    page = load(context, webpage, recorder)
    open_chat(page)
    say(page, "what is IOP")  # start the session first: a new session resets slots
    wait_bot(page, "structured treatment")
    sid = session_id(page)
    hostile = " ".join(PAYLOADS)
    auth = {"token": servers.token}
    set_slot = requests.post(
        f"{servers.rasa_url}/conversations/{sid}/tracker/events",
        params=auth,
        json={"event": "slot", "name": "program_name", "value": hostile},
        timeout=30,
    )
    set_slot.raise_for_status()
    execute = requests.post(
        f"{servers.rasa_url}/conversations/{sid}/execute",
        params={**auth, "output_channel": "socketio"},
        json={"name": "utter_disclaimer"},
        timeout=60,
    )
    execute.raise_for_status()
    message = wait_bot(page, "window.__xss")
    shown = message.inner_text()
    for payload in PAYLOADS:
        assert payload in shown, payload
    assert_inert(page, recorder)
    assert recorder.foreign(webpage.origins) == []


def run_axe(page) -> dict:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'wcag22aa', 'best-practice']},
            resultTypes: ['violations'],
        })"""
    )
    return {
        "violations": [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]],
            }
            for v in result["violations"]
        ]
    }


def serious(report: dict) -> list:
    return [v for v in report["violations"] if v["impact"] in ("serious", "critical")]


def test_axe_no_serious_violations(browser_context, webpage, artifacts):
    # axe is injected as an inline script: only this context bypasses the page's CSP
    context = browser_context(bypass_csp=True)
    page = load(context, webpage)
    closed = run_axe(page)

    open_chat(page)
    say(page, "what is IOP")
    wait_bot(page, "structured treatment")
    page.locator(".iopw-reply").first.wait_for(timeout=LONG)
    opened = run_axe(page)

    say(page, "I want to kill myself")
    page.locator("[data-iopw-crisis]").wait_for(state="visible", timeout=LONG)
    crisis = run_axe(page)

    report = {"closed": closed, "open": opened, "crisis": crisis}
    (artifacts / "axe-report.json").write_text(json.dumps(report, indent=2))
    for state, result in report.items():
        assert serious(result) == [], (state, serious(result))
