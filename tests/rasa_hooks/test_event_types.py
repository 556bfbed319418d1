"""The event-type table answers exactly as Rasa's walk over the subclasses does."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from iop_assistant.rasa_hooks import event_types


def test_every_event_type_resolves_to_rasas_class():
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert {"user", "bot", "action", "slot", "session_started", "active_loop"} <= names
    for name in names:
        assert event_types.resolve_by_type(name) is event_types.RASA_RESOLVE(name)


def test_unknown_names_get_rasas_own_answers():
    assert event_types.resolve_by_type("topic") is None
    assert event_types.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError):
        event_types.resolve_by_type("no_such_event")


def test_a_subclass_imported_later_is_found():
    class LateEvent(ActionExecuted):
        type_name = "late_event_for_test"

    assert event_types.resolve_by_type("late_event_for_test") is LateEvent


def test_installed_events_round_trip_and_uninstall_restores_rasa():
    assert event_types.install()
    try:
        assert Event.resolve_by_type("user") is UserUttered
        event = Event.from_parameters({"event": "slot", "name": "language", "value": "es"})
        assert event == SlotSet("language", "es")
    finally:
        event_types.uninstall()
    assert not event_types.installed()
    assert Event.resolve_by_type("user") is UserUttered
