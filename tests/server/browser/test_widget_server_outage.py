"""The Rasa server goes away mid-conversation and comes back.

The real `rasa run` process is stopped and started again (same port, same SQL
tracker store), as an outage or a deploy would. It stops a Rasa server, so it
gets servers and a page server of its own (``own_page``): the session's shared
ones are never touched, and the other widget tests pass in any order with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from widget_steps import BOT, LONG, USER, Recorder, load, open_chat, say, wait_bot, wait_online

from iop_assistant import program_facts
from tests.server.browser.conftest import Page, serve_page
from tests.server.conftest import Servers

RESTART = 300_000  # ms: loading the model again takes a while on 2 shared cores


@pytest.fixture(scope="module")
def own_servers(trained_model: Path, tmp_path_factory) -> Iterator[Servers]:
    running = Servers(tmp_path_factory.mktemp("widget-outage"))
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def own_page(own_servers: Servers, tmp_path_factory) -> Iterator[Page]:
    with serve_page(own_servers, tmp_path_factory.mktemp("widget-outage-page") / "web.log") as page:
        yield page


def test_server_outage_then_recovery(browser_context, own_page: Page, own_servers: Servers):
    webpage, servers = own_page, own_servers
    facts = program_facts.load()
    context = browser_context()
    recorder = Recorder()
    page = load(context, webpage, recorder)
    open_chat(page)
    say(page, "what is IOP")
    wait_bot(page, "structured treatment")
    replies_before = page.locator(BOT).count()

    servers.rasa.terminate()
    try:
        servers.rasa.wait(timeout=60)
        page.wait_for_selector(
            ".iopw-root[data-iopw-connection=offline]", state="attached", timeout=LONG
        )
        status = page.locator(".iopw-status")
        status.wait_for(state="visible")
        assert "can't reach the assistant" in status.inner_text()
        call = status.locator("a.iopw-status-call")
        assert call.get_attribute("href") == "tel:" + facts.helpline_e164
        assert facts.helpline in call.inner_text()
        assert page.locator(".iopw-call").is_visible(), "the help line stays on screen"
        # a message typed during the outage waits, visibly, and is sent later
        say(page, "what's the schedule")
        page.locator(".iopw-pending").wait_for(timeout=LONG)
    finally:
        if servers.rasa.poll() is not None:
            servers.start_rasa()

    wait_online(page, timeout=RESTART)
    page.locator(".iopw-pending").wait_for(state="detached", timeout=LONG)
    page.locator(BOT).nth(replies_before).wait_for(timeout=LONG)
    assert page.locator(".iopw-status").inner_text() == ""
    # and the conversation goes on
    say(page, "Tell me more")
    page.locator(USER, has_text="Tell me more").wait_for()
    page.locator(BOT).nth(replies_before + 1).wait_for(timeout=LONG)
    assert recorder.foreign(webpage.origins) == []
