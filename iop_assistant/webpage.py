"""Serves the page where a person talks to the assistant (web/), plus its config.

A small Sanic app (factory + blueprint) so the page learns the Rasa server's
address and the program's facts from program.yml instead of hard-coding them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

from iop_assistant import program_facts

WEB_ROOT = Path(__file__).resolve().parents[1] / "web"


def create_blueprint(rasa_url: str) -> Blueprint:
    """Routes: /config.json for the page, static files for everything else."""
    bp = Blueprint("webpage")
    facts = program_facts.load()

    @bp.get("/config.json")
    async def config(_: Request) -> HTTPResponse:
        return json(
            {
                "rasaUrl": rasa_url,
                "programName": facts.program_name,
                "helpline": facts.helpline,
                "helplineE164": facts.helpline_e164,
                "smsNumber": facts.sms_number,
            },
            headers={"Cache-Control": "no-store"},
        )

    bp.static("/", str(WEB_ROOT / "index.html"), name="index")
    bp.static("/static", str(WEB_ROOT), name="static")
    return bp


def create_app(rasa_url: str = "http://localhost:5005") -> Sanic:
    """App factory."""
    app = Sanic("iop_webpage")
    app.blueprint(create_blueprint(rasa_url))

    @app.on_response
    async def security_headers(_: Request, response: HTTPResponse) -> None:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault(
            "Content-Security-Policy",
            f"default-src 'self'; connect-src 'self' {rasa_url}; img-src 'self' data:",
        )

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--rasa-url", default="http://localhost:5005")
    args = parser.parse_args()
    create_app(args.rasa_url).run(host=args.host, port=args.port, access_log=False)


if __name__ == "__main__":
    main()
