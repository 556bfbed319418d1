"""Policies read the last :data:`WINDOW` states of a conversation, not all of them.

Rasa 3.6 turns the whole session into policy states on every prediction
(``Domain.states_for_tracker_history``: a dictionary of slots, intent, entities,
previous action and active loop for every action so far), several times a turn,
although this assistant's policies look back only a few states: memoization
keeps ``max_history`` 3, and the longest rule or story is far shorter than the
window. So turn 200 of a conversation cost several times turn 5 (issue 17).

:func:`install` replaces that method with the same loop that builds the state
only for the last ``WINDOW`` actions (plus one before them, so the first kept
state is cleaned against its predecessor exactly as Rasa does). The events are
still replayed from the start of the session, which is cheap, so slots, the
active form and the crisis flag are exactly what they would be. Shorter
conversations take Rasa's own path. Training does not go through the launcher
and keeps Rasa's method; ``tests/rasa_hooks/test_state_window.py`` checks that
the window equals the tail of Rasa's full list on long real conversations.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, cast

from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.domain import Domain, State, SubState
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

# Twice the longest rule or story of data/ (14 states; tests/rasa_hooks/test_state_window.py
# checks): 40 until 2026-12-04 (late), when the rollover limit came down too (issue 17)
WINDOW = 28

# Rasa's own method, kept at import (this module is what replaces it)
RASA_STATES: Callable[..., List[State]] = Domain.states_for_tracker_history


def action_count(tracker: DialogueStateTracker) -> int:
    """How many states Rasa would build: one before each action, one after the last."""
    return 1 + sum(isinstance(e, ActionExecuted) for e in tracker.applied_events())


def windowed_states(
    domain: Domain,
    tracker: DialogueStateTracker,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: Dict[str, Any] | None = None,
) -> List[State]:
    """Rasa's ``states_for_tracker_history``, building only the last ``WINDOW`` states."""
    first = action_count(tracker) - WINDOW - 1
    if first <= 0:
        return RASA_STATES(
            domain, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
        )
    states: List[State] = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    for index, (tr, hide_rule_turn) in enumerate(tracker.generate_all_prior_trackers()):
        # the same bookkeeping as Rasa's loop, on every turn (it is cheap)
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = domain._get_prev_action_sub_state(tr)
            if not tr.followup_action and not tr.latest_action_name == tr.active_loop_name:
                turn_was_hidden = hide_rule_turn
            if turn_was_hidden:
                continue
        if index < first:
            continue  # the expensive part, skipped before the window
        state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
        if ignore_rule_only_turns:
            domain._remove_rule_only_features(state, rule_only_data)
            if states:
                domain._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action_sub_state:
                state[PREVIOUS_ACTION] = cast(SubState, last_ml_action_sub_state)
        states.append(domain._clean_state(state))
    if len(states) < 2:
        # every turn in the window was a rule-only turn hidden from this policy: Rasa's own
        # list (role-play round 22: an empty list made MemoizationPolicy raise IndexError on
        # every later message of a long SMS conversation, "Sorry, I can't answer right now")
        return RASA_STATES(
            domain, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data
        )
    return states[1:]  # the first was built without its own predecessor


def installed() -> bool:
    return Domain.states_for_tracker_history is windowed_states


def install() -> bool:
    """Policies see the window from now on (idempotent); True when installed now."""
    if installed():
        return False
    Domain.states_for_tracker_history = windowed_states  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Back to Rasa's full history (tests undo what they installed)."""
    if installed():
        Domain.states_for_tracker_history = RASA_STATES  # type: ignore[method-assign]
