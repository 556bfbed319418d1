"""Admin: accounts, the audit log (read-only), and the retention period with a dry run."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Dict
from urllib.parse import urlencode

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import select

from iop_assistant.console import audit, indexer, retention, roles, sessions, web
from iop_assistant.console.create_admin import create_user
from iop_assistant.console.db import app_engine, run_sync, tracker_engine
from iop_assistant.console.models import ROLES, ConsoleUser
from iop_assistant.console.passwords import hash_password, password_problem
from iop_assistant.console.sessions import CurrentUser
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.sqltyping import get_row
from iop_assistant.store.db import session_scope

bp = Blueprint("admin", url_prefix="/admin")
AUDIT_PAGE = 100


def _users(settings: ConsoleSettings) -> Dict[str, Any]:
    with session_scope(app_engine(settings.database_url)) as session:
        users = session.execute(select(ConsoleUser).order_by(ConsoleUser.username)).scalars()
        return {"users": list(users)}


NOTICES = {
    "created": "Created {user}. They can sign in now with the password you chose.",
    "updated": "Saved the changes to {user}.",
    "unchanged": "Nothing changed for {user}.",
}


def _notice(request: Request) -> str:
    """The confirmation shown after an action (from the redirect's query string)."""
    template = NOTICES.get(web.query_one(request, "done"))
    return template.format(user=web.query_one(request, "user")[:80]) if template else ""


def _users_page(request: Request, data: Dict[str, Any], status: int = 200, error: str = ""):
    return web.render(
        request,
        "users.html",
        status=status,
        all_roles=ROLES,
        error=error,
        notice=_notice(request),
        descriptions=roles.DESCRIPTIONS,
        default_role=roles.LEAST_PRIVILEGED,
        **data,
    )


def _redirect_users(done: str, username: str) -> HTTPResponse:
    return response.redirect("/admin/users?" + urlencode({"done": done, "user": username}))


@bp.get("/users")
@web.requires("admin")
async def users(request: Request) -> HTTPResponse:
    data = await run_sync(_users, web.settings_of(request))
    return _users_page(request, data)


def _create(settings: ConsoleSettings, user: CurrentUser, ip: str, name: str, pw: str, role: str):
    create_user(settings, name, pw, role, actor=user.username, ip=ip)  # raises ValueError


@bp.post("/users")
@web.requires("admin")
async def create(request: Request) -> HTTPResponse:
    settings = web.settings_of(request)
    name = web.form_value(request, "username")[:80]
    try:
        if not name.replace("-", "").replace(".", "").replace("_", "").isalnum():
            raise ValueError("user names use letters, digits, '.', '-' and '_'")
        await run_sync(
            _create,
            settings,
            request.ctx.user,
            web.client_ip(request),
            name,
            (request.form or {}).get("password") or "",
            _chosen_roles(request, default=True),
        )
    except ValueError as error:
        data = await run_sync(_users, settings)
        return _users_page(request, data, status=400, error=str(error))
    return _redirect_users("created", name)


def _chosen_roles(request: Request, default: bool = False) -> str:
    """The roles ticked in the form ("" when none); the least privileged when ``default``."""
    ticked = (request.form.getlist("role") or []) if request.form else []
    chosen = ",".join(v.strip() for v in ticked if v)
    if not chosen and default:
        return roles.LEAST_PRIVILEGED
    return chosen


def _update(
    settings: ConsoleSettings, user: CurrentUser, ip: str, uid: int, form: dict
) -> tuple[str, str, bool]:
    """(error, username, changed) of saving one account's row."""
    with session_scope(app_engine(settings.database_url)) as session:
        target = get_row(session, ConsoleUser, uid)
        if target is None:
            return "No such user.", "", False
        changes = []
        if "role" in form or form.get("roles_shown"):
            try:
                role = roles.join((form.get("role") or "").split(","))
            except ValueError as error:
                return f"{target.username}: {error}", "", False
            if role != target.role:
                if target.id == user.id and not roles.allowed(role, "admin"):
                    return "You cannot remove the admin role from your own account.", "", False
                target.role = role
                changes.append(f"role={role}")
        active = form.get("active") == "1"
        if active != target.active:
            if target.id == user.id:
                return "You cannot deactivate yourself.", "", False
            target.active = active
            changes.append(f"active={active}")
        unmasked = form.get("can_export_unmasked") == "1"
        if unmasked != target.can_export_unmasked:
            target.can_export_unmasked = unmasked
            changes.append(f"can_export_unmasked={unmasked}")
        password = form.get("password") or ""
        if password:
            problem = password_problem(password, target.username)
            if problem:
                return f"password: {problem}", "", False
            target.password_hash = hash_password(password)
            changes.append("password reset")
        name = target.username
        if not changes:
            return "", name, False
        if any(not c.startswith("can_export") for c in changes):
            sessions.end_sessions_of(session, target.id)
        audit.record(
            session,
            settings.clock(),
            "user_update",
            user.username,
            ip,
            "user",
            target.username,
            ", ".join(changes),
        )
    return "", name, True


@bp.post("/users/<uid:int>")
@web.requires("admin")
async def update(request: Request, uid: int) -> HTTPResponse:
    form = {k: (request.form.get(k) or "") for k in request.form} if request.form else {}
    if request.form and "role" in request.form:
        form["role"] = _chosen_roles(request)
    error, name, changed = await run_sync(
        _update, web.settings_of(request), request.ctx.user, web.client_ip(request), uid, form
    )
    if error:
        return web.render(request, "error.html", status=400, message=error)
    return _redirect_users("updated" if changed else "unchanged", name)


def _day(value: str) -> datetime | None:
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time())
    except ValueError:
        return None


def _audit(settings: ConsoleSettings, flt: audit.AuditFilter, page: int):
    with session_scope(app_engine(settings.database_url)) as session:
        return audit.search(session, flt, AUDIT_PAGE + 1, (page - 1) * AUDIT_PAGE)


@bp.get("/audit")
@web.requires("admin")
async def audit_log(request: Request) -> HTTPResponse:
    until = _day(web.query_one(request, "until"))
    flt = audit.AuditFilter(
        username=web.query_one(request, "username")[:80],
        action=web.query_one(request, "action")[:32],
        target_id=web.query_one(request, "target")[:160],
        since=_day(web.query_one(request, "since")),
        until=until + timedelta(days=1) if until else None,
    )
    page = web.page_arg(request)
    rows = await run_sync(_audit, web.settings_of(request), flt, page)
    return web.render(
        request,
        "audit.html",
        rows=rows[:AUDIT_PAGE],
        more=len(rows) > AUDIT_PAGE,
        page=page,
        actions=audit.ACTIONS,
        args={
            k: web.query_one(request, k) for k in ("username", "action", "target", "since", "until")
        },
    )


def _retention(settings: ConsoleSettings) -> retention.PurgePlan | None:
    tracker = tracker_engine(settings.tracker_db_url)
    if not indexer.tracker_ready(tracker):
        return None
    cutoff = retention.cutoff_for(settings.clock(), settings.retention_days)
    return retention.plan(app_engine(settings.database_url), tracker, cutoff)


@bp.get("/retention")
@web.requires("admin")
async def retention_page(request: Request) -> HTTPResponse:
    settings = web.settings_of(request)
    purge = await run_sync(_retention, settings)
    return web.render(request, "retention.html", purge=purge, days=settings.retention_days)
