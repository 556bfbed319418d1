"""Search words: what the indexer stores and how a query is read.

Words are lower-cased ``\\w+`` tokens of the *masked* message text, 2 to 40
characters, without a few very common words and without the masker's
``[kind]`` placeholders. A query matches conversations having every query
word as a prefix of one of their words ("benzo" finds "benzos").
"""

from __future__ import annotations

import re
from typing import List, Set

MAX_TERM = 40
MAX_QUERY_TERMS = 6
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = re.compile(r"\[(?:phone|email|ssn|dob|address|name|form|number|masked)\]")
STOPWORDS = frozenset(
    "a an and are as at be but by do does for from has have how i if in is it its me my "
    "no not of on or so that the their there this to was we what when where who will "
    "with you your".split()
)


def terms(masked_text: str) -> Set[str]:
    """The searchable words of an (already masked) text."""
    text = _MASK.sub(" ", masked_text.lower())
    return {
        w
        for w in _WORD.findall(text)
        if 2 <= len(w) <= MAX_TERM and w not in STOPWORDS and not w.isdigit()
    }


def query_terms(query: str) -> List[str]:
    """A user's query as words to match (at most a few, longest first)."""
    words = [w for w in _WORD.findall(query.lower()) if w not in STOPWORDS and len(w) >= 2]
    unique = sorted(set(w[:MAX_TERM] for w in words), key=len, reverse=True)
    return unique[:MAX_QUERY_TERMS]


def prefix_end(term: str) -> str:
    """The smallest string greater than every string starting with ``term``."""
    return term[:-1] + chr(ord(term[-1]) + 1)
