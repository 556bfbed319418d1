"""Serves the demo landing page with the chat widget (web/), plus the widget's config.

A small Sanic app (factory + blueprint) so the page learns the Rasa server's
address and the program's facts from program.yml instead of hard-coding them.
Pages are Jinja2 templates (autoescape on); the widget itself is the built
bundle in web/dist/ (`make widget`), served under /widget/. A directory URL
under /static/ or /widget/ is a 404 (Sanic's static route answered 500), and
a source map is served only in development (``IOP_WEB_DEV=1``): production
builds have none, and one left in web/dist by a dev build stays private.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import List, Mapping
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, file, html, json, text

from iop_assistant import program_facts

WEB_ROOT = Path(__file__).resolve().parents[1] / "web"
WIDGET_DIST = WEB_ROOT / "dist"


ORIGINS_ENV = "IOP_WEB_ORIGINS"
DEV_ENV = "IOP_WEB_DEV"
STATIC_PREFIXES = ("/static/", "/widget/")


def not_served(path: str, dev: bool) -> bool:
    """True for a static-route URL answered 404: a directory, or a source map outside dev."""
    if not path.startswith(STATIC_PREFIXES):
        return False
    return path.endswith("/") or (path.endswith(".map") and not dev)


def page_origins(port: int, env: Mapping[str, str] | None = None) -> List[str]:
    """The origins whose pages may talk to the Rasa server (its ``--cors`` list).

    From ``IOP_WEB_ORIGINS`` (space- or comma-separated), else both local
    addresses of this page server: http://localhost:PORT, the address README
    and `make run` give, and http://127.0.0.1:PORT. Rasa 3.6 keeps only the last
    of several ``--cors`` flags, so they must all follow one: ``--cors A B``.
    """
    raw = (os.environ if env is None else env).get(ORIGINS_ENV, "")
    origins = [o.strip().rstrip("/") for o in raw.replace(",", " ").split() if o.strip()]
    if not origins:
        origins = [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]
    return list(dict.fromkeys(origins))


def content_security_policy(rasa_url: str) -> str:
    """No inline script or style; the only other origin is the Rasa server (HTTP and WebSocket)."""
    parts = urlsplit(rasa_url)
    ws_scheme = "wss" if parts.scheme == "https" else "ws"
    rasa = f"{parts.scheme}://{parts.netloc} {ws_scheme}://{parts.netloc}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' {rasa}",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


def create_blueprint(rasa_url: str) -> Blueprint:
    """Routes: the pages, /config.json for the widget, the widget bundle, page assets."""
    bp = Blueprint("webpage")
    facts = program_facts.load()
    widget_config = {
        "serverUrl": rasa_url,
        "programName": facts.program_name,
        "title": "Chat with us",
        "helpline": facts.helpline,
        "helplineE164": facts.helpline_e164,
        "smsNumber": facts.sms_number,
        "privacyUrl": "/privacy.html",
    }
    templates = Environment(
        loader=FileSystemLoader(str(WEB_ROOT)),
        autoescape=select_autoescape(["html"]),
    )
    page_context = {
        "program_name": facts.program_name,
        "helpline": facts.helpline,
        "helpline_e164": facts.helpline_e164,
        "sms_number": facts.sms_number,
        "hours": facts.hours,
        "website": facts.website,
    }

    @bp.get("/config.json")
    async def config(_: Request) -> HTTPResponse:
        return json(widget_config, headers={"Cache-Control": "no-store"})

    @bp.get("/")
    async def index(_: Request) -> HTTPResponse:
        return html(templates.get_template("index.html").render(**page_context))

    @bp.get("/privacy.html")
    async def privacy(_: Request) -> HTTPResponse:
        return html(templates.get_template("privacy.html").render(**page_context))

    @bp.get("/favicon.ico")
    async def favicon(_: Request) -> HTTPResponse:
        # browsers ask for it whatever the page says: answer instead of a 404
        return await file(
            WEB_ROOT / "static" / "favicon.ico",
            mime_type="image/x-icon",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    if not (WIDGET_DIST / "iop-widget.js").exists():
        raise RuntimeError(f"{WIDGET_DIST}/iop-widget.js is missing: run `make widget`")
    bp.static("/widget", str(WIDGET_DIST), name="widget")
    bp.static("/static", str(WEB_ROOT / "static"), name="static")
    return bp


def create_app(rasa_url: str = "http://localhost:5005") -> Sanic:
    """App factory."""
    app = Sanic("iop_webpage")
    app.blueprint(create_blueprint(rasa_url))

    csp = content_security_policy(rasa_url)
    dev = os.environ.get(DEV_ENV, "").strip() == "1"

    @app.on_request
    async def static_guard(request: Request) -> HTTPResponse | None:
        if not_served(request.path, dev):
            return text("Not found.", status=404)
        return None

    @app.on_response
    async def security_headers(_: Request, response: HTTPResponse) -> None:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--rasa-url", default="http://localhost:5005")
    parser.add_argument(
        "--print-origins",
        action="store_true",
        help=f"print the page origins Rasa must allow by CORS ({ORIGINS_ENV}) and exit",
    )
    args = parser.parse_args()
    if args.print_origins:
        print(" ".join(page_origins(args.port)))
        return
    create_app(args.rasa_url).run(host=args.host, port=args.port, access_log=False)


if __name__ == "__main__":
    main()
