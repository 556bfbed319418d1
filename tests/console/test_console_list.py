"""Indexer and list: flags, risk order, filters, search, paging, incremental indexing."""

from __future__ import annotations

from datetime import timedelta

from console_data import NOW, Conversation, save
from sqlalchemy import select

from iop_assistant.console import indexer, listing
from iop_assistant.console.db import app_engine
from iop_assistant.console.models import ConversationSummary, UnclearMessage
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import ConversationContact, OptOut


def page(settings, **kwargs):
    flt = listing.ListFilter(**kwargs)
    with app_engine(settings.database_url).connect() as conn:
        return listing.list_page(conn, flt, 50)


def ids(result):
    return [r["conversation_id"] for r in result.rows]


def test_flags_and_risk_order(settings):
    result = page(settings)
    assert ids(result)[:4] == ["web-crisis", "sms-callback", "web-screen", "web-unclear"]
    rows = {r["conversation_id"]: r for r in result.rows}
    assert rows["web-crisis"]["crisis"] and rows["web-crisis"]["crisis_category"] == "suicidal"
    assert rows["web-screen"]["screening_outcome"] == "detox_first"
    assert rows["sms-callback"]["callback_requested"] and rows["sms-callback"]["channel"] == "sms"
    assert rows["web-unclear"]["unclear_turns"] == 2  # nlu_fallback and action_clarify, once each
    assert rows["web-xss"]["turns"] == 5


def test_filters(settings):
    assert ids(page(settings, flags=("crisis",))) == ["web-crisis"]
    assert ids(page(settings, flags=("detox_first",))) == ["web-screen"]
    assert set(ids(page(settings, flags=("callback",)))) == {"web-crisis", "sms-callback"}
    assert ids(page(settings, flags=("unclear",))) == ["web-unclear"]
    assert ids(page(settings, channel="sms")) == ["sms-callback"]
    recent = ids(page(settings, since=(NOW - timedelta(days=1)).date()))
    assert "web-old" not in recent and "web-plain" not in recent


def test_search_uses_masked_words_only(settings):
    assert ids(page(settings, query="meds")) == ["web-unclear"]
    assert ids(page(settings, query="COST program")) == ["web-plain"]
    assert ids(page(settings, query="detox")) == ["web-screen"]
    assert ids(page(settings, query="0143")) == []  # phone numbers are not indexed
    assert ids(page(settings, query="sam")) == []  # nor names collected by the form
    assert ids(page(settings, query="oak")) == []  # nor addresses


def test_paging(settings):
    with app_engine(settings.database_url).connect() as conn:
        first = listing.list_page(conn, listing.ListFilter(page=1), 3)
        third = listing.list_page(conn, listing.ListFilter(page=3), 3)
    assert first.total == 8 and first.pages == 3
    assert len(first.rows) == 3 and ids(third) == ["web-plain", "web-old"]


def test_incremental_indexing_and_opt_out(settings, tmp_path):
    tracker = settings.tracker_db_url.removeprefix("sqlite:///")
    later = Conversation("web-plain", NOW).user("I might hurt myself", "crisis", 1.0)
    save(tracker, [later, Conversation("web-new", NOW).user("hello", "greet")])
    with session_scope(app_engine(settings.database_url)) as session:
        session.add(
            ConversationContact(
                conversation_id="sms-callback", channel="sms", phone_number="+12025550143"
            )
        )
        session.add(OptOut(phone_number="+12025550143", keyword="STOP"))
    assert indexer.run_once(settings) == 4 + 4  # only the new events (session start + message)
    with session_scope(app_engine(settings.database_url)) as session:
        plain = session.get(ConversationSummary, "web-plain")
        assert plain.crisis and plain.turns == 2 and plain.risk == 3
        assert session.get(ConversationSummary, "sms-callback").opted_out
        assert session.get(ConversationSummary, "web-new").turns == 1
        assert len(list(session.execute(select(UnclearMessage)).scalars())) == 2
    assert indexer.run_once(settings) == 0
