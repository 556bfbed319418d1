"""How a hook replaces one Rasa method and puts Rasa's back.

The replacement carries the hook's name and what it replaced, so installing twice
changes nothing, uninstalling restores exactly what was there (a class method stays a
class method; a method the class only inherited is inherited again), and
``installed`` can tell this hook's replacement from anyone else's.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable

_MARK = "_iop_hook"
_ORIGINAL = "_iop_original"
_OWN = "_iop_was_own"  # whether the owner itself defined the replaced attribute


def replaced(owner: type, name: str, hook: str) -> bool:
    """Whether ``owner.name`` is the replacement ``hook`` installed."""
    return getattr(getattr(owner, name), _MARK, None) == hook


def replace(owner: type, name: str, hook: str, make: Callable[[Any], Any]) -> bool:
    """Sets ``owner.name`` to ``make(original)`` unless already done; True when done now.

    For a class method, ``make`` gets and returns plain functions taking ``cls``.
    """
    if replaced(owner, name, hook):
        return False
    found = inspect.getattr_static(owner, name)
    is_classmethod = isinstance(found, classmethod)
    original = found.__func__ if is_classmethod else getattr(owner, name)
    replacement = make(original)
    setattr(replacement, _MARK, hook)
    setattr(replacement, _ORIGINAL, found if is_classmethod else original)
    setattr(replacement, _OWN, name in vars(owner))
    setattr(owner, name, classmethod(replacement) if is_classmethod else replacement)
    return True


def restore(owner: type, name: str, hook: str) -> None:
    """Puts back the method ``hook`` replaced (nothing when it is not installed)."""
    if not replaced(owner, name, hook):
        return
    current = getattr(owner, name)
    if isinstance(inspect.getattr_static(owner, name), classmethod) and not getattr(current, _OWN):
        delattr(owner, name)  # inherited before: inherit it again
    else:
        setattr(owner, name, getattr(current, _ORIGINAL))
