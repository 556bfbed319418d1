"""``python -m iop_assistant.console.create_admin USERNAME``: the first admin (or any user).

The password comes from ``CONSOLE_ADMIN_PASSWORD`` or is asked twice at the
prompt; there is no default password.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import List

from sqlalchemy import func, select

from iop_assistant.console import audit, roles
from iop_assistant.console.db import app_engine, ensure_schema
from iop_assistant.console.models import ROLES, ConsoleUser
from iop_assistant.console.passwords import hash_password, password_problem
from iop_assistant.console.settings import ConsoleSettings
from iop_assistant.store.db import session_scope

NEXT_STEPS = """Created {role} {name!r}.

Next steps:
  1. Start the console:  .venv/bin/python -m iop_assistant.console  (or `make run`)
  2. Sign in at {url}/login as {name!r}.
  3. Roles: admin manages accounts, the audit log and retention, and sees the
     dashboard, but reads no transcripts. Reading transcripts and reviewing
     conversations needs the clinician role; the callback queue needs callback
     (or clinician). One person may hold several roles.
  4. On the Users page, create an account for each staff member with the roles
     their job needs (new accounts start with the least privileged role,
     callback), or tick clinician on your own account if you also review
     conversations.
"""


def create_user(
    settings: ConsoleSettings,
    username: str,
    password: str,
    role: str,
    actor: str = "system",
    ip: str | None = None,
) -> None:
    """Create an account; raises ValueError when it exists or the password is weak."""
    problem = password_problem(password, username)
    if problem:
        raise ValueError(f"password: {problem}")
    role = roles.join(role.split(","))  # raises ValueError without a known role
    engine = app_engine(settings.database_url)
    ensure_schema(engine)
    with session_scope(engine) as session:
        taken = session.execute(
            select(ConsoleUser).where(func.lower(ConsoleUser.username) == username.lower())
        ).scalar_one_or_none()
        if taken is not None:
            raise ValueError(f"user {username!r} exists")
        session.add(
            ConsoleUser(username=username, password_hash=hash_password(password), role=role)
        )
        audit.record(session, settings.clock(), "user_create", actor, ip, "user", username, role)


def main(argv: List[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("username")
    parser.add_argument(
        "--role", default="admin", help=f"one or more of {', '.join(ROLES)}, comma-separated"
    )
    args = parser.parse_args(argv)
    password = os.environ.get("CONSOLE_ADMIN_PASSWORD") or ""
    if not password:
        password = getpass.getpass("Password (12+ characters): ")
        if password != getpass.getpass("Again: "):
            sys.exit("The passwords differ.")
    try:
        create_user(ConsoleSettings.from_env(), args.username.strip(), password, args.role)
    except ValueError as error:
        sys.exit(str(error))
    url = os.environ.get("CONSOLE_URL", "http://localhost:8080").rstrip("/")
    print(NEXT_STEPS.format(role=args.role, name=args.username.strip(), url=url))


if __name__ == "__main__":
    main()
