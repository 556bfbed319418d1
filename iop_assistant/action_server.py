"""The action server behind a shared secret: ``python -m iop_assistant.action_server``.

rasa_sdk's own server (``rasa run actions``) runs any action for anyone who
can reach it: a forged tracker posted to ``/webhook`` queues texts to any
number or reads the number behind an SMS conversation. This launcher builds
the same app (:func:`rasa_sdk.endpoint.create_app`, package ``actions``) and
refuses every request but ``GET /health`` unless it carries
``Authorization: Bearer <IOP_ACTION_SECRET>``: 401 without the header, 403
with a wrong one (compared in constant time). Rasa sends the header from
``endpoints.yml`` (``headers: Authorization: Bearer ${IOP_ACTION_SECRET}``).

The secret comes from ``IOP_ACTION_SECRET`` or the file named by
``IOP_ACTION_SECRET_FILE``; with neither (or one shorter than 16 characters)
the server does not start. It listens on 127.0.0.1 unless ``--host`` or
``IOP_BIND_HOST`` opens it on purpose (containers: ``--host 0.0.0.0``).
No CORS: no page has any business calling it.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
from pathlib import Path
from typing import Mapping

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

SECRET_ENV = "IOP_ACTION_SECRET"
SECRET_FILE_ENV = "IOP_ACTION_SECRET_FILE"
BIND_HOST_ENV = "IOP_BIND_HOST"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5055
MIN_SECRET_CHARS = 16
OPEN_PATHS = frozenset({"/health"})
SCHEME = "bearer"


class MissingSecretError(RuntimeError):
    """No usable shared secret: the action server must not start open."""


def load_secret(environ: Mapping[str, str] | None = None) -> str:
    """The shared secret from ``IOP_ACTION_SECRET`` or ``IOP_ACTION_SECRET_FILE``."""
    env = os.environ if environ is None else environ
    secret = (env.get(SECRET_ENV) or "").strip()
    path = (env.get(SECRET_FILE_ENV) or "").strip()
    if not secret and path:
        try:
            secret = Path(path).read_text(encoding="utf-8").strip()
        except OSError as error:
            raise MissingSecretError(f"{SECRET_FILE_ENV}={path} cannot be read: {error}") from None
    if len(secret) < MIN_SECRET_CHARS:
        raise MissingSecretError(
            f"set {SECRET_ENV} (or {SECRET_FILE_ENV}) to a random secret of at least "
            f"{MIN_SECRET_CHARS} characters, the same one Rasa sends (endpoints.yml)"
        )
    return secret


def bind_host(environ: Mapping[str, str] | None = None) -> str:
    """Where a server listens: ``IOP_BIND_HOST`` when set on purpose, else loopback."""
    env = os.environ if environ is None else environ
    return (env.get(BIND_HOST_ENV) or "").strip() or DEFAULT_HOST


def presented_token(request: Request) -> str | None:
    """The bearer token of ``request``, "" for another scheme, None without the header."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == SCHEME else ""


def require_secret(app: Sanic, secret: str) -> None:
    """Adds the request middleware that refuses requests without the secret."""
    expected = secret.encode("utf-8")

    @app.on_request
    async def check_secret(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS and request.method in ("GET", "HEAD"):
            return None
        token = presented_token(request)
        if token is None:
            logger.warning("action server: refused %s %s without credentials",
                           request.method, request.path)  # fmt: skip
            return response.json(
                {"error": "authentication required"},
                status=401,
                headers={"WWW-Authenticate": 'Bearer realm="iop-actions"'},
            )
        if not hmac.compare_digest(token.encode("utf-8"), expected):
            logger.warning("action server: refused %s %s with a wrong secret",
                           request.method, request.path)  # fmt: skip
            return response.json({"error": "forbidden"}, status=403)
        return None


def create_app(secret: str, actions: str = "actions") -> Sanic:
    """rasa_sdk's action server app with the secret required on every request."""
    from rasa_sdk.endpoint import create_app as create_sdk_app

    if len(secret) < MIN_SECRET_CHARS:
        raise MissingSecretError(f"the action server secret must have {MIN_SECRET_CHARS}+ chars")
    app = create_sdk_app(actions, cors_origins=[])
    require_secret(app, secret)
    return app


def main(argv: list[str] | None = None) -> None:
    """Runs the action server (``--port``, ``--host``, ``--actions``)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--port", "-p", type=int, default=DEFAULT_PORT)
    parser.add_argument("--host", default=None, help=f"default: ${BIND_HOST_ENV} or {DEFAULT_HOST}")
    parser.add_argument("--actions", default="actions", help="package with the actions")
    args = parser.parse_args(argv)

    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.plugin import plugin_manager

    utils.configure_colored_logging(logging.INFO)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), None, logging.INFO, None
    )
    utils.update_sanic_log_level()
    try:
        secret = load_secret()
    except MissingSecretError as error:
        raise SystemExit(f"action server not started: {error}") from None
    app = create_app(secret, args.actions)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    host = args.host or bind_host()
    logger.info("action server on http://%s:%s (shared secret required)", host, args.port)
    app.run(host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)


if __name__ == "__main__":
    main()
