"""The console's Sanic app factory: settings, middleware, blueprints, indexer timer."""

from __future__ import annotations

import asyncio
import itertools
import logging
from pathlib import Path

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import BaseHTTPResponse, HTTPResponse

from iop_assistant.console import charts, indexer, sessions, web
from iop_assistant.console.db import app_engine, ensure_schema, run_sync
from iop_assistant.console.intents import load_intents
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.console.views import (
    admin,
    auth,
    callbacks,
    conversations,
    dashboard,
    handoff,
    improve,
)
from iop_assistant.store.db import session_scope

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; "  # the live chat page's typing signals (console.js)
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_names = itertools.count(1)


def _load_user(settings: ConsoleSettings, token: str | None, ip: str):
    with session_scope(app_engine(settings.database_url)) as session:
        return sessions.load(session, settings, token, ip)


def _csrf_ok(request: Request) -> bool:
    given = (request.form or {}).get("csrf_token") if request.form else None
    given = given or request.headers.get("x-csrf-token")
    if request.path == "/login":
        return sessions.csrf_ok(request.cookies.get(web.LOGIN_CSRF_COOKIE, ""), given)
    user = request.ctx.user
    return user is not None and sessions.csrf_ok(user.csrf_token, given)


async def _before(request: Request) -> HTTPResponse | None:
    settings = web.settings_of(request)
    request.ctx.user, request.ctx.expired = None, False
    if request.path.startswith("/static/"):
        # a directory under /static/ is not a file: 404 (Sanic's static route answered 500)
        return response.text("Not found.", status=404) if request.path.endswith("/") else None
    token = request.cookies.get(web.SESSION_COOKIE)
    if token:
        user, expired = await run_sync(_load_user, settings, token, web.client_ip(request))
        request.ctx.user, request.ctx.expired = user, expired
    if request.method in UNSAFE_METHODS and not _csrf_ok(request):
        return response.text("Missing or wrong CSRF token.", status=403)
    return None


async def _after(request: Request, resp: BaseHTTPResponse) -> None:
    headers = resp.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if not request.path.startswith("/static/"):
        headers["Cache-Control"] = "no-store"  # pages hold PHI: never cached
    if web.is_https(request):
        headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    if getattr(request.ctx, "expired", False):
        web.clear_cookie(request, resp, web.SESSION_COOKIE)


async def _index_forever(app: Sanic) -> None:
    settings: ConsoleSettings = app.ctx.settings
    while True:
        try:
            await run_sync(indexer.run_once, settings)
            await run_sync(_prune, settings)
        except Exception:  # keep the timer alive; the next tick retries
            logger.exception("console indexer run failed")
        await asyncio.sleep(settings.index_interval_seconds)


def _prune(settings: ConsoleSettings) -> None:
    with session_scope(app_engine(settings.database_url)) as session:
        sessions.prune(session, settings)


def create_app(settings: ConsoleSettings | None = None, name: str | None = None) -> Sanic:
    """The console app; ``settings`` default to the environment's."""
    settings = settings or ConsoleSettings.from_env()
    app = Sanic(name or f"iop_console_{next(_names)}")
    app.config.FALLBACK_ERROR_FORMAT = "text"
    # staff forms are small; a bigger body is refused (413) before it is read (issue 14)
    app.config.REQUEST_MAX_SIZE = 256_000
    app.ctx.settings = settings
    app.ctx.templates = web.make_templates()
    app.ctx.intents = load_intents()
    app.ctx.chart_cache = charts.ChartCache()
    ensure_schema(app_engine(settings.database_url))

    app.register_middleware(_before, "request")
    app.register_middleware(_after, "response")
    app.static("/static", str(STATIC), name="static")
    for module in (auth, conversations, handoff, callbacks, dashboard, improve, admin):
        app.blueprint(module.bp)

    if settings.index_interval_seconds > 0:

        @app.after_server_start
        async def start_indexer(app_: Sanic, _loop: object) -> None:
            app_.add_task(_index_forever(app_))

    return app
