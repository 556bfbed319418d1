"""The callback queue's rules: status moves and when a request is overdue.

Overdue (status ``new`` only): a request for "now" (or "asap") after 1 hour;
any other best time after one business day, i.e. the same clock time on the
next weekday (a Friday request is due Monday). Times are UTC, as stored.
"""

from __future__ import annotations

from datetime import datetime, timedelta

STATUSES = ("new", "contacted", "closed")
NEXT = {"new": ("contacted", "closed"), "contacted": ("closed", "new"), "closed": ("new",)}
OUTCOMES = (
    "reached - intake scheduled",
    "reached - information given",
    "reached - referred elsewhere",
    "reached - declined",
    "no answer - message left",
    "wrong number",
    "no response after 3 attempts",
)
NOW_WORDS = ("now", "asap", "as soon as possible", "right away")
NOW_LIMIT = timedelta(hours=1)


def next_business_day(at: datetime) -> datetime:
    """The same time on the next weekday."""
    due = at + timedelta(days=1)
    while due.weekday() >= 5:
        due += timedelta(days=1)
    return due


def due_at(created_at: datetime, best_time: str) -> datetime:
    """When a new request becomes overdue."""
    if (best_time or "").strip().lower() in NOW_WORDS:
        return created_at + NOW_LIMIT
    return next_business_day(created_at)


def is_overdue(status: str, created_at: datetime, best_time: str, now: datetime) -> bool:
    """True when a request is still new past its due time."""
    return status == "new" and now > due_at(created_at, best_time)


def can_move(old: str, new: str) -> bool:
    """Allowed status changes (reopening is allowed, and audited like any other)."""
    return new in NEXT.get(old, ())
