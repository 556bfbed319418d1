"""``python -m iop_assistant.serve run …``: the one way this project starts Rasa.

Takes the same arguments as ``rasa`` and, in this process, before Rasa starts:

1. refuses a Rasa / rasa-sdk / TensorFlow version other than the one
   ``requirements.lock`` pins (:mod:`iop_assistant.rasa_hooks.versions`);
   ``IOP_ALLOW_UNTESTED_RASA=1`` starts anyway, with a loud warning;
2. installs this project's hooks into Rasa (:mod:`iop_assistant.rasa_hooks`);
   ``GET /webhooks/health/status`` reports them, and a server started without
   this launcher shows as degraded;
3. adds the HTTP API's secrets, from the environment or files, never argv.
   ``rasa run --auth-token=…`` put the token in every process listing (``ps``,
   ``/proc/<pid>/cmdline``) on the host (issue 14, item 11):

   * ``RASA_JWT_SECRET`` (or ``RASA_JWT_SECRET_FILE``): preferred. Clients send
     ``Authorization: Bearer <JWT signed with it (HS256)>`` whose payload is
     ``{"user": {"username": …, "role": "admin"}}`` (:func:`bearer`); nothing
     secret travels in URLs or access logs.
   * ``RASA_AUTH_TOKEN`` (or ``RASA_AUTH_TOKEN_FILE``): Rasa's ``?token=`` kept
     for tools that only speak that.

   A secret given on the command line is refused. The variables are removed
   from this process's environment once read, so nothing it starts inherits them.

Usage: ``python -m iop_assistant.serve run --enable-api --port 5005 …``
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Dict, List, MutableMapping

TOKEN_ENV = "RASA_AUTH_TOKEN"
JWT_ENV = "RASA_JWT_SECRET"
SECRET_FLAGS = ("-t", "--auth-token", "--jwt-secret", "--jwt-private-key")


def read_secret(name: str, environ: MutableMapping[str, str]) -> str | None:
    """``$NAME``, else the first line of the file ``$NAME_FILE``; removed from ``environ``."""
    value = (environ.pop(name, "") or "").strip()
    path = (environ.pop(f"{name}_FILE", "") or "").strip()
    if not value and path:
        value = Path(path).read_text().strip()
    return value or None


def secret_args(argv: List[str], environ: MutableMapping[str, str]) -> List[str]:
    """``argv`` plus the secrets from ``environ``; raises on a secret in ``argv``."""
    for arg in argv:
        if arg.split("=", 1)[0] in SECRET_FLAGS:
            raise SystemExit(
                f"{arg.split('=', 1)[0]} on the command line is visible to every user of "
                f"this host: set {TOKEN_ENV} or {JWT_ENV} (or their _FILE) instead"
            )
    args = list(argv)
    token = read_secret(TOKEN_ENV, environ)
    jwt_secret = read_secret(JWT_ENV, environ)
    if token:
        args.append(f"--auth-token={token}")
    if jwt_secret:
        args += [f"--jwt-secret={jwt_secret}", "--jwt-method=HS256"]
    return args


def bearer(jwt_secret: str, username: str = "ops") -> Dict[str, str]:
    """The Authorization header for Rasa's HTTP API (an admin JWT signed with the secret)."""
    import jwt

    token = jwt.encode({"user": {"username": username, "role": "admin"}}, jwt_secret, "HS256")
    return {"Authorization": f"Bearer {token}"}


def guard_versions(environ: MutableMapping[str, str]) -> List[str]:
    """Exits with the reason on an untested version set; warns loudly when overridden."""
    from iop_assistant.rasa_hooks import versions

    try:
        accepted = versions.check(environ)
    except versions.UntestedVersionsError as refusal:
        raise SystemExit(str(refusal)) from None
    if accepted:
        banner = "!" * 78
        print(
            f"{banner}\nWARNING: starting Rasa on UNTESTED versions ({versions.OVERRIDE_ENV}=1):"
            "\n  " + "\n  ".join(accepted) + "\nThe hooks in iop_assistant/rasa_hooks replace"
            " Rasa methods and may misbehave silently.\n" + banner,
            file=sys.stderr,
            flush=True,
        )
    return accepted


def install_hooks(untested_versions: List[str]) -> Dict[str, bool]:
    """Installs every hook and records that the launcher did (for the health status)."""
    from iop_assistant import rasa_hooks

    installed = rasa_hooks.install()
    rasa_hooks.mark_launched(untested_versions)
    return installed


def main(argv: List[str] | None = None) -> None:
    """Check versions, install the hooks, then run ``rasa`` with ``argv`` and the secrets."""
    args = secret_args(list(sys.argv[1:] if argv is None else argv), os.environ)
    install_hooks(guard_versions(os.environ))
    sys.argv = ["rasa", *args]  # in-process only: /proc/<pid>/cmdline keeps the original
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
