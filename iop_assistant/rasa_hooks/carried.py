"""The mark on events a long session carries into its next one (issue 17).

A session that grows past a limit rolls over (:mod:`iop_assistant.rasa_hooks.session_rollover`):
the new session starts with copies of the state and of the last turns, each with this
key in its ``metadata``. They are the same conversation, not new messages, so the
console shows and counts each original once and skips the copies. No Rasa import here:
the console reads it too (it lives with the hook: the tracking room imports the hooks).
"""

from __future__ import annotations

from typing import Any, Mapping

CARRIED_KEY = "iop_carried"


def is_carried(event_data: Mapping[str, Any]) -> bool:
    """Whether a stored event (its ``data`` JSON, decoded) is a rollover's copy."""
    metadata = event_data.get("metadata")
    return isinstance(metadata, Mapping) and bool(metadata.get(CARRIED_KEY))
