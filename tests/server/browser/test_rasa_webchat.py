"""The Rasa ecosystem's standard web client, rasa-webchat (npm, pinned), against our server.

Issue 15, item 6: a third-party socket.io client on an allowed page origin gets
its question answered, a quick reply tapped, and its session kept across a
reload. The bundle is the package's own self-contained ``lib/index.js``,
fetched once with ``npm pack`` and checked against the registry's integrity
hash, and added to a real page of the page server (http://localhost:PORT/,
an origin the test Rasa server allows), so nothing is added to the page
server. docs/widget.md shows the same setup.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest
from widget_steps import LONG, Recorder

REPO = Path(__file__).resolve().parents[3]
VERSION = "1.0.1"
INTEGRITY = "sha512-" + (  # the registry's dist.integrity for 1.0.1
    "Ld1zVJvTAaTrs6A5p8t70agNNrKYRyXlvqXZRgBoDvKKUXbA0jhJKECi5bdPGlaR6jsmqWtVylHS+YqIqo0x8w=="
)
CACHE = REPO / "node_modules" / ".cache" / f"rasa-webchat-{VERSION}" / "index.js"

BOT = ".rw-response"
USER = ".rw-client"
INPUT = ".rw-new-message"


def fetch_bundle() -> Path:
    """rasa-webchat's lib/index.js, from the npm registry by the npm client, integrity-checked."""
    if CACHE.exists():
        return CACHE
    npm = shutil.which("npm")
    if not npm:
        if os.environ.get("CI"):
            pytest.fail("npm is missing")
        pytest.skip("npm is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [npm, "pack", f"rasa-webchat@{VERSION}", "--pack-destination", tmp, "--silent"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            if os.environ.get("CI"):
                pytest.fail(f"npm pack rasa-webchat@{VERSION}: {done.stderr[-500:]}")
            pytest.skip(f"npm pack rasa-webchat@{VERSION} failed (offline?)")
        tarball = Path(tmp) / f"rasa-webchat-{VERSION}.tgz"
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        assert "sha512-" + digest == INTEGRITY, "rasa-webchat tarball does not match its pin"
        with tarfile.open(tarball) as tar:
            bundle = tar.extractfile("package/lib/index.js").read()
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(bundle)
    return CACHE


def settings(rasa_url: str) -> dict:
    """rasa-webchat's props, as docs/widget.md gives them."""
    return {
        "selector": "#webchat",
        "initPayload": "hello",
        "socketUrl": rasa_url,
        "socketPath": "/socket.io/",
        "customData": {"language": "en"},
        "embedded": True,
        "title": "Chat with us",
        "params": {"storage": "session"},
    }


def start_webchat(page, bundle: str, rasa_url: str) -> None:
    """rasa-webchat on a page of ours, as a site would add it with a script tag."""
    page.evaluate(
        """() => { const box = document.createElement('div'); box.id = 'webchat';
            box.style.height = '600px'; document.querySelector('main').prepend(box); }"""
    )
    page.add_script_tag(content=bundle)
    page.evaluate("(props) => WebChat.default(props, null)", settings(rasa_url))


def stored_session(page) -> str:
    return page.evaluate("JSON.parse(sessionStorage.getItem('chat_session')).session_id")


def test_rasa_webchat_against_our_server(browser_context, webpage, servers, artifacts):
    bundle = fetch_bundle().read_text()
    # the bundle is added as an inline script: only this context bypasses the page's CSP
    context = browser_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    # rasa-webchat's stylesheet imports a web font from a third party: not wanted here
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
    recorder = Recorder()
    page = context.new_page()
    recorder.attach(page)
    # a real page from the page server, at the README's host: Chromium lets only a
    # page that really came from the loopback address reach Rasa on loopback
    url = webpage.localhost_url + "/privacy.html"
    page.goto(url)
    start_webchat(page, bundle, servers.rasa_url)

    # its init payload opens the conversation: the assistant's one greeting
    page.locator(BOT, has_text="not a person").first.wait_for(timeout=LONG)
    page.locator(".rw-reply").first.wait_for(timeout=LONG)
    sid = stored_session(page)
    assert sid

    # a question answered
    page.fill(INPUT, "what is IOP")
    page.press(INPUT, "Enter")
    page.locator(BOT, has_text="structured treatment").wait_for(timeout=LONG)

    # a quick reply tapped: its payload goes to the server, the answer comes back
    page.locator(".rw-reply", has_text="Tell me more").click()
    page.locator(BOT, has_text="smaller").wait_for(timeout=LONG)
    page.screenshot(path=str(artifacts / "rasa-webchat-1280.png"))
    said = [e.get("text") for e in servers.tracker(sid)["events"] if e.get("event") == "user"]
    assert said[:3] == ["hello", "what is IOP", "/ask_more"], said

    # a reload keeps the session: same id, the history shown, the conversation goes on
    shown = page.locator(BOT).count()
    page.reload()
    start_webchat(page, bundle, servers.rasa_url)
    page.locator(BOT, has_text="smaller").wait_for(timeout=LONG)
    assert stored_session(page) == sid
    assert page.locator(BOT).count() >= shown
    page.fill(INPUT, "what's the schedule")
    page.press(INPUT, "Enter")
    page.locator(USER, has_text="what's the schedule").wait_for()
    page.locator(BOT, has_text="3-hour sessions").wait_for(timeout=LONG)
    said = [e.get("text") for e in servers.tracker(sid)["events"] if e.get("event") == "user"]
    assert said[-1] == "what's the schedule", said
    assert said.count("hello") == 1, ("no second init payload after the reload", said)
    page.screenshot(path=str(artifacts / "rasa-webchat-reload-1280.png"))
    allowed = webpage.origins | {"https://fonts.googleapis.com:None"}
    assert recorder.foreign(allowed) == []


def test_rasa_webchat_defaults_empty_init_and_call_button(
    browser_context, webpage, servers, artifacts
):
    """Its default (empty) init payload is ignored; the crisis reply's "Call 911" answers 911."""
    bundle = fetch_bundle().read_text()
    context = browser_context(viewport={"width": 375, "height": 740}, bypass_csp=True)
    context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(webpage.localhost_url + "/privacy.html")
    props = {k: v for k, v in settings(servers.rasa_url).items() if k != "initPayload"}
    page.add_script_tag(content=bundle)
    page.evaluate(
        """(props) => { const box = document.createElement('div'); box.id = 'webchat';
            box.style.height = '640px'; document.querySelector('main').prepend(box);
            WebChat.default(props, null); }""",
        props,
    )
    page.wait_for_function("sessionStorage.getItem('chat_session') !== null", timeout=LONG)
    page.locator(INPUT).wait_for(timeout=LONG)
    page.wait_for_timeout(2000)  # time for a reply to an empty init payload, if one came
    assert page.locator(BOT).count() == 0, "an empty init payload is not answered"
    sid = stored_session(page)

    page.fill(INPUT, "my friend overdosed and isn't breathing")
    page.press(INPUT, "Enter")
    crisis = page.locator(BOT, has_text="Call 911 now")
    crisis.wait_for(timeout=LONG)
    shown = page.locator(BOT).count()
    page.locator(".rw-reply", has_text="Call 911").first.click()
    page.locator(BOT).nth(shown).wait_for(timeout=LONG)
    page.wait_for_timeout(1500)  # nothing else follows the answer
    after = page.locator(BOT).all_inner_texts()[shown:]
    assert after == ["Please call 911 now from your phone."], after
    page.screenshot(path=str(artifacts / "rasa-webchat-call-911-375.png"))
    said = [e.get("text") for e in servers.tracker(sid)["events"] if e.get("event") == "user"]
    assert said == ["my friend overdosed and isn't breathing"], said
