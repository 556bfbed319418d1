"""A long session's rollover (issue 17) through the real SQL tracker store: the next read
holds only the new session, and it reads exactly as the old one did.

Runs on SQLite (always) and PostgreSQL (when installed; required in CI).
"""

from __future__ import annotations

import json
import uuid

from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.rasa_hooks import session_rollover
from iop_assistant.rasa_hooks.carried import CARRIED_KEY
from tests.rasa_hooks.test_session_rollover import DOMAIN, long_conversation, view
from tests.scale.test_tracker_store_save import db_url, run, store  # noqa: F401


def test_the_sql_store_reads_back_only_the_new_session_with_the_same_state(store):  # noqa: F811
    store.domain = DOMAIN
    sender = f"rollover-{uuid.uuid4().hex}"
    long = long_conversation(120)
    run(store.save(DialogueStateTracker.from_events(sender, list(long.events), DOMAIN.slots)))
    tracker = run(store.retrieve(sender))
    assert session_rollover.roll_over(tracker, DOMAIN)
    tracker.update(UserUttered("one more", intent={"name": "ask_schedule", "confidence": 0.9}))
    run(store.save(tracker))
    read = run(store.retrieve(sender))
    assert view(read) == view(tracker)
    assert len(read.events) < session_rollover.ROLLOVER_EVENTS // 2
    assert json.dumps(read.events[0].as_dict()).count(CARRIED_KEY) == 1  # its session start
