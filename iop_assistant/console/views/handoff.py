"""Live chats (issue 19, docs/handoff.md): on duty, the live queue, claim, reply, hand back.

For the ``helpline`` role. The queue lists open handoffs, crisis first, with
the screening outcome; the claimed conversation's transcript is masked like
every transcript here, and each view and reveal is audited. A claim is one
conditional UPDATE (:func:`iop_assistant.handoff.queue.claim`): of two staff
claiming at once, one gets the conversation and the other a clear refusal.
Replies go to the person through the Rasa server's relay (web) or the outbox
(SMS); the page shows where each one got to.

Typing indicators (web chats only; SMS has none): the reply box posts a
throttled signal to ``/handoff/typing`` (the relay shows "Name from our team
is typing…" in the widget), and the chat page polls ``/handoff/chat/state``
for "The person is typing…" rather than waiting for its 5-second reload,
which pauses while staff type, exactly when both are writing. Neither is
audited: they carry no words, only "typing", and would flood the log.
"""

from __future__ import annotations

from typing import Any, Dict
from urllib.parse import urlencode

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant.console import audit, transcript, web
from iop_assistant.console.db import app_engine, run_sync, tracker_engine
from iop_assistant.console.sessions import CurrentUser
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.handoff import availability, queue, typing_signals
from iop_assistant.handoff import settings as handoff_settings
from iop_assistant.store import contacts
from iop_assistant.store.db import session_scope

bp = Blueprint("handoff")


def _audit(
    settings: ConsoleSettings,
    user: CurrentUser,
    ip: str,
    action: str,
    target: str | None = None,
    detail: str | None = None,
) -> None:
    with session_scope(app_engine(settings.database_url)) as session:
        audit.record(
            session, settings.clock(), action, user.username, ip, "handoff", target, detail
        )


def _queue_page(settings: ConsoleSettings, user: CurrentUser, ip: str) -> Dict[str, Any]:
    engine = app_engine(settings.database_url)
    _audit(settings, user, ip, "handoff_queue_view")
    config = handoff_settings.from_env()
    return {
        "items": queue.live_queue(engine),
        "on_duty": availability.is_on_duty(user.id, engine),
        "on_duty_names": availability.on_duty_names(engine),
        "duty_status": availability.status(config, engine),
        "hours": availability.get_hours(engine),
        "days": availability.DAYS,
        "clock": availability.clock,
        "config": config,
        "now": settings.clock(),
    }


@bp.get("/handoff")
@web.requires("handoff")
async def live_queue(request: Request) -> HTTPResponse:
    settings = web.settings_of(request)
    data = await run_sync(_queue_page, settings, request.ctx.user, web.client_ip(request))
    return web.render(request, "handoff.html", **data)


def _set_duty(settings: ConsoleSettings, user: CurrentUser, ip: str, on: bool) -> None:
    availability.set_on_duty(user.id, user.username, on, app_engine(settings.database_url))
    _audit(settings, user, ip, "handoff_duty", str(user.id), "on" if on else "off")


@bp.post("/handoff/duty")
@web.requires("handoff")
async def duty(request: Request) -> HTTPResponse:
    on = web.form_value(request, "on") == "1"
    await run_sync(
        _set_duty, web.settings_of(request), request.ctx.user, web.client_ip(request), on
    )
    return response.redirect("/handoff")


def parse_clock(value: str) -> int | None:
    """ "09:00" -> 540; "" -> None; ValueError for anything else."""
    value = value.strip()
    if not value:
        return None
    hours, _, minutes = value.partition(":")
    hour, minute = int(hours), int(minutes or 0)
    if not (0 <= hour <= 24 and 0 <= minute < 60) or hour * 60 + minute > 24 * 60:
        raise ValueError(value)
    return hour * 60 + minute


def _set_hours(settings: ConsoleSettings, user: CurrentUser, ip: str, form: Dict[str, str]) -> str:
    hours: availability.Hours = {}
    for day in range(7):
        try:
            start = parse_clock(form.get(f"start{day}", ""))
            end = parse_clock(form.get(f"end{day}", ""))
        except ValueError:
            return f"{availability.DAYS[day]}: write times as 09:00 or 17:30."
        if start is None and end is None:
            continue
        if start is None or end is None or end <= start:
            return f"{availability.DAYS[day]}: give a start and a later end, or leave both empty."
        hours[day] = (start, end)
    availability.set_hours(hours, app_engine(settings.database_url))
    detail = availability.describe(hours)[:200] or "none"
    _audit(settings, user, ip, "handoff_hours", None, detail)
    return ""


@bp.post("/handoff/hours")
@web.requires("handoff")
async def hours(request: Request) -> HTTPResponse:
    form = {
        f"{k}{d}": web.form_value(request, f"{k}{d}") for k in ("start", "end") for d in range(7)
    }
    settings = web.settings_of(request)
    problem = await run_sync(_set_hours, settings, request.ctx.user, web.client_ip(request), form)
    if problem:
        return web.render(request, "error.html", status=400, message=problem)
    return response.redirect("/handoff")


def _handoff_id(request: Request, field: str = "id") -> int | None:
    value = (
        web.form_value(request, field)
        if request.method == "POST"
        else web.query_one(request, field)
    )
    return int(value) if value.isdigit() and len(value) < 12 else None


def _claim(settings: ConsoleSettings, user: CurrentUser, ip: str, hid: int) -> str | None:
    """None when this user now holds the handoff; else who or what holds it."""
    engine = app_engine(settings.database_url)
    if queue.claim(hid, user.id, user.username, engine):
        _audit(settings, user, ip, "handoff_claim", str(hid))
        return None
    row = queue.get(hid, engine)
    _audit(settings, user, ip, "handoff_claim_refused", str(hid))
    if row is None:
        return "There is no such conversation in the queue."
    if row.status == queue.CLAIMED and row.claimed_by == user.id:
        return None
    if row.status == queue.CLAIMED:
        return f"{row.claimed_name or 'Someone else'} has already claimed this conversation."
    return "This conversation has already gone back to the assistant."


@bp.post("/handoff/claim")
@web.requires("handoff")
async def claim(request: Request) -> HTTPResponse:
    hid = _handoff_id(request)
    if hid is None:
        return response.text("Which conversation?", status=400)
    settings = web.settings_of(request)
    refusal = await run_sync(_claim, settings, request.ctx.user, web.client_ip(request), hid)
    if refusal:
        return web.render(request, "error.html", status=409, message=refusal)
    return response.redirect("/handoff/chat?" + urlencode({"id": hid}))


def _chat(
    settings: ConsoleSettings, user: CurrentUser, ip: str, hid: int, reveal: bool
) -> Dict[str, Any] | None:
    engine = app_engine(settings.database_url)
    row = queue.get(hid, engine)
    if row is None:
        return None
    with tracker_engine(settings.tracker_db_url).connect() as tconn:
        rows = transcript.load_events(tconn, row.conversation_id)
    turns = transcript.build(rows, reveal=reveal) if rows else []
    with session_scope(engine) as session:
        audit.record(
            session,
            settings.clock(),
            "reveal" if reveal else "transcript_view",
            user.username,
            ip,
            "conversation",
            row.conversation_id,
            f"handoff {hid}",
        )
    return {
        "handoff": row,
        # words only: the widget's "waiting" signal is an empty bot message
        "turns": [
            t
            for t in turns
            if t.kind in ("user", "session") or (t.kind == "bot" and any(p for p, _ in t.pieces))
        ],
        "messages": queue.message_states(hid, engine),
        "mine": row.status == queue.CLAIMED and row.claimed_by == user.id,
        "web": row.channel in queue.WEB_CHANNELS,
        "person_typing": typing_signals.person_typing(hid, engine=engine),
        "typing_every": handoff_settings.TYPING_SIGNAL_EVERY,
        "revealed": reveal,
        "max_chars": handoff_settings.MAX_REPLY_CHARS,
    }


async def _show_chat(request: Request, hid: int | None, reveal: bool) -> HTTPResponse:
    if hid is None:
        return web.render(request, "error.html", status=404, message="No such conversation.")
    settings = web.settings_of(request)
    data = await run_sync(_chat, settings, request.ctx.user, web.client_ip(request), hid, reveal)
    if data is None:
        return web.render(request, "error.html", status=404, message="No such conversation.")
    return web.render(request, "handoff_chat.html", **data)


@bp.get("/handoff/chat")
@web.requires("handoff")
async def chat(request: Request) -> HTTPResponse:
    return await _show_chat(request, _handoff_id(request), reveal=False)


@bp.post("/handoff/reveal")
@web.requires("handoff")
async def reveal(request: Request) -> HTTPResponse:
    return await _show_chat(request, _handoff_id(request), reveal=True)


def _reply(settings: ConsoleSettings, user: CurrentUser, ip: str, hid: int, text: str) -> bool:
    engine = app_engine(settings.database_url)
    row = queue.get(hid, engine)
    if row is None:
        return False
    phone = contacts.contact_number(row.conversation_id, engine) if row.channel == "sms" else None
    message_id = queue.add_staff_message(
        hid, user.id, user.username, text, phone_number=phone, engine=engine
    )
    if message_id is None:
        return False
    # the words stay in the tracker (and under retention); the audit log says who and when
    _audit(
        settings, user, ip, "handoff_reply", str(hid), f"message {message_id}, {len(text)} chars"
    )
    return True


@bp.post("/handoff/reply")
@web.requires("handoff")
async def reply(request: Request) -> HTTPResponse:
    hid = _handoff_id(request)
    text = web.form_value(request, "text")
    if hid is None or not text:
        return web.render(request, "error.html", status=400, message="Write a message first.")
    if len(text) > handoff_settings.MAX_REPLY_CHARS:
        return web.render(
            request,
            "error.html",
            status=400,
            message=f"Messages are at most {handoff_settings.MAX_REPLY_CHARS} characters.",
        )
    settings = web.settings_of(request)
    if not await run_sync(_reply, settings, request.ctx.user, web.client_ip(request), hid, text):
        return web.render(
            request,
            "error.html",
            status=409,
            message="Only the staff member who claimed this conversation can reply, "
            "and only until it goes back to the assistant.",
        )
    return response.redirect("/handoff/chat?" + urlencode({"id": hid}))


def _staff_typing(settings: ConsoleSettings, user: CurrentUser, hid: int) -> bool:
    return typing_signals.staff_typing(hid, user.id, engine=app_engine(settings.database_url))


@bp.post("/handoff/typing")
@web.requires("handoff")
async def staff_typing(request: Request) -> HTTPResponse:
    """The reply box is being written in: 204, or 409 unless this staff member holds the chat."""
    hid = _handoff_id(request)
    if hid is None:
        return response.json({"error": "Which conversation?"}, status=400)
    settings = web.settings_of(request)
    if not await run_sync(_staff_typing, settings, request.ctx.user, hid):
        return response.json(
            {"error": "Only the staff member holding this web chat, while it is open."},
            status=409,
        )
    return response.empty()


def _chat_state(settings: ConsoleSettings, hid: int) -> Dict[str, Any] | None:
    engine = app_engine(settings.database_url)
    row = queue.get(hid, engine)
    if row is None:
        return None
    return {
        "status": row.status,
        "person_typing": typing_signals.person_typing(hid, engine=engine),
    }


@bp.get("/handoff/chat/state")
@web.requires("handoff")
async def chat_state(request: Request) -> HTTPResponse:
    """The chat's status and whether the person is typing, for the open chat page to poll."""
    hid = _handoff_id(request)
    state = None if hid is None else await run_sync(_chat_state, web.settings_of(request), hid)
    if state is None:
        return response.json({"error": "No such conversation."}, status=404)
    return response.json(state)


def _end(settings: ConsoleSettings, user: CurrentUser, ip: str, hid: int, reason: str) -> bool:
    if not queue.end(hid, reason, user_id=user.id, engine=app_engine(settings.database_url)):
        return False
    action = "handoff_handback" if reason == queue.HANDED_BACK else "handoff_close"
    _audit(settings, user, ip, action, str(hid))
    return True


async def _finish(request: Request, reason: str) -> HTTPResponse:
    hid = _handoff_id(request)
    if hid is None:
        return response.text("Which conversation?", status=400)
    settings = web.settings_of(request)
    if not await run_sync(_end, settings, request.ctx.user, web.client_ip(request), hid, reason):
        return web.render(
            request,
            "error.html",
            status=409,
            message="Only the staff member who claimed this conversation can end it.",
        )
    return response.redirect("/handoff")


@bp.post("/handoff/handback")
@web.requires("handoff")
async def handback(request: Request) -> HTTPResponse:
    return await _finish(request, queue.HANDED_BACK)


@bp.post("/handoff/close")
@web.requires("handoff")
async def close(request: Request) -> HTTPResponse:
    return await _finish(request, queue.STAFF_CLOSED)
