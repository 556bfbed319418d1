"""Who may do what: one role per account, one permission per area of the console.

Minimum necessary: callback staff see the callback queue (name, number,
best time) and no transcripts; admins manage accounts, retention and the
audit log and see only aggregate numbers, never a transcript.
"""

from __future__ import annotations

from typing import Dict, FrozenSet

PERMISSIONS: Dict[str, FrozenSet[str]] = {
    "conversations": frozenset({"clinician"}),  # list, transcripts, reveal, tags, notes, CSV
    "improve": frozenset({"clinician"}),  # intent corrections and the NLU export
    "callbacks": frozenset({"clinician", "callback"}),
    "dashboard": frozenset({"clinician", "admin"}),
    "admin": frozenset({"admin"}),  # users, audit log, retention
}

HOME = {"clinician": "/conversations", "callback": "/callbacks", "admin": "/admin/users"}


def allowed(role: str | None, permission: str) -> bool:
    """True when ``role`` has ``permission``."""
    return bool(role) and role in PERMISSIONS.get(permission, frozenset())
