"""How a hook replaces one Rasa method and puts Rasa's back.

The replacement carries the hook's name and the method it replaced, so installing
twice changes nothing, uninstalling restores exactly what was there, and
``installed`` can tell this hook's replacement from anyone else's.
"""

from __future__ import annotations

from typing import Any, Callable

_MARK = "_iop_hook"
_ORIGINAL = "_iop_original"


def replaced(owner: type, name: str, hook: str) -> bool:
    """Whether ``owner.name`` is the replacement ``hook`` installed."""
    return getattr(getattr(owner, name), _MARK, None) == hook


def replace(owner: type, name: str, hook: str, make: Callable[[Any], Any]) -> bool:
    """Sets ``owner.name`` to ``make(original)`` unless already done; True when done now."""
    if replaced(owner, name, hook):
        return False
    original = getattr(owner, name)
    replacement = make(original)
    setattr(replacement, _MARK, hook)
    setattr(replacement, _ORIGINAL, original)
    setattr(owner, name, replacement)
    return True


def restore(owner: type, name: str, hook: str) -> None:
    """Puts back the method ``hook`` replaced (nothing when it is not installed)."""
    if replaced(owner, name, hook):
        setattr(owner, name, getattr(getattr(owner, name), _ORIGINAL))
