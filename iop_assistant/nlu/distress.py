"""Ambiguous distress: words that call for a direct check-in question, not an alarm.

"What's even the point anymore" or "I can't keep doing this" may be
exhaustion or may be suicidal thinking. Crisis lines are trained to ask
directly ("Are you thinking about ending your life?"); the assistant does
the same (``crisis_checkin``) and routes the answer. Clear crisis wording is
the crisis lexicon's job and always wins; this list only catches what it
leaves.
"""

from __future__ import annotations

import re

from iop_assistant.nlu.crisis_matcher import normalize
from iop_assistant.nlu.distress_es import is_ambiguous_distress_es

_DISTRESS = re.compile(
    r"\bwhat'?s\s+(?:even\s+)?the\s+point\b(?!\s+(?:of|in)\s+(?!(?:even\s+|just\s+)?(?:anything|any\s+of\s+(?:this|it)|it\s+all|trying|"
    r"going\s+on|living|life|me|being\s+alive)\b))|"
    # (not "i cant keep doing this alone", a parent asking for support: blind v25, read in
    # round 31: the suicide question in place of an answer about help for parents)
    r"\bi\s+(?:can'?t|cant|cannot)\s+(?:keep\s+(?:doing|going\s+on\s+like)\s+this(?!\s+(?:alone|by\s+myself|on\s+my\s+own))|"
    r"do\s+this\s+any\s*more|"
    r"take\s+(?:it|this|much\s+more)\s*(?:any\s*more)?|go\s+on(?:\s+like\s+this)?|handle\s+(?:it|this|life)\s+any\s*more|"
    r"live\s+like\s+this)\b|"
    r"\bnothing\s+(?:really\s+|even\s+)?(?:matters|is\s+worth\s+it)(?:\s+any\s*more)?\b|"
    # "honestly dont know how much longer i can do this" (blind v29, read in round 34: a menu)
    r"\b(?:don'?t|dont|do\s+not)\s+know\s+how\s+(?:much\s+)?(?:longer|long)\s+i\s+can\s+(?:do|take|keep\s+doing|handle)\s+"
    r"(?:this|it|any\s+of\s+this)\b|"
    # hints of a farewell inside a callback time (blind v24, read in round 30: "whenever. after
    # tonight it wont really matter anyway", "whenever. if im still around lol" were saved as
    # times): the direct question, not the next form question
    r"\b(?:after|past|by)\s+(?:tonight|today)\s+(?:it\s+|that\s+|none\s+of\s+(?:it|this)\s+)?"
    r"(?:won'?t|wont|will\s+not|doesn'?t|dont|don'?t|is\s+not\s+going\s+to|isn'?t\s+gonna)\s+(?:really\s+|even\s+)?matter\b|"
    r"\b(?:it|that|none\s+of\s+(?:it|this))\s+(?:won'?t|wont|will\s+not)\s+(?:really\s+|even\s+)?matter\s+"
    r"(?:after|past|by)\s+(?:tonight|today)\b|"
    r"\bif\s+i'?m\s+still\s+(?:around|here|alive|breathing)\b|\bif\s+im\s+still\s+(?:around|here|alive|breathing)\b|"
    r"\bi\s+(?:won'?t|wont|will\s+not)\s+(?:need|be\s+needing)\s+(?:it|a\s+call|one|that|anything)\s+after\s+(?:tonight|today)\b|"
    r"\bafter\s+(?:tonight|today)\s+i\s+(?:won'?t|wont|will\s+not)\s+(?:need|be\s+needing)\s+(?:it|a\s+call|one|that|anything)\b|"
    r"\bi\s+(?:won'?t|wont|will\s+not)\s+be\s+(?:around|here)\s+(?:much\s+longer|after\s+(?:tonight|today|this\s+week))\b|"
    # "idk whats the point of quitting anyway nothing ever gets better" (a teen, v19: read as
    # cancelling a callback nobody had asked for)
    r"\bnothing\s+(?:ever\s+)?(?:gets|will\s+(?:ever\s+)?get|is\s+(?:ever\s+)?(?:going\s+to|gonna)\s+get)\s+better\b|"
    r"\b(?:it|things|life)\s+(?:never|will\s+never|won'?t\s+ever|is\s+never\s+gonna)\s+gets?\s+better\b|"
    r"\b(?:i\s+feel|i'?m|im|feeling)\s+(?:so\s+|completely\s+|totally\s+)?(?:hopeless|worthless|empty\s+inside|like\s+a\s+burden)\b|"
    r"\b(?:there'?s|there\s+is|theres)\s+no\s+(?:hope|way\s+out)(?:\s+for\s+me)?\b|"
    # "everything feels pointless lately" (the guard's unsure-crisis check-in had caught it)
    r"\b(?:everything|life|it\s+all|my\s+life|nothing)\s+(?:feels|seems|is|matters)\s+(?:so\s+|kind\s+of\s+|kinda\s+)?"
    r"(?:pointless|meaningless|hopeless|empty|anymore)\b|"
    r"\b(?:giving|given|gave)\s+up\s+on\s+(?:everything|life|myself|it\s+all)\b|"
    r"\bi\s+(?:just\s+)?(?:give\s+up|want\s+to\s+give\s+up|want\s+(?:it(?:\s+all)?|everything)\s+to\s+(?:stop|end)|want\s+to\s+disappear)\b|"
    r"\b(?:so\s+)?tired\s+of\s+(?:living|life|everything|it\s+all|all\s+of\s+it|all\s+this(?!\s+[a-z])|fighting|being\s+alive)\b|"
    r"\bi\s+(?:don'?t|dont)\s+(?:care|know)\s+(?:what\s+happens\s+to\s+me|if\s+i\s+make\s+it|how\s+much\s+longer\s+i\s+can)\b|"
    r"\b(?:no\s+one|nobody)\s+(?:would\s+)?(?:care|cares|miss\s+me)\b|"
    r"\b(?:i'?m|im|i\s+am)\s+(?:so\s+|just\s+|really\s+)?done\s+with\s+(?:everything|life|it\s+all)\b|"
    # v7: "i honestly don't see the point in trying anymore"
    r"\bi\s+(?:\w+\s+){0,2}?(?:don'?t|dont|do\s+not)\s+(?:really\s+|even\s+)?see\s+(?:the|a|any)\s+point(?:\s+(?:in|of)\s+(?:trying|anything|"
    r"any\s+of\s+(?:this|it)|going\s+on|it\s+all))?\b(?!\s+(?:in|of)\s+(?!(?:trying|anything|any|going|it)\b))|"
    r"\bi\s+(?:see|have)\s+no\s+(?:future|way\s+out)\b|"
    # "i would like to be with her again" from a widower who stopped his heart pills (caller
    # role-play round 31: the medication answer; suicide never asked about)
    r"\b(?:i\s+)?(?:want|wanna|would\s+like|'?d\s+like|just\s+want|long|am\s+ready|i'?m\s+ready|im\s+ready)\s+to\s+"
    r"(?:be|go\s+be|join)\s+(?:with\s+)?(?:her|him|them|my\s+(?:late\s+)?(?:wife|husband|son|daughter|mom|mother|dad|father|"
    r"brother|sister|baby|boy|girl))\s+(?:again|soon|now|up\s+there|in\s+heaven|on\s+the\s+other\s+side)\b|"
    # v5 conversations: "i dont think i can keep doing this", "why do i even bother anymore"
    r"\bi\s+(?:don'?t|dont|do\s+not)\s+think\s+i\s+can\s+(?:keep\s+(?:doing|going\s+on\s+like)\s+this|"
    r"do\s+this\s+any\s*more|go\s+on|keep\s+going)\b|"
    r"\bwhy\s+(?:do|should)\s+i\s+(?:even\s+)?(?:bother|try)(?:\s+any\s*more)?\b(?!\s+(?:with|to|calling|asking))|"
    # "I relapsed again last night after 8 months. I don't even know why I bother anymore" (v13)
    r"\b(?:don'?t|dont|do\s+not)\s+(?:even\s+)?know\s+why\s+i\s+(?:even\s+)?(?:bother|try)\b(?!\s+(?:with|to|calling|asking))"
)


# "what the hell is the point of you", "whats the point of this thing" (caller role-play round
# 34: the suicide question to an angry parent): the point of the assistant, not of living
POINT_OF_THE_ASSISTANT = re.compile(
    r"\bpoint\s+(?:of|in)\s+(?:you|u|ya|talking\s+to\s+(?:you|u|a\s+machine)|this\s+(?:\w+\s+)?(?:bot|thing|chat|"
    r"machine|app|service|menu|robot|line|number|system|program|website)|(?:a|this)\s+(?:bot|machine|robot))\b"
)


def asks_the_point_of_the_assistant(text: str | None) -> bool:
    """Frustration with the assistant itself."""
    return bool(POINT_OF_THE_ASSISTANT.search(normalize(text or "")))


def is_ambiguous_distress(text: str | None) -> bool:
    """True for distress wording that deserves a direct, caring question (English or Spanish)."""
    if asks_the_point_of_the_assistant(text):
        return False
    return bool(_DISTRESS.search(normalize(text or ""))) or is_ambiguous_distress_es(text)
