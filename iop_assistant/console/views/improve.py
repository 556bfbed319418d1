"""Improve the assistant: pick the right intent for misunderstood messages, export NLU."""

from __future__ import annotations

from typing import Any, Dict

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import func, select

from iop_assistant import privacy
from iop_assistant.console import audit, nlu_export, transcript, web
from iop_assistant.console.db import app_engine, run_sync, tracker_engine
from iop_assistant.console.models import IntentCorrection, UnclearMessage
from iop_assistant.console.sessions import CurrentUser
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.sqltyping import get_row
from iop_assistant.store.db import session_scope

bp = Blueprint("improve")
PAGE = 50


def _messages(settings: ConsoleSettings, page: int) -> Dict[str, Any]:
    with session_scope(app_engine(settings.database_url)) as session:
        total = session.execute(select(func.count()).select_from(UnclearMessage)).scalar_one()
        page = min(page, max(1, -(-total // PAGE)))  # past the end: the last page
        unclear = list(
            session.execute(
                select(UnclearMessage)
                .order_by(UnclearMessage.at.desc())
                .limit(PAGE)
                .offset((page - 1) * PAGE)
            ).scalars()
        )
        ids = [u.event_id for u in unclear]
        corrections = {
            c.event_id: c
            for c in session.execute(
                select(IntentCorrection).where(IntentCorrection.event_id.in_(ids))
            ).scalars()
        }
        n_corrections = session.execute(
            select(func.count()).select_from(IntentCorrection)
        ).scalar_one()
    items = []
    with tracker_engine(settings.tracker_db_url).connect() as tconn:
        for u in unclear:
            found = transcript.user_text(tconn, u.event_id)
            text = privacy.mask(found[1]) if found else "(purged)"
            items.append({"u": u, "text": text, "correction": corrections.get(u.event_id)})
    pages = max(1, -(-total // PAGE))
    return {"items": items, "page": page, "pages": pages, "n_corrections": n_corrections}


@bp.get("/improve")
@web.requires("improve")
async def improve(request: Request) -> HTTPResponse:
    data = await run_sync(_messages, web.settings_of(request), web.page_arg(request))
    return web.render(request, "improve.html", intents=request.app.ctx.intents, **data)


def _correct(
    settings: ConsoleSettings, user: CurrentUser, ip: str, event_id: int, intent: str
) -> str | None:
    with tracker_engine(settings.tracker_db_url).connect() as tconn:
        found = transcript.user_text(tconn, event_id)
        if found is None:
            return "No such message."
        cid, text, predicted = found
        has_pii = privacy.contains_pii(text, transcript.form_values(tconn, cid))
    now = settings.clock()
    with session_scope(app_engine(settings.database_url)) as session:
        row = get_row(session, IntentCorrection, event_id) or IntentCorrection(event_id=event_id)
        row.conversation_id, row.predicted_intent, row.intent = cid, predicted, intent
        row.text, row.has_pii = (None if has_pii else text[:1000]), has_pii
        row.reviewer, row.at = user.username, now
        session.add(row)
        audit.record(
            session, now, "intent_correction", user.username, ip, "message", str(event_id), intent
        )
    return None


@bp.post("/improve/correct")
@web.requires("improve")
async def correct(request: Request) -> HTTPResponse:
    intent = web.form_value(request, "intent")
    try:
        event_id = int(web.form_value(request, "event_id"))
    except ValueError:
        return response.text("Bad message id.", status=400)
    if intent not in request.app.ctx.intents:
        return response.text("Unknown intent.", status=400)
    error = await run_sync(
        _correct,
        web.settings_of(request),
        request.ctx.user,
        web.client_ip(request),
        event_id,
        intent,
    )
    if error:
        return web.render(request, "error.html", status=404, message=error)
    page = web.form_value(request, "page", "1")
    return response.redirect(f"/improve?page={int(page) if page.isdigit() else 1}")


def _export(settings: ConsoleSettings, user: CurrentUser, ip: str) -> str:
    with session_scope(app_engine(settings.database_url)) as session:
        rows = session.execute(
            select(IntentCorrection.intent, IntentCorrection.text)
            .where(IntentCorrection.has_pii.is_(False), IntentCorrection.text.is_not(None))
            .order_by(IntentCorrection.intent, IntentCorrection.event_id)
        ).all()
        body = nlu_export.to_yaml((r.intent, r.text) for r in rows)
        audit.record(
            session,
            settings.clock(),
            "export_nlu",
            user.username,
            ip,
            "corrections",
            None,
            f"rows={len(rows)}",
        )
    return body


@bp.post("/improve/export.yml")
@web.requires("improve")
async def export(request: Request) -> HTTPResponse:
    body = await run_sync(
        _export, web.settings_of(request), request.ctx.user, web.client_ip(request)
    )
    return response.text(
        body,
        content_type="application/x-yaml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="nlu_corrections.yml"'},
    )
