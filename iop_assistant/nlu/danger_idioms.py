"""Idioms built from danger words: "jumped the gun", "bite the bullet", "off my chest".

Once the outsider crisis sets were in training (2026-12-04), the classifier learned
danger from single words and became sure of a crisis in "im going to bite the bullet
and sign up" and "i need some breathing room in my schedule" (tests/safety look-alikes).
The lexicon never hits these; when only the classifier says crisis and the message's
danger words all sit inside such an idiom, the guard takes the classifier's next guess.

Standard library only.
"""

from __future__ import annotations

import re

_IDIOMS = re.compile(
    r"\b(?:"
    r"jump(?:ed|ing|s)?\s+the\s+gun|bit(?:e|es|ing)?\s+the\s+bullet|dodg(?:e|ed|ing)\s+(?:a|the)\s+bullet|"
    r"shot\s+in\s+the\s+dark|(?:shot|shoot|shooting)\s+(?:myself|himself|herself|ourselves|yourself)\s+in\s+the\s+(?:foot|feet)|(?:give|gave|giving)\s+it\s+a\s+shot|big\s+shot|long\s+shot|call\s+the\s+shots|"
    r"shoot\s+(?:me|you|him|her)\s+(?:a|an)\s+(?:text|email|message|call)|"
    r"blue\s+in\s+the\s+face|once\s+in\s+a\s+blue\s+moon|out\s+of\s+the\s+blue|feeling\s+(?:a\s+bit\s+|kinda\s+)?blue|"
    r"(?:get|got|getting)\s+(?:\w+\s+){0,2}off\s+my\s+chest|breathing\s+room|breathe\s+easier|"
    r"hit\s+(?:me|him|her|us|you)\s+up|hit\s+the\s+(?:gym|road|hay|sack|books)|hit\s+(?:a\s+)?(?:wall|rock\s+bottom)|"
    r"cut(?:ting|s)?\s+(?:ties|back|down|corners|(?:me|him|her|them)\s+(?:some\s+)?slack|to\s+the\s+chase)|"
    r"kill(?:ing|ed|s)?\s+(?:it|time)|(?:dying|dyin)\s+to\s+(?:know|see|try|start|get)|to\s+die\s+for|"
    r"dead\s+(?:tired|serious|end|set|wrong|last)|bored\s+to\s+death|scared\s+to\s+death|sick\s+to\s+death|"
    r"(?:would|will|gonna|going\s+to)\s+kill\s+me\s+(?:if|when|for)|my\s+(?:feet|back|head)\s+(?:is|are)\s+killing\s+me|"
    # "the anxiety is killing me lol" on day 3 without a drink (v15, tuned: the 911 reply)
    r"(?:the|this|my|that|these)\s+(?:anxiety|stress|heat|commute|traffic|wait|waiting|diet|cravings?|"
    r"boredom|headache|hangover|shift|insomnia|itch\w*)\s+(?:is|are|'s)\s+(?:literally\s+|lowkey\s+)?"
    r"killing\s+me|"
    r"drop\s+dead\s+(?:gorgeous|serious)|over\s+my\s+dead\s+body|(?:a|the)\s+drop\s+in\s+the\s+bucket|"
    r"at\s+the\s+end\s+of\s+my\s+rope\s+with\s+(?:this|the|my)\s+(?:schedule|insurance|job|boss|paperwork)|"
    # things, not people (tests/safety look-alikes after the round 23 retrain: the crisis reply)
    r"(?:engine|motor|transmission|car|truck)\s+(?:\w+\s+)?seiz(?:ed|es|ing)(?:\s+up)?|seiz(?:ed|es|ing)\s+(?:my|his|her|the|our)\s+"
    r"(?:car|truck|phone|license|licen[cs]e|property|stuff|money|cash|assets)|"
    r"(?:phone|battery|laptop|car|truck|tv|charger|signal)\s+(?:just\s+)?(?:died|dies|dying|is\s+dead|was\s+dead|went\s+dead)"
    r")\b",
    re.IGNORECASE,
)
# words that still speak of danger once the idioms are taken out
_DANGER_LEFT = re.compile(
    r"\b(?:kill|die|dying|dead|suicid\w*|overdos\w*|od|gun|shoot|shot|pills|hurt|bleed\w*|"
    r"breath\w*|blue|seiz\w*|cut\w*|hang\w*|rope|knife|end\s+it|unresponsive|unconscious|"
    r"choke|chok\w*|hit|beat\w*|stab\w*|chest|bullet)\b",
    re.IGNORECASE,
)


def is_idiom_only(text: str) -> bool:
    """An idiom holds every danger word of the message ("jumped the gun and told my boss")."""
    if not _IDIOMS.search(text):
        return False
    return not _DANGER_LEFT.search(_IDIOMS.sub(" ", text))
