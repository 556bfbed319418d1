"""Who may do what: roles per account, one permission per area of the console.

Minimum necessary: help-line staff (``helpline``) answer live handoffs and
read only the conversations handed to them; callback staff see the callback queue (name, number,
best time) and no transcripts; admins manage accounts, retention and the
audit log and see only aggregate numbers, never a transcript. A person who
does two jobs may hold two roles (stored comma-separated, "clinician,callback");
an account's permissions are the union of its roles'. New accounts get the
least privileged role unless the admin chooses otherwise.
"""

from __future__ import annotations

from typing import Dict, FrozenSet, Iterable, List

ROLES = ("admin", "clinician", "callback", "helpline")
LEAST_PRIVILEGED = "callback"

PERMISSIONS: Dict[str, FrozenSet[str]] = {
    "conversations": frozenset({"clinician"}),  # list, transcripts, reveal, tags, notes, CSV
    "improve": frozenset({"clinician"}),  # intent corrections and the NLU export
    "callbacks": frozenset({"clinician", "callback"}),
    "dashboard": frozenset({"clinician", "admin"}),
    "admin": frozenset({"admin"}),  # users, audit log, retention
    # live handoff (issue 19): on-duty switch and hours, the live queue, claim, the
    # claimed conversation's transcript (masked; reveals logged), reply, hand back
    "handoff": frozenset({"helpline"}),
}

HOME = {
    "clinician": "/conversations",
    "helpline": "/handoff",
    "callback": "/callbacks",
    "admin": "/admin/users",
}

# what each role is for, in the words staff see on the Users page and on a refusal
DESCRIPTIONS = {
    "clinician": "reads transcripts (masked; reveals are logged), reviews and tags "
    "conversations, improves understanding, works the callback queue, sees the dashboard",
    "callback": "works the callback queue (name, number, best time); no transcripts",
    "admin": "manages accounts, the audit log and retention, sees the dashboard; no transcripts",
    "helpline": "answers live chats and texts handed over by the assistant (on-duty switch, "
    "live queue, the claimed conversation's transcript masked; reveals are logged)",
}

AREA_NAMES = {
    "conversations": "conversations and transcripts",
    "improve": "the Improve page",
    "callbacks": "the callback queue",
    "dashboard": "the dashboard",
    "admin": "user accounts, the audit log and retention",
    "handoff": "live chats (the handoff queue)",
}


def parse(role: str | None) -> List[str]:
    """The known roles in a stored value ("clinician,callback"), in ROLES order."""
    given = {r.strip() for r in (role or "").split(",")}
    return [r for r in ROLES if r in given]


def join(chosen: Iterable[str]) -> str:
    """Roles to store; raises ValueError when none is known."""
    picked = parse(",".join(chosen))
    if not picked:
        raise ValueError(f"choose at least one role: {', '.join(ROLES)}")
    return ",".join(picked)


def allowed(role: str | None, permission: str) -> bool:
    """True when any of the account's roles has ``permission``."""
    granted = PERMISSIONS.get(permission, frozenset())
    return any(r in granted for r in parse(role))


def needed_for(permission: str) -> List[str]:
    """The roles that grant ``permission`` (for the refusal page)."""
    return [r for r in ROLES if r in PERMISSIONS.get(permission, frozenset())]


def home(role: str | None) -> str:
    """The first page for an account: the work of its most used role."""
    for name in ("clinician", "helpline", "callback", "admin"):
        if name in parse(role):
            return HOME[name]
    return "/login"
