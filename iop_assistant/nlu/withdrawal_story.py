"""A person telling of withdrawal signs is offered the detox questions, not a menu.

"He does get the shakes in the morning, he has a drink first thing to steady his hands.
He really doesn't want to go to a hospital." got "Did you mean one of these?" with three
unrelated topics (caller role-play 2026-12-04, late): a textbook sign of dangerous
alcohol withdrawal. When the classifier is unsure and the words name a withdrawal sign
together with drinking or using, the message is a story about use (the reply offers the
detox questions and warns against stopping alone). Signs happening now in a way that is
an emergency stay with the crisis guard, which runs after this.
"""

from __future__ import annotations

import re
from typing import Iterable

from iop_assistant import screening_answers, screening_rules, substances
from iop_assistant.nlu.danger_words import has_danger_words

STORY_INTENT = "inform_use"
_USE_WORDS = re.compile(
    r"\b(?:drink\w*|drank|drunk|booze|alcohol|using|uses|used|high|withdraw\w*|detox\w*|"
    r"dope\s*sick|sick\s+without|pills?|meds|bebe|tomando|usando|"
    # "until she gets a glass in her", "hasta que me doy un trago" (blind v18/es-v9)
    r"a\s+glass|a\s+drink|un\s+trago|una\s+copa)\b",
    re.IGNORECASE,
)


def tells_of_withdrawal(text: str | None) -> bool:
    """Names a withdrawal sign (shakes, sweats, can't sleep) and drinking or a drug."""
    cleaned = str(text or "")
    signs = screening_answers.parse_symptoms(cleaned) - {screening_rules.NO_SYMPTOMS}
    if not signs:
        return False
    return bool(_USE_WORDS.search(cleaned)) or bool(substances.categories_in_text(cleaned))


# signs a person lives with, not an emergency in themselves (CIWA-Ar's milder items)
_MILD_SIGNS = frozenset({"shakes", "sweats", "nausea", "anxiety", "insomnia"})
# words that make the same signs severe, or happening now in a way that needs help now
_SEVERE = re.compile(
    r"\b(?:can'?t|cant|cannot|couldn'?t)\s+(?:stand|walk|stop|talk|breathe|hold\s+anything)|"
    r"\bwon'?t\s+stop\b|\bso\s+bad\b|\breally\s+bad\b|\bworst\b|uncontrollab\w*|violent\w*|"
    r"\b(?:seeing|hearing|bugs|confus\w*|chest|faint\w*|pass(?:ed|ing)?\s+out|seiz\w*|fit)\b|"
    r"\b(?:right\s+now|rn|911|er|hospital|ambulance)\b|"
    r"\b(?:no\s+puede|no\s+para|ahorita|ahora\s+mismo|convuls\w*|alucin\w*|confundid\w*)\b",
    re.IGNORECASE,
)


def tells_of_severe_withdrawal(text: str | None) -> bool:
    """Withdrawal signs told with words that make them severe now ("cant stop shaking need a
    drink", texter role-play round 39: the detox questions at 3am): care today, not a form."""
    cleaned = str(text or "")
    return tells_of_withdrawal(cleaned) and bool(_SEVERE.search(cleaned))


def tells_of_mild_withdrawal(text: str | None) -> bool:
    """Morning shakes and night sweats told as part of someone's use ("her hands shake in
    the morning until she gets a glass in her"), with nothing that makes them an emergency:
    a story for the detox questions, not the 911 reply (blind v18 and es-v9, read in round
    24: the classifier's sure crisis ended a screening and answered a caller with 911)."""
    cleaned = str(text or "")
    signs = screening_answers.parse_symptoms(cleaned) - {screening_rules.NO_SYMPTOMS}
    return (
        bool(signs)
        and signs <= _MILD_SIGNS
        and tells_of_withdrawal(cleaned)
        and not _SEVERE.search(cleaned)
        and not has_danger_words(cleaned)
    )


# "what are the warning signs of dangerous alcohol withdrawal", "when is it an ER thing",
# "what signs mean I need to take him to the ER" (family and caller role-plays 2026-12-05:
# a menu or the crisis text): the dosing answer, which says what means 911
_DANGER_SIGNS_QUESTION = re.compile(
    r"\b(?:warning\s+)?signs?\s+(?:of|that)\s+(?:a\s+)?(?:dangerous|bad|severe|serious|bad\s+)?\s*"
    r"(?:alcohol\s+|benzo\s+|xanax\s+)?withdraw\w*|"
    r"\bwhat\s+(?:signs|symptoms)\s+(?:mean|would\s+mean|should\s+i|do\s+i)\b|"
    r"\bwhen\s+(?:is\s+it|does\s+it\s+become)\s+(?:an?\s+)?(?:er|911|emergency|hospital)\s+(?:thing|situation)?|"
    r"\bhow\s+(?:do|would|will)\s+(?:i|we)\s+know\s+(?:if|when)\s+(?:it'?s|the\s+withdrawal\s+is|his\s+withdrawal\s+is|"
    r"her\s+withdrawal\s+is)\s+(?:dangerous|an\s+emergency|serious|too\s+much)|"
    # "what if he gets the shakes saturday, when do i call 911" (regression conversation; a
    # classifier that reads it unsure): when withdrawal means 911, asked ahead of time
    r"\b(?:shakes|shaking|tremors?|sweats|seizures?|dts|d\.t\.s|withdraw\w*|hallucinat\w*)\b[^.!]{0,60}"
    r"\bwhen\s+(?:do|should|would|can)\s+(?:i|we)\s+(?:call|dial)\s+(?:911|an\s+ambulance)\b|"
    r"\bwhen\s+(?:do|should|would|can)\s+(?:i|we)\s+(?:call|dial)\s+(?:911|an\s+ambulance)\b[^.!]{0,60}"
    r"\b(?:shakes|shaking|tremors?|sweats|seizures?|dts|withdraw\w*|hallucinat\w*)\b",
    re.IGNORECASE,
)

_STIMULANT_PSYCHOSIS = re.compile(
    r"\b(?:paranoi\w*|psychos\w*|psychotic|voices|meth|coke|crack)\b", re.I
)


def asks_about_withdrawal_danger_signs(text: str | None) -> bool:
    """A calm question about which withdrawal signs mean an emergency (paranoia from meth
    is the psychosis reply's, not this one)."""
    words = str(text or "")
    if _STIMULANT_PSYCHOSIS.search(words) and not re.search(r"withdraw|drink|alcohol", words, re.I):
        return False
    return bool(_DANGER_SIGNS_QUESTION.search(words))


# "should I take her in somewhere?", "do I drive him to the hospital or wait and see", "does
# she need the ER" (caller role-play round 35)
_ASKS_ABOUT_CARE_NOW = re.compile(
    r"\b(?:should|do|can|must)\s+(?:i|we)\s+(?:\w+\s+)?(?:take|drive|bring|get)\s+(?:her|him|them|my\s+\w+)\s+"
    r"(?:in\b|to\s+(?:the\s+|a\s+)?(?:er|e\.r\.|emergency(?:\s+room)?|hospital|doctor|urgent\s+care|detox))|"
    r"\b(?:should|does|do|must)\s+(?:she|he|they|i)\s+(?:\w+\s+)?(?:go|need\s+to\s+go|need)\s+(?:in\b|to\s+)?"
    r"(?:the\s+|a\s+)?(?:er|e\.r\.|emergency(?:\s+room)?|hospital|urgent\s+care)\b|"
    r"\b(?:er|hospital|urgent\s+care)\s+or\s+(?:wait|not|just\s+wait)\b|\bwait\s+and\s+see\b|"
    r"\b(?:lo|la)\s+(?:llevo|llevamos|debo\s+llevar)\s+(?:al\s+hospital|a\s+emergencias|a\s+urgencias)\b",
    re.IGNORECASE,
)


# "what do I do", "where do I take her right now", "urgent care or the ER?", "should she take
# her pill again?" asked about withdrawal happening now: a 70-year-old's lorazepam stopped two
# days ago, jittery with a pounding heart, her doctor closed (family role-play round 35: the
# overdose text twice, then what IOP treats)
_ASKS_WHAT_TO_DO_NOW = re.compile(
    r"\bwhat\s+(?:do|should|can)\s+(?:i|we)\s+do\b|"
    r"\bwhere\s+(?:do|should|can|would)\s+(?:i|we)\s+(?:take|bring|go|get)\b|"
    r"\bshould\s+(?:she|he|i|they)\s+(?:just\s+)?(?:take|have)\s+(?:her|his|my|their|a|one|the)\s+"
    r"(?:\w+\s+)?(?:pills?|meds?|medicine|medication|dose)\s+(?:again|back|anyway)\b",
    re.IGNORECASE,
)
# "should we go to urgent care or the er?", "ER or wait?": the place of care named
_NAMES_A_PLACE_OF_CARE = re.compile(
    r"\b(?:urgent\s+care|the\s+er|er|hospital)\s+or\s+(?:the\s+)?(?:er|urgent\s+care|hospital|e\.r\.)\b",
    re.IGNORECASE,
)
# the signs are happening now, not a habit told ("he gets the shakes every morning")
_NOW = re.compile(
    r"\b(?:right\s+now|rn|today|tonight|this\s+(?:morning|afternoon|evening)|"
    r"(?:feels|is\s+feeling|says\s+(?:she|he)\s+feels|started|is\s+getting|are\s+getting)\b|"
    r"(?:skipped|stopped|missed|quit)\b[^.!?]{0,40}\b(?:yesterday|today|days?|since))",
    re.IGNORECASE,
)
# "she's withdrawing I think", "he's detoxing", "going through withdrawal" (no sign named)
_WITHDRAWING_NOW = re.compile(
    r"\b(?:she|he|i|they|my\s+\w+)\s*(?:'s|s|'m|m|'re|re|\s+is|\s+am|\s+are)\s+(?:\w+\s+)?"
    r"(?:withdrawing|detoxing|in\s+withdrawal|going\s+through\s+withdrawal|dope\s*sick)\b|"
    r"\bwithdrawal\s+from\s+(?:\w+\s+)?(?:lorazepam|ativan|xanax|alprazolam|klonopin|clonazepam|valium|"
    r"diazepam|benzos?|alcohol|drinking|her\s+pills|his\s+pills)\b",
    re.IGNORECASE,
)


def _withdrawal_now(text: str) -> bool:
    return bool(_WITHDRAWING_NOW.search(text)) or (
        tells_of_withdrawal(text) and bool(_NOW.search(text))
    )


# "My hands are kind of shaky already and I'm sweating. Is that normal?" after "I drink
# pretty much every day, like a twelve pack and some whiskey" (caller role-play round 38:
# "I'm still not understanding"): signs now, asked about, after daily drinking or pills told
_IS_IT_NORMAL = re.compile(
    r"\b(?:is\s+(?:that|this|it)\s+(?:normal|ok|okay|bad|dangerous|withdrawal|serious)|should\s+i\s+(?:be\s+)?"
    r"worr(?:y|ied)|what\s+does\s+(?:that|this)\s+mean|(?:es|sera)\s+normal|me\s+debo\s+preocupar)\b",
    re.IGNORECASE,
)
_DEPENDENT_USE = re.compile(
    r"\b(?:drink\w*|drank|alcohol|beers?|whiske?y|vodka|liquor|booze|xanax|benzos?|klonopin|ativan|valium|"
    r"bars|pills|tomo|tomaba|tomando|alcohol|cervezas?|pastillas)\b",
    re.IGNORECASE,
)


# nerves or a bad night alone are withdrawal only when stopping is told with them
_FEELINGS_ALONE = frozenset({"anxiety", "insomnia"})
_STOPPED = re.compile(r"\b(?:stopped|quit|since|withdraw\w*|dej[eé]|sin\s+tomar)\b", re.IGNORECASE)


def asks_if_signs_are_normal(text: str | None, earlier: Iterable[str] = ()) -> bool:
    """Withdrawal signs now, asked about ("is that normal?"), after drinking or a sedative
    was told in the conversation (or in the same message)."""
    cleaned = str(text or "")
    if not _IS_IT_NORMAL.search(cleaned):
        return False
    signs = screening_answers.parse_symptoms(cleaned) - {screening_rules.NO_SYMPTOMS}
    if not signs:
        return False
    if signs <= _FEELINGS_ALONE and not (
        _DEPENDENT_USE.search(cleaned) or _STOPPED.search(cleaned)
    ):
        return False  # "is it normal to feel nervous before the first group?"
    return any(_DEPENDENT_USE.search(str(t)) for t in [*earlier, cleaned])


def asks_whether_to_get_care(text: str | None, earlier: Iterable[str] = ()) -> bool:
    """Withdrawal told, and whether to take the person in now (or what to do now) asked:
    yes, today. ``earlier`` are the person's messages before, where the withdrawal may have
    been told ("she's shaky and scared. where do I take her right now")."""
    cleaned = str(text or "")
    if _ASKS_ABOUT_CARE_NOW.search(cleaned) and tells_of_withdrawal(cleaned):
        return True
    if asks_if_signs_are_normal(cleaned, earlier):
        return True
    place_named = bool(
        _ASKS_ABOUT_CARE_NOW.search(cleaned) or _NAMES_A_PLACE_OF_CARE.search(cleaned)
    )
    if not place_named and not _ASKS_WHAT_TO_DO_NOW.search(cleaned):
        return False
    if _withdrawal_now(cleaned):
        return True
    told_before = any(_withdrawal_now(str(t)) or tells_of_withdrawal(str(t)) for t in earlier)
    if not told_before:
        return False
    signs = screening_answers.parse_symptoms(cleaned) - {screening_rules.NO_SYMPTOMS}
    return place_named or bool(signs) or bool(re.search(r"withdraw", cleaned, re.I))


# "wait so should i start drinking again?? i already stopped", "you said dont stop suddenly. i
# already did 5 days ago. do i drink or not" (crisis role-play round 38: the how-to-start
# answer, then the same screening result): no, and what to watch for now
_DRINK_AGAIN = re.compile(
    r"\b(?:should|do|can|must|shall)\s+i\s+(?:just\s+)?(?:start\s+)?(?:drink(?:ing)?|have\s+a\s+drink|take\s+a\s+drink)\s+"
    r"again\b|\bdo\s+i\s+(?:drink|start\s+drinking)\s+or\s+not\b|\b(?:start|go\s+back\s+to)\s+drinking\s+again\b[^.!?]{0,30}\?|"
    r"\b(?:vuelvo|debo\s+volver|tengo\s+que\s+volver)\s+a\s+tomar\b|\bempiezo\s+a\s+tomar\s+otra\s+vez\b",
    re.IGNORECASE,
)


def asks_to_drink_again_after_stopping(text: str | None) -> bool:
    """Whether someone who stopped asks if they should drink again to be safe."""
    return bool(_DRINK_AGAIN.search(" ".join(str(text or "").split())))
