"""Danger told as history by someone who says they are well now.

"I tried to kill myself in 2019. I'm in a much better place now and I want to
stay sober", "our daughter was found unresponsive last summer, she's doing well
now": people looking for treatment tell their history. The full emergency reply
("call 911 now") to such a message tells them nobody read it (v4 look-alikes:
most of the remaining false alarms). Three things must all be said: a distant
time (a year, "years ago", "last summer"; never "last night" or "earlier"),
that things are better now, and nothing about danger now or again. Then the
guard asks the direct check-in question instead, which still offers 988 and
911; anything else keeps the crisis reply.

Standard library only, so it can be tested without Rasa.
"""

from __future__ import annotations

import re
from datetime import date

_NUMBER = (
    r"(?:\d+|a\s+few|a\s+couple(?:\s+of)?|couple(?:\s+of)?|few|several|many|"
    r"two|three|four|five|six|seven|eight|nine|ten)"
)
_DISTANT = re.compile(
    r"\b(?:"
    rf"{_NUMBER}\s+(?:years?|yrs?|months?)\s+(?:ago|back|now|since)|(?:years|months)\s+(?:ago|back)|"
    r"(?:last|this\s+past)\s+(?:year|summer|winter|spring|fall|autumn|christmas)|"
    r"in\s+(?P<year>(?:19|20)\d\d)|back\s+(?:then|in\s+(?:high\s+school|college|the\s+day))|"
    r"when\s+i\s+was\s+(?:younger|a\s+(?:kid|teen(?:ager)?)|(?:still\s+)?(?:using|drinking)|\d{1,2}|"
    r"in\s+(?:high\s+school|college|my\s+(?:teens|twenties|\d0s)))|"
    r"(?:during|in)\s+my\s+(?:worst|last|first|using|drinking)\s+(?:year|years|days|months)"
    r"(?:\s+of\s+(?:using|drinking))?|in\s+active\s+addiction|used\s+to|"
    r"during\s+(?:covid|the\s+pandemic|(?:my|his|her|their)\s+(?:last|first|worst)\s+"
    r"(?:relapse|detox|withdrawal|bender|run))|as\s+a\s+(?:teen(?:ager)?|kid|child)|in\s+high\s+school|"
    r"when\s+(?:i|he|she|we)\s+(?:was|were)\s+(?:little|small|young)|"
    r"that\s+was\s+(?:a\s+long\s+time|years|ages)\s+ago|"
    rf"it'?s\s+been\s+{_NUMBER}\s+(?:years?|months?)"
    r")\b"
)
_WELL_NOW = re.compile(
    r"\b(?:"
    r"(?:i'?m|im|i\s+am|we'?re|we\s+are|(?:s)?he'?s|(?:s)?he\s+is|they'?re|they\s+are)\s+"
    r"(?:in\s+a\s+(?:much\s+|way\s+|so\s+much\s+)?(?:better|good|safe|healthier)\s+place|"
    r"doing\s+(?:a\s+lot\s+|much\s+|so\s+much\s+)?(?:well|better|good|great|ok(?:ay)?|fine)|"
    r"(?:ok(?:ay)?|fine|safe|alive|healthy)\s+now)|"
    r"not\s+where\s+i\s+am\s+(?:now|anymore|today)|"
    r"(?:^|,|\band|\bbut)\s*(?:now\s+)?doing\s+(?:a\s+lot\s+|much\s+|so\s+much\s+)?"
    r"(?:well|better|good|great|ok(?:ay)?|fine)(?:\s+now)?|"
    r"(?:been|stayed|i'?m|im|i\s+am)\s+(?:sober|clean)\s+(?:ever\s+)?(?:since|for)|"
    r"narcan\s+saved|naloxone\s+saved|(?:s)?he\s+survived|i\s+survived|(?:s)?he\s+pulled\s+through|"
    r"(?:s)?he\s+(?:made\s+it|recovered)|my\s+heart\s+is\s+fine|"
    r"got\s+(?:help|treatment|sober|clean)(?:\s+(?:after|since))?|therapy\s+helped|"
    r"(?:i|he|she|they)\s+(?:don'?t|doesn'?t)\s+any\s?more|not\s+any\s?more|it\s+stopped|"
    r"(?:i'?m|im|he'?s|she'?s|they'?re)\s+(?:\d+\s+(?:days|months|years)\s+)?(?:sober|clean)\s+now|"
    r"\d+\s+(?:months|years)\s+(?:sober|clean)|stable\s+since|(?:my|his|her)\s+heart\s+is\s+(?:ok|okay|fine)|"
    r"(?:why|because)\s+(?:i'?m|im|i\s+am)\s+(?:in|getting|looking\s+for)\s+(?:treatment|help)|"
    r"(?:i'?m|im|i\s+am)\s+in\s+treatment|cleared\s+me|in\s+a\s+(?:much\s+)?better\s+place|"
    r"that\s+was\s+(?:a\s+long\s+time|years|ages)\s+ago|(?:that\s+was\s+)?my\s+rock\s+bottom"
    r")\b"
)
_DANGER_NOW = re.compile(
    r"\b(?:right\s+now|tonight|today|this\s+(?:morning|afternoon|evening|week)|yesterday|"
    r"last\s+night|again|can'?t\s+(?:do\s+this|take\s+(?:it|this)|go\s+on)|going\s+to|gonna|about\s+to|"
    r"(?:have|got|making|made)\s+a\s+plan|planning\s+to|"
    r"(?<!used\sto\s)want\s+to\s+(?:die|end|kill|hurt)|wanna\s+(?:die|end|kill|hurt)|lately|these\s+days|"
    r"still\s+(?:want|feel\s+like|think\s+about\s+(?:killing|ending|dying))|"
    r"keep\s+(?:thinking|wanting)|just\s+(?:took|did|tried|swallowed|cut|drank|used)|"
    r"(?:is|are|'s|s)\s+not\s+breathing|isn'?t\s+breathing|won'?t\s+wake|unresponsive\s+now|"
    r"starting\s+to|back\s+to|creeping\s+back|coming\s+back)\b"
)


# the story is about someone else from its first words ("my cousin OD'd in high school")
_ABOUT_SOMEONE_ELSE = re.compile(
    r"^\W*(?:my|our)\s+(?:\w+\s+)?(?:mom|mum|mother|dad|father|son|daughter|brother|sister|"
    r"husband|wife|boyfriend|girlfriend|partner|friend|cousin|uncle|aunt|grandma|grandpa|"
    r"grandmother|grandfather|stepdad|stepmom|roommate|ex)\b|^\W*(?:he|she|they)\b"
)


def is_well_now_after_past_danger(text: str, today: date | None = None) -> bool:
    """A distant time, no danger now or again, and either "better now" or a story about
    someone else ("my mom attempted suicide when i was a kid")."""
    clean = " ".join(text.lower().replace("\u2019", "'").split())
    distant = [m for m in _DISTANT.finditer(clean) if _is_distant(m, today or date.today())]
    if not distant or _DANGER_NOW.search(clean):
        return False
    return bool(_WELL_NOW.search(clean) or _ABOUT_SOMEONE_ELSE.search(clean))


def _is_distant(match: re.Match[str], today: date) -> bool:
    """ "in 2026" this year is not distant; "in 2019" is."""
    year = match.group("year")
    return year is None or int(year) < today.year
