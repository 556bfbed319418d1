"""Phone numbers people type or say: parsed with ``phonenumbers``, US by default.

The help line calls US numbers only, so a valid number elsewhere is told
apart from a mistyped one: the person gets a different, honest answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import phonenumbers
from phonenumbers import PhoneNumberFormat

DEFAULT_REGION = "US"
# the US and the territories that share its numbering plan and its calling rates
CALLABLE_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP"})
MAX_INPUT_CHARS = 200  # a phone number answer is short; longer text is not parsed


class PhoneStatus(str, Enum):
    OK = "ok"
    INVALID = "invalid"
    INTERNATIONAL = "international"


@dataclass(frozen=True)
class PhoneAnswer:
    """What a phone-number answer turned out to be; ``e164`` only when OK."""

    status: PhoneStatus
    e164: str | None = None


def _candidates(text: str) -> list[phonenumbers.PhoneNumber]:
    """Numbers found inside free text ("my cell is 773-555-0123"), else the text itself."""
    found = [m.number for m in phonenumbers.PhoneNumberMatcher(text, DEFAULT_REGION)]
    if found:
        return found
    try:
        return [phonenumbers.parse(text, DEFAULT_REGION)]
    except phonenumbers.NumberParseException:
        return []


def parse_phone_answer(text: str | None) -> PhoneAnswer:
    """Reads one answer to "what number should we call?"."""
    text = (text or "").strip()[:MAX_INPUT_CHARS]
    if not text:
        return PhoneAnswer(PhoneStatus.INVALID)
    international = False
    for number in _candidates(text):
        if not phonenumbers.is_valid_number(number):
            continue
        if phonenumbers.region_code_for_number(number) in CALLABLE_REGIONS:
            return PhoneAnswer(
                PhoneStatus.OK, phonenumbers.format_number(number, PhoneNumberFormat.E164)
            )
        international = True
    return PhoneAnswer(PhoneStatus.INTERNATIONAL if international else PhoneStatus.INVALID)


def display(e164: str) -> str:
    """A number as people in the US write it: (202) 555-0143."""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 1:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
