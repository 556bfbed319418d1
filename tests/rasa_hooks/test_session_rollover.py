"""A long session rolls over into a new one with nothing lost (issue 17): the same slots,
form, crisis flag and last message, and the policies' last states exactly as before."""

from __future__ import annotations

import asyncio
import copy
from typing import Any, List

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import (
    ConversationPaused,
    SessionStarted,
    SlotSet,
)
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.rasa_hooks import session_rollover, state_window
from iop_assistant.rasa_hooks.carried import CARRIED_KEY, is_carried
from tests.rasa_hooks.test_state_window import DOMAIN, RULE_ONLY, user_turn
from tests.rasa_hooks.test_state_window import long_conversation as window_conversation

TAIL = state_window.WINDOW - 10  # states compared at the end of the conversation


def long_conversation(turns: int) -> DialogueStateTracker:
    """The state window's long conversation, with the crisis flag set near its start."""
    events = list(window_conversation(turns).events)
    events.insert(2, SlotSet("crisis_flag", True))
    return DialogueStateTracker.from_events("window", events, slots=DOMAIN.slots)


def rolled(tracker: DialogueStateTracker) -> DialogueStateTracker:
    after = copy.deepcopy(tracker)
    assert session_rollover.roll_over(after, DOMAIN)
    return after


def view(tracker: DialogueStateTracker) -> dict:
    """What the next turn's prediction and actions read from a tracker."""
    loop = tracker.active_loop
    return {
        "slots": tracker.current_slot_values(),
        "active_loop": (loop.name, loop.is_interrupted, loop.rejected) if loop else None,
        "latest_intent": tracker.latest_message.intent,
        "latest_text": tracker.latest_message.text,
        "latest_action": tracker.latest_action,
        "latest_bot": tracker.latest_bot_utterance.text if tracker.latest_bot_utterance else None,
        "paused": tracker.is_paused(),
    }


def new_session(tracker: DialogueStateTracker) -> List[Any]:
    """The events after the tracker's last session start, the start included."""
    events = list(tracker.events)
    last = max(i for i, e in enumerate(events) if isinstance(e, SessionStarted))
    return events[last:]


def test_a_long_session_is_due_and_a_short_or_paused_one_is_not():
    assert session_rollover.rollover_due(long_conversation(120))
    assert not session_rollover.rollover_due(long_conversation(20))
    paused = long_conversation(120)
    paused.update(ConversationPaused())
    assert not session_rollover.rollover_due(paused)  # staff have it: never moved under them


def test_the_new_session_reads_exactly_as_the_old_one_did():
    before = long_conversation(120)  # ends inside the callback form, crisis flag set
    after = rolled(before)
    assert view(after) == view(before)
    assert after.get_slot("crisis_flag") is True
    assert after.active_loop_name == "callback_form"
    assert after.get_slot("requested_slot") == "callback_best_time"
    for ignore in (False, True):
        kwargs = dict(ignore_rule_only_turns=ignore, rule_only_data=RULE_ONLY if ignore else None)
        old = state_window.RASA_STATES(DOMAIN, before, **kwargs)
        new = state_window.RASA_STATES(DOMAIN, after, **kwargs)
        assert new[-TAIL:] == old[-TAIL:]


def test_the_new_session_is_short_and_every_added_event_is_marked():
    before = long_conversation(120)
    after = rolled(before)
    added = new_session(after)
    assert len(added) < session_rollover.ROLLOVER_EVENTS // 2
    assert all(is_carried(e.as_dict()) for e in added)
    assert not session_rollover.rollover_due(after)
    # the copies are new events: the originals keep their own metadata
    assert not any(CARRIED_KEY in (e.metadata or {}) for e in list(before.events))


def test_a_form_started_before_the_carried_turns_is_still_active_after():
    tracker = long_conversation(10)  # ends inside the callback form
    for _ in range(60):  # questions answered while the form waits
        for event in user_turn("ask_schedule", "utter_ask_schedule"):
            tracker.update(event)
    after = rolled(tracker)
    assert view(after) == view(tracker)
    assert after.active_loop_name == "callback_form"
    assert after.get_slot("requested_slot") == "callback_best_time"


class _Processor:
    """What the wrapped session check uses of Rasa's processor."""

    def __init__(self, expired: bool) -> None:
        self.domain = DOMAIN
        self.expired = expired
        self.rasa_path = 0

    def _has_session_expired(self, tracker: DialogueStateTracker) -> bool:
        return self.expired


def _update(processor: _Processor, tracker: DialogueStateTracker) -> None:
    asyncio.run(MessageProcessor._update_tracker_session(processor, tracker, None))  # type: ignore[arg-type]


def test_installed_it_rolls_a_long_live_session_and_leaves_expired_ones_to_rasa(monkeypatch):
    calls: List[str] = []

    async def rasa_path(self, tracker, *args, **kwargs):
        calls.append(tracker.sender_id)

    monkeypatch.setattr(MessageProcessor, "_update_tracker_session", rasa_path)
    assert session_rollover.install()
    assert not session_rollover.install()  # idempotent
    live = long_conversation(120)
    _update(_Processor(expired=False), live)
    assert isinstance(new_session(live)[0], SessionStarted) and calls == []
    idle = long_conversation(120)
    _update(_Processor(expired=True), idle)  # an idle return: Rasa's fresh session
    assert calls == ["window"] and not any(CARRIED_KEY in e.metadata for e in idle.events)
    short = long_conversation(5)
    _update(_Processor(expired=False), short)
    assert calls == ["window", "window"]
    session_rollover.uninstall()
    assert MessageProcessor._update_tracker_session is rasa_path
