"""A general question about danger, asked before anything has happened.

"is blue lips a sign of overdose or just being cold?", "what does it mean if
someone's pupils are pinpoint?", "can stopping xanax suddenly cause seizures?":
people learning what to watch for got the emergency reply ("call 911 now") or
the question whether they want to end their life (v5 look-alikes and the
role-play, 2026-12-03). Such a message starts as a question, speaks of signs,
"if someone...", or what something means, and says nothing about anyone now
(no "he's", "right now", "won't wake", "just took"). Then an overdose or
medical question gets the answer about what to do in an overdose, and any
other gets the check-in about someone else (988 and 911 still named).

Standard library only.
"""

from __future__ import annotations

import re

from iop_assistant.input_text import sentences
from iop_assistant.nlu.danger_words import has_danger_words, says_something_was_taken
from iop_assistant.nlu.no_emergency import without_denial

_STARTS_AS_A_QUESTION = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|but|um+|well)\W+)?"
    r"(?:what|how|is|are|does|do|can|could|should|when|why|will|would)\b",
    re.IGNORECASE,
)
_GENERAL = re.compile(
    r"\bif\s+(?:someone|somebody|anyone|a\s+(?:friend|person|loved\s+one)|my\s+\w+\s+ever|they\s+ever)\b|"
    r"\b(?:someone|somebody)'?s\b|\ba\s+sign\s+of\b|\bsigns?\s+(?:of|that)\b|\bwhat\s+does\s+it\s+mean\b|"
    r"\bhow\s+(?:do|can|would|should)\s+(?:i|you|u|we|people)\s+(?:tell|know|talk|ask|spot|recognize)\b|"
    r"\bgood\s+samaritan\b|\bcause\s+(?:a\s+)?(?:seizures?|an?\s+overdose|withdrawal)\b|"
    r"\bjust\s+(?:sleeping|being\s+cold)\b|\b988\b|\bwhy\s+do(?:es)?\s+(?:people|someone|somebody|you)\b|"
    r"\bwhen\s+(?:they|people|someone|somebody)\s+(?:overdose|od|withdraw|detox)\w*\b|"
    r"\bwhat\s+does\b[^.!?]{0,60}\bmean\b|\ba\s+symptom\s+of\b|\bsymptoms?\s+of\s+withdrawal\b|"
    r"\bthe\s+difference\s+between\b|\bwarning\s+signs?\b|"
    # "what do I do if he stops Saturday and starts shaking" (voice role-play, late): a
    # what-if about someone's coming days, not something happening now
    r"\bwhat\s+(?:do|should|would|can)\s+(?:i|we)\s+do\s+if\s+(?:he|she|they|my\s+\w+)\s+"
    r"(?:\w+\s+){0,4}?(?:starts?|gets?|begins?|ends\s+up)\b|"
    r"\bif\s+(?:you|they|i|we)\s+(?:see|find|notice|come\s+across)\s+(?:a\s+person|someone|somebody|a\s+stranger)\b|"
    r"\b(?:get|be)\s+in\s+trouble\s+for\s+calling\b|\b(?:someone|somebody|a\s+person)\s+who\s+(?:overdoses|ods)\b|"
    r"\b(?:do|does|should)\s+(?:you|someone|somebody|people|one)\s+(?:still\s+)?(?:need|have)\s+to\s+"
    r"call\s+911\s+(?:after|if|when|even)\b",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(?:right\s+now|now|just\s+(?:took|did|used|drank|swallowed)|currently|tonight|today|"
    r"he'?s|hes|she'?s|shes|they'?re|theyre|i'?m|im|i\s+am|is\s+not|isn'?t|won'?t|wont|"
    r"can'?t\s+wake|not\s+breathing|turning|passed\s+out)\b",
    re.IGNORECASE,
)


# "how do i tell if hes od'ing" after "my bf uses fent every day" (v13), "How would I know
# if she has taken too much?": how to recognise it, asked anywhere in the message
_HOW_TO_TELL = re.compile(
    r"\bhow\s+(?:do|can|could|would|will|should)\s+(?:i|we|you|u)\s+(?:tell|know|spot|recognize|"
    r"notice|see)\s+(?:if|when|that|whether)\b[^.!?]{0,40}?\b(?:od'?(?:ing|in|d|s)?|o\.d\.?|"
    r"overdos\w*|(?:taken|took|had|used|drank)\s+too\s+much)\b",
    re.IGNORECASE,
)
# "And if I ever find her and I can't wake her up, what do I do? I want to be ready." (v13:
# the 911 reply): a what-if said as one, to be ready
_HYPOTHETICAL = re.compile(
    r"\bif\s+(?:i|we|you|u|he|she|they|my\s+\w+)\s+(?:\w+\s+)?ever\b|\bjust\s+in\s+case\b|"
    r"\b(?:want|need|trying)\s+to\s+be\s+(?:ready|prepared)\b|\bin\s+case\s+(?:it|that|this)\s+"
    r"(?:ever\s+)?happens\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\?|\bwhat\s+(?:do|should|would|can)\s+(?:i|we)\s+do\b|\bhow\s+(?:do|can|should)\s+(?:i|we)\b",
    re.IGNORECASE,
)
# something happening as the person writes: no what-if then
_HAPPENING = re.compile(
    r"\b(?:right\s+now|rn|just\s+(?:took|did|used|drank|swallowed|shot|snorted)|currently|"
    r"at\s+the\s+moment|tonight|today|(?:is|isn'?t|is\s+not|not)\s+breathing|turning\s+blue|"
    r"passed\s+out|won'?t\s+wake|on\s+the\s+floor)\b",
    re.IGNORECASE,
)


def is_general_danger_question(text: str) -> bool:
    """A question about signs or what-ifs, with nothing said about anyone now."""
    clean = " ".join(text.split())
    if _STARTS_AS_A_QUESTION.match(clean) and _GENERAL.search(clean) and not _NOW.search(clean):
        return True
    if asks_about_mixing(clean) or asks_about_pressed_pills(clean):
        return True  # "...wine with her ambien, can that stop her breathing?" (round 19)
    asked_ahead = bool(_HOW_TO_TELL.search(clean)) or (
        bool(_HYPOTHETICAL.search(clean)) and bool(_ASKS.search(clean))
    )
    if not asked_ahead or _HAPPENING.search(clean):
        return False
    # the rest must tell no danger: "how do i tell if hes overdosing? his lips are blue"
    rest = [
        part
        for part in sentences(clean)
        if not (_HOW_TO_TELL.search(part) or _HYPOTHETICAL.search(part))
    ]
    return not any(has_danger_words(part) for part in rest)


_OVERDOSE_WORDS = re.compile(
    r"\b(?:overdos\w*|od'?s?|od'?ing|narcan|naloxone|pupils?|blue\s+lips|lips\s+(?:are\s+)?blue|"
    r"breathing|unresponsive|good\s+samaritan|wake\s+(?:him|her|them)\s+up|"
    r"(?:taken|took|had|used)\s+too\s+much)\b",
    re.IGNORECASE,
)
_WITHDRAWAL_WORDS = re.compile(
    r"\b(?:seizures?|withdrawals?|cold\s+turkey|dts|delirium|stop(?:ping)?\s+(?:\w+\s+)?suddenly|"
    r"quit(?:ting)?\s+(?:\w+\s+)?suddenly|detox\w*)\b",
    re.IGNORECASE,
)
SAFETY_INTENT = "ask_safety_procedures"
SCREENING_INTENT = "request_detox_screening"


def answer_for(text: str, category: str | None) -> str | None:
    """The intent that answers the question (None: ask the check-in about someone else)."""
    if category in ("overdose", "overdose_self", "overdose_sedative", "medical") or (
        category is None and _OVERDOSE_WORDS.search(text)
    ):
        return SAFETY_INTENT
    if category == "withdrawal" or (category is None and _WITHDRAWAL_WORDS.search(text)):
        return SCREENING_INTENT
    return None


# "when is drinking an emergency?", "what are the signs of alcohol poisoning", "how do i know
# if he drank too much" (family role-play round 17: the withdrawal-seizure text, never the
# signs of alcohol poisoning): asked ahead, nothing said about anyone now
_ALCOHOL_POISONING = re.compile(
    r"\balcohol\s+(?:poisoning|overdose|od)\b|\bintoxicaci[oó]n\s+(?:por|con)\s+alcohol\b|"
    r"\bcongesti[oó]n\s+alcoh[oó]lica\b|"
    r"\bwhen\s+is\s+(?:drinking|being\s+drunk|getting\s+drunk|alcohol)\s+(?:an?\s+)?(?:emergency|dangerous|911)\b|"
    r"\b(?:drank|drunk|had)\s+too\s+much\s+(?:to\s+drink|alcohol|booze)?\b(?=[^.!]{0,60}\b(?:know|tell|sign|when|what\s+do)\b)|"
    r"\bhow\s+(?:do|would|can)\s+(?:i|you|we)\s+(?:know|tell)\s+if\s+(?:someone|somebody|he|she|they|my\s+\w+)\s+"
    r"(?:drank|had|has\s+had)\s+too\s+much\b",
    re.IGNORECASE,
)
_ALCOHOL_NOW = re.compile(
    r"\b(?:right\s+now|won'?t\s+wake|can'?t\s+wake|not\s+breathing|passed\s+out\s+(?:and|now)|"
    r"is\s+(?:passed|unconscious|blue|not)|isn'?t\s+(?:waking|breathing))\b",
    re.IGNORECASE,
)


# "what are the signs of an overdose", "what does an od look like", "how would i know its
# happening", "how can i tell if hes overdosing" (role-plays round 22): asked, nobody in
# danger now
_OVERDOSE_SIGNS = re.compile(
    r"\b(?:signs?|symptoms?|warning\s+signs?)\s+(?:of|for)\s+(?:an?\s+)?(?:opioid\s+|fentanyl\s+|heroin\s+)?"
    r"(?:overdos\w*|od)\b|"
    r"\bwhat\s+(?:does|do)\s+(?:an?\s+)?(?:overdose|od)\s+look\s+like\b|"
    r"\b(?:know|tell\s+me|what\s+are|learn)\s+the\s+(?:warning\s+)?signs\b|"
    r"\bwhat\s+(?:does|would)\s+it\s+look\s+like\b|"
    r"\bhow\s+(?:would|do|can|will|could)\s+(?:i|we|you)\s+(?:know|tell)\s+(?:if|when|that)\s+"
    r"(?:(?:he|she|they|someone|somebody|my\s+\w+)\s*(?:'s|s|is|are|'re)?\s+(?:overdos\w*|od'?ing)|"
    r"(?:it'?s|its|it\s+is)\s+happening)\b|"
    r"\b(?:se[nñ]ales|s[ií]ntomas)\s+de\s+(?:una\s+)?sobredosis\b|"
    # "should I go check on her now? she's been asleep a few hours" (family role-play round 33,
    # a father whose daughter uses fentanyl: a menu): yes, and what to look for
    r"\bshould\s+(?:i|we)\s+(?:go\s+)?(?:check\s+on|wake(?:\s+up)?|look\s+in\s+on)\s+(?:her|him|them|my\s+\w+)\b|"
    r"\b(?:is\s+it\s+(?:ok|okay|safe)|should\s+i)\s+(?:to\s+)?let\s+(?:her|him|them)\s+sleep\b|"
    r"\bc[oó]mo\s+(?:s[eé]|sabr[eé]|saber|me\s+doy\s+cuenta)\s+(?:si|cuando)\s+(?:\w+\s+)?"
    r"(?:tiene|est[aá]\s+teniendo)\s+una\s+sobredosis\b",
    re.IGNORECASE,
)


# "what do you do if someone has a seizure?", "how do you help someone having a seizure",
# "seizure first aid", "¿qué se hace si alguien convulsiona?": asked, nobody seizing now
_SEIZURE_AID = re.compile(
    r"\bwhat\s+(?:do|should|can)\s+(?:you|i|we|u)\s+do\s+(?:if|when)\s+(?:someone|somebody|a\s+person|"
    r"he|she|they|my\s+\w+)\s+(?:has|have|is\s+having|starts?\s+having|goes?\s+into)\s+(?:an?\s+)?"
    r"(?:seizures?|fits?|convulsions?)\b|"
    r"\bhow\s+(?:do|should|can)\s+(?:you|i|we)\s+help\s+(?:someone|somebody|a\s+person)\s+"
    r"(?:having|who\s+has|with)\s+(?:an?\s+)?(?:seizures?|convulsions?)\b|"
    r"\bseizure\s+first[\s-]?aid\b|\bfirst[\s-]?aid\s+for\s+(?:an?\s+)?seizures?\b|"
    r"\bno\s+i\s+mean\s+seizures?\b|"
    r"\bqu[eé]\s+(?:se\s+hace|hago|hacer|debo\s+hacer)\s+(?:si|cuando)\s+(?:alguien|una\s+persona|[eé]l|ella)\s+"
    r"(?:convulsiona|tiene\s+(?:una\s+)?convulsi[oó]n)\b",
    re.IGNORECASE,
)
_SEIZING_NOW = re.compile(
    r"\b(?:right\s+now|rn|is\s+(?:having|seizing|shaking|convulsing)|started\s+(?:seizing|shaking)|"
    r"won'?t\s+stop|ahorita|ahora\s+mismo|est[aá]\s+convulsionando)\b",
    re.IGNORECASE,
)


def asks_about_seizure_first_aid(text: str) -> bool:
    """A question about what to do in a seizure, with no one seizing now ("not an emergency"
    counts as no one)."""
    clean = " ".join(text.split())
    return bool(_SEIZURE_AID.search(clean)) and not _SEIZING_NOW.search(clean)


def _asked_with_nobody_in_danger(question: re.Pattern[str], text: str) -> bool:
    """``question`` is asked, and nothing says anyone is in danger now."""
    clean = " ".join(text.split())
    return bool(question.search(clean)) and not _ALCOHOL_NOW.search(clean)


def asks_about_overdose_signs(text: str) -> bool:
    """A question about what an overdose looks like, with nothing said about anyone now."""
    return _asked_with_nobody_in_danger(_OVERDOSE_SIGNS, text)


def asks_about_alcohol_poisoning(text: str) -> bool:
    """A question about when drinking is an emergency, with nothing said about anyone now."""
    return _asked_with_nobody_in_danger(_ALCOHOL_POISONING, text)


# "is it dangerous to drink on suboxone? yes or no", "she has wine with her ambien, can that
# stop her breathing?", "clonazepam and beer ok?" (family role-plays, round 19: the menu twice,
# or the live-overdose reply to a what-if): alcohol with a sedating drug, or two of them
_ALCOHOL = (
    r"(?:alcohol|drink\w*|drunk|beers?|wine|vodka|booze|liquor|shots?|whiskey|tequila|"
    r"cervezas?|vino|trago|tragos|pisto|chupe|tomar|tomando)"
)
_OPIOIDS = (
    r"suboxone|subs|subutex|bupe|buprenorphine|methadone|metadona|opioids?|opiates?|oxy\w*|percs?|"
    r"percocets?|vicodin|hydros?|norco|codeine|lean|fent\w*|heroin|tramadol|pain\s+pills?"
)
_OTHER_SEDATIVES = (
    r"xanax|xannies|xans?|xanz|xannys?|bars|klonopin|clonazepam|valium|diazepam|ativan|lorazepam|benzos?|"
    r"benzodiazepines?|ambien|zolpidem|sleeping\s+pills?|sleep\s+meds?|pastillas\s+para\s+dormir|"
    r"seroquel|gabapentin|neurontin|muscle\s+relaxers?|soma"
)
_ANY_PILLS = r"pills?|pastillas"
_SEDATING = rf"(?:{_OPIOIDS}|{_OTHER_SEDATIVES}|{_ANY_PILLS})"
_MIX_QUESTION = re.compile(
    r"\b(?:mix\w*|mezcl\w*|combin\w*|together|juntos?|with|con|on|and|y|plus|after|while)\b",
    re.IGNORECASE,
)
_RISK_ASKED = re.compile(
    r"\?|\b(?:is\s+it|is\s+that|isn'?t\s+it|are\s+they|can\s+(?:it|that|this|you|she|he|they)|could\s+(?:it|that)|"
    r"dangerous|safe|ok(?:ay)?\s+to|bad\s+to|risky|deadly|kill|stop\s+(?:her|his|their|your)\s+breathing|"
    r"peligros\w*|es\s+malo|hace\s+da[nñ]o|se\s+puede|"
    # "I just want to know about the risk of benzos and alcohol" (family role-play round 21)
    r"(?:the\s+)?risks?\s+(?:of|with|in)|how\s+(?:bad|dangerous|risky))\b",
    re.IGNORECASE,
)


_RISK_WORDS = re.compile(
    r"\b(?:dangerous|safe|unsafe|ok(?:ay)?|alright|bad|risky|risks?|deadly|kill|fatal|breathing|overdose|od|"
    r"peligros\w*|malo|da[nñ]o|respirar)\b",
    re.IGNORECASE,
)
# "do you help people on suboxone who drink?" asks about the program
_ABOUT_THE_PROGRAM = re.compile(
    r"\b(?:do|does|will|would|can)\s+(?:you|u|y'?all|yall|your\s+program|the\s+program|iop|ustedes)\s+"
    r"(?:help|take|accept|treat|work\s+with|see|let|allow|ayudan|aceptan|atienden)\b|\bprogram\w*\b|\biop\b",
    re.IGNORECASE,
)
SHORT_QUESTION_WORDS = 12


def _kind(drug: str) -> str:
    """Opioid, or another sedating drug (benzodiazepines, sleeping pills, gabapentin...)."""
    if re.fullmatch(_ANY_PILLS, drug, re.IGNORECASE):
        return "pills"
    return "opioid" if re.fullmatch(_OPIOIDS, drug, re.IGNORECASE) else "sedative"


# something taken already: "i took like a handful of my sleeping pills with some vodka ...
# im fine, just wondering if its bad to mix them" is an overdose to answer with 911 (crisis
# role-play round 19: it got the mixing answer)
_TAKEN = re.compile(
    r"\b(?:i|i'?ve|ive|he|she|they|we|my\s+\w+)\s+(?:just\s+|already\s+|prob(?:ably)?\s+)?"
    r"(?:took|taken|had|drank|swallowed|popped|mixed|used|did|snorted|shot)\b|"
    r"\b(?:tom[eé]|tom[oó]|me\s+tom[eé]|se\s+tom[oó]|mezcl[eé]|mezcl[oó])\b",
    re.IGNORECASE,
)


def asks_about_mixing(text: str) -> bool:
    """A question about alcohol with a sedating drug (or two such drugs), nothing now."""
    # "This is NOT an emergency. She is fine, she's at work right now. I just want to know
    # about the risk of benzos and alcohol" (family role-play round 21): the no is no danger
    clean = " ".join(without_denial(text).split())
    if (
        _ABOUT_THE_PROGRAM.search(clean)
        or _TAKEN.search(clean)
        or says_something_was_taken(clean)
        or _LETHAL.search(clean)
    ):
        return False
    if not _RISK_WORDS.search(clean) and len(clean.split()) > SHORT_QUESTION_WORDS:
        return False
    alcohol = re.search(rf"\b{_ALCOHOL}\b", clean, re.IGNORECASE)
    drugs = re.findall(rf"\b{_SEDATING}\b", clean, re.IGNORECASE)
    # two drugs of one kind ("percs and sometimes fent") are use, not a mix to warn about
    kinds = {_kind(d) for d in drugs}
    pair = (alcohol and drugs) or len(kinds) >= 2
    return bool(
        pair
        and _MIX_QUESTION.search(clean)
        and _RISK_ASKED.search(clean)
        and not _HAPPENING.search(clean)
        and not _ALCOHOL_NOW.search(clean)
    )


# the mix named by a pronoun: "wait can mixing them kill me?" said inside the screening about
# percs and xanax (self role-play round 29: taken as how often, five times unanswered)
_MIXING_THEM = re.compile(
    r"\b(?:can|could|will|would|does|do)\s+(?:mixing|combining|taking|using|doing)\s+(?:them|these|those|em|'em|"
    r"the\s+two|both(?:\s+of\s+them)?)\s+(?:together\s+)?(?:kill|hurt|stop\s+my\s+breathing|be\s+(?:dangerous|deadly|bad|fatal))\b|"
    r"\b(?:is|isn'?t|are)\s+(?:it|that)\s+(?:\w+\s+)?(?:bad|dangerous|deadly|safe|ok(?:ay)?|risky)\s+to\s+(?:mix|combine|take|use|do)\s+"
    r"(?:them|these|those|em|'em|the\s+two|both)\s*(?:together|at\s+the\s+same\s+time)?\b|"
    r"\b(?:mezclarlas?|mezclarlos|combinarlas?|combinarlos)\b[^.!?]{0,30}\b(?:peligroso|matar(?:me)?|malo)\b|"
    r"\b(?:peligroso|malo)\s+(?:mezclarlas?|mezclarlos|combinarlas?|combinarlos)\b"
)


def asks_about_mixing_them(text: str) -> bool:
    """The mixing question with the drugs named before ("can mixing them kill me?"), asked,
    nothing taken or happening now."""
    clean = " ".join(without_denial(text).split()).lower()
    return bool(
        _MIXING_THEM.search(clean)
        and not _TAKEN.search(clean)
        and not says_something_was_taken(clean)
        and not _HAPPENING.search(clean)
        and not _ALCOHOL_NOW.search(clean)
    )


# a mix already taken, asked about with nothing worse said: "took 2 bars n drinkin is that ok",
# "had a few beers and took my klonopin, am i gonna be ok" (texter and self role-play round 30:
# the generic crisis text three times, never what the mix does or whom to ask now)
_IS_IT_OK = re.compile(
    r"\b(?:is\s+(?:that|it|this)\s+(?:ok(?:ay)?|bad|safe|dangerous|alright|gonna\s+be\s+ok)|"
    r"am\s+i\s+(?:gonna|going\s+to)\s+be\s+(?:ok(?:ay)?|alright|fine)|will\s+i\s+be\s+(?:ok(?:ay)?|alright|fine)|"
    r"should\s+i\s+(?:be\s+worried|worry)|est[aá]\s+(?:bien|mal)|es\s+peligroso)\b",
    re.IGNORECASE,
)


_TAKEN_FIRST = re.compile(
    r"^\W*(?:so\s+|ok\s+|um\s+)?(?:just\s+|already\s+)?(?:took|popped|had|drank|swallowed|mixed|did)\b",
    re.IGNORECASE,
)


def asks_if_a_taken_mix_is_ok(text: str) -> bool:
    """Alcohol with a sedating drug (or two of them) already taken, and "is that ok?", with
    no sign of an overdose said (those are the crisis)."""
    clean = " ".join(without_denial(text).split())
    taken = _TAKEN.search(clean) or _TAKEN_FIRST.search(clean) or says_something_was_taken(clean)
    if not taken or not _IS_IT_OK.search(clean):
        return False
    alcohol = re.search(rf"\b{_ALCOHOL}\b", clean, re.IGNORECASE)
    drugs = re.findall(rf"\b{_SEDATING}\b", clean, re.IGNORECASE)
    kinds = {_kind(d) for d in drugs}
    return bool((alcohol and drugs) or len(kinds) >= 2) and not has_danger_words(clean)


# "are M30s fentanyl?", "the blue pills he buys, are they real percs?" (family role-play round
# 19): pills from outside a pharmacy (DEA, One Pill Can Kill)
_PRESSED_PILLS = re.compile(
    r"\bm[\s-]?30s?\b|\b(?:pressed|fake|counterfeit|street)\s+(?:pills?|percs?|oxys?|xanax|bars)\b|"
    r"\b(?:are|is|could)\s+(?:they|these|those|the|them|it)\s+(?:\w+\s+){0,3}?(?:laced|cut|fentanyl|fent|real)\b|"
    r"\bpastillas\s+azules\b[^.!?]{0,40}\bfentanilo\b",
    re.IGNORECASE,
)


_PILL_WORDS = re.compile(
    r"\b(?:pills?|percs?|percocets?|bars|blues|oxys?|xanax|tabs?|tablets?|m[\s-]?30s?|pastillas?)\b",
    re.IGNORECASE,
)
# "what is the lethal dose of fentanyl? asking for me" (v8) is a crisis, never this answer
_LETHAL = re.compile(
    r"\b(?:lethal|deadly\s+dose|kill\s+(?:me|myself)|die|dying|od\s+on\s+purpose)\b", re.I
)


def asks_about_pressed_pills(text: str) -> bool:
    """A question about street pills (fake, pressed, "M30s"), nothing happening now."""
    clean = " ".join(text.split())
    return bool(
        _PRESSED_PILLS.search(clean)
        and _PILL_WORDS.search(clean)
        and not _LETHAL.search(clean)
        and _RISK_ASKED.search(clean)
        and not _HAPPENING.search(clean)
        and not _ALCOHOL_NOW.search(clean)
    )


# the old amount after a break: "is it dangerous if i use the same amount i used to before
# the 90 days", "my tolerance is probably down right", "puedo usar lo mismo que antes?"
_LOST_TOLERANCE = re.compile(
    r"\b(?:my|his|her|their|your)\s+tolerance\b|\btolerance\s+(?:is|be|goes|went|gets)\s+(?:\w+\s+)?"
    r"(?:down|lower|gone|less)\b|"
    r"\b(?:same|old|usual|normal)\s+(?:amount|dose|dosage|hit|shot)\b[^.!?]{0,60}\b(?:before|used\s+to|"
    r"after|since|days|weeks|months|clean|sober|break)\b|"
    r"\b(?:as\s+much|the\s+amount)\s+(?:as\s+)?(?:i|he|she|they)\s+used\s+to\b|"
    r"\b(?:la\s+misma\s+cantidad|lo\s+mismo)\s+(?:que|de)\s+antes\b|\btolerancia\b|"
    # "will it hit harder since i been off 2 months" (self role-play round 37: the seizure text)
    r"\b(?:it|that|this|dope|stuff|the\s+same\s+amount)\s+(?:will\s+|gonna\s+|going\s+to\s+|might\s+|would\s+)?"
    r"(?:hit|hits|affect|affects|kick)\s+(?:me\s+|him\s+|her\s+)?(?:harder|stronger|worse)\b|"
    r"\bhit\s+(?:me|him|her)\s+harder\b|"
    r"\b(?:am\s+i|is\s+he|is\s+she|will\s+i|could\s+i|can\s+i)\s+(?:gonna\s+|going\s+to\s+)?(?:od|overdose)\b"
    r"[^.!?]{0,40}\b(?:since|after|off|clean|sober|break|been)\b|"
    r"\b(?:me\s+va\s+a\s+pegar|le\s+va\s+a\s+pegar)\s+m[aá]s\s+(?:fuerte|duro)\b",
    re.IGNORECASE,
)


def asks_about_lost_tolerance(text: str | None) -> bool:
    """Using the old amount after a break (lost tolerance: the overdose risk)."""
    return bool(_LOST_TOLERANCE.search(" ".join(str(text or "").split())))


# "where do i get narcan", "is narcan free", "can I get narcan free for the house", "¿donde
# consigo narcan?" (crisis and self role-play round 26: the answer said to keep it at home,
# never where to get it or what it costs)
_NALOXONE_WHERE = re.compile(
    r"\b(?:narcan|naloxone|naloxona|kloxxado|zimhi)\b[^.?!]{0,40}\b(?:free|cost|costs|price|pay|"
    r"buy|get|gratis|cuesta|comprar|consigo|conseguir|venden)\b|"
    r"\b(?:where|how|can)\s+(?:do|can|could|would)?\s*(?:i|we|you|u|my\s+\w+)\s+(?:even\s+|still\s+|just\s+)?"
    r"(?:get|buy|find|pick\s+up)\s+(?:some\s+)?(?:narcan|naloxone)\b|"
    # "no I mean naloxone. can I buy it at a pharmacy like CVS tonight?" (family role-play 33)
    r"\b(?:narcan|naloxone)\b.{0,60}\b(?:buy|get|pick\s+up)\s+(?:it|some|one)\s+(?:at|from)\s+(?:a\s+|the\s+)?"
    r"(?:pharmacy|drug\s*store|cvs|walgreens|rite\s+aid|walmart|store)\b|"
    r"\bwhere\s+(?:i|we|you|u|one)\s+(?:can|could|might)\s+(?:get|buy|find|pick\s+up)\s+(?:some\s+)?(?:narcan|naloxone)\b|"
    # "i dont have narcan. where do i even get it" (self role-play round 38: the overdose
    # first aid, as if someone were overdosing): named first, then asked where to get "it"
    r"\b(?:narcan|naloxone)\b.{0,60}\bwhere\s+(?:do|can|could|would|should)\s+(?:i|we|you|u)\s+"
    r"(?:even\s+|still\s+|just\s+|actually\s+)?(?:get|buy|find|pick\s+up)\s+(?:it|some|one)\b|"
    r"\b(?:d[oó]nde|c[oó]mo)\s+(?:se\s+)?(?:consigo|compro|consigue|compra|venden|dan)\s+(?:el\s+|la\s+)?(?:narcan|naloxona)\b",
    re.IGNORECASE,
)


def asks_where_to_get_naloxone(text: str) -> bool:
    """Where to get naloxone, or what it costs."""
    return bool(_NALOXONE_WHERE.search(text or ""))


# "I didn't call 911, there's no emergency. I am asking where I can buy naloxone" (regression
# after the round 29 retrain: the classifier read a story, and "911" blocked the reader)
_NO_CALL_MADE = re.compile(
    r"\b(?:didn'?t|did\s+not|not|never|don'?t\s+need\s+to)\s+call(?:ed|ing)?\s+911\b", re.I
)


def danger_beyond_a_denial(text: str) -> bool:
    """Danger words left once "there's no emergency" and "I didn't call 911" are set aside."""
    return has_danger_words(_NO_CALL_MADE.sub(" ", without_denial(text)))
