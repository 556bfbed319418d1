"""Phone numbers: parsed, normalised, shown and found in text, in one place.

People type or say numbers; ``phonenumbers`` reads them, US by default. The
help line calls US numbers only, so a valid number elsewhere is told apart
from a mistyped one: the person gets a different, honest answer. The SMS and
voice channels use the same module to key conversations (:func:`normalise_number`),
show or speak a number (:func:`display`) and see whether a text already
spells one out (:func:`mentions_number`).
"""

from __future__ import annotations

import re
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


# digits as speech recognition writes them ("two one two five five five zero one nine three",
# v9 b-voice-07): a spoken number was not read and the caller's own was offered instead
_SPOKEN_DIGITS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
}  # fmt: skip
# two-digit groups as people read numbers aloud ("cero uno noventa y dos", "oh one ninety
# two"; Spanish role-play round 37 and blind es-v21: the number was not read)
_TEENS_AND_TENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiuno": 21, "veintidos": 22, "veintidós": 22, "veintitres": 23,
    "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintiséis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90,
}  # fmt: skip
_UNIT_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|uno|dos|tres|cuatro|cinco|seis|siete|ocho|"
    r"nueve)"
)
_PAIR = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:(?:[\s-]+|\s+y\s+)"
    + _UNIT_WORDS
    + r")?|"
    + "|".join(sorted(_TEENS_AND_TENS, key=len, reverse=True))
    + r")"
)
_NUMBER_WORD = r"(?:" + _PAIR + r"|" + "|".join(_SPOKEN_DIGITS) + r"|\d+)"
_SPOKEN_RUN = re.compile(r"\b(?:" + _NUMBER_WORD + r"\b[\s,.-]*){2,}", re.IGNORECASE)
# a phone number has 10 digits (11 with the country code); 7 said is a local number
MIN_SPOKEN_DIGITS = 7
MAX_SPOKEN_DIGITS = 11


def _word_digits(word: str) -> str:
    """One spoken group as digits: "ninety two" -> "92", "cinco" -> "5", "12" -> "12"."""
    parts = re.findall(r"[^\W\d_]+|\d+", word.lower())
    if not parts:
        return ""
    head = parts[0]
    if head in _TENS:
        units = [p for p in parts[1:] if p != "y"]
        return str(_TENS[head] + (int(_SPOKEN_DIGITS[units[0]]) if units else 0))
    if head in _TEENS_AND_TENS:
        return str(_TEENS_AND_TENS[head])
    return _SPOKEN_DIGITS.get(head, head)


def spoken_digits(text: str) -> str:
    """Runs of spoken digits and two-digit groups that make seven to eleven digits, written
    as numerals; other words left alone."""

    def numerals(run: re.Match[str]) -> str:
        groups = re.findall(r"\b" + _NUMBER_WORD + r"\b", run.group(0), re.IGNORECASE)
        digits = "".join(_word_digits(group) for group in groups)
        if not MIN_SPOKEN_DIGITS <= len(digits) <= MAX_SPOKEN_DIGITS:
            return run.group(0)
        if all(g.isdigit() for g in groups) and any(len(g) > 1 for g in groups):
            return run.group(0)  # "312 555 0187" is for phonenumbers to read as typed
        return digits + " "

    return _SPOKEN_RUN.sub(numerals, text)


# a letter O or l typed among digits ("202 555 O1O1", texter role-play 2026-12-04)
_LOOKALIKE_IN_DIGITS = re.compile(r"(?<=[\d\s.-])[oOlI](?=[\d\s.-]*\d)|(?<=\d)[oOlI]")
_LOOKALIKE_DIGIT = {"o": "0", "O": "0", "l": "1", "I": "1"}


def digits_for_lookalikes(text: str) -> str:
    """O and l typed for 0 and 1 inside a run of digits become digits."""
    return _LOOKALIKE_IN_DIGITS.sub(lambda m: _LOOKALIKE_DIGIT[m.group(0)], text)


_DIGIT_WORD = r"(?:" + "|".join(_SPOKEN_DIGITS) + r"|\d+)"
# "two zero two five five five zero one nine two wait no one nine three" (blind v21, voice:
# the number before the correction was saved): the digits after "wait no" replace the end
# "0187. no wait, sorry, the end is 0178" (caller role-play round 34: 0187 was saved): the
# words between the number and its fix, one of them a correction
_CORRECTION_WORD = re.compile(
    r"\b(?:no|wait|hold\s+on|sorry|mean|meant|actually|oops|perd[oó]n|digo|espere|espera)\b",
    re.IGNORECASE,
)
_CORRECTED = re.compile(
    r"(?P<first>\d[\d\s().-]{5,}\d)[\s,.]*(?P<words>(?:(?:no|wait|hold\s+on|sorry|i\s+mean|i\s+meant|actually|"
    r"oops|perd[oó]n|digo|espere|espera|not\s+that|the\s+(?:end|last\s+(?:part|four(?:\s+digits)?|digits))\s+"
    r"(?:is|are|should\s+be)|(?:it\s+)?ends\s+(?:in|with)|it'?s|its|es|el\s+final\s+es|termina\s+en)\b[\s,.]*)+)"
    r"(?P<fix>(?:" + _DIGIT_WORD + r"\b[\s,.-]*){1,10})$",
    re.IGNORECASE,
)


def corrected_digits(text: str) -> str:
    """A number said, then corrected: the end of the first number replaced by the digits
    said after the correction (the whole number when ten or more were said again)."""
    match = _CORRECTED.search(text.strip())
    if match is None or not _CORRECTION_WORD.search(match.group("words")):
        return text
    first = re.sub(r"\D", "", match.group("first"))
    words = re.findall(r"[a-z]+|\d+", match.group("fix").lower())
    fix = "".join(_SPOKEN_DIGITS.get(w, w) for w in words)
    number = fix if len(fix) >= len(first) else first[: len(first) - len(fix)] + fix
    return text[: match.start()] + number


def parse_phone_answer(text: str | None) -> PhoneAnswer:
    """Reads one answer to "what number should we call?" (typed, or spoken digit by digit)."""
    text = corrected_digits(
        digits_for_lookalikes(spoken_digits((text or "").strip()[:MAX_INPUT_CHARS]))
    )
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


def display(number_text: str) -> str:
    """A number as people in the US write it: (202) 555-0143; others in international form.

    Short codes ("988", "911") and text that is not a number come back as given.
    """
    e164 = number_text.strip()
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 1:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def normalise_number(number: str) -> str:
    """A phone address as one string: spaces, dashes, dots and brackets removed.

    Twilio sends E.164 (``+15551234567``); other addresses (``whatsapp:+1...``,
    short codes) keep their prefix so they never collide with a plain number.
    """
    return "".join(ch for ch in number.strip() if ch not in " \t-.()")


def digits_of(text: str) -> str:
    """Only the digits of ``text``."""
    return "".join(ch for ch in text if ch.isdigit())


def same_number(candidate: str, number: str) -> bool:
    """True when the two digit strings name the same phone number (country code optional)."""
    a, b = digits_of(candidate), digits_of(number)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 10 and longer.endswith(shorter)


def mentions_number(text: str, number: str) -> bool:
    """True when ``text`` already spells out the phone ``number`` (any punctuation)."""
    for run in re.findall(r"\+?\d[\d\s().-]*\d|\d", text or ""):
        if same_number(run, number):
            return True
    return False
