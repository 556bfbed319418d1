"""Hallucinations or paranoia from stimulant use, told by a family member who is asking.

Night role-play (2026-12-04), a mother: "my son is 31 ... uses meth and lately he hears
voices ... sees bugs on his arms. Is he too far gone for outpatient?", then "its not an
emergency hes calm right now. i just want to know if your program can take someone who
is hallucinating from meth". She got "Withdrawal like this can be dangerous. Call 911
now" four times: hallucinations are a sign of alcohol or benzodiazepine withdrawal (the
crisis lexicon's withdrawal category), where 911 is right. From meth they are psychosis
from use: serious, and an emergency once anyone might get hurt, but what the family
needs is when to call 911, that 988 helps families, and that the intake team decides
whether outpatient care fits (``utter_crisis_update_psychosis``).

:func:`is_use_psychosis` is that reading: words of hallucinations or paranoia, a
stimulant or ongoing use named, no alcohol or benzodiazepine withdrawal (stopping,
detox, shakes, seizures), and no other danger once those words, a question about 911
("why would i call 911 hes watching tv") and a no-emergency statement are set aside.
A knife, a threat, a suicide word or an overdose keeps the crisis reply.

Standard library only.
"""

from __future__ import annotations

import re

from iop_assistant.nlu.danger_words import has_danger_words
from iop_assistant.nlu.no_emergency import without_911_questions, without_denial

_PSYCHOSIS = re.compile(
    r"\bhallucinat\w*|\bhear(?:s|ing|d)?\s+(?:\w+\s+)?voices\b|\bthe\s+voices\b|"
    r"\b(?:see|sees|seeing|saw)\s+(?:\w+\s+)?(?:things|bugs|stuff|people|shadows|snakes|spiders)\b|"
    r"\b(?:bugs|spiders)\s+(?:\w+\s+){0,2}?(?:on|under|in)\s+(?:his|her|their|my)\s+(?:arms?|skin|legs?|face)\b|"
    r"\bparanoi\w*|\bpsychos[ie]s\b|\bpsychotic\b",
    re.IGNORECASE,
)
_STIMULANT_OR_USE = re.compile(
    r"\b(?:meth|methamphetamines?|crystal|ice|speed|tina|shards?|crank|coke|cocaine|crack|adderall|"
    r"stimulants?|uppers|k2|spice|bath\s+salts|still\s+using|using\s+again|"
    r"(?:when|while|after)\s+(?:he|she|they)\s+(?:uses?|is\s+using|'?s\s+using|smokes?|is\s+high|gets\s+high)|"
    r"from\s+(?:the\s+)?(?:drugs|using))\b",
    re.IGNORECASE,
)
_NOT_WITHDRAWAL = re.compile(
    r"\b(?:not|isn'?t|isnt|is\s+not|ain'?t|aint|never)\s+(?:in\s+)?(?:withdraw\w*|detox\w*)\b",
    re.IGNORECASE,
)
_WITHDRAWAL = re.compile(
    r"\b(?:withdraw\w*|detox\w*|dts|delirium|seiz\w*|shak(?:es|ing|y)|tremor\w*|"
    r"(?:stopped|quit|quitting|stopping|ran\s+out\s+of|cut\s+off)\s+(?:\w+\s+)?(?:drinking|alcohol|booze|"
    r"xanax|bars|benzos?|klonopin|valium|ativan|pills|liquor|vodka))\b",
    re.IGNORECASE,
)
# a habit, asked about as treatment ("does meth and gets paranoid for days. how do i even
# bring up treatment", tuned set v9): answered as the question it is
_HABIT = re.compile(
    r"\b(?:gets?|used\s+to\s+get)\s+(?:so\s+|really\s+|super\s+|kind\s+of\s+|kinda\s+)?"
    r"(?:paranoid|psychotic)\b",
    re.IGNORECASE,
)


def left_to_read(text: str) -> str:
    """The text without its words of psychosis, a question about 911 and a no-emergency
    statement: what the crisis lexicon must still find nothing in."""
    return without_911_questions(_PSYCHOSIS.sub(" ", without_denial(text)))


def is_use_psychosis(text: str) -> bool:
    """Hallucinations or paranoia from stimulant use, with no other danger word named
    (the crisis guard also reads :func:`left_to_read` with its lexicon)."""
    if not _PSYCHOSIS.search(text) or not _STIMULANT_OR_USE.search(text):
        return False
    if not _PSYCHOSIS.search(_HABIT.sub(" ", text)):
        return False
    if _WITHDRAWAL.search(_NOT_WITHDRAWAL.sub(" ", text)):
        return False
    return not has_danger_words(left_to_read(text))
