"""``python -m iop_assistant.model_swap MODEL``: load a newly trained model into the
running Rasa server, without a restart (Rasa's ``PUT /model``).

Why: the first ``make run`` on a fresh machine answers with a quick model and trains
the full one in the background (issue 17: the first answer within minutes).
When that training ends, ``scripts/run.sh`` calls this, and the server takes the full
model between two messages; conversations carry on (their trackers are in the SQL
store, not in the model). The HTTP API's secret comes from the environment or its
file, as for :mod:`iop_assistant.serve`, never from the command line.

Standard library plus PyJWT (already a Rasa dependency).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, MutableMapping

from iop_assistant.serve import JWT_ENV, TOKEN_ENV, bearer, read_secret

DEFAULT_URL = "http://localhost:5005"
TIMEOUT_SECONDS = 300  # loading a model takes ~30 s; on a busy 2-core machine longer


def request_for(url: str, model: Path, environ: MutableMapping[str, str]) -> urllib.request.Request:
    """The ``PUT /model`` request, authorised by the JWT secret (preferred) or the token."""
    headers: Dict[str, str] = {"Content-Type": "application/json"}
    target = f"{url.rstrip('/')}/model"
    jwt_secret = read_secret(JWT_ENV, environ)
    token = read_secret(TOKEN_ENV, environ)
    if jwt_secret:
        headers.update(bearer(jwt_secret))
    elif token:
        target += f"?token={token}"
    body = json.dumps({"model_file": str(model)}).encode()
    return urllib.request.Request(target, data=body, headers=headers, method="PUT")


def swap(url: str, model: Path, environ: MutableMapping[str, str]) -> int:
    """Asks the server to load ``model``; the HTTP status (204 when it did)."""
    if not model.is_file():
        raise SystemExit(f"{model}: no such model file")
    request = request_for(url, model.resolve(), environ)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as reply:
            return reply.status
    except urllib.error.HTTPError as refused:
        return refused.code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Load a newly trained model into the running Rasa server."
    )
    parser.add_argument("model", type=Path)
    parser.add_argument("--url", default=os.environ.get("RASA_URL", DEFAULT_URL))
    args = parser.parse_args(argv)
    started = time.monotonic()
    status = swap(args.url, args.model, os.environ)
    took = time.monotonic() - started
    if status != 204:
        print(f"the server refused {args.model} (HTTP {status})", file=sys.stderr)
        return 1
    print(f"the server now answers with {args.model} (loaded in {took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
