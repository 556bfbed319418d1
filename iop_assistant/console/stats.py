"""Dashboard numbers, all from the summary tables (aggregates only, no content)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Dict, List, Tuple

from sqlalchemy import func, or_, select

from iop_assistant.console.models import ConversationSummary, IntentDaily, UnclearMessage
from iop_assistant.sqltyping import Connection
from iop_assistant.store.models import CallbackRequest

S = ConversationSummary.__table__


@dataclass
class Stats:
    """What the dashboard shows for one period."""

    days: List[str] = field(default_factory=list)
    channels: List[str] = field(default_factory=list)
    per_day: Dict[str, Dict[str, int]] = field(default_factory=dict)  # day -> channel -> n
    top_intents: List[Tuple[str, int]] = field(default_factory=list)
    user_messages: int = 0
    unclear_messages: int = 0
    crisis: int = 0
    outcomes: List[Tuple[str, int]] = field(default_factory=list)
    callbacks_requested: int = 0
    callbacks_reached: int = 0

    @property
    def unclear_rate(self) -> float:
        return self.unclear_messages / self.user_messages if self.user_messages else 0.0


def compute(conn: Connection, today: date, days: int) -> Stats:
    """Numbers for the ``days`` days ending ``today`` (UTC days)."""
    first = today - timedelta(days=days - 1)
    since = datetime.combine(first, datetime.min.time())
    stats = Stats(days=[(first + timedelta(days=i)).isoformat() for i in range(days)])
    day = func.date(S.c.started_at)
    per_day: Dict[str, Dict[str, int]] = defaultdict(dict)
    for d, channel, n in conn.execute(
        select(day, S.c.channel, func.count())
        .where(S.c.started_at >= since)
        .group_by(day, S.c.channel)
    ):
        per_day[str(d)][channel or "unknown"] = n
    stats.per_day = dict(per_day)
    stats.channels = sorted({c for v in per_day.values() for c in v})
    total = func.sum(IntentDaily.count)
    stats.top_intents = [
        (i, int(n))
        for i, n in conn.execute(
            select(IntentDaily.intent, total)
            .where(IntentDaily.day >= first.isoformat())
            .group_by(IntentDaily.intent)
            .order_by(total.desc())
            .limit(10)
        )
    ]
    stats.user_messages = int(
        conn.execute(select(total).where(IntentDaily.day >= first.isoformat())).scalar() or 0
    )
    stats.unclear_messages = conn.execute(
        select(func.count()).select_from(UnclearMessage).where(UnclearMessage.at >= since)
    ).scalar_one()
    stats.crisis = conn.execute(
        select(func.count()).where(S.c.started_at >= since, S.c.crisis.is_(True))
    ).scalar_one()
    stats.outcomes = [
        (o, n)
        for o, n in conn.execute(
            select(S.c.screening_outcome, func.count())
            .where(S.c.started_at >= since, S.c.screening_outcome.is_not(None))
            .group_by(S.c.screening_outcome)
            .order_by(S.c.screening_outcome)
        )
    ]
    cb = CallbackRequest
    stats.callbacks_requested = conn.execute(
        select(func.count()).select_from(cb).where(cb.created_at >= since)
    ).scalar_one()
    stats.callbacks_reached = conn.execute(
        select(func.count())
        .select_from(cb)
        .where(
            cb.created_at >= since,
            or_(cb.contacted_at.is_not(None), cb.outcome.like("reached%")),
        )
    ).scalar_one()
    return stats
