"""E.164 phone numbers for what the store keeps and the outbox sends to."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "US"


def to_e164(number: str) -> str:
    """``number`` in E.164 (``+17735550123``); ValueError if it is not a valid phone number."""
    try:
        parsed = phonenumbers.parse((number or "").strip(), DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValueError("not a phone number") from error
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def masked(number: str | None) -> str:
    """A number for logs: only its last two digits (``+1********23``)."""
    if not number:
        return "(none)"
    return number[:2] + "*" * max(len(number) - 4, 0) + number[-2:]
