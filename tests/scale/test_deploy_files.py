"""deploy/: the files parse, name the env vars the code reads, and nginx accepts its config."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
CONTRACT_ENV = {
    "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_NUMBER", "PUBLIC_BASE_URL",
    "HELPLINE_NUMBER", "DATABASE_URL", "TRACKER_DB_URL", "REDIS_URL",
}  # fmt: skip


READ_ENV = r"""(?:environ|env|number|_int)(?:\.get)?[(\[]\s*["']([A-Z][A-Z0-9_]+)"""


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def env_read_by_code() -> set[str]:
    names = set()
    for path in (REPO / "iop_assistant").rglob("*.py"):
        text = path.read_text()
        names |= set(re.findall(READ_ENV, text))
        names |= set(re.findall(r"""_ENV\s*=\s*["']([A-Z][A-Z0-9_]+)""", text))
    return names


def test_compose_runs_every_process_against_postgres_and_redis() -> None:
    services = compose()["services"]
    assert {"postgres", "redis", "nginx", "rasa-1", "rasa-2", "actions", "console", "outbox",
            "web", "migrate"} <= set(services)  # fmt: skip
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["outbox"]["entrypoint"][-1] == "iop_assistant.notify.worker"
    assert "iop_assistant.console" in services["console"]["entrypoint"]
    for name in ("rasa-1", "rasa-2"):
        command = services[name]["command"]
        assert "--endpoints=deploy/endpoints.yml" in command
        assert "--model=models/iop.tar.gz" in command
        env = services[name]["environment"]
        assert env["TRACKER_DB_URL"].startswith("postgresql://")
        assert env["REDIS_URL"].startswith("redis://")
        assert "healthcheck" in services[name]


def test_compose_env_names_are_ones_the_code_reads() -> None:
    known = env_read_by_code() | {"ACTION_SERVER_URL", "RASA_TELEMETRY_ENABLED",
                                  "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"}  # fmt: skip
    for name, service in compose()["services"].items():
        env = set(service.get("environment") or {})
        assert env <= known, f"{name}: unknown variables {env - known}"
    app_env = set(compose()["services"]["rasa-1"]["environment"])
    assert CONTRACT_ENV <= app_env
    example = (REPO / ".env.example").read_text()
    for variable in CONTRACT_ENV:
        assert re.search(rf"^{variable}=", example, re.M), variable


def test_compose_secrets_have_no_defaults() -> None:
    text = (DEPLOY / "docker-compose.yml").read_text()
    for secret in ("POSTGRES_PASSWORD", "REDIS_PASSWORD", "RASA_AUTH_TOKEN", "IOP_SENDER_ID_KEY"):
        assert re.search(rf"\$\{{{secret}:\?", text), f"{secret} must be required (:?)"
        assert not re.search(rf"\$\{{{secret}:-", text)


def test_container_endpoints_match_the_repo_ones() -> None:
    ours = yaml.safe_load((REPO / "endpoints.yml").read_text())
    theirs = yaml.safe_load((DEPLOY / "endpoints.yml").read_text())
    assert ours["tracker_store"] == theirs["tracker_store"]
    assert ours["lock_store"] == theirs["lock_store"]
    assert theirs["action_endpoint"]["url"] == "${ACTION_SERVER_URL}"


def test_helm_values_use_the_projects_stores_and_health() -> None:
    values = yaml.safe_load((DEPLOY / "helm" / "values.yaml").read_text())
    endpoints = values["applicationSettings"]["endpoints"]
    assert endpoints["trackerStore"]["type"].endswith("UrlSQLTrackerStore")
    assert endpoints["lockStore"]["type"].endswith("UrlLockStore")
    assert values["readinessProbe"]["httpGet"]["path"] == "/webhooks/health/status"
    assert values["replicaCount"] >= 2
    assert values["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    channels = values["applicationSettings"]["credentials"]["additionalChannelCredentials"]
    assert set(yaml.safe_load((REPO / "credentials.yml").read_text())) == set(channels)
    env = {e["name"] for e in values["extraEnv"]}
    assert {"TRACKER_DB_URL", "DATABASE_URL", "REDIS_URL"} <= env
    for entry in values["extraEnv"]:  # secrets only by reference
        if entry["name"] in ("TRACKER_DB_URL", "DATABASE_URL", "REDIS_URL", "TWILIO_AUTH_TOKEN"):
            assert "valueFrom" in entry


def test_nginx_accepts_the_config(tmp_path: Path) -> None:
    if shutil.which("nginx") is None:
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("nginx is not installed; REQUIRE_SERVICES=1")
        pytest.skip("nginx is not installed")
    conf = (DEPLOY / "nginx" / "nginx.conf").read_text()
    # compose service names do not resolve here; certificates are made for the check
    conf = re.sub(r"server (rasa-\d|actions|web|console):", "server 127.0.0.1:", conf)
    conf = conf.replace("/etc/nginx/tls/", f"{tmp_path}/")
    conf = conf.replace("/dev/stdout", f"{tmp_path}/access.log")
    conf = conf.replace("/dev/stderr", f"{tmp_path}/error.log")
    conf = "pid " + str(tmp_path / "nginx.pid") + ";\n" + conf
    (tmp_path / "nginx.conf").write_text(conf)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=test", "-keyout", str(tmp_path / "privkey.pem"),
         "-out", str(tmp_path / "fullchain.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    check = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
         "-e", str(tmp_path / "error.log")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert "hash $sticky_key consistent" in conf and "backup" in conf and "$http_upgrade" in conf


def test_no_deploy_file_hard_codes_the_help_line():
    """program.yml is the one source: a clinic that edits it must not find voice
    transfers still going to a number written into a deploy file."""
    from iop_assistant import program_facts

    digits = re.sub(r"\D", "", program_facts.load().helpline_e164)[-10:]
    files = [*DEPLOY.rglob("*.y*ml"), REPO / ".env.example", *DEPLOY.rglob("*.env*")]
    for path in files:
        text = re.sub(r"\D", "", path.read_text())
        assert digits not in text, f"{path.relative_to(REPO)} hard-codes the help line"
