"""The Rasa launcher: API secrets from the env or files (never argv), version guard, hooks."""

import os
import re
import subprocess
import sys
from pathlib import Path

import jwt
import pytest

from iop_assistant import rasa_hooks, serve
from iop_assistant.rasa_hooks import versions
from iop_assistant.serve import bearer, secret_args

REPO = Path(__file__).resolve().parents[1]


def test_secrets_come_from_env_and_files_and_leave_the_environment(tmp_path):
    secret_file = tmp_path / "jwt"
    secret_file.write_text("s3cret-jwt\n")
    env = {"RASA_AUTH_TOKEN": "tok", "RASA_JWT_SECRET_FILE": str(secret_file), "OTHER": "1"}
    args = secret_args(["run", "--enable-api"], env)
    assert args == ["run", "--enable-api", "--auth-token=tok", "--jwt-secret=s3cret-jwt",
                    "--jwt-method=HS256"]  # fmt: skip
    assert env == {"OTHER": "1"}


@pytest.mark.parametrize("flag", ["--auth-token=abc", "-t", "--jwt-secret"])
def test_a_secret_on_the_command_line_is_refused(flag):
    with pytest.raises(SystemExit):
        secret_args(["run", flag, "x"], {})


def test_bearer_is_an_admin_jwt():
    secret = "k" * 32  # HS256 wants at least 32 bytes (PyJWT warns below that)
    header = bearer(secret)["Authorization"]
    claims = jwt.decode(header.removeprefix("Bearer "), secret, algorithms=["HS256"])
    assert claims["user"]["role"] == "admin"


# --- the version guard ------------------------------------------------------------------------


def lock_pinning(tmp_path: Path, **pins: str) -> Path:
    """A requirements.lock in the format pip-compile writes (hash lines included)."""
    lines = []
    for name, version in pins.items():
        lines += [f"{name.replace('_', '-')}=={version} \\", "    --hash=sha256:" + "0" * 64]
    lock = tmp_path / "requirements.lock"
    lock.write_text("\n".join(lines) + "\n")
    return lock


def test_the_tested_versions_are_the_locked_ones_and_installed_here() -> None:
    tested = versions.tested_versions()
    assert set(tested) == {"rasa", "rasa-sdk", "tensorflow"}
    assert versions.found_versions() == tested  # the venv the tests run in is the locked one
    assert versions.check({}) == []


def test_an_untested_version_is_refused_naming_found_and_tested(tmp_path, monkeypatch) -> None:
    found = versions.found_versions()
    monkeypatch.setattr(
        versions,
        "LOCK",
        lock_pinning(
            tmp_path, rasa="3.6.0", rasa_sdk=found["rasa-sdk"], tensorflow=found["tensorflow"]
        ),  # fmt: skip
    )
    with pytest.raises(SystemExit) as refused:
        serve.guard_versions({})
    message = str(refused.value)
    assert f"rasa {found['rasa']} (tested: 3.6.0)" in message
    assert "IOP_ALLOW_UNTESTED_RASA=1" in message
    assert "tensorflow" not in message  # only what differs


def test_a_missing_lock_is_refused(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(versions, "LOCK", tmp_path / "requirements.lock")
    with pytest.raises(SystemExit, match="tested versions are unknown"):
        serve.guard_versions({})


def test_the_override_starts_anyway_with_a_loud_warning(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(versions, "LOCK", lock_pinning(tmp_path, rasa="3.6.0", tensorflow="2.99"))
    accepted = serve.guard_versions({"IOP_ALLOW_UNTESTED_RASA": "1"})
    assert any(line.startswith("rasa ") for line in accepted)
    assert any("rasa-sdk" in line and "not pinned" in line for line in accepted)
    warning = capsys.readouterr().err
    assert "UNTESTED versions" in warning and "(tested: 2.99)" in warning


def test_only_one_means_override(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(versions, "LOCK", lock_pinning(tmp_path, rasa="3.6.0"))
    for value in ("", "0", "yes", "true"):
        with pytest.raises(SystemExit):
            serve.guard_versions({"IOP_ALLOW_UNTESTED_RASA": value})


# --- the launch -------------------------------------------------------------------------------


@pytest.fixture
def rasa_main(monkeypatch):
    """Stands in for Rasa's CLI; records what it would have started with."""
    import rasa.__main__

    seen: dict = {}

    def fake_main() -> None:
        seen.update(argv=list(sys.argv), hooks=rasa_hooks.installed(), report=rasa_hooks.report())

    monkeypatch.setattr(rasa.__main__, "main", fake_main)
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    before = rasa_hooks.installed()
    launch = dict(rasa_hooks._launch)
    yield seen
    for name, was_installed in before.items():
        if not was_installed:
            rasa_hooks.hook(name).uninstall()
    rasa_hooks._launch.update(launch)


def test_main_installs_every_hook_before_rasa_starts(rasa_main, monkeypatch) -> None:
    monkeypatch.delenv("RASA_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("RASA_JWT_SECRET", raising=False)
    monkeypatch.setenv("RASA_AUTH_TOKEN", "tok")
    serve.main(["run", "--enable-api"])
    assert rasa_main["argv"] == ["rasa", "run", "--enable-api", "--auth-token=tok"]
    assert rasa_main["hooks"] == {name: True for name in rasa_hooks.HOOKS}
    assert rasa_main["report"]["installed"] and rasa_main["report"]["launcher"]
    assert rasa_main["report"]["untested_versions"] == []


def test_main_on_an_untested_rasa_starts_nothing(rasa_main, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(versions, "LOCK", lock_pinning(tmp_path, rasa="3.6.0"))
    monkeypatch.delenv("IOP_ALLOW_UNTESTED_RASA", raising=False)
    with pytest.raises(SystemExit, match="Refusing to start Rasa"):
        serve.main(["run"])
    assert rasa_main == {}  # Rasa never ran


def test_main_with_the_override_reports_the_untested_versions(rasa_main, tmp_path,
                                                              monkeypatch) -> None:  # fmt: skip
    monkeypatch.setattr(versions, "LOCK", lock_pinning(tmp_path, rasa="3.6.0"))
    monkeypatch.setenv("IOP_ALLOW_UNTESTED_RASA", "1")
    serve.main(["run"])
    untested = rasa_main["report"]["untested_versions"]
    assert any(line.startswith("rasa ") and "(tested: 3.6.0)" in line for line in untested)


def test_the_launcher_refuses_from_the_command_line() -> None:
    """The real entry point, in a fresh process: a secret in argv stops it before Rasa."""
    done = subprocess.run(
        [sys.executable, "-m", "iop_assistant.serve", "run", "--auth-token=abc"],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert done.returncode != 0
    assert "--auth-token on the command line" in done.stderr


def test_every_start_script_and_deploy_file_starts_rasa_through_the_launcher() -> None:
    """A Rasa server started any other way runs without the hooks (health: degraded)."""
    files = [*REPO.glob("scripts/*.sh"), REPO / "Makefile", REPO / "deploy" / "Dockerfile",
             *REPO.glob("deploy/**/*.yml"), *REPO.glob("deploy/**/*.yaml")]  # fmt: skip
    for path in files:
        code = [line.split("#", 1)[0] for line in path.read_text().splitlines()]
        for line in code:
            found = re.search(r"\brasa run\b(?! actions)|rasa_server|ActionFailsafeInput", line)
            assert not found, f"{path.relative_to(REPO)}: {line.strip()}"
    for script in ("scripts/run.sh", "scripts/scale_demo.sh"):
        assert "-m iop_assistant.serve run" in (REPO / script).read_text()
    assert "ActionFailsafeInput" not in (REPO / "credentials.yml").read_text()
