"""Issue 14, item 9: a channel name with "$...$" broke the dashboard chart (mathtext)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from console_data import NOW, Conversation, save
from console_helpers import login

from iop_assistant.console import charts, indexer
from iop_assistant.console.stats import Stats

BAD = ["x$\\undefinedcmd$y", "$\\frac{1}{0}$", "a\\$x$", "$" * 40]


@pytest.mark.parametrize("name", BAD)
def test_chart_labels_are_drawn_as_written(name):
    stats = Stats()
    stats.days, stats.channels = ["2026-12-01"], [name]
    stats.per_day = {"2026-12-01": {name: 1}}
    assert charts.render("per_day", stats).startswith(b"<?xml")
    stats.top_intents = [(name, 3)]
    assert charts.render("intents", stats).startswith(b"<?xml")


def test_channel_names_are_allow_listed():
    assert indexer.channel_label("sms") == "sms"
    assert indexer.channel_label("SocketIO") == "socketio"
    assert indexer.channel_label(BAD[0]) == "other"
    assert indexer.channel_label(None) == "other"


def test_a_claimed_channel_name_cannot_break_the_dashboard(settings, server):
    tracker = settings.tracker_db_url.removeprefix("sqlite:///")
    odd = Conversation("web-odd", NOW - timedelta(hours=1), channel=BAD[0]).user("hi", "greet")
    save(tracker, [odd])
    indexer.run_once(settings)
    client = login(server.url, "cleo")
    chart = client.get(server.url + "/dashboard/chart/per_day.svg", params={"days": 7})
    assert chart.status_code == 200 and "undefinedcmd" not in chart.text
    assert "other" in chart.text
    assert client.get(server.url + "/conversations", params={"channel": "other"}).status_code == 200
