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

from iop_assistant import substances

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


_BREAK = re.compile(
    r"\b(?:been\s+off|off\s+(?:it|for)|off\s+(?:\w+\s+){0,2}(?:for\s+)?(?:\d+|a|two|three|six)\s+(?:days?|weeks?|months?|years?)|"
    r"after\s+\d+\s+(?:days?|weeks?|months?)|\d+\s+(?:days?|weeks?|months?)\s+"
    r"(?:off|clean|sober)|took\s+a\s+break|a\s+break)\b",
    re.IGNORECASE,
)


def tells_a_return_to_use(text: str, earlier: Iterable[str]) -> bool:
    """A short "drank" / "used again" / "recai", after sobriety was told earlier."""
    if not _USED.match(text or ""):
        return False
    return any(
        (_SOBER_TOLD.search(t or "") or _BREAK.search(t or "")) and not _NOT_SOBER.search(t or "")
        for t in earlier
    )


# "i was 45 days clean. took 2 blues last night. i feel like such a failure" (self role-play
# round 38: the detox questions started): the break and the use told in one message
_BREAK_TOLD = re.compile(
    r"\b(?:was|been|had|got|i'?d|after|w(?:as|ere)\s+(?:\w+\s+)?)?\s*\d+\s+(?:days?|weeks?|months?|years?)\s+"
    r"(?:clean|sober|off\s+(?:it|everything|\w+)|without\s+(?:a\s+drink|drinking|using))\b|"
    r"\b(?:was|been|had\s+been)\s+(?:clean|sober)\s+(?:for\s+)?(?:\d+|a|two|three|six|almost|over)\b|"
    r"\b(?:llevaba|estaba\s+limpi[oa]|ten[ií]a)\s+(?:\w+\s+){0,2}\d+\s+(?:d[ií]as|semanas|meses|a[nñ]os)\b",
    re.IGNORECASE,
)
_USE_AFTER = re.compile(
    r"\b(?:took|used|drank|relapsed|slipped|picked\s+up|shot\s+up|smoked|snorted|did\s+(?:a|some|one|two|\d+)|"
    r"had\s+(?:a|some|one|two|\d+)\s+(?:drinks?|beers?|shots?|pills?|bars?|blues?|hits?)|got\s+(?:high|drunk|loaded)|"
    r"reca[ií]|volv[ií]\s+a\s+(?:tomar|usar|consumir)|tom[eé]|us[eé]|consum[ií])\b(?!\s+to\b)",
    re.IGNORECASE,
)
_WHO_ELSE = re.compile(r"^\W*(?:\w+\W+)?(?:he|she|they|my\s+\w+|mi\s+\w+)\b", re.IGNORECASE)


# use within the hour or tonight is the overdose risk now, answered by the other readers
# ("i had 8 months clean. messed up tonight, used a little an hour ago": the lower tolerance)
_JUST_NOW = re.compile(
    r"\b(?:tonight|an?\s+hour\s+ago|\d+\s+(?:min(?:ute)?s?|hours?)\s+ago|just\s+now|right\s+now|rn|"
    r"esta\s+noche|hace\s+(?:una|\d+)\s+(?:hora|horas|minutos?))\b",
    re.IGNORECASE,
)


def tells_a_relapse_in_one_message(text: str) -> bool:
    """A break told ("45 days clean") and a use after it ("took 2 blues last night"), in one
    message; not a use within the hour (the overdose risk now is answered elsewhere)."""
    words = " ".join(str(text or "").split())
    told = _BREAK_TOLD.search(words)
    return bool(told and _USE_AFTER.search(words, told.end())) and not _JUST_NOW.search(words)


def about_someone_else(text: str) -> bool:
    """The message opens with someone else ("he", "my son"), not the person writing."""
    return bool(_WHO_ELSE.match(text or ""))


# "prob gonna finish the rest tonight" after a relapse was told (self role-play round 37:
# "That's outside what I know"): more use tonight, after a break, is the overdose risk
_MORE_TONIGHT = re.compile(
    r"\b(?:gonna|going\s+to|will|i'?ll|ill|prob(?:ably)?|might|about\s+to)\s+(?:just\s+)?"
    r"(?:finish|do|use|shoot|smoke|take|snort|drink)\s+(?:the\s+rest|the\s+rest\s+of\s+it|it\s+all|more|again|"
    r"another|the\s+other)\b|"
    r"\b(?:voy\s+a|me\s+voy\s+a)\s+(?:terminar|acabar|usar|meter)\w*\s+(?:lo\s+que\s+queda|el\s+resto|m[aá]s)\b",
    re.IGNORECASE,
)
_RETURN_TOLD = re.compile(
    r"\b(?:relapsed|used|slipped|picked\s+up|drank|reca[ií]\w*|volv[ií]\s+a)\b", re.IGNORECASE
)


def plans_more_use_after_a_return(text: str, earlier: Iterable[str]) -> bool:
    """More use tonight, said after the conversation told a return to use after a break."""
    if not _MORE_TONIGHT.search(text or ""):
        return False
    told = list(earlier)
    return any(_RETURN_TOLD.search(t or "") for t in told) and any(
        _SOBER_TOLD.search(t or "") or _BREAK.search(t or "") for t in told + [text]
    )


# "what if i slip" from someone leaving a 28-day program after fentanyl (stepdown role-play
# round 37: two menus before the overdose warning)
_WHAT_IF_I_SLIP = re.compile(
    r"\b(?:what\s+if|and\s+if|if)\s+i\s+(?:\w+\s+)?(?:slip|relapse|use\s+again|"
    r"pick\s+up|go\s+back\s+to\s+using)\b|"
    r"\by\s+si\s+(?:reca(?:e|igo|yo)|vuelv[eo]\s+a\s+(?:usar|consumir))\b",
    re.IGNORECASE,
)
_CARE = re.compile(
    r"\b(?:rehab|detox|residential|inpatient|treatment\s+center|28[\s-]day|30[\s-]day|program|jail|prison|"
    r"hospital|getting\s+out|leaving|discharged)\b",
    re.IGNORECASE,
)


def asks_about_a_slip_after_opioids(text: str, earlier: Iterable[str]) -> bool:
    """A slip asked about, in a conversation that named opioids and a break from them."""
    if not _WHAT_IF_I_SLIP.search(text or ""):
        return False
    told = [*earlier, text]
    return any("opioid" in substances.categories_in_text(t or "") for t in told) and any(
        _SOBER_TOLD.search(t or "") or _BREAK.search(t or "") or _CARE.search(t or "") for t in told
    )


# "day 3", "12 days clean", "llevo 9 dias sin tomar" said alone (self role-play round 37: the
# general detox offer, nothing about the three days)
_DAYS_WITHOUT_USE = re.compile(
    r"^\W*(?:(?:its|it'?s|today\s+is|today'?s|hoy\s+es|hoy\s+llevo)\s+)?(?:day|d[ií]a)\s+\d{1,3}\W*$|"
    r"^\W*(?:(?:i'?m|im|i\s+am|been|llevo|ya\s+llevo|today\s+is)\s+)?\d{1,3}\s+(?:days?|d[ií]as)\s+(?:clean|sober|"
    r"off\s+(?:it|everything)|without\s+(?:a\s+drink|drinking|using)|limpi[oa]|sobri[oa]|sin\s+(?:tomar|usar|nada|consumir))"
    r"(?:\s+(?:today|now|hoy|ya))?\W*$",
    re.IGNORECASE,
)


def tells_days_without_use(text: str | None) -> bool:
    """A count of days without using, said on its own ("day 3", "12 days clean")."""
    return bool(_DAYS_WITHOUT_USE.match(" ".join(str(text or "").split())))
