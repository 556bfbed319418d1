"""Incremental indexer: Rasa's ``events`` table → console summary tables.

Why: the list, filters and search must stay fast at 100,000 conversations /
2,000,000 events, which a query over the raw events cannot do. The indexer
reads only events with ``id`` above its high-water mark, in batches, and
folds them into ``console_conversations`` (one row per conversation, with
indexes for the list's orderings), ``console_search_terms`` (words of masked
(``console_search_terms``: words of masked text) and ``console_unclear_messages``. Each batch
and its high-water mark commit together, so a crash re-reads at most one batch.
The conversation's language, added later (migration 0007), is re-read once for
conversations indexed before it (:func:`backfill_language`).

Run by a timer in the console process and by ``python -m iop_assistant.console.indexer``.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Sequence

from sqlalchemy import and_, bindparam, delete, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from iop_assistant import privacy
from iop_assistant.console import search
from iop_assistant.console.db import app_engine, ensure_schema, tracker_engine
from iop_assistant.console.models import (
    ConversationSummary,
    IndexerState,
    IntentDaily,
    SearchTerm,
    UnclearMessage,
)
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.language import ENGLISH, known_language
from iop_assistant.language import SLOT as LANGUAGE_SLOT
from iop_assistant.rasa_hooks.carried import CARRIED_KEY, is_carried
from iop_assistant.sqltyping import Connection, Engine, inspect
from iop_assistant.store.models import CallbackRequest, ConversationContact, OptOut

logger = logging.getLogger(__name__)

STATE_EVENTS = "tracker_events"
STATE_CALLBACKS = "callback_requests"
# migration 0007: summaries indexed up to this event id predate their language column
STATE_LANGUAGE_TO = "language_backfill_to"
STATE_LANGUAGE_DONE = "language_backfill_done"
DEFAULT_BATCH = 20_000
FALLBACK_INTENT = "nlu_fallback"
CLARIFY_ACTION = "action_clarify"
SERIOUS_OUTCOMES = ("emergency", "detox_first")
_CHUNK = 500

S = ConversationSummary.__table__


def to_datetime(timestamp: float | None) -> datetime:
    """A Rasa event timestamp (Unix seconds) as naive UTC."""
    return datetime.fromtimestamp(timestamp or 0.0, tz=timezone.utc).replace(tzinfo=None)


def risk_of(row: Dict[str, Any]) -> int:
    """The list's ordering key (see :class:`ConversationSummary`)."""
    if row["crisis"]:
        return 3
    if row["screening_outcome"] in SERIOUS_OUTCOMES or row["callback_requested"]:
        return 2
    return 1 if row["unclear_turns"] else 0


@dataclass
class BatchResult:
    """What one batch did (for logs and the benchmark)."""

    events: int = 0
    conversations: int = 0
    last_id: int = 0


@dataclass
class _Pending:
    summaries: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    new_ids: set = field(default_factory=set)
    terms: set = field(default_factory=set)
    unclear: Dict[int, Dict[str, Any]] = field(default_factory=dict)
    intents: Dict[tuple, int] = field(default_factory=lambda: defaultdict(int))
    # the form active in a conversation, as far as this batch has seen (absent: unknown)
    loops: Dict[str, str | None] = field(default_factory=dict)
    # fallback turns of conversations whose form state this batch did not see
    maybe_unclear: Dict[int, Dict[str, Any]] = field(default_factory=dict)
    # masked text of this batch's user turns, and the rank of each conversation's flag turn
    user_text: Dict[int, str] = field(default_factory=dict)
    flag_rank: Dict[str, int] = field(default_factory=dict)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _state(conn: Connection, name: str) -> int:
    value = conn.execute(select(IndexerState.value).where(IndexerState.name == name)).scalar()
    return int(value or 0)


def _set_state(conn: Connection, name: str, value: int) -> None:
    updated = conn.execute(
        update(IndexerState).where(IndexerState.name == name).values(value=value)
    ).rowcount
    if not updated:
        conn.execute(IndexerState.__table__.insert().values(name=name, value=value))


def _load_summaries(conn: Connection, ids: List[str]) -> Dict[str, Dict[str, Any]]:
    found: Dict[str, Dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(select(S).where(S.c.conversation_id.in_(chunk))).mappings():
            found[row["conversation_id"]] = dict(row)
    return found


def _new_summary(conversation_id: str, at: datetime) -> Dict[str, Any]:
    return {
        "conversation_id": conversation_id,
        "channel": "",
        "language": ENGLISH,
        "started_at": at,
        "last_at": at,
        "turns": 0,
        "crisis": False,
        "crisis_category": None,
        "screening_outcome": None,
        "unclear_turns": 0,
        "callback_requested": False,
        "opted_out": False,
        "risk": 0,
        "first_text_masked": None,
        "first_user_event_id": None,
        "last_user_event_id": None,
        "last_event_id": 0,
        "flag_text_masked": None,
        "flag_event_id": None,
    }


FLAG_CRISIS, FLAG_SERIOUS, FLAG_UNCLEAR = 3, 2, 1


def _raise_flag(pending: _Pending, sender: str, rank: int, event_id: int | None) -> None:
    """Remember ``event_id`` as the turn that raised the conversation's highest flag."""
    summary = pending.summaries.get(sender)
    if summary is None or not event_id:
        return
    current = pending.flag_rank.get(sender)
    if current is None:  # a flag turn from an earlier batch ranks as its risk did
        current = summary["risk"] if summary.get("flag_event_id") else 0
    if rank <= current:
        return
    text = pending.user_text.get(event_id)
    if text is None:
        return
    pending.flag_rank[sender] = rank
    summary["flag_event_id"] = event_id
    summary["flag_text_masked"] = text


def _pii_values(rows: List[Any]) -> Dict[str, List[str]]:
    """Values of identifying slots per conversation in this batch (masked in search text)."""
    values: Dict[str, List[str]] = defaultdict(list)
    for row in rows:
        if row.type_name != "slot" or not row.data:
            continue
        data = json.loads(row.data)
        name, value = data.get("name") or "", data.get("value")
        if isinstance(value, str) and value and privacy.is_pii_slot(name):
            values[row.sender_id].append(value)
    return values


def tracker_pii_values(tracker: Connection, sender: str) -> List[str]:
    """Values of a conversation's identifying slots, from the whole tracker."""
    rows = tracker.execute(
        text(
            "SELECT sender_id, type_name, data FROM events "
            "WHERE sender_id = :s AND type_name = 'slot'"
        ),
        {"s": sender},
    ).fetchall()
    return _pii_values(rows).get(sender, [])


# Channel names the console shows; anything else a client claimed is "other" (a name
# such as "$\\frac$" broke the dashboard chart for the whole period, issue 14, item 9)
KNOWN_CHANNELS = frozenset({"rest", "socketio", "sms", "voice", "cmdline", "rasa"})
OTHER_CHANNEL = "other"


def channel_label(name: object) -> str:
    """``name`` when it is one of :data:`KNOWN_CHANNELS`, else ``"other"``."""
    text = str(name or "").strip().lower()
    return text if text in KNOWN_CHANNELS else OTHER_CHANNEL


def _fold(pending: _Pending, row: Any, pii_values: Dict[str, List[str]]) -> int | None:
    """Apply one event; returns a user event id that ``action_clarify`` marks unclear.
    A long session's copies of its last turns and state (``rasa_hooks.carried``) change
    nothing: the originals were counted."""
    if row.data and CARRIED_KEY in row.data and is_carried(json.loads(row.data)):
        return None
    summary = pending.summaries[row.sender_id]
    at = to_datetime(row.timestamp)
    summary["started_at"] = min(summary["started_at"], at)
    summary["last_at"] = max(summary["last_at"], at)
    summary["last_event_id"] = max(summary["last_event_id"], row.id)
    if row.type_name == "session_started":
        pending.loops[row.sender_id] = None
    elif row.type_name == "active_loop":
        name = json.loads(row.data or "{}").get("name")
        pending.loops[row.sender_id] = name or None
    if row.type_name == "user":
        data = json.loads(row.data or "{}")
        parse = data.get("parse_data") or {}
        intent = (parse.get("intent") or {}).get("name") or row.intent_name
        confidence = (parse.get("intent") or {}).get("confidence")
        summary["turns"] += 1
        summary["last_user_event_id"] = row.id
        if not summary["channel"] and data.get("input_channel"):
            summary["channel"] = channel_label(data["input_channel"])
        if intent:
            pending.intents[(at.date().isoformat(), intent[:128])] += 1
        body = data.get("text") or ""
        if body:
            masked = privacy.mask(body[:4000], pii_values.get(row.sender_id, ()))
            pending.terms.update((t, row.sender_id) for t in search.terms(masked))
            pending.user_text[row.id] = masked[:200]
            if summary["first_text_masked"] is None:
                summary["first_text_masked"] = masked[:200]
                summary["first_user_event_id"] = row.id
        if intent == "crisis":
            summary["crisis"] = True
            _raise_flag(pending, row.sender_id, FLAG_CRISIS, row.id)
        if intent == FALLBACK_INTENT:
            # an answer to a form's question (a number, a name, "evening") is the form's
            # to handle: only a fallback outside a form is a turn the assistant missed
            unclear = {
                "event_id": row.id,
                "conversation_id": row.sender_id,
                "at": at,
                "intent": intent,
                "confidence": confidence,
            }
            if row.sender_id not in pending.loops:
                pending.maybe_unclear[row.id] = unclear
            elif pending.loops[row.sender_id] is None:
                pending.unclear[row.id] = unclear
    elif row.type_name == "action" and row.action_name == CLARIFY_ACTION:
        return summary["last_user_event_id"]
    elif row.type_name == "slot" and row.data:
        data = json.loads(row.data)
        name, value = data.get("name"), data.get("value")
        if name == "crisis_flag" and value is True:
            summary["crisis"] = True
            _raise_flag(pending, row.sender_id, FLAG_CRISIS, summary["last_user_event_id"])
        elif name == "crisis_category" and isinstance(value, str):
            summary["crisis_category"] = value[:32]
        elif name == LANGUAGE_SLOT:
            summary["language"] = known_language(value)
        elif name == "screening_outcome" and isinstance(value, str):
            summary["screening_outcome"] = value[:32]
            if value in SERIOUS_OUTCOMES:
                _raise_flag(pending, row.sender_id, FLAG_SERIOUS, summary["last_user_event_id"])
    return None


def _mark_clarified(
    conn: Connection, tracker: Connection, pending: _Pending, event_ids: List[int]
) -> None:
    """Turn the user messages answered by ``action_clarify`` into unclear messages."""
    candidates = [i for i in dict.fromkeys(event_ids) if i and i not in pending.unclear]
    if not candidates:
        return
    known = set()
    for chunk in _chunks(candidates):
        known.update(
            conn.execute(
                select(UnclearMessage.event_id).where(UnclearMessage.event_id.in_(chunk))
            ).scalars()
        )
    events = tracker.execute(
        text(
            "SELECT id, sender_id, timestamp, intent_name, data FROM events WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": [i for i in candidates if i not in known]},
    )
    for row in events:
        data = json.loads(row.data or "{}")
        parse = data.get("parse_data") or {}
        if row.id not in pending.user_text and row.sender_id in pending.summaries:
            values = tracker_pii_values(tracker, row.sender_id)
            pending.user_text[row.id] = privacy.mask((data.get("text") or "")[:4000], values)[:200]
        pending.unclear[row.id] = {
            "event_id": row.id,
            "conversation_id": row.sender_id,
            "at": to_datetime(row.timestamp),
            "intent": row.intent_name,
            "confidence": (parse.get("intent") or {}).get("confidence"),
        }


def _resolve_form_state(tracker: Connection, pending: _Pending) -> None:
    """Fallback turns whose conversation's form state began before this batch.

    The form active at such a turn is the one named by the conversation's last
    ``active_loop`` event before it (a new session has none).
    """
    for event_id, unclear in pending.maybe_unclear.items():
        row = tracker.execute(
            text(
                "SELECT type_name, data FROM events WHERE sender_id = :sid AND id < :id "
                "AND type_name IN ('active_loop', 'session_started') ORDER BY id DESC LIMIT 1"
            ),
            {"sid": unclear["conversation_id"], "id": event_id},
        ).fetchone()
        form = None
        if row is not None and row.type_name == "active_loop":
            form = json.loads(row.data or "{}").get("name")
        if not form:
            pending.unclear[event_id] = unclear


def _flag_unclear(pending: _Pending) -> None:
    for event_id, unclear in sorted(pending.unclear.items()):
        _raise_flag(pending, unclear["conversation_id"], FLAG_UNCLEAR, event_id)


def _insert_terms(conn: Connection, pairs: set) -> None:
    """Add (term, conversation) pairs, skipping those already indexed."""
    rows = [{"term": t, "conversation_id": c} for t, c in pairs]
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(conn.dialect.name)
    if dialect is not None:
        conn.execute(dialect.insert(SearchTerm.__table__).on_conflict_do_nothing(), rows)
        return
    for row in rows:  # pragma: no cover - other databases
        exists = conn.execute(
            select(SearchTerm.term).where(
                SearchTerm.term == row["term"], SearchTerm.conversation_id == row["conversation_id"]
            )
        ).first()
        if exists is None:
            conn.execute(SearchTerm.__table__.insert().values(**row))


def _upsert_intents(conn: Connection, counts: Dict[tuple, int]) -> None:
    if not counts:
        return
    rows = [{"day": d, "intent": i, "count": c} for (d, i), c in counts.items()]
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(conn.dialect.name)
    if dialect is None:  # pragma: no cover - other databases: read-modify-write
        for row in rows:
            updated = conn.execute(
                update(IntentDaily)
                .where(IntentDaily.day == row["day"], IntentDaily.intent == row["intent"])
                .values(count=IntentDaily.count + row["count"])
            ).rowcount
            if not updated:
                conn.execute(IntentDaily.__table__.insert().values(**row))
        return
    statement = dialect.insert(IntentDaily.__table__)
    statement = statement.on_conflict_do_update(
        index_elements=["day", "intent"],
        set_={"count": IntentDaily.__table__.c.count + statement.excluded.count},
    )
    conn.execute(statement, rows)


def _write(conn: Connection, pending: _Pending) -> None:
    _apply_app_flags(conn, pending)
    for summary in pending.summaries.values():
        summary["risk"] = risk_of(summary)
    new = [s for cid, s in pending.summaries.items() if cid in pending.new_ids]
    old = [s for cid, s in pending.summaries.items() if cid not in pending.new_ids]
    if new:
        conn.execute(S.insert(), new)
    if old:
        values = {c: bindparam(c) for c in old[0] if c != "conversation_id"}
        conn.execute(
            S.update().where(S.c.conversation_id == bindparam("b_id")).values(**values),
            [dict(s, b_id=s["conversation_id"]) for s in old],
        )
    unclear = list(pending.unclear.values())
    if unclear:
        conn.execute(UnclearMessage.__table__.insert(), unclear)
        counts: Dict[str, int] = defaultdict(int)
        for u in unclear:
            counts[u["conversation_id"]] += 1
        conn.execute(
            S.update()
            .where(S.c.conversation_id == bindparam("b_id"))
            .values(
                unclear_turns=S.c.unclear_turns + bindparam("n"),
                risk=_greatest(conn, S.c.risk, 1),
            ),
            [{"b_id": cid, "n": n} for cid, n in counts.items()],
        )
    if pending.terms:
        _insert_terms(conn, pending.terms)
    _upsert_intents(conn, pending.intents)


def _apply_app_flags(conn: Connection, pending: _Pending) -> None:
    """Callback and opt-out flags of conversations first seen in this batch."""
    ids = list(pending.new_ids)
    for chunk in _chunks(ids):
        for cid in conn.execute(
            select(CallbackRequest.conversation_id).where(
                CallbackRequest.conversation_id.in_(chunk)
            )
        ).scalars():
            pending.summaries[cid]["callback_requested"] = True
        for cid in conn.execute(
            select(ConversationContact.conversation_id)
            .join(OptOut, OptOut.phone_number == ConversationContact.phone_number)
            .where(ConversationContact.conversation_id.in_(chunk))
        ).scalars():
            pending.summaries[cid]["opted_out"] = True


def _greatest(conn: Connection, column: Any, value: int) -> Any:
    return (
        func.max(column, value) if conn.dialect.name == "sqlite" else func.greatest(column, value)
    )


def sync_flags(conn: Connection) -> None:
    """Flags that change outside the tracker: new callback requests, opt-outs in and out."""
    last_callback = _state(conn, STATE_CALLBACKS)
    newest = conn.execute(select(func.max(CallbackRequest.id))).scalar() or 0
    if newest > last_callback:
        conn.execute(
            S.update()
            .where(
                S.c.conversation_id.in_(
                    select(CallbackRequest.conversation_id).where(
                        CallbackRequest.id > last_callback
                    )
                )
            )
            .values(callback_requested=True, risk=_greatest(conn, S.c.risk, 2))
        )
        _set_state(conn, STATE_CALLBACKS, newest)
    opted = select(ConversationContact.conversation_id).join(
        OptOut, OptOut.phone_number == ConversationContact.phone_number
    )
    conn.execute(
        S.update()
        .where(and_(S.c.conversation_id.in_(opted), S.c.opted_out.is_(False)))
        .values(opted_out=True)
    )
    conn.execute(
        S.update()
        .where(and_(S.c.opted_out.is_(True), S.c.conversation_id.not_in(opted)))
        .values(opted_out=False)
    )


def _language_batch(app: Engine, tracker: Engine, batch_size: int) -> tuple[int, bool]:
    """One batch of :func:`backfill_language`: (slot events read, finished)."""
    with app.begin() as conn, tracker.connect() as tconn:
        until = _state(conn, STATE_LANGUAGE_TO)
        after = _state(conn, STATE_LANGUAGE_DONE)
        if after >= until:
            if until:
                conn.execute(
                    delete(IndexerState).where(
                        IndexerState.name.in_((STATE_LANGUAGE_TO, STATE_LANGUAGE_DONE))
                    )
                )
            return 0, True
        rows = tconn.execute(
            text(
                "SELECT id, sender_id, data FROM events WHERE type_name = 'slot' "
                "AND id > :after AND id <= :until ORDER BY id LIMIT :n"
            ),
            {"after": after, "until": until, "n": batch_size},
        ).fetchall()
        languages: Dict[str, str] = {}
        for row in rows:  # in event order: the last value set wins, as in _fold
            data = json.loads(row.data or "{}")
            if data.get("name") == LANGUAGE_SLOT:
                languages[row.sender_id] = known_language(data.get("value"))
        if languages:
            conn.execute(
                S.update()
                .where(S.c.conversation_id == bindparam("b_id"))
                .values(language=bindparam("lang")),
                [{"b_id": cid, "lang": lang} for cid, lang in languages.items()],
            )
        done = rows[-1].id if len(rows) == batch_size else until
        _set_state(conn, STATE_LANGUAGE_DONE, done)
        return len(rows), False


def backfill_language(app: Engine, tracker: Engine, batch_size: int = DEFAULT_BATCH) -> int:
    """Languages of the conversations indexed before summaries had one (migration 0007).

    Reads the tracker's slot events up to the mark the migration left, a batch a
    transaction (a crash resumes where it stopped). Runs before any newer event is
    indexed, so an older language never overwrites a newer one. Returns the slot
    events read (0 when there is nothing to backfill).
    """
    total = 0
    while True:
        read, finished = _language_batch(app, tracker, batch_size)
        total += read
        if finished:
            return total


def index_batch(app: Engine, tracker: Engine, batch_size: int = DEFAULT_BATCH) -> BatchResult:
    """Fold the next ``batch_size`` tracker events into the summaries (one transaction)."""
    result = BatchResult()
    with app.begin() as conn, tracker.connect() as tconn:
        last = _state(conn, STATE_EVENTS)
        rows = tconn.execute(
            text(
                "SELECT id, sender_id, type_name, timestamp, intent_name, action_name, data "
                "FROM events WHERE id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": batch_size},
        ).fetchall()
        if not rows:
            return result
        pending = _Pending()
        senders = list(dict.fromkeys(r.sender_id for r in rows))
        pending.summaries = _load_summaries(conn, senders)
        for row in rows:
            if row.sender_id not in pending.summaries:
                pending.summaries[row.sender_id] = _new_summary(
                    row.sender_id, to_datetime(row.timestamp)
                )
                pending.new_ids.add(row.sender_id)
        pii_values = _pii_values(rows)
        clarified = [cid for row in rows if (cid := _fold(pending, row, pii_values))]
        _resolve_form_state(tconn, pending)
        _mark_clarified(conn, tconn, pending, clarified)
        _flag_unclear(pending)
        _write(conn, pending)
        result = BatchResult(len(rows), len(senders), rows[-1].id)
        _set_state(conn, STATE_EVENTS, result.last_id)
    return result


def tracker_ready(tracker: Engine) -> bool:
    """False while Rasa has not created its events table yet."""
    return inspect(tracker).has_table("events")


def run_once(
    settings: ConsoleSettings, batch_size: int = DEFAULT_BATCH, max_batches: int = 0
) -> int:
    """Index everything new (or ``max_batches``); returns how many events were read."""
    app = app_engine(settings.database_url)
    tracker = tracker_engine(settings.tracker_db_url)
    total = 0
    with app.begin() as conn:
        sync_flags(conn)
    if not tracker_ready(tracker):
        return 0
    backfilled = backfill_language(app, tracker, batch_size)
    if backfilled:
        logger.info("console index: languages re-read from %d slot events", backfilled)
    batches = 0
    while True:
        result = index_batch(app, tracker, batch_size)
        total += result.events
        batches += 1
        if result.events < batch_size or (max_batches and batches >= max_batches):
            break
    with app.begin() as conn:
        sync_flags(conn)
    return total


def main(argv: List[str] | None = None) -> None:
    """``python -m iop_assistant.console.indexer``: index now, print what was read."""
    parser = argparse.ArgumentParser(description="Index new tracker events for the console.")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    args = parser.parse_args(argv)
    settings = ConsoleSettings.from_env()
    ensure_schema(app_engine(settings.database_url))
    started = time.perf_counter()
    total = run_once(settings, args.batch_size)
    print(f"indexed {total} events in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
