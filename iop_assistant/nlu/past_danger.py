"""Danger told as history, with nothing said about danger now.

"I tried to kill myself in 2019. I'm in a much better place now and I want to
stay sober", "our daughter was found unresponsive last summer, she's doing well
now", "I tried to overdose on purpose when I was 19": people looking for
treatment tell their history. The full emergency reply ("call 911 now") to such
a message tells them nobody read it (v4 and v6 look-alikes: most of the
remaining false alarms). Two things must both be said: a distant time (a year,
"years ago", "last summer", "in college"; never "last night" or "earlier"), and
nothing about danger now or again. Then the guard asks the direct check-in
question instead ("are you thinking about ending your life now?"), which still
offers 988 and 911: asking directly is what the warning-sign guidance says to
do after a past attempt is mentioned. Anything else keeps the crisis reply.

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
    # ("my homie od'd last yr, im scared for me": texter role-play round 33, the 911 reply x3)
    r"(?:last|this\s+past)\s+(?:year|yr|summer|winter|spring|fall|autumn|christmas|week|weekend|month)|"
    r"in\s+the\s+(?:summer|winter|spring|fall)|"
    rf"{_NUMBER}\s+weeks?\s+ago|(?:a|one)\s+week\s+ago|"
    r"in\s+(?P<year>(?:19|20)\d\d)|back\s+(?:then|in\s+(?:high\s+school|college|the\s+day))|"
    r"when\s+(?:i|he|she|they|we)\s+(?:was|were)\s+(?:younger|a\s+(?:kid|teen(?:ager)?)|"
    r"(?:still\s+)?(?:using|drinking)|\d{1,2}|in\s+(?:high\s+school|college|my\s+(?:teens|twenties|\d0s)))|"
    r"in\s+(?:my|his|her|their)\s+(?:teens|twenties|thirties|\d0s)|in\s+(?:high\s+school|college)|"
    r"in\s+the\s+(?:19)?[5-9]0'?s|(?:a\s+)?long\s+time\s+ago|"
    r"(?:during|in)\s+my\s+(?:worst|last|first|using|drinking)\s+(?:year|years|days|months)"
    r"(?:\s+of\s+(?:using|drinking))?|in\s+active\s+addiction|used\s+to|"
    r"during\s+(?:covid|the\s+pandemic|(?:my|his|her|their)\s+(?:last|first|worst)\s+"
    r"(?:relapse|detox|withdrawal|bender|run))|as\s+a\s+(?:teen(?:ager)?|kid|child)|in\s+high\s+school|"
    r"when\s+(?:i|he|she|we)\s+(?:was|were)\s+(?:little|small|young)|"
    rf"that\s+was\s+(?:a\s+long\s+time|years|ages|{_NUMBER}\s+(?:years?|months?))\s+ago|"
    rf"it'?s\s+been\s+{_NUMBER}\s+(?:years?|months?)|the\s+last\s+time\s+(?:i|he|she|they|we)|"
    # a death already told: "a friend of mine took his life after relapsing" (v8)
    r"(?:took|taken)\s+(?:his|her|their)\s+(?:own\s+)?life|died\s+(?:by|of|from)\s+(?:suicide|an?\s+overdose)|"
    r"lost\s+(?:my|our|his|her)\s+\w+\s+to\s+(?:an?\s+)?(?:overdose|suicide)|"
    # Spanish (blind es-v6: "tuvo una sobredosis en marzo del año pasado, gracias a Dios lo
    # salvaron", "hace como dos años me dio una convulsion": the 911 reply)
    r"hace\s+(?:como\s+|unos?\s+|m[aá]s\s+de\s+|casi\s+)?(?:\d+|un|una|dos|tres|cuatro|cinco|seis|"
    r"varios|varias|muchos|muchas)\s+(?:años|anos|meses|semanas)|hace\s+(?:mucho|much[ií]simo)(?:\s+tiempo)?|"
    r"(?:el|del)\s+año\s+pasado|(?:el|del)\s+ano\s+pasado|(?:el|la)\s+(?:verano|invierno|navidad|primavera)\s+pasad[oa]|"
    r"en\s+(?:el\s+)?(?P<year_es>(?:19|20)\d\d)|cuando\s+(?:era|estaba|eramos)\s+(?:joven|chic[oa]|niñ[oa]|"
    r"muchach[oa]|m[aá]s\s+joven)|una\s+vez\s+hace"
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
    # happening as they write: "my mom is having a seizure, she quit her xanax last week"
    r"(?:is|are|'s)\s+(?:having\s+(?:a\s+|another\s+)?(?:seizure|fit|convulsion)s?|seizing|convulsing|"
    r"turning\s+blue|overdosing)|"
    r"starting\s+to|back\s+to|creeping\s+back|coming\s+back|now|"
    # "my mom is in the middle of a seizure... she stopped her ativan last week", "I left him
    # last week and he just showed up outside my work. His gun is in his truck" (blind v20:
    # told as history, so a check-in or the story-of-use reply)
    r"in\s+the\s+middle\s+of\s+(?:a\s+|another\s+)?(?:seizure|fit|convulsion)|"
    r"just\s+(?:showed|turned|pulled)\s+up|(?:is|'s)\s+(?:outside|at\s+the\s+door)|"
    r"(?:his|her|my|their)\s+(?:gun|pistol|rifle|knife)\s+(?:is|'s)\s+in|"
    # "my wife gave me this number last year. im sitting in the car in the garage with the
    # engine running" (crisis role-play round 24: the check-in, as if all of it were past)
    r"(?:i'?m|im|i\s+am)\s+(?:sitting|lying|laying|standing|holding|hiding|parked)|(?:engine|motor)\s+(?:is\s+)?running|"
    r"(?:gas|stove|oven)\s+(?:is\s+)?on|"
    # "locked himself in the bathroom like 40 min ago and wont answer me... he relapsed last
    # week" (blind v24, read in round 30: the story-of-use reply)
    r"\d+\s*(?:min\w*|mins|hours?|hrs?)\s+ago|an?\s+(?:hour|few\s+minutes)\s+ago|"
    r"(?:won'?t|wont|isn'?t|isnt|not)\s+(?:answer|answering|respond\w*|open\w*)\s+(?:me|the\s+door)|"
    r"feel(?:s|ing)?\s+like\s+(?:i'?m|im|i\s+am)\s+(?:dying|gonna\s+die|going\s+to\s+die)|"
    r"(?:i|he|she|they)\s+(?:have|has|got|still\s+have|bought)\s+(?:the\s+|a\s+|my\s+|some\s+)?"
    r"(?:pills|gun|pistol|rope|knife|razor|blade)|"
    r"otra\s+vez|de\s+nuevo|ahora\s+mismo|ahorita(?:\s+mismo)?|esta\s+noche|anoche|ayer|hoy|no\s+respira|"
    # "tuve a mi bebé hace 3 semanas... ahorita tengo las tijeras en la mano" (blind es-v11)
    r"(?:tengo|tiene)\s+(?:el|la|las|los|un|una|mi|su)\s+\w+\s+en\s+la\s+mano|"
    r"no\s+despierta|(?:se\s+)?est[aá]\s+convulsionando|quiero\s+(?:matarme|morirme|morir)|"
    r"me\s+quiero\s+(?:matar|morir))\b"
)
# "she's a nurse now", "i'm in a better place now": a "now" that says things are well
_WELL_NOW = re.compile(
    r"\b(?:ok|okay|fine|well|good|safe|sober|clean|alive|place|better|great|healthy|stable|"
    r"prison|jail|recovery|treatment|nurse|married|home|\d+|years?|months?|sober\s+\w+|happy|lucky|i\s+am)\s+now\b|"
    r"\bnow\s+(?:i'?m|im|i\s+am|(?:s)?he'?s|(?:s)?he\s+is|we'?re|they'?re)\s+"
    r"(?:ok|okay|fine|well|doing|sober|clean|safe|home|back\s+home|in\s+(?:recovery|treatment))\b|"
    r"\b(?:don'?t|do\s+not|no\s+longer)\s+feel\s+(?:that\s+way|like\s+that)(?:\s+(?:now|anymore))?\b|"
    r"\b(?:ahora|ahorita|ya)\s+(?:est[aá]|estoy|estamos|anda|ando)\s+(?:bien|mejor|limpi[oa]|sobri[oa]|tranquil[oa])\b"
)


def _clean(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: what the patterns here read."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def is_told_as_history(text: str, today: date | None = None) -> bool:
    """A distant time and nothing said about danger now or again ("i tried to overdose
    when i was 19", "my mom attempted suicide when i was a kid, she's doing well")."""
    clean = _clean(text)
    distant = [m for m in _DISTANT.finditer(clean) if _is_distant(m, today or date.today())]
    return bool(distant) and not _DANGER_NOW.search(_WELL_NOW.sub(" ", clean))


def _is_distant(match: re.Match[str], today: date) -> bool:
    """ "in 2026" this year is not distant; "in 2019" is."""
    year = match.group("year") or match.group("year_es")
    return year is None or int(year) < today.year


# An overdose already treated: "he overdosed last night... The paramedics gave him narcan and
# he was in the ER most of the night and they sent him home this morning... He's asleep
# upstairs now. What do I do now??" (family role-play round 21: "naloxone usually works in 2
# to 3 minutes", then 911 four times). The overdose answer fits: naloxone at home, never use
# alone, 911 if it happens again; "not breathing" or "won't wake" now is still a crisis.
_CARED_FOR = re.compile(
    r"\b(?:discharged|sent\s+(?:him|her|them|me|us)\s+home|released\s+(?:him|her|them|me)|"
    r"(?:came|come|got|is|was|he'?s|she'?s)\s+(?:back\s+)?home\s+from\s+the\s+(?:er|hospital|emergency\s+room)|"
    r"got\s+out\s+of\s+the\s+(?:er|hospital)|(?:le|lo|la)\s+dieron\s+de\s+alta|ya\s+sali[oó]\s+del\s+hospital|"
    # "hes out of the hospital now" (family role-play round 36: "Call 911 now" to an overdose
    # on Saturday)
    r"(?:he'?s|hes|she'?s|shes|they'?re|theyre|he\s+is|she\s+is|they\s+are)\s+(?:out\s+of|home\s+from)\s+"
    r"(?:the\s+)?(?:er|hospital|emergency\s+room|icu)(?:\s+now)?)\b"
)
_STILL_IN_DANGER = re.compile(
    r"\b(?:not\s+breathing|isn'?t\s+breathing|stopped\s+breathing|can'?t\s+breathe|won'?t\s+wake|"
    r"can'?t\s+wake|unresponsive|turning\s+blue|blue\s+lips|lips\s+(?:are\s+)?blue|seiz\w*|"
    r"overdosing|again\s+(?:now|tonight)|right\s+now\s+(?:he|she)|no\s+respira|no\s+despierta|"
    # "they sent him home, now he's confused and hallucinating and shaking" (v17: the
    # overdose answer to what reads as the DTs)
    r"hallucinat\w*|seeing\s+things|delirious|alucin\w*|"
    # "hoy la dieron de alta. Ahorita en el carro se quedó tiesa y empezó a sacudirse" (blind
    # es-v11: the answer for an overdose already treated)
    r"convuls\w*|sacud\w*|tiesa|tieso|jerking|stiff\s+and)\b"
)


_OVERDOSED = re.compile(
    r"\b(?:overdosed|od'?d|o\.d\.'?d|had\s+an\s+overdose|tuvo\s+una\s+sobredosis)\b"
)


# "my son overdosed last night, he's ok now. what do we do" (round 20's open list: read as
# an overdose now): an overdose told in the past tense, then said to be over
_OK_NOW = re.compile(
    r"\b(?:he'?s|hes|she'?s|shes|they'?re|theyre|i'?m|im|he\s+is|she\s+is|they\s+are|i\s+am|we'?re|we\s+are)\s+"
    r"(?:ok(?:ay)?|fine|alright|all\s+right|stable|awake|breathing\s+(?:fine|normally|ok(?:ay)?)|home|"
    r"doing\s+(?:ok(?:ay)?|better|fine|good))\s+(?:now|today|right\s+now)\b|"
    # "two nights ago she overdosed... She's at my house now... says she's fine" (family
    # role-play round 22: "Call 911 now" four times)
    r"\b(?:she'?s|shes|he'?s|hes|they'?re|theyre|she\s+is|he\s+is|they\s+are)\s+(?:at\s+(?:my|our|her|his)\s+"
    r"(?:house|home|place)|home|breathing|safe|ok(?:ay)?|fine)\b(?!\s+(?:weird|funny|slow\w*|strange\w*|shallow|"
    r"hard|heavy|bad|wrong|not)\b)|\b(?:says|said)\s+(?:she'?s|he'?s|they'?re|"
    r"she\s+is|he\s+is)\s+(?:fine|ok(?:ay)?)\b|\b(?:it'?s|its|it\s+is)\s+not\s+happening\s+(?:right\s+)?now\b|"
    r"\b(?:(?:ya|ahora)\s+)?(?:est[aá]|estoy)\s+(?:bien|estable|en\s+casa)\s+(?:ahora|ya)\b|"
    r"\b(?:ya|ahora)\s+(?:est[aá]|estoy)\s+(?:bien|estable|en\s+casa)\b"
)


# naloxone can wear off within the hour, and the overdose comes back: "an hour ago" is now
_TOO_RECENT = re.compile(
    r"\b(?:\d+|an?|one|two|three|few|couple(?:\s+of)?)\s+(?:hours?|hrs?|minutes?|mins?)\s+ago\b|"
    r"\b(?:just\s+now|earlier\s+(?:tonight|today)|tonight|this\s+(?:morning|afternoon|evening)|hace\s+(?:una|un\s+rato|\d+)\s*"
    r"(?:hora|horas|minutos)?)\b|\b(?:confused|confusion|vomit\w*|throwing\s+up|puking|drowsy|sleepy|nodding|"
    r"slow\s+breath\w*|confundid[oa]|vomitando)\b"
)


# danger told in the past tense inside the story: "she was blue and not breathing and her
# friend had Narcan and brought her back"
_WAS_IN_DANGER = re.compile(
    r"\b(?:was|were|had\s+been|wasn'?t|wasnt|weren'?t)\b[^.,;!?]*?(?=\s+(?:but|now|then|and\s+now)\b|[.,;!?]|$)"
)
# a time two or more days back: "two nights ago", "2 days ago", "the other night"
_DAYS_AGO = re.compile(
    r"\b(?:\d+|two|three|four|five|six|a\s+few|several|couple(?:\s+of)?)\s+(?:days|nights)\s+ago\b|"
    r"\bthe\s+other\s+(?:day|night)\b|\bhace\s+(?:dos|tres|unos|varios|\d+)\s+(?:d[ií]as|noches)\b"
)


# "I overdosed 2 days ago, they had to narcan me" (stepdown role-play round 26: "Call 911
# now... give rescue breaths" to someone the ER had sent to the program)
_REVIVED = re.compile(
    r"\b(?:had\s+to\s+)?narcan(?:ned)?\s+(?:me|him|her)\b|\bgave\s+(?:me|him|her)\s+narcan\b|"
    r"\b(?:brought|bring)\s+(?:me|him|her)\s+back\b|\brevived\s+(?:me|him|her)\b|"
    r"\b(?:the\s+)?(?:er|hospital|doctor|ems|paramedics)\s+(?:sent|told|referred)\s+me\b"
)


def was_already_treated(text: str) -> bool:
    """An overdose told after hospital care ended, or told in the past tense and said to
    be over ("he's ok now"), with no danger now."""
    clean = _clean(text)
    told = _WAS_IN_DANGER.sub(" ", clean)
    revived = bool(_REVIVED.search(clean)) and bool(_DAYS_AGO.search(clean))
    over = (
        revived
        or bool(_CARED_FOR.search(clean))
        or (
            bool(_OVERDOSED.search(clean))
            and bool(_OK_NOW.search(clean))
            and (bool(_DAYS_AGO.search(clean)) or not _TOO_RECENT.search(clean))
        )
    )
    return over and not _STILL_IN_DANGER.search(told)


def tells_a_past_overdose_only(text: str) -> bool:
    """ "last night, thats when he overdosed" (to "when did they last use?", family role-play
    round 21: the 911 reply, the screening ended): an overdose told in the past tense, with
    no danger now."""
    clean = _clean(text)
    return bool(_OVERDOSED.search(clean)) and not _STILL_IN_DANGER.search(clean)
