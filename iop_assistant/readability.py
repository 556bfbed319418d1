"""Plain-language checks for replies: Flesch-Kincaid grade and carrier SMS segments.

The grade uses the maintained ``textstat`` package when it is installed (it is in
requirements.in); until the lock has it, a small syllable counter of the same
formula stands in, so the check never silently turns off. Standard library only.

    python -m iop_assistant.readability   # grade and segments of every FAQ answer
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from typing import Iterable, List

try:  # pragma: no cover - depends on the environment
    import textstat as _textstat
except ImportError:  # pragma: no cover
    _textstat = None

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|:\s+(?=[A-Z])")
# Templates, phone numbers and links are read as one short word each.
_TEMPLATE = re.compile(r"\{[a-z_0-9]+\}|\(?\d[\d\s().+-]{5,}\d|https?://\S+|\S+\.(org|gov|com)\b")


def syllables(word: str) -> int:
    """English syllables by vowel groups, with the usual silent-e and -le rules."""
    w = word.lower().strip("'")
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = re.sub(r"'s$", "", w)
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    count = len(re.findall(r"[aeiouy]{1,2}", w))
    return max(1, count)


def _clean(text: str) -> str:
    return _TEMPLATE.sub("number", text)


def sentences(text: str) -> List[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(_clean(text))]
    return [p for p in parts if _WORD.search(p)]


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade level of ``text`` (0.39 wps + 11.8 spw - 15.59)."""
    cleaned = _clean(text)
    if _textstat is not None:
        return float(_textstat.flesch_kincaid_grade(cleaned))
    words = _WORD.findall(cleaned)
    if not words:
        return 0.0
    n_sentences = max(1, len(sentences(text)))
    n_syllables = sum(syllables(w) for w in words)
    return round(0.39 * len(words) / n_sentences + 11.8 * n_syllables / len(words) - 15.59, 1)


def median_grade(texts: Iterable[str]) -> float:
    return float(statistics.median(fk_grade(t) for t in texts))


# GSM 03.38 basic set; the extension set costs two units each.
_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENDED = set("^{}\\[~]|€\f")


# the same letter or sign in GSM-7, for characters people read the same without
_GSM_LOOKALIKES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
}


def gsm7_text(text: str) -> str:
    """``text`` in GSM-7 where a reader loses nothing: "línea" becomes "linea", curly
    quotes straight. One "í" makes a whole SMS UCS-2, 70 characters a segment instead of
    160, so a Spanish reply of 300 characters went out as 5 segments instead of 2
    (Spanish role-play 2026-12-04). Characters with no such twin (emoji) are kept."""
    out = []
    for char in text:
        if char in _GSM_BASIC or char in _GSM_EXTENDED:
            out.append(char)
            continue
        twin = _GSM_LOOKALIKES.get(char)
        if twin is None:
            bare = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            twin = bare if bare and all(c in _GSM_BASIC for c in bare) else char
        out.append(twin)
    return "".join(out)


def carrier_segments(text: str) -> int:
    """How many SMS segments a carrier bills for one message (GSM-7: 160, or 153 each
    when split; anything outside GSM-7 makes the whole message UCS-2: 70, or 67)."""
    if not text:
        return 0
    if all(c in _GSM_BASIC or c in _GSM_EXTENDED for c in text):
        units = sum(2 if c in _GSM_EXTENDED else 1 for c in text)
        return 1 if units <= 160 else math.ceil(units / 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else math.ceil(units / 67)
