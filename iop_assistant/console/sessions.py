"""Server-side sessions, login throttling and logins, all in the app database.

The cookie holds a random 256-bit token; the database keeps its SHA-256
only, so a copy of the database cannot be replayed as a cookie. Every login
creates a new token (no fixation); a session unused for the idle timeout is
gone. The clock is injected so tests need no sleeping.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from iop_assistant.console import audit
from iop_assistant.console.models import ConsoleSession, ConsoleUser, LoginFailure
from iop_assistant.console.passwords import verify_password
from iop_assistant.console.settings import ConsoleSettings


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in user as views see it (no ORM object leaks out of a session)."""

    id: int
    username: str
    role: str
    can_export_unmasked: bool
    csrf_token: str
    session_token_hash: str


OK, BAD, THROTTLED = "ok", "bad", "throttled"


def _failures(session: Session, key_type: str, key: str, since: datetime) -> int:
    return session.execute(
        select(func.count())
        .select_from(LoginFailure)
        .where(LoginFailure.key_type == key_type, LoginFailure.key == key, LoginFailure.at >= since)
    ).scalar_one()


def login(
    session: Session, settings: ConsoleSettings, username: str, password: str, ip: str
) -> tuple[str, str | None]:
    """(OK, cookie token) on success, (BAD, None) or (THROTTLED, None) otherwise.

    Throttling is checked before the password, so a throttled attacker learns
    nothing; failures count per account name (existing or not) and per IP.
    """
    now = settings.clock()
    name = username.strip().lower()[:80]
    since = now - settings.failure_window
    if (
        _failures(session, "user", name, since) >= settings.max_failures_per_account
        or _failures(session, "ip", ip, since) >= settings.max_failures_per_ip
    ):
        audit.record(session, now, "login_throttled", name, ip)
        return THROTTLED, None
    user = session.execute(
        select(ConsoleUser).where(func.lower(ConsoleUser.username) == name)
    ).scalar_one_or_none()
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.active:
        session.add(LoginFailure(key_type="user", key=name, at=now))
        session.add(LoginFailure(key_type="ip", key=ip[:128], at=now))
        audit.record(session, now, "login_failed", name, ip)
        return BAD, None
    token = secrets.token_urlsafe(32)
    session.add(
        ConsoleSession(
            token_hash=token_hash(token),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
            ip=ip[:64],
        )
    )
    user.last_login_at = now
    audit.record(session, now, "login", user.username, ip)
    return OK, token


def load(
    session: Session, settings: ConsoleSettings, token: str | None, ip: str
) -> tuple[CurrentUser | None, bool]:
    """(user, expired): the session's user and touches it; expired when it timed out."""
    if not token:
        return None, False
    now = settings.clock()
    row = session.get(ConsoleSession, token_hash(token))
    if row is None:
        return None, False
    user = session.get(ConsoleUser, row.user_id)
    if now - row.last_seen_at > settings.idle_timeout or user is None or not user.active:
        session.delete(row)
        audit.record(session, now, "session_expired", user.username if user else None, ip)
        return None, True
    row.last_seen_at = now
    return (
        CurrentUser(
            id=user.id,
            username=user.username,
            role=user.role,
            can_export_unmasked=bool(user.can_export_unmasked),
            csrf_token=row.csrf_token,
            session_token_hash=row.token_hash,
        ),
        False,
    )


def logout(session: Session, settings: ConsoleSettings, user: CurrentUser, ip: str) -> None:
    """End the session and record it."""
    session.execute(
        delete(ConsoleSession).where(ConsoleSession.token_hash == user.session_token_hash)
    )
    audit.record(session, settings.clock(), "logout", user.username, ip)


def end_sessions_of(session: Session, user_id: int) -> None:
    """Log a user out everywhere (deactivated, role or password changed)."""
    session.execute(delete(ConsoleSession).where(ConsoleSession.user_id == user_id))


def prune(session: Session, settings: ConsoleSettings) -> None:
    """Forget idle sessions and day-old login failures."""
    now = settings.clock()
    session.execute(
        delete(ConsoleSession).where(ConsoleSession.last_seen_at < now - settings.idle_timeout)
    )
    session.execute(delete(LoginFailure).where(LoginFailure.at < now - timedelta(days=1)))


def csrf_ok(expected: str, given: str | None) -> bool:
    """Constant-time comparison of the CSRF token."""
    return bool(given) and hmac.compare_digest(expected, given or "")
