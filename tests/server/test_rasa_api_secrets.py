"""Issue 14, item 11, against the real server: the HTTP API's secrets are not in argv.

``rasa run --auth-token=…`` showed the token in every process listing, and it was
accepted only as ``?token=`` (URLs end up in logs). Rasa now starts through
``python -m iop_assistant.serve`` with the token and a JWT secret from the
environment; clients send a JWT in the Authorization header.
"""

from __future__ import annotations

from pathlib import Path

import jwt
import pytest
import requests

from iop_assistant.serve import bearer

REPO = Path(__file__).resolve().parents[2]


def test_no_secret_in_the_process_listing(servers):
    cmdline = Path(f"/proc/{servers.rasa.pid}/cmdline").read_bytes().decode(errors="replace")
    assert "iop_assistant.serve" in cmdline
    assert servers.token not in cmdline and servers.jwt_secret not in cmdline


# the forged token is signed with Rasa's default secret "UNSET" on purpose: PyJWT's short-key
# warning is the point, not noise
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_the_api_takes_a_jwt_in_the_authorization_header(servers):
    url = f"{servers.rasa_url}/status"
    assert requests.get(url, headers=bearer(servers.jwt_secret), timeout=10).status_code == 200
    forged = jwt.encode({"user": {"username": "x", "role": "admin"}}, "UNSET", "HS256")
    refused = requests.get(url, headers={"Authorization": f"Bearer {forged}"}, timeout=10)
    assert refused.status_code in (401, 403)
    assert requests.get(url, timeout=10).status_code in (401, 403)
    # the token still works for tools that only speak ?token=
    assert requests.get(url, params={"token": servers.token}, timeout=10).status_code == 200


def test_start_scripts_and_deploy_files_never_put_the_token_on_a_command_line():
    files = (
        "scripts/run.sh",
        "scripts/scale_demo.sh",
        "deploy/docker-compose.yml",
        "deploy/helm/values.yaml",
        "benchmarks/load.py",
        "benchmarks/widget_load.py",
    )
    for path in files:
        text = (REPO / path).read_text()
        assert "--auth-token" not in text and "--jwt-secret" not in text, path
