"""Who is on duty for live chat, and when people can chat (blocking SQL, no Rasa).

A conversation can be handed to a person when at least one help-line staff
member has switched "on duty" on in the console **and**, if on-duty hours are
set, now is inside them (in ``IOP_HANDOFF_TIMEZONE``). The hours are also what
the assistant tells a person when nobody is on duty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Dict, List, Tuple

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine

from iop_assistant.handoff.settings import HandoffSettings
from iop_assistant.sqltyping import get_row
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import HandoffHours, HandoffStaff, utcnow

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# the same days as Spanish replies say them (issue 18)
DAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
Hours = Dict[int, Tuple[int, int]]  # weekday -> (start minute, end minute)


@dataclass(frozen=True)
class Status:
    """Whether a person can join now, and the hours to tell people ("" when unset)."""

    available: bool
    on_duty: int
    hours_text: str
    # the hours as Spanish replies say them (utter_handoff_hours, issue 18)
    hours_text_es: str = ""


def set_on_duty(user_id: int, display_name: str, on: bool, engine: Engine | None = None) -> None:
    """Switch a staff member on or off duty (insert on first use)."""
    with session_scope(engine) as session:
        row = get_row(session, HandoffStaff, user_id)
        if row is None:
            session.add(
                HandoffStaff(
                    user_id=user_id, display_name=display_name, on_duty=on, changed_at=utcnow()
                )
            )
        else:
            row.on_duty = on
            row.display_name = display_name
            row.changed_at = utcnow()


def is_on_duty(user_id: int, engine: Engine | None = None) -> bool:
    """The staff member's switch (False before first use)."""
    with session_scope(engine) as session:
        row = get_row(session, HandoffStaff, user_id)
        return bool(row and row.on_duty)


def on_duty_names(engine: Engine | None = None) -> List[str]:
    """Display names of the staff on duty now (the switch; hours aside)."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(HandoffStaff.display_name)
            .where(HandoffStaff.on_duty.is_(True))
            .order_by(HandoffStaff.display_name)
        ).scalars()
        return list(rows)


def get_hours(engine: Engine | None = None) -> Hours:
    """On-duty hours by weekday (empty: not set, the switch alone decides)."""
    with session_scope(engine) as session:
        rows = session.execute(select(HandoffHours)).scalars()
        return {r.weekday: (r.start_minute, r.end_minute) for r in rows}


def set_hours(hours: Hours, engine: Engine | None = None) -> None:
    """Replace the on-duty hours (ValueError: a day whose end is not after its start)."""
    for day, (start, end) in hours.items():
        if day not in range(7) or not 0 <= start < end <= 24 * 60:
            raise ValueError(f"{DAYS[day] if day in range(7) else day}: end must be after start")
    with session_scope(engine) as session:
        session.execute(delete(HandoffHours))
        for day, (start, end) in sorted(hours.items()):
            session.add(HandoffHours(weekday=day, start_minute=start, end_minute=end))


def within(hours: Hours, local: datetime) -> bool:
    """True when ``local`` (wall-clock time in the hours' zone) is inside the hours."""
    span = hours.get(local.weekday())
    if span is None:
        return False
    minute = local.hour * 60 + local.minute
    return span[0] <= minute < span[1]


def clock(minute: int, language: str = "en") -> str:
    """540 -> "9 AM", 1050 -> "5:30 PM", 1440 -> "midnight" ("medianoche" in Spanish)."""
    if minute in (0, 24 * 60):
        return "medianoche" if language == "es" else "midnight"
    hour, rest = divmod(minute, 60)
    suffix = "AM" if hour < 12 else "PM"
    hour12 = hour % 12 or 12
    return f"{hour12}:{rest:02d} {suffix}" if rest else f"{hour12} {suffix}"


def describe(hours: Hours, zone_name: str = "", language: str = "en") -> str:
    """ "Monday to Friday, 9 AM to 5 PM (EST)": consecutive days with the same hours grouped.

    ``language="es"``: "lunes a viernes, 9 AM a 5 PM (EST)".
    """
    if not hours:
        return ""
    groups: List[Tuple[List[int], Tuple[int, int]]] = []
    for day in sorted(hours):
        span = hours[day]
        if groups and groups[-1][1] == span and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        else:
            groups.append(([day], span))
    spanish = language == "es"
    day_names, to = (DAYS_ES, "a") if spanish else (DAYS, "to")
    parts = []
    for days, (start, end) in groups:
        first, last = day_names[days[0]], day_names[days[-1]]
        names = first if len(days) == 1 else f"{first} {to} {last}"
        parts.append(f"{names}, {clock(start, language)} {to} {clock(end, language)}")
    text = "; ".join(parts)
    return f"{text} ({zone_name})" if zone_name else text


def status(
    config: HandoffSettings, engine: Engine | None = None, now: datetime | None = None
) -> Status:
    """Whether a person can join a conversation now, and the hours to tell people."""
    with session_scope(engine) as session:
        on_duty = int(
            session.execute(
                select(func.count()).select_from(HandoffStaff).where(HandoffStaff.on_duty.is_(True))
            ).scalar_one()
        )
    hours = get_hours(engine)
    local = (now or datetime.now(timezone.utc)).astimezone(config.zone)
    in_hours = within(hours, local) if hours else True
    return Status(
        available=on_duty > 0 and in_hours,
        on_duty=on_duty,
        hours_text=describe(hours, local.strftime("%Z")),
        hours_text_es=describe(hours, local.strftime("%Z"), "es"),
    )
