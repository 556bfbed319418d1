"""PII masking for what staff see: phone numbers, e-mails, SSN-like numbers,
dates of birth, street addresses, names, and any value a form collected.

Why here and not in the console: the console masks transcripts and CSV
exports, the "improve the assistant" export skips texts with PII, and the
search index stores masked text only; one masker keeps them consistent.

Phone numbers come from ``phonenumbers``' matcher (every format it knows);
a last catch-all masks any run of 7 or more digits (with the usual
separators), so no phone number can survive in a format the matcher missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Sequence, Tuple

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

DEFAULT_REGION = "US"

# Slots whose values identify a person: masked wherever they appear.
PII_SLOT_WORDS = ("phone", "name", "email", "address", "birth", "dob", "ssn", "contact", "number")


@dataclass(frozen=True)
class Span:
    """One piece of PII found in a text: ``text[start:end]`` is of ``kind``."""

    start: int
    end: int
    kind: str


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_SSN = re.compile(r"(?<!\d)\d{3}[-\s.]\d{2}[-\s.]\d{4}(?!\d)|(?<!\d)\d{9}(?!\d)")
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"  # 04/12/1985, 4-12-85
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 1985-04-12
    rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # April 12, 1985
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}})(?!\d)",  # 12 April 1985
    re.IGNORECASE,
)
_STREET_TYPES = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
    r"terrace|ter|circle|cir|highway|hwy|parkway|pkwy|apt|apartment|suite|ste"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Za-z0-9']+\s+){{0,4}}(?:{_STREET_TYPES})\b\.?"
    r"(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\s*\w+)?",
    re.IGNORECASE,
)
_NAME_INTRO = re.compile(
    r"\b(?:my name is|my name's|name is|this is|call me|i am called|it's|its)\s+"
    r"([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)",
)
_NAME_INTRO_ANY_CASE = re.compile(
    r"\b(?:my name is|my name's|i am called)\s+([A-Za-z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)",
    re.IGNORECASE,
)
# Any run of 7+ digits, allowing the separators phone numbers are written with.
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s().-]{0,3}\d){6,}")
_LONG_NUMBER = re.compile(r"(?<!\d)\d{6,}(?!\d)")  # ids, card fragments (not 5-digit codes)


def _phone_spans(text: str, region: str) -> List[Span]:
    if sum(ch.isdigit() for ch in text) < 7:  # cheap pre-check: the matcher is the slow part
        return []
    spans = []
    try:
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
            spans.append(Span(match.start, match.end, "phone"))
    except phonenumbers.NumberParseException:  # pragma: no cover - matcher is lenient
        pass
    return spans


def _regex_spans(pattern: re.Pattern[str], text: str, kind: str, group: int = 0) -> List[Span]:
    return [Span(m.start(group), m.end(group), kind) for m in pattern.finditer(text)]


def _value_spans(text: str, values: Iterable[str]) -> List[Span]:
    spans = []
    for value in values:
        value = (value or "").strip()
        if len(value) < 2:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE)
        spans.extend(_regex_spans(pattern, text, "form"))
    return spans


def find_pii(
    text: str, extra_values: Sequence[str] = (), region: str = DEFAULT_REGION
) -> List[Span]:
    """Every PII span in ``text`` (overlaps merged, in order).

    ``extra_values`` are values a form collected (a first name, a number):
    each is masked wherever it appears, whole word, any case.
    """
    if not text:
        return []
    spans: List[Span] = []
    spans += _regex_spans(_EMAIL, text, "email")
    spans += _phone_spans(text, region)
    spans += _regex_spans(_SSN, text, "ssn")
    spans += _regex_spans(_DATE, text, "dob")
    spans += _regex_spans(_ADDRESS, text, "address")
    spans += _regex_spans(_NAME_INTRO, text, "name", group=1)
    spans += _regex_spans(_NAME_INTRO_ANY_CASE, text, "name", group=1)
    spans += _value_spans(text, extra_values)
    spans += _regex_spans(_DIGIT_RUN, text, "number")
    spans += _regex_spans(_LONG_NUMBER, text, "number")
    return _merge(spans)


def _merge(spans: List[Span]) -> List[Span]:
    merged: List[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = Span(last.start, span.end, last.kind)
            continue
        merged.append(span)
    return merged


def mask(text: str, extra_values: Sequence[str] = (), region: str = DEFAULT_REGION) -> str:
    """``text`` with each PII span replaced by ``[kind]`` (e.g. ``[phone]``)."""
    spans = find_pii(text, extra_values, region)
    if not spans:
        return text
    out, pos = [], 0
    for span in spans:
        out.append(text[pos : span.start])
        out.append(f"[{span.kind}]")
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def contains_pii(text: str, extra_values: Sequence[str] = (), region: str = DEFAULT_REGION) -> bool:
    """True when :func:`mask` would change ``text``."""
    return bool(find_pii(text, extra_values, region))


def is_pii_slot(slot_name: str) -> bool:
    """A slot whose value identifies a person (``callback_phone``, ``callback_name``...)."""
    name = slot_name.lower()
    return any(word in name for word in PII_SLOT_WORDS)


def mask_value(value: object) -> str:
    """A slot value as staff see it by default: never the value itself."""
    if value is None or value == "" or isinstance(value, bool):
        return str(value)
    return "[masked]"


def split_spans(text: str, spans: Sequence[Span]) -> List[Tuple[str, str | None]]:
    """``text`` as (piece, kind-or-None) pairs, for rendering masked parts distinctly."""
    pieces: List[Tuple[str, str | None]] = []
    pos = 0
    for span in spans:
        if span.start > pos:
            pieces.append((text[pos : span.start], None))
        pieces.append((text[span.start : span.end], span.kind))
        pos = span.end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces
