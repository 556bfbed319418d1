"""Retention purge: the dry run lists and deletes nothing; the real run deletes everywhere."""

from __future__ import annotations

import io
from datetime import timedelta

from sqlalchemy import func, select, text

from iop_assistant.console import purge
from iop_assistant.console.db import app_engine, tracker_engine
from iop_assistant.console.models import AuditEvent, ConversationSummary, SearchTerm
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, ConversationContact, ProcessedMessage


def events_of(settings, sender):
    with tracker_engine(settings.tracker_db_url).connect() as conn:
        return conn.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}
        ).scalar_one()


def _add_contact(settings, clock):
    with session_scope(app_engine(settings.database_url)) as session:
        session.add(
            ConversationContact(
                conversation_id="web-old", channel="sms", phone_number="+12025550100"
            )
        )
        session.add(
            ProcessedMessage(
                message_sid="SM1",
                conversation_id="web-old",
                received_at=clock() - timedelta(days=200),
            )
        )


def test_dry_run_lists_and_keeps_everything(settings, clock):
    _add_contact(settings, clock)
    out = io.StringIO()
    plan = purge.run(settings, dry_run=True, out=out)
    assert plan.conversations == ["web-old"]
    assert "Would delete 1 conversations" in out.getvalue() and "web-old" in out.getvalue()
    assert plan.counts["tracker events"] == events_of(settings, "web-old") > 0
    assert plan.counts["contacts (phone numbers)"] == 1
    assert events_of(settings, "web-old") > 0
    with session_scope(app_engine(settings.database_url)) as session:
        assert session.get(ConversationSummary, "web-old") is not None


def test_purge_deletes_old_conversations_everywhere(settings, clock):
    _add_contact(settings, clock)
    purge.run(settings, dry_run=False, out=io.StringIO())
    assert events_of(settings, "web-old") == 0
    assert events_of(settings, "web-plain") > 0  # 2 days old: kept
    with session_scope(app_engine(settings.database_url)) as session:
        assert session.get(ConversationSummary, "web-old") is None
        assert session.get(ConversationContact, "web-old") is None
        assert session.execute(select(func.count()).select_from(ProcessedMessage)).scalar() == 0
        terms = select(func.count()).where(SearchTerm.conversation_id == "web-old")
        assert session.execute(terms).scalar() == 0
        purges = select(AuditEvent).where(AuditEvent.action == "purge")
        assert len(list(session.execute(purges).scalars())) == 1


def test_open_callbacks_keep_their_conversation(settings, clock):
    clock.advance(days=120)  # now everything is old
    with session_scope(app_engine(settings.database_url)) as session:
        session.get(CallbackRequest, 2).status = "closed"  # web-crisis: closed → purged
    plan = purge.run(settings, dry_run=False, out=io.StringIO())
    assert "sms-callback" in plan.kept_open_callback
    assert events_of(settings, "sms-callback") > 0 and events_of(settings, "web-crisis") == 0
    with session_scope(app_engine(settings.database_url)) as session:
        assert session.get(CallbackRequest, 2) is None and session.get(CallbackRequest, 1)
