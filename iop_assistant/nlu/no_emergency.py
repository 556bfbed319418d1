""" "Nobody overdosed", "no es emergencia": a person saying there is no emergency now.

Role-played parents and a Spanish-speaking mother (2026-12-04) wrote "Nobody overdosed.
He is at school... would Medicaid pay?", "He's ok now, he's home" and "no es
emergencia!! respira bien", and got "Call 911 now" again each time: the words of the
denial (overdosed, emergency, respira) are danger words. When the message says plainly
that there is no emergency and nothing else in it speaks of danger, the crisis guard
takes the classifier's next guess, so the question in it is answered. Any other word of
danger ("nobody overdosed but he won't wake up") keeps the crisis reply.

Standard library only.
"""

from __future__ import annotations

import re

_SUBJECT = r"(?:he|she|they|my\s+\w+|the\s+\w+)"
_IS = r"(?:'s|s|\s+is|\s+are|'re|\s+was)"

_NO_EMERGENCY = re.compile(
    # English
    r"\b(?:not|isn'?t|isnt|is\s+not|no|wasn'?t|wasnt)\s+(?:an?\s+|in\s+an?\s+)?emergency\b|"
    r"\b(?:nobody|no\s+one|noone|no\s+body)(?:'?s|\s+has)?\s+(?:overdosed|od'?d|is\s+overdosing|overdos(?:ed|ing)|"
    r"is\s+(?:in\s+danger|hurt|dying)|was\s+(?:in\s+danger|hurt))\b|"
    r"\bnot\s+(?:an?\s+)?overdos(?:e|ing)\b|"
    # "nah im not od'in lol just tired of it" (texter role-play 2026-12-04, late: the
    # overdose reply again, word for word)
    r"\b(?:i'?m|im|i\s+am|i\s+was|i\s+wasn'?t|he'?s|hes|she'?s|shes|they'?re|theyre)\s+"
    r"(?:not|never|nowhere\s+near)\s+(?:od'?(?:in|ing)|o\.d\.?(?:ing)?|od'?d)\b|"
    r"\b(?:nobody|no\s+one|noone)(?:'s|s|\s+is)\s+(?:in\s+danger|hurt|dying)\b|"
    r"\bnot\s+in\s+(?:any\s+)?danger\b|"
    # "nobody needs 911. I'm asking about the future" (family role-play round 23)
    r"\b(?:nobody|no\s+one|noone)\s+needs\s+(?:911|an?\s+ambulance|(?:an?\s+)?emergency\s+help)\b|"
    # "No no, it's not happening right now, he's at work" (voice role-play, late)
    r"\b(?:it'?s|its|it\s+is|that'?s|thats|nothing'?s|nothing\s+is)\s+not\s+happening\s+(?:right\s+)?now\b|"
    r"\bnothing'?s\s+happening\s+(?:right\s+)?now\b|"
    # "why do you keep telling me to call 911?? nothing is happening" (family role-play)
    r"\bnothing(?:'?s|\s+is)\s+happening\b(?!\s+(?:to|with)\b)|"
    # "why r u giving me a domestic violence number. nobody is hurting me" (role-play)
    r"\b(?:nobody|no\s+one|noone)(?:'s|s|\s+is)\s+(?:hurting|hitting|threatening)\s+(?:me|us)\b|"
    rf"\b{_SUBJECT}{_IS}\s+(?:ok|okay|fine|alright|all\s+right|safe)\s+(?:now|right\s+now|today)\b|"
    rf"\b{_SUBJECT}{_IS}\s+breathing\s+(?:fine|ok|okay|normally|normal)\b|"
    # "I told you he is fine and awake", "She is fine, she's at work right now" (family
    # role-play round 21: the 911 reply again)
    rf"\b{_SUBJECT}{_IS}\s+(?:ok|okay|fine|alright|safe)\s*(?:,|and)\s*(?:{_SUBJECT}{_IS}\s+)?"
    r"(?:awake|talking|at\s+(?:work|school|home)|home|up)\b(?:\s+(?:right\s+)?now|\s+today)?|"
    rf"\b{_SUBJECT}{_IS}\s+(?:awake|up)\s+and\s+(?:talking|fine|ok|okay|eating|walking)\b|"
    # Spanish
    r"\bno\s+es\s+(?:una\s+)?emergencia\b|\bno\s+hay\s+(?:ninguna\s+)?emergencia\b|"
    r"\bnadie\s+(?:tuvo|tiene|ha\s+tenido)\s+(?:una\s+)?sobredosis\b|"
    # not "no respira bien" ("help porfa mi primo esta en el floor y no respira bien", es-v4:
    # read as "breathing fine", no crisis reply)
    # nor "respira bien raro" (es-v4: "breathing really weird, like gargling")
    r"(?<!\bno\s)(?<!\bya\sno\s)\brespira\s+(?:bien|normal)\b"
    r"(?!\s+(?:raro|rara|feo|fea|extra[nñ]o|mal|lento|poquito|poco|despacio))|"
    r"\b(?:ya\s+)?(?:esta|está)\s+bien\s+(?:ahora|ya)\b|"
    # "estoy bien, no me quiero matar ni nada" (Spanish role-play round 16: the 988 text
    # again after "no"); "no, me quiero matar" is not this
    r"\bno\s+me\s+(?:quiero|voy\s+a)\s+(?:matar|suicidar)\s+ni\s+nada\b",
    re.IGNORECASE,
)


def says_no_emergency(text: str) -> bool:
    """The text says in so many words that nobody is in danger now."""
    return bool(_NO_EMERGENCY.search(text or ""))


# what a danger can do, said in general: "I read that mixing those can stop your breathing"
# (family role-play round 23, with "she's not in any danger this minute": "Call 911 now")
_IN_GENERAL = re.compile(
    r"\b(?:can|could|might|may)\s+(?:\w+\s+){0,2}?(?:stop|slow(?:\s+down)?)\s+(?:your|their|her|his|"
    r"someone'?s|a\s+person'?s|the|one'?s)\s+breathing\b",
    re.IGNORECASE,
)


def without_denial(text: str) -> str:
    """The text with its no-emergency phrases blanked out (what is left to read for danger);
    what a danger can do in general is no danger now once the person said nobody is in it."""
    return _IN_GENERAL.sub(" ", _NO_EMERGENCY.sub(" ", text or ""))


# asking about 911 or complaining about being told it is not reporting danger
_ABOUT_911 = re.compile(
    r"\bwhy\s+(?:are|do|did|would)\s+(?:you|u)\s+(?:keep\s+)?(?:telling|saying|say|tell)\s+(?:me\s+)?"
    r"(?:to\s+)?(?:call\s+)?911\b|"
    r"\b(?:why\s+(?:would|should|do)\s+(?:i|we)|you\s+keep\s+(?:saying|telling\s+me)(?:\s+to)?|"
    r"do\s+(?:i|we)\s+(?:have\s+to|need\s+to)?|should\s+(?:i|we)|(?:i|we)\s+(?:don'?t|dont)\s+want\s+to)\s+"
    r"(?:call\s+)?911\b|"
    # "Please stop telling me to call 911, she is OK right now" (family role-play round 22)
    r"\b(?:stop|quit)\s+(?:telling|saying|asking)\s+(?:me\s+)?(?:to\s+)?(?:call\s+)?911\b",
    re.IGNORECASE,
)


# "988 is for suicide tho right? im not suicidal i just cant stop taking percs" (texter
# role-play 2026-12-05: the 988 reply three times): a question about what 988 is for
_ABOUT_988 = re.compile(
    r"\b988\s*(?:is|'s|s)\s+(?:only\s+|just\s+)?(?:for|about)\s+(?:suicid\w*|people\s+(?:who|that)\s+"
    r"(?:are|want)\b[^.?!]{0,20})|"
    r"\b(?:is|isn'?t|isnt)\s+988\s+(?:only\s+|just\s+)?(?:for|about)\s+suicid\w*",
    re.IGNORECASE,
)


def without_911_questions(text: str) -> str:
    """The text without a question or complaint about being told to call 911, or a
    question about what 988 is for."""
    return _ABOUT_988.sub(" ", _ABOUT_911.sub(" ", text))
