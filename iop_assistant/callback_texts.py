"""The wording of queued texts: minimum necessary, and neutral on a shared phone.

A text can be read by anyone who sees the phone. Under 42 CFR Part 2 nothing
sent may reveal that the person sought help with drugs or alcohol: no
program name and none of :data:`FORBIDDEN_WORDS` (a test checks every
variant). Staff alerts carry no name, number or message content: staff open
the console to see the request.
"""

from __future__ import annotations

import re

from iop_assistant import program_facts

# words that must never appear in a text to a person (tests check every wording)
FORBIDDEN_WORDS = (
    "treatment",
    "iop",
    "intensive outpatient",
    "outpatient",
    "program",
    "detox",
    "addiction",
    "addict",
    "recovery",
    "rehab",
    "substance",
    "alcohol",
    "drug",
    "sober",
    "sobriety",
    "withdrawal",
    "clinic",
    "counseling",
    "therapy",
    "relapse",
    "overdose",
    "crisis",
)

_WHEN = {
    "now": "as soon as we can",
    "any time": "as soon as we can",
    "anytime": "as soon as we can",
    "morning": "in the morning",
    "afternoon": "in the afternoon",
    "evening": "in the evening",
}
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+){0,2}$")
MAX_NAME_CHARS = 40


def staff_alert(request_id: int, best_time: str) -> str:
    """The alert to the help line staff: an id and a time slot, nothing about the person."""
    slot = best_time.strip().lower()
    shown = slot if slot in _WHEN else "see console"
    return f"New callback request #{request_id}, best time: {shown}. Open the staff console."


def safe_first_name(first_name: str | None) -> str | None:
    """The name as a greeting may use it: letters only, short; else None (no greeting name)."""
    name = " ".join((first_name or "").split())
    if not name or len(name) > MAX_NAME_CHARS or not _NAME.match(name):
        return None
    lowered = name.lower()
    if any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in FORBIDDEN_WORDS):
        return None
    return name


def callback_confirmation(
    request_id: int,
    first_name: str | None,
    best_time: str,
    helpline: str | None = None,
) -> str:
    """The person's confirmation; the reference number makes every body unique."""
    helpline = helpline or program_facts.load().helpline
    name = safe_first_name(first_name)
    greeting = f"Hi {name}, we" if name else "Hi, we"
    when = _WHEN.get(best_time.strip().lower(), "at the time you asked for")
    return (
        f"{greeting} got your request (ref {request_id}) and will call you {when}. "
        f"If it can't wait, call {helpline}. Reply STOP to opt out."
    )
