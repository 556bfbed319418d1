"""Questions a caller or texter asks about the call itself, read by the channels and the
NLU alike (so :mod:`iop_assistant.channels` need not import :mod:`iop_assistant.nlu`):
whether a person is answering, and their own number said back."""

from __future__ import annotations

import re

_IS_A_PERSON_ANSWERING = re.compile(
    r"^\W*(?:is|am\s+i\s+talking\s+to)\s+(?:an?\s+)?(?:actual|real|live)\s+(?:counsel(?:or|lor)|person|human|"
    r"therapist|staff\s+member)\b(?:\s+(?:answering|reading|typing|writing|replying\s+to)\s*(?:me|this|these)?)?"
    r"\W*$|"
    # "hello? is this a real person?", "are you a robot or what" (caller role-play round 35:
    # transferred at once, three times, and never told it was a machine)
    r"^\W*(?:(?:hi|hello|hey|um+|uh+|wait|so|ok|okay)\W+)*(?:is\s+this|am\s+i\s+(?:talking|speaking)\s+(?:to|with)|"
    r"are\s+(?:you|u)|r\s+u|is\s+that)\s+(?:an?\s+)?(?:actual\s+|real\s+|live\s+)?(?:person|human|robot|machine|bot|"
    r"computer|recording|ai|a\.i\.)(?:\s+or\s+(?:an?\s+)?(?:what|not|a\s+\w+|\w+))?(?:\s+(?:talking|answering))?\W*$|"
    # "who dis", "who is this?" as a whole text (texter role-play round 24: a Spanish menu)
    r"^\W*(?:(?:hi|hey|hello|um+|uh+)\W+)?(?:who\s+(?:dis|dat|this|is\s+this|r\s+u|are\s+you|am\s+i\s+talking\s+to)|"
    r"who'?s\s+this|whos\s+this|qui[eé]n\s+(?:es|eres|habla|me\s+escribe)|con\s+qui[eé]n\s+hablo)\W*$|"
    # "how did u get my number", "u texted me??" (texter role-play round 34: a callback request)
    r"^\W*(?:(?:hi|hey|hello|um+|uh+|wait|ok|so|no|like|sorry|but)\W+)*(?:who\s+(?:are|r)\s+(?:you|u|y'?all|ya)"
    r"(?:\s+(?:guys|people|all|folks))?|wh?at\s+(?:is|s)\s+this\s+(?:number|place|line|text|chat)|"
    r"(?:idk|i\s+don'?t\s+know|i\s+dont\s+know)\s+(?:wat|what)\s+(?:is\s+)?this|how\s+did\s+(?:you|u|y'?all|ya)\s+get\s+my\s+(?:number|#|num)|"
    r"why\s+(?:are|r|did)\s+(?:you|u|y'?all)\s+text(?:ing)?\s+me|(?:you|u)\s+texted\s+me|"
    r"c[oó]mo\s+(?:consiguieron|tienen|sacaron)\s+mi\s+n[uú]mero|por\s+qu[eé]\s+me\s+(?:escriben|mandan\s+mensajes))\W*$",
    re.IGNORECASE,
)


def asks_if_a_person_answers(text: str) -> bool:
    """Whether a person is behind the replies: the bot question."""
    return bool(_IS_A_PERSON_ANSWERING.search(text.strip()))


# "can you read that number back to me?", "what number did you get", "say my number one more
# time" while a call-back is asked for (caller role-play round 35: the help line's number,
# twice): the caller's own number, not ours
_MY_NUMBER_BACK = re.compile(
    r"\b(?:read|say|repeat|tell\s+me)\s+(?:me\s+)?(?:back\s+)?(?:that|my|the)\s+(?:phone\s+)?number\s+"
    r"(?:back|you\s+(?:have|got))\b|"
    r"\b(?:read|say|repeat)\s+(?:it|that)\s+back\b|"
    r"\bwhat\s+number\s+(?:did\s+(?:you|u)\s+(?:get|put|write|save)|do\s+(?:you|u)\s+have)\b|"
    r"\b(?:say|read|repeat)\s+my\s+(?:phone\s+)?number\b|\bthe\s+number\s+(?:you|u)\s+have\s+for\s+me\b|"
    r"\b(?:rep[ií]ta(?:me)?|l[eé]a(?:me)?|d[ií]ga(?:me)?)\s+(?:mi|el)\s+n[uú]mero\s+que\s+(?:anot[oó]|tiene)\b",
    re.IGNORECASE,
)


def asks_to_hear_my_number(text: str | None) -> bool:
    """The caller's own number asked for again, to check it."""
    return bool(_MY_NUMBER_BACK.search(str(text or "")))
