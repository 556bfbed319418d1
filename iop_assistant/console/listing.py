"""The conversation list: filters, full-text search and paging over the summaries.

Ordering is risk, then last activity, both newest first, served by the
``(risk, last_at)`` index (``(channel, risk, last_at)`` with a channel
filter, ``(language, risk, last_at)`` with a language filter), so a page
reads ``offset + page_size`` index entries and no more.
Search reads the ``console_search_terms`` index (words of masked text):
one primary-key range per query word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Mapping

from sqlalchemy import exists, func, select

from iop_assistant.console import search
from iop_assistant.console.models import (
    ConversationReview,
    ConversationSummary,
    ConversationTag,
    SearchTerm,
)
from iop_assistant.sqltyping import Connection, Select

S = ConversationSummary.__table__
FLAGS = {
    "crisis": "crisis",
    "detox_first": "detox-first screening",
    "screened": "any screening outcome",
    "callback": "callback requested",
    "unclear": "unclear turns",
    "opted_out": "opted out",
    "needs_follow_up": "tagged needs follow-up",
    "not_reviewed": "not reviewed",
}
# the conversation's language (the tracker's ``language`` slot), as reviewers read it
LANGUAGES = {"en": "English", "es": "Español"}
MAX_PAGE = 100_000


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ListFilter:
    """What the list is filtered by (all optional)."""

    flags: tuple = ()
    channel: str = ""
    language: str = ""
    since: date | None = None
    until: date | None = None
    query: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, List[str]]) -> ListFilter:
        """From a request's query string (unknown values are ignored)."""

        def one(name: str) -> str:
            values = args.get(name) or [""]
            return (values[0] or "").strip()

        flags = tuple(f for f in (args.get("flag") or []) if f in FLAGS)
        language = one("language")
        raw = one("page")
        page = max(1, min(MAX_PAGE, int(raw[:7]))) if raw.isdigit() else 1
        return cls(
            flags=flags,
            channel=one("channel")[:32],
            language=language if language in LANGUAGES else "",
            since=_parse_date(one("since")),
            until=_parse_date(one("until")),
            query=one("q")[:200],
            page=page,
        )

    def query_args(self, **changes: Any) -> Dict[str, Any]:
        """The filter as query-string arguments (for links to other pages)."""
        values: Dict[str, Any] = {
            "flag": list(self.flags),
            "channel": self.channel,
            "language": self.language,
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "q": self.query,
            "page": self.page,
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v not in ("", [], None)}


def _filtered(flt: ListFilter, dialect: str, columns: List[Any]) -> Select:
    query = select(*columns)
    for flag in flt.flags:
        if flag == "crisis":
            query = query.where(S.c.crisis.is_(True))
        elif flag == "detox_first":
            query = query.where(S.c.screening_outcome.in_(("detox_first", "emergency")))
        elif flag == "screened":
            query = query.where(S.c.screening_outcome.is_not(None))
        elif flag == "callback":
            query = query.where(S.c.callback_requested.is_(True))
        elif flag == "unclear":
            query = query.where(S.c.unclear_turns > 0)
        elif flag == "opted_out":
            query = query.where(S.c.opted_out.is_(True))
        elif flag == "not_reviewed":
            query = query.where(
                ~exists().where(
                    ConversationReview.conversation_id == S.c.conversation_id,
                    ConversationReview.reviewed_at.is_not(None),
                )
            )
        elif flag == "needs_follow_up":
            query = query.where(
                exists().where(
                    ConversationTag.conversation_id == S.c.conversation_id,
                    ConversationTag.tag == "needs follow-up",
                )
            )
    if flt.channel:
        query = query.where(S.c.channel == flt.channel)
    if flt.language:
        query = query.where(S.c.language == flt.language)
    if flt.since:
        query = query.where(S.c.last_at >= datetime.combine(flt.since, datetime.min.time()))
    if flt.until:
        end = datetime.combine(flt.until + timedelta(days=1), datetime.min.time())
        query = query.where(S.c.started_at < end)
    if flt.query:
        query = _search(query, flt.query)
    return query


def _search(query: Select, text_query: str) -> Select:
    """Conversations having every query word as a word prefix (an index range each)."""
    words = search.query_terms(text_query)
    if not words:
        return query.where(S.c.conversation_id.is_(None))  # nothing searchable: no match
    t = SearchTerm.__table__
    for word in words:
        query = query.where(
            S.c.conversation_id.in_(
                select(t.c.conversation_id).where(
                    t.c.term >= word, t.c.term < search.prefix_end(word)
                )
            )
        )
    return query


@dataclass
class Page:
    """One page of the list."""

    rows: List[Dict[str, Any]] = field(default_factory=list)
    total: int = 0
    page: int = 1
    page_size: int = 50

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def list_page(conn: Connection, flt: ListFilter, page_size: int) -> Page:
    """The rows of ``flt.page`` (past the last page: the last page) and the total count."""
    dialect = conn.dialect.name
    total = conn.execute(_filtered(flt, dialect, [func.count()]).select_from(S)).scalar_one()
    page = min(flt.page, max(1, -(-total // page_size)))
    query = (
        _filtered(flt, dialect, [S])
        .order_by(S.c.risk.desc(), S.c.last_at.desc())
        .limit(page_size)
        .offset((page - 1) * page_size)
    )
    rows = [dict(r) for r in conn.execute(query).mappings()]
    _add_reviews(conn, rows)
    return Page(rows=rows, total=total, page=page, page_size=page_size)


def _add_reviews(conn: Connection, rows: List[Dict[str, Any]]) -> None:
    """``reviewed_by``/``reviewed_at`` on each row (None when not reviewed)."""
    ids = [r["conversation_id"] for r in rows]
    reviews = {}
    if ids:
        reviews = {
            r.conversation_id: r
            for r in conn.execute(
                select(ConversationReview).where(
                    ConversationReview.conversation_id.in_(ids),
                    ConversationReview.reviewed_at.is_not(None),
                )
            )
        }
    for row in rows:
        review = reviews.get(row["conversation_id"])
        row["reviewed_by"] = review.reviewed_by if review else None
        row["reviewed_at"] = review.reviewed_at if review else None


def channels(conn: Connection) -> List[str]:
    """Channels seen so far (for the filter's choices)."""
    return [
        c for c in conn.execute(select(S.c.channel).distinct().order_by(S.c.channel)).scalars() if c
    ]


def all_rows(conn: Connection, flt: ListFilter, limit: int) -> List[Dict[str, Any]]:
    """Every row under the filter, in list order (CSV export), at most ``limit``."""
    query = (
        _filtered(flt, conn.dialect.name, [S])
        .order_by(S.c.risk.desc(), S.c.last_at.desc())
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def main_queries(conn: Connection, flt: ListFilter, page_size: int) -> List[str]:
    """The SQL of the list's two queries (for EXPLAIN in the benchmark)."""
    dialect = conn.dialect.name
    count = _filtered(flt, dialect, [func.count()]).select_from(S)
    rows = (
        _filtered(flt, dialect, [S])
        .order_by(S.c.risk.desc(), S.c.last_at.desc())
        .limit(page_size)
        .offset((flt.page - 1) * page_size)
    )
    compile_args = {"literal_binds": True}
    return [str(q.compile(conn, compile_kwargs=compile_args)) for q in (count, rows)]
