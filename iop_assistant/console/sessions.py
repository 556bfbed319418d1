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
from iop_assistant.sqltyping import get_row


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


def _failures(
    session: Session, key_type: str, key: str, since: datetime
) -> tuple[int, datetime | None]:
    """How many failures ``key`` had since ``since``, and when the last one was."""
    count, last = session.execute(
        select(func.count(), func.max(LoginFailure.at))
        .select_from(LoginFailure)
        .where(LoginFailure.key_type == key_type, LoginFailure.key == key, LoginFailure.at >= since)
    ).one()
    return count, last


def delay_after(failures: int, free: int, base: timedelta, cap: timedelta) -> timedelta:
    """The wait after ``failures``: none for the first ``free``, then doubling up to ``cap``."""
    if failures < free:
        return timedelta(0)
    return min(cap, base * (2 ** min(failures - free, 20)))


def pair_key(name: str, ip: str) -> str:
    """One account tried from one address (hashed: the two together can be long)."""
    return hashlib.sha256(f"{name}\0{ip}".encode()).hexdigest()[:64]


def must_wait(
    session: Session, settings: ConsoleSettings, name: str, ip: str, now: datetime
) -> bool:
    """True while a sign-in for ``name`` from ``ip`` must wait (issue 14, item 12).

    A progressive delay, never a lockout: the same account from the same address
    waits 2 s, 4 s, 8 s... (up to 15 min) after a few failures; the account from
    any address waits at most 30 s, so an attacker elsewhere can slow a colleague
    down but never lock them out; one address failing on many accounts is
    stopped for the window (it is the attacker's own address).
    """
    since = now - settings.failure_window
    ip_failures, _ = _failures(session, "ip", ip, since)
    if ip_failures >= settings.max_failures_per_ip:
        return True
    for key_type, key, free, cap in (
        ("pair", pair_key(name, ip), settings.max_failures_per_account, settings.pair_delay_cap),
        ("user", name, settings.free_failures_per_account_anywhere, settings.account_delay_cap),
    ):
        count, last = _failures(session, key_type, key, since)
        if last is not None and now < last + delay_after(count, free, settings.delay_base, cap):
            return True
    return False


def login(
    session: Session, settings: ConsoleSettings, username: str, password: str, ip: str
) -> tuple[str, str | None]:
    """(OK, cookie token) on success, (BAD, None) or (THROTTLED, None) otherwise.

    Throttling is checked before the password, so a throttled attacker learns
    nothing; failures count per account name (existing or not), per account and
    address together, and per address (:func:`must_wait`).
    """
    now = settings.clock()
    name = username.strip().lower()[:80]
    if must_wait(session, settings, name, ip, now):
        audit.record(session, now, "login_throttled", name, ip)
        return THROTTLED, None
    user = session.execute(
        select(ConsoleUser).where(func.lower(ConsoleUser.username) == name)
    ).scalar_one_or_none()
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.active:
        session.add(LoginFailure(key_type="user", key=name, at=now))
        session.add(LoginFailure(key_type="pair", key=pair_key(name, ip), at=now))
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
    row = get_row(session, ConsoleSession, token_hash(token))
    if row is None:
        return None, False
    user = get_row(session, ConsoleUser, row.user_id)
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
