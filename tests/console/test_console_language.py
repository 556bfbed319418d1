"""The conversation's language in the console (issue 18): indexed, shown, filtered, exported."""

from __future__ import annotations

import csv
import dataclasses
import io
from typing import Iterator

import pytest
from alembic import command
from console_data import NOW, Conversation, save
from console_helpers import LiveServer, login, token
from sanic import Sanic
from sqlalchemy import select

from iop_assistant.console import indexer, listing
from iop_assistant.console.db import app_engine, tracker_engine
from iop_assistant.console.models import ConversationSummary, IndexerState
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.migrations import alembic_config, migrate
from iop_assistant.store.db import session_scope

BEFORE_LANGUAGE = "0006_handoff_typing"


def languages(settings: ConsoleSettings) -> dict[str, str]:
    with session_scope(app_engine(settings.database_url)) as session:
        rows = session.execute(select(ConversationSummary)).scalars()
        return {row.conversation_id: row.language for row in rows}


def ids(settings: ConsoleSettings, **kwargs) -> list[str]:
    with app_engine(settings.database_url).connect() as conn:
        page = listing.list_page(conn, listing.ListFilter(**kwargs), 50)
    return [row["conversation_id"] for row in page.rows]


def test_the_language_slot_is_indexed_and_english_without_one(settings):
    found = languages(settings)
    assert found.pop("web-spanish") == "es"
    assert set(found.values()) == {"en"}  # no language slot: the slot's initial value


def test_the_filter_shows_one_language(settings):
    assert ids(settings, language="es") == ["web-spanish"]
    english = ids(settings, language="en")
    assert len(english) == 7 and "web-spanish" not in english


def test_an_unknown_language_is_ignored_like_an_unknown_flag():
    assert listing.ListFilter.from_args({"language": ["es"]}).language == "es"
    assert listing.ListFilter.from_args({"language": ["fr"]}).language == ""
    assert listing.ListFilter.from_args({"language": ["es' OR 1=1"]}).language == ""
    flt = listing.ListFilter.from_args({"language": ["es"], "channel": ["rest"]})
    assert flt.query_args(page=2) == {"language": "es", "channel": "rest", "page": 2}


def test_a_later_language_slot_wins(settings):
    tracker = settings.tracker_db_url.removeprefix("sqlite:///")
    save(tracker, [Conversation("web-spanish", NOW).slot("language", "en")])
    save(tracker, [Conversation("web-plain", NOW).slot("language", "es")])
    indexer.run_once(settings)
    found = languages(settings)
    assert (found["web-spanish"], found["web-plain"]) == ("en", "es")


def test_the_list_shows_the_language_and_filters_by_it(server):
    client = login(server.url, "cleo")
    everything = client.get(server.url + "/conversations").text
    assert "<th>Language</th>" in everything
    assert 'data-label="Language" lang="es">Español</td>' in everything
    assert 'data-label="Language" lang="en">English</td>' in everything
    spanish = client.get(server.url + "/conversations", params={"language": "es"}).text
    assert "web-spanish" in spanish and "web-crisis" not in spanish
    assert '<option value="es" lang="es" selected>Español</option>' in spanish
    assert '<input type="hidden" name="language" value="es">' in spanish  # the CSV export's
    unknown = client.get(server.url + "/conversations", params={"language": "xx"})
    assert unknown.status_code == 200
    assert "web-spanish" in unknown.text and "web-crisis" in unknown.text


def test_the_csv_export_has_the_language_and_keeps_the_filter(server):
    client = login(server.url, "cleo")
    csrf = token(client, server.url, "/conversations")
    body = client.post(
        server.url + "/conversations/export.csv", data={"csrf_token": csrf, "language": "es"}
    ).text
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(r["conversation_id"], r["language"]) for r in rows] == [("web-spanish", "es")]


@pytest.fixture
def three_a_page(settings, monkeypatch) -> Iterator[LiveServer]:
    monkeypatch.setattr(Sanic, "test_mode", True)
    live = LiveServer(dataclasses.replace(settings, page_size=3)).start()
    try:
        yield live
    finally:
        live.stop()


def test_page_links_keep_the_language(three_a_page):
    client = login(three_a_page.url, "cleo")
    first = client.get(three_a_page.url + "/conversations", params={"language": "en"}).text
    assert 'href="/conversations?language=en&amp;page=2">older' in first
    second = client.get(three_a_page.url + "/conversations?language=en&page=2").text
    assert 'href="/conversations?language=en&amp;page=1">' in second
    assert "web-spanish" not in first + second


def back_to_before_the_language_column(settings: ConsoleSettings) -> None:
    """The app database as an older release left it, then migrated to head again."""
    engine = app_engine(settings.database_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), BEFORE_LANGUAGE)
    migrate(engine)


def test_conversations_indexed_before_the_column_get_their_language(settings):
    back_to_before_the_language_column(settings)
    assert languages(settings)["web-spanish"] == "en"  # not yet re-read
    app, tracker = app_engine(settings.database_url), tracker_engine(settings.tracker_db_url)
    assert indexer.backfill_language(app, tracker, batch_size=2) > 2  # several batches
    assert languages(settings)["web-spanish"] == "es"
    with session_scope(app) as session:
        names = set(session.execute(select(IndexerState.name)).scalars())
    assert not names & {indexer.STATE_LANGUAGE_TO, indexer.STATE_LANGUAGE_DONE}  # done once
    assert indexer.backfill_language(app, tracker) == 0


def test_the_indexer_backfills_before_it_reads_newer_events(settings):
    back_to_before_the_language_column(settings)
    tracker = settings.tracker_db_url.removeprefix("sqlite:///")
    save(tracker, [Conversation("web-spanish", NOW).slot("language", "en")])
    indexer.run_once(settings)
    assert languages(settings)["web-spanish"] == "en"  # the newer slot, not the backfilled one
