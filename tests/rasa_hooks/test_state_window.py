"""The state window (issue 17): the policies' view of a long conversation is exactly the
tail of what Rasa builds, and long enough for every rule and story the assistant has."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant import yaml_io
from iop_assistant.rasa_hooks import state_window
from tests.domains import rasa_domain

DOMAIN = rasa_domain()
DATA = Path(__file__).resolve().parents[2] / "data"
QUESTIONS = ["ask_schedule", "ask_cost_insurance", "ask_what_is_iop", "ask_more", "thank"]


def user_turn(intent: str, *actions: str, hidden: bool = False) -> List[Event]:
    events: List[Event] = [
        ActionExecuted("action_listen"),
        UserUttered(intent.replace("_", " "), intent={"name": intent, "confidence": 0.9}),
    ]
    events += [ActionExecuted(a, hide_rule_turn=hidden) for a in actions]
    return events


def long_conversation(turns: int) -> DialogueStateTracker:
    """A session of ``turns`` turns: FAQ answers, a crisis flag, a form interrupted and
    resumed, rule-only turns hidden from ML policies; it ends inside the form."""
    events: List[Event] = [ActionExecuted("action_session_start"), SessionStarted()]
    for turn in range(turns):
        intent = QUESTIONS[turn % len(QUESTIONS)]
        events += user_turn(intent, f"utter_{intent}", hidden=turn % 7 == 0)
        if turn == turns // 3:
            events += user_turn("crisis", "utter_crisis")
            events.append(SlotSet("crisis_flag", True))
    events += user_turn("request_callback", "utter_disclaimer", "callback_form")
    events += [ActiveLoop("callback_form"), SlotSet("requested_slot", "callback_phone")]
    events += user_turn("ask_schedule", "utter_ask_schedule", "callback_form")
    events += [SlotSet("requested_slot", "callback_best_time")]
    return DialogueStateTracker.from_events("window", events, slots=DOMAIN.slots)


RULE_ONLY = {"slots": ["requested_slot"], "loops": ["callback_form"]}


@pytest.mark.parametrize("turns", [5, 30, 120])
@pytest.mark.parametrize("ignore_rule_only_turns", [False, True])
def test_the_window_is_the_tail_of_rasas_states(turns, ignore_rule_only_turns):
    tracker = long_conversation(turns)
    kwargs = dict(
        omit_unset_slots=False,
        ignore_rule_only_turns=ignore_rule_only_turns,
        rule_only_data=RULE_ONLY if ignore_rule_only_turns else None,
    )
    full = state_window.RASA_STATES(DOMAIN, tracker, **kwargs)
    window = state_window.windowed_states(DOMAIN, tracker, **kwargs)
    if state_window.action_count(tracker) <= state_window.WINDOW + 1:
        assert window == full  # short conversations: Rasa's own list
    else:
        assert len(window) >= state_window.WINDOW - 10
        assert window == full[-len(window) :]
        assert window[-1].get("active_loop", {}).get("name") == "callback_form"


def test_installed_policies_read_the_window_and_uninstall_restores_rasa():
    tracker = long_conversation(120)
    assert state_window.install()
    try:
        assert len(tracker.past_states(DOMAIN)) <= state_window.WINDOW
    finally:
        state_window.uninstall()
    assert len(tracker.past_states(DOMAIN)) == state_window.action_count(tracker)


def steps_in(path: Path, kind: str) -> List[int]:
    """How many states each rule or story of a file makes: one per action, one per
    user message (its action_listen), and one to start."""
    sizes = []
    for flow in (yaml_io.read(path) or {}).get(kind) or []:
        steps = flow.get("steps") or []
        sizes.append(1 + sum(1 for s in steps if "action" in s or "intent" in s))
    return sizes


def test_every_rule_and_story_fits_well_inside_the_window():
    sizes = [n for p in sorted((DATA / "rules").glob("*.yml")) for n in steps_in(p, "rules")]
    sizes += [n for p in sorted((DATA / "stories").glob("*.yml")) for n in steps_in(p, "stories")]
    assert sizes, "no rules or stories found"
    assert max(sizes) * 2 <= state_window.WINDOW, max(sizes)


def test_a_window_of_only_hidden_turns_is_never_empty():
    # role-play round 22: a long SMS conversation (events kept in data/) whose window held
    # only rule-only turns got an empty list, and MemoizationPolicy raised IndexError on
    # every later message ("Sorry, I can't answer right now", for good)
    import json

    from rasa.shared.core.events import Event

    events = json.loads((Path(__file__).parent / "data/hidden_turns_tracker.json").read_text())
    parsed = [Event.from_parameters(e) for e in events]
    parsed.append(UserUttered("yes", intent={"name": "affirm", "confidence": 1.0}))
    tracker = DialogueStateTracker.from_events("hidden", parsed, slots=DOMAIN.slots)
    rule_only = {"rule_only_slots": ["crisis_update"], "rule_only_loops": []}
    kwargs = dict(omit_unset_slots=False, ignore_rule_only_turns=True, rule_only_data=rule_only)
    full = state_window.RASA_STATES(DOMAIN, tracker, **kwargs)
    window = state_window.windowed_states(DOMAIN, tracker, **kwargs)
    assert full, "Rasa's own list has states"
    assert window == full[-len(window) :] and window
