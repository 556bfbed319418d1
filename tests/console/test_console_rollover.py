"""A conversation whose long session rolled over (issue 17) reads as one conversation in
the console: each message shown and counted once, the copies the new session carries
left out."""

from __future__ import annotations

from datetime import timedelta

from console_data import NOW, Conversation, save
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from iop_assistant.console import indexer, transcript
from iop_assistant.console.db import app_engine, tracker_engine
from iop_assistant.console.models import ConversationSummary
from iop_assistant.rasa_hooks import session_rollover
from tests.domains import rasa_domain

TURNS = 60


def rolled_conversation() -> Conversation:
    """Sixty question turns, the rollover Rasa's hook makes, then one more turn."""
    domain = rasa_domain()
    conv = Conversation("web-long", NOW - timedelta(hours=2))
    for n in range(TURNS):
        conv.user(f"question {n}", "ask_schedule").bot("utter_ask_schedule", f"answer {n}")
    tracker = DialogueStateTracker.from_events(conv.sender, conv.events, slots=domain.slots)
    assert session_rollover.roll_over(tracker, domain)
    conv.events = list(tracker.events)
    return conv.user("last question", "ask_schedule").bot("utter_ask_schedule", "last answer")


def test_each_message_is_shown_and_counted_once(settings):
    save(settings.tracker_db_url.removeprefix("sqlite:///"), [rolled_conversation()])
    indexer.run_once(settings)
    with tracker_engine(settings.tracker_db_url).connect() as conn:
        rows = transcript.load_events(conn, "web-long")
    copies = [row for row in rows if '"iop_carried": true' in row[-1]]
    assert len(copies) >= session_rollover.CARRIED_ACTIONS  # the copies are stored
    turns = transcript.build(rows, reveal=True)
    said = ["".join(p for p, _ in t.pieces) for t in turns if t.kind == "user"]
    assert said == [f"question {n}" for n in range(TURNS)] + ["last question"]
    answers = [t for t in turns if t.kind == "bot"]
    assert len(answers) == TURNS + 1
    assert [t.kind for t in turns].count("session") == 1  # the rollover is not a new visit
    with app_engine(settings.database_url).connect() as conn:
        summary = conn.execute(
            select(ConversationSummary).where(ConversationSummary.conversation_id == "web-long")
        ).one()
    assert summary.turns == TURNS + 1
