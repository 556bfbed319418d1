"""The Rasa launcher takes the API secrets from the environment or files, never argv."""

import jwt
import pytest

from iop_assistant.rasa_server import bearer, secret_args


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
