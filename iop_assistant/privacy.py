"""PII masking for what staff see: phone numbers, e-mails, SSN-like numbers,
dates of birth, street addresses, names ("my name is", "I'm Sarah"), numbers
spelled out in words, e-mails said aloud ("sarah at gmail dot com"), social
handles (@sarah_j), and any value a form collected. The program's own numbers
(help line, 911, 988, SAMHSA) stay readable in the bot's text.

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
from typing import Collection, FrozenSet, Iterable, List, Sequence, Tuple

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

DEFAULT_REGION = "US"
SAMHSA_HELPLINE = "1-800-662-4357"

# Slots whose values identify a person: masked wherever they appear.
PII_SLOT_WORDS = ("phone", "name", "email", "address", "birth", "dob", "ssn", "contact", "number")


@dataclass(frozen=True)
class Span:
    """One piece of PII found in a text: ``text[start:end]`` is of ``kind``."""

    start: int
    end: int
    kind: str


# starts only where a word starts: without the look-behind every position of a long
# run of letters was a new start (quadratic: 0.35 s for 4,000 letters)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
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
# "I'm Sarah", "im Sarah", "I am Sarah Jones": a capitalised word that is not a feeling
# or a common word ("I'm Scared", "I'm Not sure" stay readable)
_NOT_NAMES = (
    r"not|so|sorry|fine|ok|okay|good|in|on|at|here|there|just|really|very|still|also|"
    r"scared|afraid|tired|done|sober|clean|ready|going|looking|trying|worried|sick|"
    r"the|a|an|and|but|calling|texting|asking|writing|new|back|home|alone|struggling|"
    r"using|drinking|feeling|having|getting|thinking|wondering|interested|curious|"
    r"confused|lost|desperate|hungover|high|drunk|better|worse|over|with|from|out|"
    r"pregnant|married|single|currently|currently|already|actually|kind|kinda|glad|happy|sad|"
    r"angry|anxious|depressed|homeless|unemployed|broke|fed|stuck|off|up|down|about|still"
)
_I_AM_NAME = re.compile(
    rf"(?i:\bi'm|\bi’m|\bim|\bi am)\s+(?!(?i:{_NOT_NAMES})\b)([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
)
_NAME_INTRO_ANY_CASE = re.compile(
    r"\b(?:my name is|my name's|i am called)\s+([A-Za-z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)",
    re.IGNORECASE,
)
# Numbers spelled out ("three one two five five five ...") or mixed with digits:
# seven or more number words in a row read as a phone number or an id.
_NUMBER_WORD = (
    r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|double|triple|\d{1,4})"
)
_SPELLED_NUMBER = re.compile(rf"\b{_NUMBER_WORD}(?:[\s,.\-]+{_NUMBER_WORD}){{6,}}\b", re.IGNORECASE)
# "sarah dot jones at gmail dot com", "sarah (at) yahoo (dot) com", "sarah at gmail"
_SPOKEN_EMAIL = re.compile(
    r"\b[\w.+-]{1,64}(?:\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*[\w+-]{1,64}){0,3}"
    r"\s*(?:\(at\)|\[at\]|\bat\b|@)\s*"
    r"(?:(?:gmail|yahoo|hotmail|outlook|icloud|aol|protonmail|ymail|comcast)\b(?:\s*(?:\(dot\)|\[dot\]|\bdot\b|\.)\s*[a-z]{2,6}\b)?"
    r"|[\w-]+\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*(?:com|net|org|edu|gov|us|io|co|info)\b)",
    re.IGNORECASE,
)
# social handles: "@sarah_j", "insta @sarah.j" (not the middle of an e-mail)
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?")
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


def _digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def program_numbers() -> FrozenSet[str]:
    """The numbers the assistant itself gives out (digits only): never masked in bot text.

    The help line from program.yml, 911, 988 and the SAMHSA helpline; masking
    them hid the very numbers a reviewer must see the bot gave.
    """
    numbers = {"911", "988", _digits(SAMHSA_HELPLINE)}
    try:
        from iop_assistant import program_facts

        facts = program_facts.load()
        numbers.update({_digits(facts.helpline), _digits(facts.helpline_e164)})
    except Exception:  # the console must still mask when program.yml cannot be read
        pass
    return frozenset(n for n in numbers if n)


def find_pii(
    text: str,
    extra_values: Sequence[str] = (),
    region: str = DEFAULT_REGION,
    keep_numbers: Collection[str] = (),
) -> List[Span]:
    """Every PII span in ``text`` (overlaps merged, in order).

    ``extra_values`` are values a form collected (a first name, a number):
    each is masked wherever it appears, whole word, any case.
    ``keep_numbers`` (digits only, :func:`program_numbers`) are left alone
    where a number span is exactly one of them: the bot's own help lines.
    """
    if not text:
        return []
    spans: List[Span] = []
    spans += _regex_spans(_EMAIL, text, "email")
    spans += _regex_spans(_SPOKEN_EMAIL, text, "email")
    spans += _regex_spans(_HANDLE, text, "handle")
    spans += _regex_spans(_I_AM_NAME, text, "name", group=1)
    spans += _regex_spans(_SPELLED_NUMBER, text, "number")
    spans += _phone_spans(text, region)
    spans += _regex_spans(_SSN, text, "ssn")
    spans += _regex_spans(_DATE, text, "dob")
    spans += _regex_spans(_ADDRESS, text, "address")
    spans += _regex_spans(_NAME_INTRO, text, "name", group=1)
    spans += _regex_spans(_NAME_INTRO_ANY_CASE, text, "name", group=1)
    spans += _value_spans(text, extra_values)
    spans += _regex_spans(_DIGIT_RUN, text, "number")
    spans += _regex_spans(_LONG_NUMBER, text, "number")
    if keep_numbers:
        spans = [
            s
            for s in spans
            if not (s.kind in ("phone", "number", "ssn") and _kept(text, s, keep_numbers))
        ]
    return _merge(spans)


def _kept(text: str, span: Span, keep_numbers: Collection[str]) -> bool:
    piece = text[span.start : span.end]
    return not any(ch.isalpha() for ch in piece) and _digits(piece) in keep_numbers


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


def mask(
    text: str,
    extra_values: Sequence[str] = (),
    region: str = DEFAULT_REGION,
    keep_numbers: Collection[str] = (),
) -> str:
    """``text`` with each PII span replaced by ``[kind]`` (e.g. ``[phone]``)."""
    spans = find_pii(text, extra_values, region, keep_numbers)
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
