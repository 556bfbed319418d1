"""An event's class found by a dictionary lookup, not by walking every Event subclass.

Rasa 3.6 turns each stored event back into an object with ``Event.resolve_by_type``,
which walks the whole tree of ``Event`` subclasses (checking each for abstract
methods) for every event. Turn 200 of a conversation reads about 1,000 events, and
py-spy put 22 % of the Rasa server's CPU there (``benchmarks/profile_long.py``,
issue 17). :func:`install` replaces it with the same answer from a table of
``type_name`` to class, built once and built again whenever a name is missing (a
subclass imported later), so an unknown name still gets Rasa's own answer: the
default, ``None`` for the old "topic", or its ``ValueError``.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Type

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

# Rasa's own staticmethod, kept at import (this module is what replaces it)
RASA_RESOLVE: Callable[..., Type[Event] | None] = Event.resolve_by_type
_table: Dict[str, Type[Event]] = {}


def _build() -> None:
    _table.clear()
    for cls in all_subclasses(Event):
        _table.setdefault(cls.type_name, cls)  # the first one, as Rasa's loop returns


def resolve_by_type(type_name: str, default: Type[Event] | None = None) -> Type[Event] | None:
    """Rasa's ``Event.resolve_by_type``, answered from the table."""
    found = _table.get(type_name)
    if found is None:
        _build()
        found = _table.get(type_name)
    if found is not None:
        return found
    return RASA_RESOLVE(type_name, default)


def installed() -> bool:
    return Event.__dict__.get("resolve_by_type") is _INSTALLED


def install() -> bool:
    """Event types from the table from now on (idempotent); True when installed now."""
    if installed():
        return False
    _build()
    Event.resolve_by_type = _INSTALLED  # type: ignore[method-assign, assignment]
    return True


def uninstall() -> None:
    """Back to Rasa's walk over the subclasses (tests undo what they installed)."""
    if installed():
        Event.resolve_by_type = staticmethod(RASA_RESOLVE)  # type: ignore[method-assign, assignment]


_INSTALLED: Any = staticmethod(resolve_by_type)
