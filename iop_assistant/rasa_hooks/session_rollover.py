"""A long session rolls over into a new one that carries its state (issue 17).

Rasa 3.6 reads, stores and replays every event of the current session on every
turn, so turn 200 of one conversation costs about twice turn 5 even with the state
window (:mod:`.state_window`). Sessions end only after 60 idle minutes
(``domain/core.yml``), so a long chat never gets cheaper.

:func:`install` wraps ``MessageProcessor._update_tracker_session``: when a session
that has not expired has :data:`ROLLOVER_EVENTS` events, it starts a new session in
place, before the new message is read, with nothing lost:

* every slot that is not at its initial value (the crisis flag, form answers, the
  language, the screening's results) and the active form, as they were before the
  carried turns;
* the last :data:`CARRIED_ACTIONS` actions' events copied as they are, so the
  policies' last :data:`.state_window.WINDOW` states are exactly what they were (rules
  that look back, the form's requested slot, the last bot message for "repeat that").

No action runs and no message is sent: the events are added to the tracker, which the
tracker store saves with the turn. Every added event carries
:data:`iop_assistant.rasa_hooks.carried.CARRIED_KEY` in its metadata, so the console
shows each message once. A paused conversation (staff have it) never rolls over; an
idle-expired one takes Rasa's own path (a fresh session, the first message's rules).
"""

from __future__ import annotations

import copy
import functools
import time
from typing import Any, Dict, List

from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    SessionStarted,
    SlotSet,
)
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.rasa_hooks import patching
from iop_assistant.rasa_hooks.carried import CARRIED_KEY
from iop_assistant.rasa_hooks.state_window import WINDOW

# About 40 turns of chat (4-6 events a turn); the measured cost of a turn grows by
# about 0.03 ms an event (docs/performance.md). 300 until 2026-12-04 (late): turn 200
# took x1.39-1.66 turn 5 over four bench runs, against issue 17's x1.5
ROLLOVER_EVENTS = 200
# One more than the window, so its first state is cleaned against its predecessor
CARRIED_ACTIONS = WINDOW + 1
_METHOD = "_update_tracker_session"


def session_length(tracker: DialogueStateTracker, limit: int) -> int:
    """Events since the latest session start, counted up to ``limit`` from the end."""
    count = 0
    for event in reversed(tracker.events):
        if event.type_name in (SessionStarted.type_name, "restart") or count >= limit:
            break
        count += 1
    return count


def rollover_due(tracker: DialogueStateTracker) -> bool:
    """A long session, not paused for staff."""
    return session_length(tracker, ROLLOVER_EVENTS) >= ROLLOVER_EVENTS and not tracker.is_paused()


def _copy(event: Event, at: float) -> Event:
    """The event as a rollover's copy: the new session's time, marked as carried."""
    carried = copy.copy(event)
    carried.timestamp = at
    carried.metadata = {**(event.metadata or {}), CARRIED_KEY: True}
    return carried


def carried_events(tracker: DialogueStateTracker, domain: Domain, at: float) -> List[Event]:
    """The new session's first events: its start, the state before the carried turns,
    then the carried turns. Empty when the session is too short to carry anything."""
    applied = tracker.applied_events()
    actions = [i for i, event in enumerate(applied) if isinstance(event, ActionExecuted)]
    if len(actions) <= CARRIED_ACTIONS:
        return []
    start = actions[-CARRIED_ACTIONS]
    before = DialogueStateTracker.from_events(
        tracker.sender_id, applied[:start], slots=list(domain.slots)
    )
    mark: Dict[str, Any] = {CARRIED_KEY: True}
    events: List[Event] = [SessionStarted(timestamp=at, metadata=dict(mark))]
    for name, slot in before.slots.items():
        if slot.value != slot.initial_value:
            events.append(SlotSet(name, slot.value, timestamp=at, metadata=dict(mark)))
    loop = before.active_loop
    if loop is not None and loop.name:
        # (an interruption needs no copy: Rasa clears it at the next action, the tail's first)
        events.append(ActiveLoop(loop.name, timestamp=at, metadata=dict(mark)))
    events += [_copy(event, at) for event in applied[start:]]
    return events


def roll_over(tracker: DialogueStateTracker, domain: Domain) -> bool:
    """Starts the new session in ``tracker`` (no action, no message); True if it did."""
    events = carried_events(tracker, domain, time.time())
    for event in events:
        tracker.update(event)
    return bool(events)


def _wrap(original: Any) -> Any:
    @functools.wraps(original)
    async def update_tracker_session(
        self: MessageProcessor, tracker: DialogueStateTracker, *args: Any, **kwargs: Any
    ) -> None:
        if (
            rollover_due(tracker)
            and not self._has_session_expired(tracker)
            and roll_over(tracker, self.domain)
        ):
            return
        await original(self, tracker, *args, **kwargs)

    return update_tracker_session


def installed() -> bool:
    return patching.replaced(MessageProcessor, _METHOD, __name__)


def install() -> bool:
    """Wraps the session check (idempotent); True when installed now."""
    return patching.replace(MessageProcessor, _METHOD, __name__, _wrap)


def uninstall() -> None:
    """Back to Rasa's own session check."""
    patching.restore(MessageProcessor, _METHOD, __name__)
