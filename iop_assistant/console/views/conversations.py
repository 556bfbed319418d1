"""Conversation list, transcript (masked; reveal audited), tags, review, notes, CSV."""

from __future__ import annotations

import csv
import io
from typing import Any, Dict, List

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import delete, select

from iop_assistant import privacy
from iop_assistant.console import audit, listing, transcript, web
from iop_assistant.console.db import app_engine, run_sync, tracker_engine
from iop_assistant.console.models import (
    ConversationNote,
    ConversationReview,
    ConversationSummary,
    ConversationTag,
)
from iop_assistant.console.sessions import CurrentUser
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.sqltyping import get_row
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest, ConversationContact

bp = Blueprint("conversations")
TAGS = ("needs follow-up", "misunderstood", "good example")
EXPORT_LIMIT = 100_000
# the summary's columns in the CSV export, then the first message (and the phone number)
EXPORT_COLUMNS = (
    "conversation_id",
    "channel",
    "language",
    "started_at",
    "last_at",
    "turns",
    "crisis",
    "crisis_category",
    "screening_outcome",
    "callback_requested",
    "unclear_turns",
    "opted_out",
)
NOTE_MAX = 2000


def _list(
    settings: ConsoleSettings, flt: listing.ListFilter, user: CurrentUser, ip: str
) -> Dict[str, Any]:
    if flt.query:
        # a search reads every conversation's words: who searched for what (masked) is audited
        with session_scope(app_engine(settings.database_url)) as session:
            audit.record(
                session,
                settings.clock(),
                "search",
                user.username,
                ip,
                "conversations",
                None,
                privacy.mask(flt.query)[:200],
            )
    with app_engine(settings.database_url).connect() as conn:
        return {
            "page": listing.list_page(conn, flt, settings.page_size),
            "channels": listing.channels(conn),
        }


@bp.get("/conversations")
@web.requires("conversations")
async def conversation_list(request: Request) -> HTTPResponse:
    settings = web.settings_of(request)
    flt = listing.ListFilter.from_args(web.args_dict(request))
    data = await run_sync(_list, settings, flt, request.ctx.user, web.client_ip(request))
    return web.render(
        request,
        "conversations.html",
        flt=flt,
        flags=listing.FLAGS,
        languages=listing.LANGUAGES,
        **data,
    )


def _transcript(
    settings: ConsoleSettings, user: CurrentUser, ip: str, cid: str, reveal: bool
) -> Dict[str, Any] | None:
    with tracker_engine(settings.tracker_db_url).connect() as tconn:
        rows = transcript.load_events(tconn, cid)
    if not rows:
        return None
    turns = transcript.build(rows, reveal=reveal)
    with session_scope(app_engine(settings.database_url)) as session:
        audit.record(
            session,
            settings.clock(),
            "reveal" if reveal else "transcript_view",
            user.username,
            ip,
            "conversation",
            cid,
        )
        summary = get_row(session, ConversationSummary, cid)
        tags = session.execute(
            select(ConversationTag.tag).where(ConversationTag.conversation_id == cid)
        ).scalars()
        notes = session.execute(
            select(ConversationNote)
            .where(ConversationNote.conversation_id == cid)
            .order_by(ConversationNote.id)
        ).scalars()
        callbacks = session.execute(
            select(CallbackRequest).where(CallbackRequest.conversation_id == cid)
        ).scalars()
        callbacks = list(callbacks)
        return {
            "cid": cid,
            "turns": turns,
            "best_times": {
                cb.id: transcript.mask_free_text(rows, cb.best_time, reveal) for cb in callbacks
            },
            "summary": summary,
            "tags": sorted(tags),
            "notes": list(notes),
            "review": get_row(session, ConversationReview, cid),
            "callbacks": callbacks,
            "revealed": reveal,
        }


async def _show(request: Request, cid: str, reveal: bool) -> HTTPResponse:
    settings = web.settings_of(request)
    if not cid or len(cid) > 255:
        return web.render(request, "error.html", status=404, message="No such conversation.")
    data = await run_sync(
        _transcript, settings, request.ctx.user, web.client_ip(request), cid, reveal
    )
    if data is None:
        return web.render(request, "error.html", status=404, message="No such conversation.")
    return web.render(request, "transcript.html", all_tags=TAGS, **data)


@bp.get("/conversation")
@web.requires("conversations")
async def show(request: Request) -> HTTPResponse:
    return await _show(request, web.query_one(request, "id"), reveal=False)


@bp.post("/conversation/reveal")
@web.requires("conversations")
async def reveal(request: Request) -> HTTPResponse:
    return await _show(request, web.form_value(request, "id"), reveal=True)


def _back(cid: str) -> HTTPResponse:
    from urllib.parse import urlencode

    return response.redirect("/conversation?" + urlencode({"id": cid}))


def _tag(settings: ConsoleSettings, user: CurrentUser, ip: str, cid: str, tag: str, add: bool):
    now = settings.clock()
    with session_scope(app_engine(settings.database_url)) as session:
        existing = get_row(session, ConversationTag, (cid, tag))
        if add and existing is None:
            session.add(
                ConversationTag(conversation_id=cid, tag=tag, added_by=user.username, added_at=now)
            )
        elif not add and existing is not None:
            session.execute(
                delete(ConversationTag).where(
                    ConversationTag.conversation_id == cid, ConversationTag.tag == tag
                )
            )
        else:
            return
        detail = ("+" if add else "-") + tag
        audit.record(session, now, "tag", user.username, ip, "conversation", cid, detail)


@bp.post("/conversation/tag")
@web.requires("conversations")
async def tag(request: Request) -> HTTPResponse:
    cid, tag_name = web.form_value(request, "id"), web.form_value(request, "tag")
    if tag_name not in TAGS or not cid:
        return response.text("Unknown tag.", status=400)
    add = web.form_value(request, "op", "add") != "remove"
    await run_sync(
        _tag, web.settings_of(request), request.ctx.user, web.client_ip(request), cid, tag_name, add
    )
    return _back(cid)


def _review(settings: ConsoleSettings, user: CurrentUser, ip: str, cid: str, done: bool) -> None:
    now = settings.clock()
    with session_scope(app_engine(settings.database_url)) as session:
        row = get_row(session, ConversationReview, cid) or ConversationReview(conversation_id=cid)
        row.reviewed_by, row.reviewed_at = (user.username, now) if done else (None, None)
        session.add(row)
        detail = "reviewed" if done else "not reviewed"
        audit.record(session, now, "review", user.username, ip, "conversation", cid, detail)


@bp.post("/conversation/review")
@web.requires("conversations")
async def review(request: Request) -> HTTPResponse:
    cid = web.form_value(request, "id")
    done = web.form_value(request, "reviewed", "1") == "1"
    await run_sync(
        _review, web.settings_of(request), request.ctx.user, web.client_ip(request), cid, done
    )
    return _back(cid)


def _note(settings: ConsoleSettings, user: CurrentUser, ip: str, cid: str, body: str) -> None:
    now = settings.clock()
    with session_scope(app_engine(settings.database_url)) as session:
        session.add(ConversationNote(conversation_id=cid, author=user.username, at=now, body=body))
        audit.record(session, now, "note", user.username, ip, "conversation", cid)


@bp.post("/conversation/note")
@web.requires("conversations")
async def note(request: Request) -> HTTPResponse:
    cid, body = web.form_value(request, "id"), web.form_value(request, "body")[:NOTE_MAX]
    if not cid or not body:
        return response.text("A note needs text.", status=400)
    await run_sync(
        _note, web.settings_of(request), request.ctx.user, web.client_ip(request), cid, body
    )
    return _back(cid)


def _csv_cell(value: Any) -> str:
    """A cell spreadsheets will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _export(
    settings: ConsoleSettings, user: CurrentUser, ip: str, flt: listing.ListFilter, unmasked: bool
) -> str:
    with app_engine(settings.database_url).connect() as conn:
        rows = listing.all_rows(conn, flt, EXPORT_LIMIT)
        phones: Dict[str, str] = {}
        if unmasked:
            ids = [r["conversation_id"] for r in rows]
            for start in range(0, len(ids), 500):
                for contact in conn.execute(
                    select(ConversationContact).where(
                        ConversationContact.conversation_id.in_(ids[start : start + 500])
                    )
                ):
                    phones[contact.conversation_id] = contact.phone_number
    originals: Dict[int, str] = {}
    if unmasked:
        with tracker_engine(settings.tracker_db_url).connect() as tconn:
            for r in rows:
                if r["first_user_event_id"]:
                    found = transcript.user_text(tconn, r["first_user_event_id"])
                    if found:
                        originals[r["first_user_event_id"]] = found[1][:200]
    columns: List[str] = [*EXPORT_COLUMNS, "first_message"]
    if unmasked:
        columns.append("phone_number")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for r in rows:
        first = r["first_text_masked"] or ""
        if unmasked:
            first = originals.get(r["first_user_event_id"], first)
        values = [r[c] for c in EXPORT_COLUMNS] + [first]
        if unmasked:
            values.append(phones.get(r["conversation_id"], ""))
        writer.writerow([_csv_cell(v) for v in values])
    with session_scope(app_engine(settings.database_url)) as session:
        detail = f"{'unmasked' if unmasked else 'masked'} rows={len(rows)}"
        audit.record(
            session,
            settings.clock(),
            "export_csv",
            user.username,
            ip,
            "conversations",
            None,
            detail,
        )
    return out.getvalue()


@bp.post("/conversations/export.csv")
@web.requires("conversations")
async def export_csv(request: Request) -> HTTPResponse:
    user: CurrentUser = request.ctx.user
    form = {k: request.form.getlist(k) or [] for k in request.form} if request.form else {}
    flt = listing.ListFilter.from_args(form)
    unmasked = web.form_value(request, "unmasked") == "1"
    if unmasked and not user.can_export_unmasked:
        return web.render(
            request, "error.html", status=403, message="You may not export unmasked data."
        )
    body = await run_sync(
        _export, web.settings_of(request), user, web.client_ip(request), flt, unmasked
    )
    return response.text(
        body,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="conversations.csv"'},
    )


__all__ = ["bp", "privacy"]
