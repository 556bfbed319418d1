"""Conversation ids for phone channels: a keyed hash, never the phone number.

``sender_id("sms", "+15551234567")`` is ``"sms-"`` plus the hex HMAC-SHA256 of
``"sms:+15551234567"`` (the number as :func:`iop_assistant.phone.normalise_number`
writes it). The key comes from ``IOP_SENDER_ID_KEY``; without it a
random key is created once in ``var/sender_id.key`` (mode 0600) and reused, so
the same number keeps the same conversation across restarts. Whoever holds
the key can recompute an id from a number (to find a caller's conversation)
but the tracker store alone does not reveal any number.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

from iop_assistant.phone import normalise_number

logger = logging.getLogger(__name__)

KEY_ENV = "IOP_SENDER_ID_KEY"
DEFAULT_KEY_FILE = Path("var") / "sender_id.key"


def sender_id(channel: str, number: str, key: bytes) -> str:
    """The Rasa sender id for ``number`` on ``channel`` (``"sms"``, ``"voice"``)."""
    message = f"{channel}:{normalise_number(number)}".encode()
    digest = hmac.new(key, message, hashlib.sha256).hexdigest()
    return f"{channel}-{digest}"


def _read_or_create_key_file(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            logger.warning("%s is readable by others (mode %o); setting it to 0600", path, mode)
            os.chmod(path, 0o600)
        key = path.read_text(encoding="ascii").strip()
        if not key:
            raise RuntimeError(f"{path} is empty: delete it or set {KEY_ENV}") from None
        return key.encode()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    logger.info("created a new conversation-id key in %s", path)
    return path.read_text(encoding="ascii").strip().encode()


def load_key(key_file: Path | None = None) -> bytes:
    """The HMAC key: ``IOP_SENDER_ID_KEY`` or the key file (created on first use)."""
    from_env = os.environ.get(KEY_ENV, "").strip()
    if from_env:
        return from_env.encode()
    return _read_or_create_key_file(key_file or DEFAULT_KEY_FILE)
