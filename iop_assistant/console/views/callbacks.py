"""The callback queue: new → contacted → closed, assignment, dead-lettered texts."""

from __future__ import annotations

from typing import Any, Dict, List

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import select

from iop_assistant.console import audit, callbacks, roles, web
from iop_assistant.console.db import app_engine, run_sync
from iop_assistant.console.models import ConsoleUser, ConversationSummary
from iop_assistant.console.sessions import CurrentUser
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.notify import outbox
from iop_assistant.sqltyping import get_row
from iop_assistant.store.callbacks import staff_alert_number
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, OutboxMessage

bp = Blueprint("callbacks")
VIEWS = {
    "open": ("new", "contacted"),
    "new": ("new",),
    "contacted": ("contacted",),
    "closed": ("closed",),
    "all": callbacks.STATUSES,
}


def _queue(settings: ConsoleSettings, view: str, user: CurrentUser, ip: str) -> Dict[str, Any]:
    now = settings.clock()
    with session_scope(app_engine(settings.database_url)) as session:
        # the queue shows names, numbers and best times: every view is audited
        audit.record(session, now, "callback_queue_view", user.username, ip, "callbacks", view)
        rows = session.execute(
            select(CallbackRequest)
            .where(CallbackRequest.status.in_(VIEWS[view]))
            .order_by(CallbackRequest.created_at.desc())
            .limit(500)
        ).scalars()
        rows = list(rows)
        risks = _risks(session, [r.conversation_id for r in rows])
        items = [
            {
                "row": r,
                "overdue": callbacks.is_overdue(r.status, r.created_at, r.best_time, now),
                "due": callbacks.due_at(r.created_at, r.best_time),
                "risk": risks.get(r.conversation_id),
            }
            for r in rows
        ]
        # a crisis in the conversation (an overdose, say) comes first, then overdue requests
        items.sort(
            key=lambda i: (
                -(i["risk"].risk if i["risk"] is not None and i["row"].status != "closed" else 0),
                not i["overdue"],
                i["row"].status != "new",
                i["due"],
            )
        )
        dead = session.execute(
            select(OutboxMessage)
            .where(OutboxMessage.status == "dead")
            .order_by(OutboxMessage.id.desc())
            .limit(100)
        ).scalars()
        staff = [
            u.username
            for u in session.execute(
                select(ConsoleUser)
                .where(ConsoleUser.active.is_(True))
                .order_by(ConsoleUser.username)
            ).scalars()
            if roles.allowed(u.role, "callbacks")
        ]
        return {"items": items, "dead": list(dead), "staff": list(staff)}


def _risks(session: Any, conversation_ids: List[str]) -> Dict[str, ConversationSummary]:
    """The conversation summary (crisis, screening outcome, risk) of each request."""
    found: Dict[str, ConversationSummary] = {}
    ids = list(dict.fromkeys(conversation_ids))
    for start in range(0, len(ids), 500):
        for summary in session.execute(
            select(ConversationSummary).where(
                ConversationSummary.conversation_id.in_(ids[start : start + 500])
            )
        ).scalars():
            found[summary.conversation_id] = summary
    return found


@bp.get("/callbacks")
@web.requires("callbacks")
async def queue(request: Request) -> HTTPResponse:
    view = web.query_one(request, "view", "open")
    view = view if view in VIEWS else "open"
    data = await run_sync(
        _queue, web.settings_of(request), view, request.ctx.user, web.client_ip(request)
    )
    return web.render(
        request,
        "callbacks.html",
        view=view,
        views=list(VIEWS),
        outcomes=callbacks.OUTCOMES,
        can_read_transcripts=roles.allowed(request.ctx.user.role, "conversations"),
        **data,
    )


def _set_status(
    settings: ConsoleSettings, user: CurrentUser, ip: str, cb_id: int, status: str, outcome: str
) -> str | None:
    now = settings.clock()
    with session_scope(app_engine(settings.database_url)) as session:
        row = get_row(session, CallbackRequest, cb_id)
        if row is None:
            return "No such callback request."
        if not callbacks.can_move(row.status, status):
            return f"Cannot move a {row.status} request to {status}."
        if status == "closed" and outcome not in callbacks.OUTCOMES:
            return "Choose an outcome to close a request."
        old = row.status
        row.status, row.updated_at = status, now
        if status == "contacted":
            row.contacted_at = now
        if status == "closed":
            row.closed_at, row.outcome = now, outcome
            row.contacted_at = row.contacted_at or (now if outcome.startswith("reached") else None)
        if status == "new":
            row.closed_at, row.outcome = None, None
        audit.record(
            session,
            now,
            "callback_status",
            user.username,
            ip,
            "callback",
            str(cb_id),
            f"{old}->{status}" + (f" ({outcome})" if status == "closed" else ""),
        )
    return None


def _safe_next(value: str) -> str:
    return value if value.startswith("/") and not value.startswith("//") else "/callbacks"


def _done(request: Request, error: str | None) -> HTTPResponse:
    """After a queue action: the error page, or back to where the form was (same site only)."""
    if error:
        return web.render(request, "error.html", status=400, message=error)
    return response.redirect(_safe_next(web.form_value(request, "next", "/callbacks")))


@bp.post("/callbacks/<cb_id:int>/status")
@web.requires("callbacks")
async def set_status(request: Request, cb_id: int) -> HTTPResponse:
    error = await run_sync(
        _set_status,
        web.settings_of(request),
        request.ctx.user,
        web.client_ip(request),
        cb_id,
        web.form_value(request, "status"),
        web.form_value(request, "outcome"),
    )
    return _done(request, error)


def _assign(
    settings: ConsoleSettings, user: CurrentUser, ip: str, cb_id: int, assignee: str
) -> str | None:
    now = settings.clock()
    with session_scope(app_engine(settings.database_url)) as session:
        row = get_row(session, CallbackRequest, cb_id)
        if row is None:
            return "No such callback request."
        if assignee:
            staff = session.execute(
                select(ConsoleUser).where(ConsoleUser.username == assignee)
            ).scalar_one_or_none()
            if staff is None or not staff.active or not roles.allowed(staff.role, "callbacks"):
                return "Choose an active callback or clinical staff member."
        row.assigned_to, row.updated_at = assignee or None, now
        audit.record(
            session,
            now,
            "callback_assign",
            user.username,
            ip,
            "callback",
            str(cb_id),
            f"to {assignee or 'nobody'}",
        )
    return None


@bp.post("/callbacks/<cb_id:int>/assign")
@web.requires("callbacks")
async def assign(request: Request, cb_id: int) -> HTTPResponse:
    error = await run_sync(
        _assign,
        web.settings_of(request),
        request.ctx.user,
        web.client_ip(request),
        cb_id,
        web.form_value(request, "assignee")[:80],
    )
    return _done(request, error)


def _send_again(
    settings: ConsoleSettings, user: CurrentUser, ip: str, message_id: int
) -> str | None:
    now = settings.clock()
    not_dead = "That text is not waiting to be sent again."
    with session_scope(app_engine(settings.database_url)) as session:
        row = get_row(session, OutboxMessage, message_id)
        if row is None or row.status != outbox.DEAD:
            return not_dead
        to_number = None
        if row.kind == "staff_alert" and not row.to_number:
            to_number = staff_alert_number()
            if not to_number:
                return "Set STAFF_ALERT_NUMBER for the console and the outbox worker first."
        if not outbox.requeue_dead(session, message_id, now=now, to_number=to_number):
            return not_dead
        audit.record(
            session,
            now,
            "outbox_retry",
            user.username,
            ip,
            "outbox",
            str(message_id),
            "dead->pending",
        )
    return None


@bp.post("/callbacks/outbox/<message_id:int>/retry")
@web.requires("callbacks")
async def send_again(request: Request, message_id: int) -> HTTPResponse:
    error = await run_sync(
        _send_again, web.settings_of(request), request.ctx.user, web.client_ip(request), message_id
    )
    return _done(request, error)
