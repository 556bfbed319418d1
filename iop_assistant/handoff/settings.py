"""Handoff settings from the environment (docs/handoff.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping
from zoneinfo import ZoneInfo

CLAIM_TIMEOUT_ENV = "IOP_HANDOFF_CLAIM_TIMEOUT"
QUIET_TIMEOUT_ENV = "IOP_HANDOFF_QUIET_TIMEOUT"
POLL_ENV = "IOP_HANDOFF_POLL_SECONDS"
TIMEZONE_ENV = "IOP_HANDOFF_TIMEZONE"
DEFAULT_CLAIM_TIMEOUT = 300.0  # nobody claims in 5 minutes: the assistant comes back
DEFAULT_QUIET_TIMEOUT = 900.0  # 15 minutes of silence: the conversation returns
DEFAULT_POLL = 1.0
DEFAULT_TIMEZONE = "America/New_York"
MAX_REPLY_CHARS = 1000  # a staff reply: at most 7 SMS segments
# a typing signal shows "is typing…" this long; senders repeat it every few seconds
TYPING_SECONDS = 6.0
TYPING_SIGNAL_EVERY = 2.5  # how often a sender may repeat it (console, widget)


def _seconds(env: Mapping[str, str], name: str, default: float, low: float) -> float:
    try:
        value = float(env.get(name) or default)
    except ValueError:
        value = default
    return max(low, value)


@dataclass(frozen=True)
class HandoffSettings:
    """Timeouts (seconds), the relay's poll interval and the on-duty hours' time zone."""

    claim_timeout: float = DEFAULT_CLAIM_TIMEOUT
    quiet_timeout: float = DEFAULT_QUIET_TIMEOUT
    poll_seconds: float = DEFAULT_POLL
    timezone: str = DEFAULT_TIMEZONE

    @property
    def claim_minutes(self) -> int:
        """The claim timeout in whole minutes, as the person is told (at least 1)."""
        return max(1, round(self.claim_timeout / 60))

    @property
    def zone(self) -> ZoneInfo:
        """The zone on-duty hours are written in."""
        try:
            return ZoneInfo(self.timezone)
        except Exception:
            return ZoneInfo(DEFAULT_TIMEZONE)


def from_env(environ: Mapping[str, str] | None = None) -> HandoffSettings:
    """``IOP_HANDOFF_CLAIM_TIMEOUT``, ``…_QUIET_TIMEOUT``, ``…_POLL_SECONDS``, ``…_TIMEZONE``."""
    env = os.environ if environ is None else environ
    return HandoffSettings(
        claim_timeout=_seconds(env, CLAIM_TIMEOUT_ENV, DEFAULT_CLAIM_TIMEOUT, 1.0),
        quiet_timeout=_seconds(env, QUIET_TIMEOUT_ENV, DEFAULT_QUIET_TIMEOUT, 1.0),
        poll_seconds=_seconds(env, POLL_ENV, DEFAULT_POLL, 0.05),
        timezone=(env.get(TIMEZONE_ENV) or DEFAULT_TIMEZONE).strip(),
    )
