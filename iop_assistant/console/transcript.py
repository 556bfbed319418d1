"""A conversation's events from the tracker store, as the transcript page shows them.

Masked by default: message text goes through :mod:`iop_assistant.privacy`
with the values collected by forms (a first name, a number) masked wherever
they appear, and those slots' values shown as ``[masked]``. Screening slots
(``screening_*``) are categorical answers ("daily", "alcohol"), not
identifiers, and stay visible to clinicians.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Tuple

from sqlalchemy import text

from iop_assistant import privacy
from iop_assistant.console.indexer import to_datetime
from iop_assistant.rasa_hooks.carried import is_carried
from iop_assistant.sqltyping import Connection

HIDDEN_ACTIONS = {"action_listen", "action_session_start"}
NEW_CALL_MARKER = "/session_start"  # sent by the voice channel when a call starts
CLINICAL_SLOT_PREFIX = "screening_"
MAX_EVENTS = 5000
# form answers too common to mask wherever they appear (the slot row is still masked)
PLAIN_ANSWERS = {
    "yes",
    "no",
    "true",
    "false",
    "skip",
    "none",
    "now",
    "morning",
    "afternoon",
    "evening",
    "any time",
}


@dataclass
class Turn:
    """One line of the transcript."""

    kind: str  # user, bot, action, slot, form, session
    at: datetime
    event_id: int
    pieces: List[Tuple[str, str | None]] = field(default_factory=list)  # text, mask kind
    intent: str | None = None
    confidence: float | None = None
    name: str | None = None
    value: str | None = None
    buttons: List[str] = field(default_factory=list)
    channel: str | None = None
    has_pii: bool = False
    crisis: bool = False  # the user turn that raised the crisis flag
    staff: str | None = None  # a help-line staff member's message (live handoff)


def _mark_crisis_turns(turns: List[Turn | None], events: List[Dict[str, Any]]) -> None:
    """Mark each user turn recognised as a crisis (its intent, or the crisis flag it set).

    ``turns`` runs beside ``events``: None where an event shows no turn."""
    last_user: Turn | None = None
    for turn, data in zip(turns, events, strict=True):
        if turn is None:
            continue
        if turn.kind == "user":
            last_user = turn
            if turn.intent == "crisis":
                turn.crisis = True
        elif data.get("event") == "slot" and data.get("name") == "crisis_flag":
            if data.get("value") is True and last_user is not None:
                last_user.crisis = True


def load_events(conn: Connection, conversation_id: str) -> List[Any]:
    """The conversation's events in order (bounded: sessions are bounded too)."""
    return conn.execute(
        text(
            "SELECT id, type_name, timestamp, intent_name, action_name, data FROM events "
            "WHERE sender_id = :sid ORDER BY id LIMIT :n"
        ),
        {"sid": conversation_id, "n": MAX_EVENTS},
    ).fetchall()


def _form_values(events: List[Dict[str, Any]]) -> Tuple[List[str], set]:
    """Values set by forms or in identifying slots, and the names of those slots."""
    values, names, active = [], set(), None
    for data in events:
        kind = data.get("event")
        if kind == "active_loop":
            active = data.get("name")
        elif kind == "slot":
            name = data.get("name") or ""
            if name.startswith(CLINICAL_SLOT_PREFIX):
                continue
            if active or privacy.is_pii_slot(name):
                names.add(name)
                value = data.get("value")
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, (str, int)) and not isinstance(item, bool):
                        if str(item).strip().lower() not in PLAIN_ANSWERS:
                            values.append(str(item))
    return values, names


def build(rows: List[Any], reveal: bool) -> List[Turn]:
    """Turns for the page; ``reveal`` shows original text and slot values. A long
    session's copies of its last turns (``rasa_hooks.carried``) are left out: each
    message once."""
    decoded = [(r, json.loads(r.data or "{}")) for r in rows]
    kept = [(r, d) for r, d in decoded if not is_carried(d)]
    rows = [r for r, _ in kept]
    events = [d for _, d in kept]
    values, pii_slots = _form_values(events)
    ours = privacy.program_numbers()
    turns: List[Turn] = []
    by_event: List[Turn | None] = []
    for row, data in zip(rows, events, strict=True):
        by_event.append(None)
        at = to_datetime(row.timestamp)
        kind = row.type_name
        if kind == "user" and data.get("text") == NEW_CALL_MARKER:
            continue  # a new phone call's session start; the "session" line below shows it
        if kind in ("user", "bot"):
            raw = data.get("text") or ""
            # the bot's own help lines (program.yml, 911, 988, SAMHSA) stay readable
            spans = privacy.find_pii(raw, values, keep_numbers=ours if kind == "bot" else ())
            pieces: List[Tuple[str, str | None]]
            pieces = [(raw, None)] if reveal else privacy.split_spans(raw, spans)
            if not reveal:
                pieces = [(f"[{k}]", k) if k else (p, None) for p, k in pieces]
            turn = Turn(kind=kind, at=at, event_id=row.id, pieces=pieces, has_pii=bool(spans))
            if kind == "user":
                intent = (data.get("parse_data") or {}).get("intent") or {}
                turn.intent = intent.get("name") or row.intent_name
                turn.confidence = intent.get("confidence")
                turn.channel = data.get("input_channel")
            else:
                handoff = (data.get("metadata") or {}).get("handoff") or {}
                if isinstance(handoff, dict) and handoff.get("staff"):
                    turn.staff = str(handoff["staff"])
                buttons = (data.get("data") or {}).get("buttons") or []
                turn.buttons = [str(b.get("title", "")) for b in buttons if isinstance(b, dict)]
            turns.append(turn)
            by_event[-1] = turn
        elif kind == "action" and row.action_name not in HIDDEN_ACTIONS:
            turns.append(Turn(kind="action", at=at, event_id=row.id, name=row.action_name))
        elif kind == "slot":
            name = data.get("name") or ""
            value = data.get("value")
            shown = value if reveal or name not in pii_slots else privacy.mask_value(value)
            shown_text = json.dumps(shown) if not isinstance(shown, str) else shown
            turns.append(Turn(kind="slot", at=at, event_id=row.id, name=name, value=shown_text))
        elif kind == "active_loop":
            turns.append(Turn(kind="form", at=at, event_id=row.id, name=data.get("name")))
        elif kind == "session_started":
            turns.append(Turn(kind="session", at=at, event_id=row.id))
    _mark_crisis_turns(by_event, events)
    return turns


def mask_free_text(rows: List[Any], value: str | None, reveal: bool) -> str:
    """A free-text field shown beside the transcript (a callback's best time), masked
    like the transcript's own text unless revealed."""
    if reveal or not value:
        return value or ""
    values, _ = _form_values([json.loads(r.data or "{}") for r in rows])
    return privacy.mask(value, values)


def user_text(conn: Connection, event_id: int) -> Tuple[str, str, str | None] | None:
    """(conversation id, text, intent) of one user event, or None."""
    row = conn.execute(
        text("SELECT sender_id, type_name, intent_name, data FROM events WHERE id = :id"),
        {"id": event_id},
    ).fetchone()
    if row is None or row.type_name != "user":
        return None
    return row.sender_id, json.loads(row.data or "{}").get("text") or "", row.intent_name


def form_values(conn: Connection, conversation_id: str) -> List[str]:
    """Form-collected values of a conversation (to decide whether a text holds PII)."""
    events = [json.loads(r.data or "{}") for r in load_events(conn, conversation_id)]
    return _form_values(events)[0]
