"""Sign in, sign out, and the landing redirect."""

from __future__ import annotations

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant.console import roles, sessions, web
from iop_assistant.console.db import app_engine, run_sync
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.store.db import session_scope

bp = Blueprint("auth")
GENERIC_ERROR = "Sign-in failed. Check your user name and password, or wait a few minutes."


def _login(settings: ConsoleSettings, username: str, password: str, ip: str):
    with session_scope(app_engine(settings.database_url)) as session:
        return sessions.login(session, settings, username, password, ip)


def _logout(settings: ConsoleSettings, user: sessions.CurrentUser, ip: str) -> None:
    with session_scope(app_engine(settings.database_url)) as session:
        sessions.logout(session, settings, user, ip)


def _login_page(request: Request, status: int = 200, error: str = "") -> HTTPResponse:
    token = web.new_login_csrf()
    resp = web.render(request, "login.html", status=status, csrf_token=token, error=error)
    web.set_cookie(request, resp, web.LOGIN_CSRF_COOKIE, token, max_age=3600)
    return resp


@bp.get("/login")
async def login_form(request: Request) -> HTTPResponse:
    user = request.ctx.user
    if user is not None:
        return response.redirect(roles.home(user.role))
    return _login_page(request)


@bp.post("/login")
async def login(request: Request) -> HTTPResponse:
    settings = web.settings_of(request)
    username = web.form_value(request, "username")[:80]
    password = (request.form or {}).get("password") or ""
    ip = web.client_ip(request)
    if request.ctx.user is not None:  # a new login always starts a new session
        await run_sync(_logout, settings, request.ctx.user, ip)
        request.ctx.user = None
    status, token = await run_sync(_login, settings, username, password[:1024], ip)
    if status == sessions.THROTTLED:
        return _login_page(request, 429, GENERIC_ERROR)
    if status != sessions.OK or token is None:
        return _login_page(request, 401, GENERIC_ERROR)
    resp = response.redirect("/")
    web.set_cookie(request, resp, web.SESSION_COOKIE, token)
    web.clear_cookie(request, resp, web.LOGIN_CSRF_COOKIE)
    return resp


@bp.post("/logout")
async def logout(request: Request) -> HTTPResponse:
    user = request.ctx.user
    if user is not None:
        await run_sync(_logout, web.settings_of(request), user, web.client_ip(request))
    resp = response.redirect("/login")
    web.clear_cookie(request, resp, web.SESSION_COOKIE)
    return resp


@bp.get("/")
async def home(request: Request) -> HTTPResponse:
    user = request.ctx.user
    if user is None:
        return response.redirect("/login")
    return response.redirect(roles.home(user.role))
