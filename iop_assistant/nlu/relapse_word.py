"""A return to use told in a word, after the conversation said the person was sober.

"i used to drink every day but im 30 days sober", then "drank" (round 34's open list: the
detox questions started, as if a first use were told): in the conversation it is a relapse,
and the relapse answer fits (common, not a failure, IOP often fits after one, detox first
if use is daily again). Only short messages, and only after sobriety was told. No Rasa
imports.
"""

from __future__ import annotations

import re
from typing import Iterable

_WHO = r"(?:(?:i|he|she|they|we|my\s+\w+)\s+)?(?:just\s+|already\s+)?"
_USED = re.compile(
    rf"^\W*(?:(?:well|so|ok|yeah|ya|um+|welp|and|but)\W+)?{_WHO}"
    r"(?:drank|drunk|used|relapsed|slipped|slipped\s+up|fell\s+off(?:\s+the\s+wagon)?|picked\s+up|"
    r"got\s+(?:high|drunk|wasted)|had\s+a\s+(?:drink|beer|few|relapse|slip)|"
    r"reca[ií]|recay[oó]|volv[ií]\s+a\s+(?:tomar|usar|caer)|volvi[oó]\s+a\s+(?:tomar|usar|caer)|tom[eé]|tom[oó]|"
    r"me\s+drogu[eé]|se\s+drog[oó]|us[eé])"
    r"(?:\s+(?:again|last\s+night|today|yesterday|tonight|otra\s+vez|de\s+nuevo|anoche|ayer|hoy))*\W*$",
    re.IGNORECASE,
)
_SOBER_TOLD = re.compile(
    r"\b(?:sober|clean|abstinent|in\s+recovery|sobriety)\b|"
    r"\b\d+\s+(?:days?|weeks?|months?)\s+(?:without|w/o|off|free|no\s+(?:drinking|using|drugs|alcohol))\b|"
    r"\bday\s+\d+\b|\b(?:limpi[oa]|sobri[oa])\b|\b\d+\s+(?:d[ií]as|semanas|meses)\s+sin\s+(?:tomar|usar|nada)\b|"
    r"\bllevaba\s+\d+\s+(?:d[ií]as|semanas|meses)\b",
    re.IGNORECASE,
)
_NOT_SOBER = re.compile(
    r"\b(?:not|never|wasn'?t|isn'?t|no\s+estoy)\s+(?:been\s+)?(?:sober|clean|limpi[oa])\b", re.I
)


def tells_a_return_to_use(text: str, earlier: Iterable[str]) -> bool:
    """A short "drank" / "used again" / "recai", after sobriety was told earlier."""
    if not _USED.match(text or ""):
        return False
    return any(_SOBER_TOLD.search(t or "") and not _NOT_SOBER.search(t or "") for t in earlier)
