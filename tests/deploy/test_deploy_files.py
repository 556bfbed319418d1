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


def test_the_deployed_nginx_config_renders_for_a_local_test(tmp_path: Path) -> None:
    """tests/scale runs deploy/nginx/nginx.conf itself in front of two servers; the
    rendering changes addresses only, and refuses a config that no longer matches."""
    from devtools.local_services import DeployNginx

    nginx = DeployNginx(tmp_path, rasa_ports=[5101, 5102], actions_port=5103, console_port=5104)
    conf = nginx.render((DEPLOY / "nginx" / "nginx.conf").read_text())
    assert not re.search(r"server (rasa-\d|actions|web|console):", conf)
    assert "server 127.0.0.1:5101" in conf and "server 127.0.0.1:5102 backup" in conf
    assert f"listen 127.0.0.1:{nginx.port} ssl http2;" in conf
    assert f"listen 127.0.0.1:{nginx.console_tls_port} ssl http2;" in conf
    assert "/etc/nginx/tls" not in conf and "/dev/std" not in conf
    # routing is untouched: sticky sockets, private health and Rasa API
    assert "hash $sticky_key consistent" in conf and "location /webhooks/ { return 404; }" in conf
    with pytest.raises(ValueError):
        nginx.render(conf.replace("server 127.0.0.1:5101", "server rasa-9:5005"))


# ------------------------------------------------------------ issue 14, items 11 and 13
def helm_values() -> dict:
    return yaml.safe_load((DEPLOY / "helm" / "values.yaml").read_text())


def strings(node) -> list:
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def test_helm_values_hold_no_shell_style_variable_helm_would_leave_as_text() -> None:
    # "${RASA_TOKEN}" was passed literally: the API token was that text
    assert not [s for s in strings(helm_values()) if "${" in s]


def test_helm_rasa_takes_its_api_secrets_from_the_environment() -> None:
    values = helm_values()
    assert values["command"] == ["python", "-m", "iop_assistant.serve"]
    args = " ".join(values["args"])  # replace the chart's args (token flags in argv)
    assert "--auth-token" not in args and "--jwt-secret" not in args
    assert "--endpoints=deploy/endpoints.yml" in args and "--model=models/iop.tar.gz" in args
    env = {e["name"]: e for e in values["extraEnv"]}
    for name in ("RASA_JWT_SECRET", "RASA_AUTH_TOKEN"):
        assert env[name]["valueFrom"]["secretKeyRef"] == {"name": "iop-secrets", "key": name}
    # the socket.io Origin check allows the page the chart's --cors allows
    assert env["IOP_WEB_ORIGINS"]["value"] in args
    assert "token" not in values["applicationSettings"]


def test_compose_rasa_takes_its_api_secrets_from_the_environment() -> None:
    services = compose()["services"]
    for name in ("rasa-1", "rasa-2"):
        assert services[name]["entrypoint"] == ["python", "-m", "iop_assistant.serve"]
        assert not [a for a in services[name]["command"] if "token" in a or "jwt" in a]
        assert {"RASA_JWT_SECRET", "RASA_AUTH_TOKEN"} <= set(services[name]["environment"])
        assert services[name]["environment"]["IOP_WEB_ORIGINS"] == "${PUBLIC_BASE_URL}"


def test_helm_ingress_exposes_only_the_webhooks_and_socketio() -> None:
    ingress = helm_values()["ingress"]
    paths = {ingress["path"]: ingress["pathType"]}
    paths.update({p["path"]: p["pathType"] for p in ingress["extraPaths"]})
    assert paths == {
        "/socket.io/": "Prefix",
        "/webhooks/rest/webhook": "Exact",
        "/webhooks/sms/webhook": "Exact",
        "/webhooks/voice/": "Prefix",
    }
    for extra in ingress["extraPaths"]:
        assert extra["backend"]["service"]["name"] == "iop-rasa"
    for path in paths:  # nothing of the HTTP API, nor "/"
        assert path != "/" and not path.startswith(("/conversations", "/model", "/status"))


def test_network_policy_lets_only_rasa_reach_the_action_server() -> None:
    policy = yaml.safe_load((DEPLOY / "helm" / "networkpolicy.yaml").read_text())
    assert policy["kind"] == "NetworkPolicy" and policy["spec"]["policyTypes"] == ["Ingress"]
    target = policy["spec"]["podSelector"]["matchLabels"]
    assert target["app.kubernetes.io/name"] == "rasa-action-server"
    (rule,) = policy["spec"]["ingress"]
    (source,) = rule["from"]
    assert source["podSelector"]["matchLabels"]["app.kubernetes.io/name"] == "rasa"
    assert rule["ports"] == [{"protocol": "TCP", "port": 5055}]
    # the release name the labels and the ingress backend assume
    assert target["app.kubernetes.io/instance"] == "iop"
    assert "helm upgrade --install iop " in (DEPLOY / "helm" / "values.yaml").read_text()


def test_no_deploy_file_hard_codes_the_help_line():
    """program.yml is the one source: a clinic that edits it must not find voice
    transfers still going to a number written into a deploy file."""
    from iop_assistant import program_facts

    digits = re.sub(r"\D", "", program_facts.load().helpline_e164)[-10:]
    files = [*DEPLOY.rglob("*.y*ml"), REPO / ".env.example", *DEPLOY.rglob("*.env*")]
    for path in files:
        text = re.sub(r"\D", "", path.read_text())
        assert digits not in text, f"{path.relative_to(REPO)} hard-codes the help line"
