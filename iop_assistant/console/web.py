"""Request plumbing shared by the blueprints: client IP and scheme, templates,
cookies, CSRF, and the ``requires`` decorator that enforces roles.
"""

from __future__ import annotations

import functools
import secrets
from pathlib import Path
from typing import Any, Callable, Coroutine, Dict
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import response
from sanic.request import Request
from sanic.response import BaseHTTPResponse, HTTPResponse

from iop_assistant import privacy
from iop_assistant.console import labels, roles, system_health
from iop_assistant.console.settings import ConsoleSettings

SESSION_COOKIE = "console_session"
LOGIN_CSRF_COOKIE = "console_login_csrf"
TEMPLATES = Path(__file__).parent / "templates"
Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]  # an async view, as Sanic routes them


def make_templates() -> Environment:
    """Jinja2 with autoescape on for every template (HTML and SVG alike)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["dt"] = lambda d: d.strftime("%Y-%m-%d %H:%M") if d else ""
    env.filters["qs"] = lambda d: urlencode(d, doseq=True)
    env.filters["mask"] = privacy.mask
    env.filters["intent_label"] = labels.intent
    env.filters["outcome_label"] = labels.outcome
    env.filters["crisis_label"] = labels.crisis
    env.filters["channel_label"] = labels.channel
    env.globals["roles"] = roles
    return env


def settings_of(request: Request) -> ConsoleSettings:
    return request.app.ctx.settings


def client_ip(request: Request) -> str:
    """The client's address; behind our trusted proxy, the address it saw."""
    if settings_of(request).trust_proxy:
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()[:64]
    return (request.ip or "")[:64]


def is_https(request: Request) -> bool:
    """HTTPS as the browser sees it (X-Forwarded-Proto only behind a trusted proxy)."""
    if settings_of(request).trust_proxy:
        proto = request.headers.get("x-forwarded-proto", "")
        if proto:
            return proto.split(",")[0].strip().lower() == "https"
    return request.scheme == "https"


def set_cookie(
    request: Request, resp: BaseHTTPResponse, name: str, value: str, max_age: int | None = None
) -> None:
    """A cookie scripts cannot read, never sent cross-site, Secure over HTTPS."""
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/"
    if max_age is not None:
        cookie["max-age"] = max_age
    if settings_of(request).always_secure_cookies or is_https(request):
        cookie["secure"] = True


def clear_cookie(request: Request, resp: BaseHTTPResponse, name: str) -> None:
    set_cookie(request, resp, name, "", max_age=0)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTTPResponse:
    """An HTML page with the user, CSRF token and navigation in its context."""
    user = getattr(request.ctx, "user", None)
    context.setdefault("csrf_token", user.csrf_token if user else "")
    nav = [
        (area, label, href)
        for area, label, href in (
            ("conversations", "Conversations", "/conversations"),
            ("handoff", "Live chats", "/handoff"),
            ("callbacks", "Callbacks", "/callbacks"),
            ("improve", "Improve", "/improve"),
            ("dashboard", "Dashboard", "/dashboard"),
            ("admin", "Users", "/admin/users"),
            ("admin", "Audit log", "/admin/audit"),
            ("admin", "Retention", "/admin/retention"),
        )
        if user and roles.allowed(user.role, area)
    ]
    if user:
        context.setdefault("outages", system_health.open_outages())
    html = request.app.ctx.templates.get_template(template).render(
        user=user, nav=nav, path=request.path, **context
    )
    return response.html(html, status=status)


def new_login_csrf() -> str:
    return secrets.token_urlsafe(32)


def form_value(request: Request, name: str, default: str = "") -> str:
    """One form field, stripped."""
    form = request.form or {}
    value = form.get(name)
    return (value if value is not None else default).strip()


def requires(permission: str) -> Callable[[Handler], Handler]:
    """Logged in (else to the login page) and allowed (else 403)."""

    def decorator(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            user = getattr(request.ctx, "user", None)
            if user is None:
                if request.method == "GET":
                    return response.redirect("/login")
                return response.text("Please sign in.", status=401)
            if not roles.allowed(user.role, permission):
                return render(
                    request,
                    "error.html",
                    status=403,
                    message="Not allowed for your role.",
                    needed=roles.needed_for(permission),
                    area_name=roles.AREA_NAMES.get(permission, "this page"),
                )
            return await handler(request, *args, **kwargs)

        return wrapper

    return decorator


def query_one(request: Request, name: str, default: str = "") -> str:
    values = request.args.getlist(name) if name in request.args else []
    return (values[0] if values else default).strip()


MAX_PAGE = 100_000


def page_arg(request: Request) -> int:
    """``?page=`` as 1..MAX_PAGE: junk is page 1, a huge number the last page we serve.

    Why: ``?page=99999999999999999999`` became an SQL OFFSET too large for
    SQLite's integers (a 500); views clamp further to their last page.
    """
    raw = query_one(request, "page", "1")
    if not raw.isdigit():
        return 1
    return max(1, min(MAX_PAGE, int(raw[:7])))


def args_dict(request: Request) -> Dict[str, list]:
    return {k: request.args.getlist(k) for k in request.args}
