"""Whether a message answers the question a form is asking (pure, no Rasa).

One place for "does this text answer that question?", used by the form
validation actions (to fill the slot) and by ``FormAnswerPolicy`` inside Rasa
(to keep an answer that merely contains "stop" or looks like "bye" from
ending the form). The rule, from the design's conversation principles: while
a form asks for a slot, text that the slot's parser accepts fills the slot.
Spanish answers are read too (issue 18: "lo antes posible", "en la mañana",
"me llamo Ana", "a este número", "para mi hijo"); "mañana" on its own is
tomorrow, kept in the person's words, while "en la mañana" is the morning.
"""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Callable, Dict, Iterable, List, Tuple

from iop_assistant import phone, screening_answers, screening_rules, substances
from iop_assistant.input_text import sentences
from iop_assistant.screening_answers import fold

MAX_BEST_TIME_CHARS = 120
MAX_NAME_CHARS = 40
SKIP = "skip"

# ---------------------------------------------------------------- callback: best time
_BEST_TIMES = (
    (
        "now",
        re.compile(
            r"\b(now|right now|asap|a\.s\.a\.p|as soon as|soon|today|right away|immediately|"
            r"whenever|any ?time|anytime|urgent|quick|straight away)\b"
        ),
    ),
    ("morning", re.compile(r"\b(morning|mornings|before noon|breakfast|early)\b")),
    ("afternoon", re.compile(r"\b(afternoon|afternoons|lunch|lunchtime|midday|noon)\b")),
    ("evening", re.compile(r"\b(evening|evenings|tonight|night|nights|after work|after dinner)\b")),
)
# a time in the person's own words: "after 6pm", "6:30", "between 2 and 4", "weekdays"
_TIME_WORDS = re.compile(
    r"\b\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.|o'?clock)\b|\b\d{1,2}:\d{2}\b|"
    # texted spellings too: "aftr 5 pls", "b4 noon", "arnd 3" (role-play 2026-12-04)
    r"\b(after|aftr|afta|aft|before|b4|befor|around|arnd|round|between|by|until|til|till|from|at)\s+\d{1,2}\b|"
    r"\b(tmrw|tmr|tmrrw|tmrow|2morrow|2moro|2mrw|tomoro|tomorow|tommorow|tommorrow)\b|"
    # texted times without a colon: "after 530", "around 1230", "noonish", "6ish" (texter
    # role-play 2026-12-04: refused, and the question asked twice in one text)
    r"\b(after|aftr|before|b4|around|arnd|at|by|like|about)\s+([1-9]|1[0-2])[0-5]\d\b|"
    r"\b(noonish|\d{1,2}\s*ish|lunchtime)\b|"
    # spoken times (voice role-play 2026-12-04: "after five would be best, like five thirty")
    r"\b(after|aftr|before|around|arnd|by|at|like|about)\s+(one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(thirty|fifteen|forty[\s-]five|o'?clock)\b|"
    r"\b(tomorrow|weekday|weekdays|weekend|weekends|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|later today|this week|"
    r"next week|after school|on my break|lunch break|noon|midnight)\b"
)
_BUTTON_NUMBERS = {"1": "now", "2": "morning", "3": "afternoon", "4": "evening"}
# a bare hour from 5 to 12 (1-4 are the numbered options), with minutes or not
_BARE_HOUR = re.compile(
    r"^\s*(?:(?:[5-9]|1[0-2])(?:[:.]?[0-5]\d)?|[1-4][:.]?[0-5]\d)\s*(?:ish)?\s*$"
)
# Spanish (issue 18), matched on folded text ("mañana" -> "manana"). "Mañana" alone is
# tomorrow (kept in the person's words); "en la mañana", "esta mañana" are the morning.
_TOMORROW_ES = re.compile(r"(?<!\bla )(?<!\blas )(?<!\besta )(?<!\bde )\bmanana\b")
_TIME_WORDS_ES = re.compile(
    r"\b(?:despues|antes|como|entre|desde|hasta|a partir) (?:de )?(?:las?|la una)\s*\d{0,2}\b"
    r"|\ba las? \d{1,2}\b|\b\d{1,2}(?::\d{2})?\s*de la (?:manana|tarde|noche)\b"
    r"|\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin de semana"
    r"|fines de semana|entre semana|semana que viene|proxima semana|mas tarde|al rato"
    r"|hoy (?:en|por) la (?:manana|tarde|noche)|medianoche|saliendo de la escuela)\b"
)
_BEST_TIMES_ES = (
    (
        "now",
        re.compile(
            r"\b(lo (antes|mas pronto) posible|cuanto antes|ahorita|ahora mismo|ahora|de inmediato"
            r"|inmediatamente|urgente|rapido|pronto|cuando (sea|puedan|quieran)|a cualquier hora"
            r"|cualquier hora|hoy mismo|hoy)\b|^\W*ya(?: mismo| por favor| porfa)?\W*$"
        ),
    ),
    (
        "morning",
        re.compile(
            r"\b(en la manana|por la manana|de manana|en las mananas|por las mananas"
            r"|las mananas|esta manana|temprano|antes del mediodia)\b"
        ),
    ),
    (
        "afternoon",
        re.compile(r"\b(en la tarde|por la tarde|esta tarde|las tardes|tarde|tardes|mediodia)\b"),
    ),
    (
        "evening",
        re.compile(
            r"\b(en la noche|por la noche|esta noche|las noches|noche|noches"
            r"|despues del trabajo|saliendo del trabajo|despues de cenar)\b"
        ),
    ),
)
# a time said with the request itself: "call me at 520-555-0156 after 5pm", "call me tonight",
# "can someone call asap" (v5: the form asked the time again and took "yes" as no time)
_TIME_IN_REQUEST = re.compile(
    # "tomorrow 9am", "tomorrow morning at 10" (role-play 2026-12-04: saved as only "tomorrow")
    r"\b(?:tomorrow|tonight|today)\s+(?:(?:morning|afternoon|evening)\s+)?(?:at\s+|around\s+|after\s+|before\s+)?"
    r"\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?!\d|-)|"
    r"\b(?:after|before|around|between|by|at)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?"
    # not "my phone is at 4%" (blind v24, read in round 30: saved as the time "at 4")
    r"(?:\s*(?:and|-|to)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?)?(?!\d|-|\s*\d{3}|\s*%|\s*percent)|"
    r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|"
    r"\b(?:tonight|this\s+(?:morning|afternoon|evening)|tomorrow(?:\s+(?:morning|afternoon|evening))?|"
    r"asap|a\.s\.a\.p|as\s+soon\s+as\s+(?:possible|you\s+can)|right\s+away|after\s+work|"
    r"in\s+the\s+(?:morning|afternoon|evening))\b|"
    # Spanish (issue 18): "me pueden llamar mañana en la tarde" (the time was asked again)
    r"\b(?:ma[nñ]ana\s+)?(?:en|por)\s+la\s+(?:ma[nñ]ana|tarde|noche)\b|\besta\s+(?:tarde|noche)\b|"
    r"\b(?:ma[nñ]ana\s+)?(?:despu[eé]s\s+de|antes\s+de|a)\s+las?\s+\d{1,2}(?::\d{2})?\b|"
    r"\blo\s+(?:antes|m[aá]s\s+pronto)\s+posible\b|\bahorita\b",
    re.IGNORECASE,
)
_ASAP = re.compile(
    r"^(?:asap|a\.s\.a\.p|as\s+soon\s+as\s+(?:possible|you\s+can)|right\s+away|"
    r"lo\s+(?:antes|m[aá]s\s+pronto)\s+posible|ahorita)$",
    re.IGNORECASE,
)


_WHICH_NUMBER = re.compile(
    r"\b(?:whose|which|what)\s+(?:phone\s+)?number\b(?!\s+(?:is\s+(?:the\s+)?(?:help\s*line|hotline)|do\s+i\s+call))|"
    r"\b(?:her|his|my|their|our)\s+(?:number|phone|cell)\s+or\s+(?:mine|hers|his|theirs|my|her|their|ours)\b|"
    r"\b(?:mine|my\s+(?:number|phone|cell))\s+or\s+(?:hers|his|theirs|her|their)\b"
)


_WHY_THE_NUMBER = re.compile(
    r"\bwhy\s+(?:do|does|would)\s+(?:u|you|ya|y'?all|yall|they|the\s+help\s*line)\s+(?:need|want)\s+"
    r"(?:my|a|the|your)\s+(?:number|phone|#|cell)\b|"
    r"\bcan'?t\s+i\s+(?:just\s+)?call\s+(?:u|you|y'?all|yall|them|the\s+help\s*line)(?:\s+myself)?\W*$|"
    r"\bpara\s+(?:qu[eé]|q|k)\s+(?:quieren|necesitan|ocupan)\s+mi\s+(?:n[uú]mero|tel[eé]fono|cel(?:ular)?)\b|"
    r"\bwhy\s+(?:do\s+)?(?:u|you|ya|they)\s+(?:need|want)\s+(?:it|that)\W*$",
    re.IGNORECASE,
)


# "what number will you call from?", "will it show up as the clinic?" between the callback
# questions (blind round 30's lean list, round 34's open list: "Sorry, I didn't catch a name")
_ASKS_CALLER_ID = re.compile(
    r"\b(?:what|which|wat)\s+(?:number|#|phone\s+number|name)\s+(?:will|would|do|does|are|is)\s+"
    r"(?:you|u|they|it|the\s+call|y'?all)\s+(?:be\s+)?(?:call\w*|com\w*|show\w*|ring\w*|from|say|look)\b|"
    r"\b(?:will|would|does|is)\s+(?:it|the\s+call|the\s+number)\s+(?:show|come\s+up|be\s+(?:blocked|private|unknown))\b|"
    r"\bcaller\s*id\b|\bshow\s+up\s+(?:as|on\s+my\s+(?:phone|screen))\b|\bwhat\s+(?:\w+\s+)?shows?\s+up\b|"
    r"\b(?:de\s+)?qu[eé]\s+n[uú]mero\s+(?:me\s+)?(?:van\s+a\s+|va\s+a\s+)?(?:llam\w*|aparec\w*|sal\w*)\b",
    re.IGNORECASE,
)
# "tonight or tomorrow?", "when will they call?", "how soon do they call back?" asked where a
# time is wanted (round 34's open list: saved as the time, the question unanswered)
_ASKS_WHEN_THEY_CALL = re.compile(
    r"\bwhen\s+(?:will|would|do|does|are|is)\s+(?:they|you|u|someone|somebody|y'?all|it|the\s+call)\s+"
    r"(?:going\s+to\s+|gonna\s+)?(?:call|be\s+calling|get\s+back|reach\s+out|happen)\b|"
    r"\bhow\s+(?:soon|long|fast|quick)\b[^?.!]{0,30}\bcall|"
    r"^\W*(?:tonight|today|now|this\s+(?:morning|afternoon|evening))\s+or\s+(?:tomorrow|later|in\s+the\s+morning)\s*\?\W*$|"
    r"\b(?:will|would)\s+(?:they|you|u|it)\s+(?:call|be)\s+(?:tonight|today|tomorrow|soon|right\s+away)\s*\?|"
    r"\bcu[aá]ndo\s+(?:me\s+)?(?:van\s+a\s+|va\s+a\s+)?(?:llam\w*|marc\w*|habl\w*)\b|"
    r"^\W*(?:hoy|esta\s+noche)\s+o\s+ma[nñ]ana\s*\?\W*$",
    re.IGNORECASE,
)


# "que me llamen, pero en español", "can someone call my mom in spanish, she doesn't speak
# english" (Spanish role-play round 36: booked without it): the call is to be in Spanish
_CALL_IN_SPANISH = re.compile(
    r"\b(?:in|en)\s+(?:spanish|espa[nñ]ol)\b|\b(?:speaks?|speaking|habl[ae]n?|hablar)\s+(?:en\s+)?"
    r"(?:spanish|espa[nñ]ol)\b|\b(?:only|just|solo|s[oó]lo)\s+(?:speaks?\s+|habla\s+)?(?:spanish|espa[nñ]ol)\b|"
    r"\b(?:doesn'?t|does\s+not|dont|don'?t|no)\s+(?:speak|habla)\s+(?:english|ingl[eé]s)\b",
    re.IGNORECASE,
)


def asks_for_a_call_in_spanish(text: str | None) -> bool:
    """The person wants the call back in Spanish (for them or for whoever is called)."""
    return bool(_CALL_IN_SPANISH.search(" ".join(str(text or "").split())))


def asks_what_the_caller_id_shows(text: str | None) -> bool:
    """Which number or name the help line's call will show."""
    return bool(_ASKS_CALLER_ID.search(" ".join(str(text or "").split())))


def asks_when_they_call(text: str | None) -> bool:
    """When the help line will call, asked as a question (not a time given)."""
    return bool(_ASKS_WHEN_THEY_CALL.search(" ".join(str(text or "").split())))


def asks_why_the_number(text: str | None) -> bool:
    """ "why do u need my number cant i just call u" (v13): a question, not a yes."""
    return bool(_WHY_THE_NUMBER.search(str(text or "")))


def asks_which_number(text: str | None) -> bool:
    """ "her number or mine?": a question about the phone question, not an answer to it and
    not a request for a person (v5: it ended the callback request)."""
    return bool(_WHICH_NUMBER.search(" ".join(str(text or "").lower().split())))


_CALL_WORDS = re.compile(
    r"\b(?:call|ring|phone|reach|contact|text)\w*\b|\b(?:llam[aeá]\w*|marqu\w*|contact\w*)\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"[.;!?]+\s*|,\s*")
_PART_OF_DAY = re.compile(
    r"^\W*(?:in\s+the\s+|any\s+)?(?:mornings?|afternoons?|evenings?|nights?|anytime|any\s+time)\W*$",
    re.IGNORECASE,
)


_PREFERRED_PART = re.compile(
    r"\b(morning|afternoon|evening)s?\s+(?:is|are|would\s+be|works?|work)\s+(?:best|better|good|great|fine)\b"
)


def best_time_in_request(text: str | None) -> str | None:
    """The time said with a callback request, in the person's words ("after 5pm"), "now"
    for "asap"; None when the request names no time (the form asks). Only a clause that
    asks for the call counts: "she wants to start iop asap. can someone call us" says
    when to start, not when to call (v5)."""
    cleaned = " ".join(str(text or "").split())[: MAX_BEST_TIME_CHARS * 4]
    preferred = _PREFERRED_PART.search(cleaned.lower())
    if preferred:
        # "mornings are best, I'm hard of hearing on the phone in the afternoon" (caller
        # role-play round 24: saved as "in the afternoon")
        return preferred.group(1)
    clauses = _CLAUSES.split(cleaned)
    for clause in clauses:
        found = _TIME_IN_REQUEST.search(clause) if _CALL_WORDS.search(clause) else None
        if found:
            said = found.group(0).strip()
            return "now" if _ASAP.match(said) else said
    if _CALL_WORDS.search(cleaned):
        # "can someone call me about it, 317-555-0145, afternoon, name is Jerome" (blind v25,
        # read in round 31: asked when, then "sure texting is fine" was no time): a time
        # said on its own beside the request
        for clause in clauses:
            words = clause.split()
            found = (
                (_TIME_IN_REQUEST.search(clause) or _PART_OF_DAY.search(clause))
                if 0 < len(words) <= 3
                else None
            )
            if found:
                said = found.group(0).strip()
                return "now" if _ASAP.match(said) else said
    return None


def without_questions(text: str) -> str:
    """The sentences that tell, when some of them ask: "morning. is my callback still on
    for tomorrow morning or did I just mess it up?" saved the question as the time
    (family role-play 2026-12-05)."""
    said = sentences(text)
    told = [s for s in said if not s.rstrip().endswith("?")]
    return " ".join(told) if told and len(told) < len(said) else text


def parse_best_time(text: str | None) -> str | None:
    """now / morning / afternoon / evening, a time in the person's words, or None.

    None means "this is not a time" (a question, a name, "no name"): the form
    asks again instead of saving it.
    """
    cleaned = without_questions(" ".join(str(text or "").split())[:MAX_BEST_TIME_CHARS])
    lowered = cleaned.lower()
    if not lowered:
        return None
    words = re.findall(r"[\w']+", lowered)
    if _TIME_WORDS.search(lowered):
        # "after 6pm", "Tuesday at 3:30": the person's own words say more; a part of the
        # day said with it stays ("mornings. he leaves for work at 7", blind v15: saved as
        # "he leaves for work at 7", which a caller could read as evening)
        return time_clause(cleaned, _TIME_OR_PART_OF_DAY)
    folded = re.sub(r"\bbuen[oa]s (?:dias|tardes|noches)\b", " ", fold(cleaned))  # greetings
    if _TIME_WORDS_ES.search(folded) or _TOMORROW_ES.search(folded):
        return cleaned  # "después de las 6", "mañana": tomorrow, in the person's words
    named = _parts_of_day_named(lowered)
    if named:
        return named
    for label, pattern in _BEST_TIMES_ES:
        if pattern.search(folded):
            return label
    if _BARE_HOUR.match(lowered):
        return cleaned  # "12", "5:30", "330": an hour, not one of the numbered options (1-4)
    if len(words) == 1 and words[0] in ("am", "pm"):
        return "morning" if words[0] == "am" else "afternoon"
    return _misspelt_time(words)


# a part of the day the person is busy in: "actually afternoon is better, i have court in the
# morning", "make that evening, I'm at work in the morning" (blind v16: both saved as morning)
_BUSY_BEFORE = re.compile(
    r"\b(?:work|working|court|school|class|busy|sleep|sleeping|asleep|shift|not|no|cant|can't|"
    r"cannot|never)\b[^,.;!?]{0,24}$"
)


def _parts_of_day_named(lowered: str) -> str | None:
    """The part of the day asked for: the first one named that the person is not busy in;
    with a single one named, that one."""
    found: List[Tuple[int, str]] = []
    preferred: List[Tuple[int, str]] = []
    for label, pattern in _BEST_TIMES:
        match = pattern.search(lowered)
        if match:
            found.append((match.start(), label))
            if _PREFERRED_AFTER.match(lowered[match.end() :]):
                preferred.append((match.start(), label))
    if len(found) < 2:
        return found[0][1] if found else None
    if len(preferred) == 1:
        # "he's home in the evening, morning is better" (caller role-play round 27: saved as
        # evening, when her husband is home): the part called better is the one
        return preferred[0][1]
    free = [(at, label) for at, label in found if not _BUSY_BEFORE.search(lowered[:at])]
    return min(free or found)[1]


_PREFERRED_AFTER = re.compile(
    r"\s*(?:is|are|'s|s|would\s+be|will\s+be|works?)?\s*(?:much\s+|way\s+|a\s+lot\s+)?"
    r"(?:better|best|good|ok|okay|fine|preferred|safer)\b"
)


_TIME_OR_PART_OF_DAY = re.compile(
    _TIME_WORDS.pattern
    + r"|\b(?:morning|mornings|afternoon|afternoons|evening|evenings|tonight|night|nights)\b"
)


# the clause that gives the time, not the whole message: "after 5:30 if possible, I get home
# around then" was read back word for word (role-play 2026-12-04); staff see the whole
# conversation in the console
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[;!?]+|\.(?=\s|$)|,|\s-\s|\bif\b|\bbecause\b|\bcause\b|\bcuz\b|\bsince\b|\bbut\b|\bso\b)\s*"
)
# "I said tomorrow morning, dear. Around 10." was read back as "(I said tomorrow morning)"
_SAID_BEFORE = re.compile(
    r"^(?:(?:like|as)\s+)?i\s+(?:said|told\s+you|already\s+said|mean|meant)\s+|^(?:um+|uh+|well|ok(?:ay)?)\s+",
    re.IGNORECASE,
)


def time_clause(text: str, pattern: re.Pattern[str]) -> str:
    """The parts of ``text`` between clause breaks that hold the time, joined (all of it if
    none): "tomorrow morning, Around 10" from "I said tomorrow morning, dear. Around 10."."""
    clauses = [c for c in _CLAUSE_BREAK.split(text) if c and c.strip()]
    timed = [_SAID_BEFORE.sub("", c.strip(" ,")) for c in clauses if pattern.search(c.lower())]
    return ", ".join(timed) if timed else text


# "aftrnoon", "afternon", "evnings" (v9 texters): the time was asked again and again
_TIME_SPELLINGS = {
    "morning": "morning", "mornings": "morning", "afternoon": "afternoon",
    "afternoons": "afternoon", "evening": "evening", "evenings": "evening", "tonight": "evening",
}  # fmt: skip


def _misspelt_time(words: List[str]) -> str | None:
    """morning / afternoon / evening from a misspelt word (five letters or more), or None."""
    for word in words:
        if len(word) < 5:
            continue
        close = difflib.get_close_matches(word, _TIME_SPELLINGS, n=1, cutoff=0.8)
        if close:
            return _TIME_SPELLINGS[close[0]]
    return None


# ---------------------------------------------------------------- callback: first name
_SKIP_NAME = re.compile(
    r"^\W*(?:(?:um+|uh+|oh|well|ok(?:ay)?|so|hmm+)\W+)*(skip|no|nope|none|n/a|na|pass|no name|"
    r"nel|nop|sale|ninguno|"
    # "um no just leave the name blank" (v13, voice: asked again)
    r"leave\s+(?:the\s+name\s+|it\s+|that\s+)?(?:blank|empty|out|off)|blank|"
    r"rather not|i'?d rather not|prefer not|"
    r"don'?t want to|dont want to|not telling|nah|no thanks|anonymous|doesn'?t matter|"
    r"it doesn'?t matter|not needed|no need|don'?t\s+(?:need|care|have|give|use|want)|"
    r"you\s+(?:can|don'?t|dont|do\s+not)\s+(?:skip|need|have)|leave\s+it|not\s+necessary|"
    r"rather\s+not\s+say|no\s+thank\s+you|without\s+(?:a\s+)?name|no\s+names?|"
    r"omitir|saltar|ninguno|prefiero\s+no|mejor\s+no|sin\s+nombre|no\s+importa|"
    r"no\s+hace\s+falta|no\s+es\s+necesario|anonimo|anonima|paso)\b"
)
_NAME_LEAD = re.compile(
    r"^\W*(my name is|my name's|my names|name is|name's|names|it'?s|it is|i'?m|i am|this is|"
    r"call me|"
    # "his name is walter" (v13, a neighbour calling: saved as "His")
    r"(?:his|her|their)\s+name(?:\s+is|'s)|(?:he|she)(?:'s|\s+is)|ask\s+for\s+(?:him|her)\s+as|"
    r"se\s+llama|su\s+nombre\s+es|"
    # "just say it's Kim", "tell them it is jay" (blind v24, read in round 30: saved as "Say")
    r"(?:just\s+)?(?:say|tell\s+(?:them|him|her))(?:\s+(?:it'?s|its|it\s+is|that\s+it'?s|you'?re\s+calling\s+for))?|"
    r"you can ask for|ask for|just|first name is|first name|"
    r"(?:you\s+can\s+)?(?:put|write)(?:\s+(?:down|me\s+down\s+as|it\s+as))?|"
    r"me llamo|mi nombre es|soy|habla|le habla|pregunten por|preguntar por|pregunte por|"
    r"llamenme|me dicen|solo)\s+",
    re.IGNORECASE,
)
_NAME_FILLER = re.compile(
    # "eh Mateo" (blind es-v13, voice: saved as "Eh")
    r"^\W*(?:(?:uh+|um+|er+|ah+|eh+|mm+|hmm+|oh|well|ok(?:ay)?|so|yeah|yes|si|pues|este|bueno|mire)\W+)+",
    re.I,
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]{0,39}(?:[-'’][^\W\d_]+)?$")
# words that answer something else: never saved as a first name
_NOT_NAMES = frozenset(
    """yes yeah yep yup ya sure ok okay fine y no nope hi hello hey thanks thank thx bye stop
    cancel quit now morning afternoon evening tonight asap later help why what who how when
    do does did can could should would will is are was have has may must give
    where me myself i mom dad son daughter husband wife please his her their he she they
    idk dunno unsure maybe you dont
    don't not nothing whatever its it's just that this sorry wait hold hmm um uh
    si sí claro no nada nadie hola gracias adios ahora ahorita mañana manana tarde noche ya
    yo mi su tu el él la los las un una para por que qué como cómo cuando cuándo donde
    mamá mama papá papa hijo hija esposo esposa perdón perdon espere este ese esta
    but and so well also or then like um oh ah pero y o bueno pues""".split()
)
_YES_LIKE = frozenset("yes yeah yep yup ya sure ok okay y si sí claro sip dale va sale".split())
_NOT_NAMES_IN_REQUEST = frozenset(
    """about for regarding because the a an my his her their our not just really so very
    worried scared calling texting writing asking looking trying urgent important""".split()
)


_NAME_IN_REQUEST = re.compile(
    r"\b(?:my\s+name\s+is|my\s+name'?s|name\s+is|ask\s+for|this\s+is|it'?s|i'?m|i\s+am"
    r"|me\s+llamo|mi\s+nombre\s+es|pregunten\s+por)\s+([^\W\d_][^\W\d_'’-]{1,39})",
    re.IGNORECASE,
)


def first_name_in_request(text: str | None) -> str | None:
    """A first name given with a callback request ("..., my name is Luis"); None if none.
    "this is" counts only before a capitalised word ("this is Ana", not "this is about")."""
    for found in _NAME_IN_REQUEST.finditer(" ".join(str(text or "").split())):
        word = found.group(1)
        lead = found.group(0).lower()
        if lead.startswith(("this", "it", "i")) and not word[0].isupper():
            continue  # "it's Derek" (v13), "I'm Ana"; never "it's about my son"
        name = parse_first_name(word)
        if name not in (None, SKIP) and word.lower() not in _NOT_NAMES_IN_REQUEST:
            return name
    return None


# "W A D E", "w-a-d-e", "B. O. B." (caller role-play round 24: a Suboxone answer): a name
# spelled out letter by letter, as callers do for the person writing it down
_SPELLED = re.compile(r"^(?:[^\W\d_][\s.,-]+){1,14}[^\W\d_]\.?$")
# "my name? Dorothy" (caller role-play round 24): the question echoed before the answer
_ECHOED_QUESTION = re.compile(r"^\W*(?:my\s+|first\s+)?name\s*\?+\s*(?=\S)", re.IGNORECASE)
# "Kayla. afternoon is better" (family role-play round 24): a name said first, then the time
_NAME_THEN_MORE = re.compile(r"^\W*([^\W\d_][^\W\d_'’-]{1,39})\s*[.,;!]\s+\S")


def _as_name(word: str) -> str:
    """A first name as saved: capitalised, at most MAX_NAME_CHARS long."""
    return word[:MAX_NAME_CHARS][0].upper() + word[1:MAX_NAME_CHARS]


def _spelled_name(text: str) -> str | None:
    """The name a person spelled out letter by letter, or None."""
    letters = re.sub(r"[\s.,-]+", "", text)
    if _SPELLED.match(text.strip()) and 3 <= len(letters) <= 15:
        return letters[0].upper() + letters[1:].lower()
    return None


# "Ms. Johnson", "Dr. Priya Nair", "reverend thomas okafor" (caller role-play round 35: saved
# as "Ms"): a title with one name is what to ask for; with two, the first name after it
_TITLE = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|doctor|rev|reverend|pastor|father|sister|brother|prof|professor|"
    # "Officer Ramirez" (stepdown role-play round 37: saved as "Officer")
    r"officer|deputy|detective|sergeant|sgt|agent|coach|nurse|chaplain|"
    r"sr|sra|srta|se[nñ]or|se[nñ]ora|se[nñ]orita|don|do[nñ]a)\.?$",
    re.IGNORECASE,
)
_SHORT_TITLES = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx.", "dr": "Dr.", "rev": "Rev."}


def _with_title(words: List[str]) -> str | None:
    """The name to ask for when the words start with a title, or None."""
    if len(words) < 2 or not _TITLE.match(words[0]):
        return None
    names = [w.strip(".,!") for w in words[1:3]]
    if not all(_NAME_WORD.match(w) and w.lower() not in _NOT_NAMES for w in names[:1]):
        return None
    if len(names) >= 2 and _NAME_WORD.match(names[1]) and names[1].lower() not in _NOT_NAMES:
        return _as_name(names[0])  # "Dr. Priya Nair": Priya
    title = words[0].strip(".,").lower()
    shown = _SHORT_TITLES.get(title, words[0].strip(".,").capitalize())
    return f"{shown} {_as_name(names[0])}"[:MAX_NAME_CHARS]


def parse_first_name(text: str | None) -> str | None:
    """A first name; "skip" when the person declines; None when unclear (e.g. "yes")."""
    cleaned = " ".join(str(text or "").split())[: MAX_NAME_CHARS * 2]
    cleaned = _ECHOED_QUESTION.sub("", cleaned)
    spelled = _spelled_name(_NAME_FILLER.sub("", cleaned))
    if spelled:
        return spelled
    said_first = _NAME_THEN_MORE.match(cleaned)
    if said_first and said_first.group(1).lower() not in _NOT_NAMES:
        rest = cleaned[said_first.end(1) :]
        if parse_best_time(rest) is not None:
            return _as_name(said_first.group(1))
    lowered = cleaned.lower()
    if not cleaned or _SKIP_NAME.search(lowered) or _SKIP_NAME.search(fold(cleaned)):
        return SKIP
    # "uh just put dave" (blind v15, voice: "I didn't catch a name"): fillers, then the lead
    rest = _NAME_FILLER.sub("", cleaned)
    while (shorter := _NAME_LEAD.sub("", rest, count=1)) != rest:
        rest = shorter
    words = rest.strip(" .!,").split()
    if not words:
        return None
    titled = _with_title(words)
    if titled is not None:
        return titled
    first = words[0].strip(".,!")
    if _TITLE.match(first) and len(words) == 1:
        return None  # "Officer" alone: a title, no name to ask for
    if (
        first.lower() in _NOT_NAMES
        or not _NAME_WORD.match(first)
        or "?" in cleaned
        or "¿" in cleaned
    ):
        return None
    if parse_best_time(cleaned) is not None:
        return None  # "as soon as possible" answers the time question, not this one (v5)
    second = words[1].strip(".,!") if len(words) > 1 else ""
    if second.lower() in _SECOND_GIVEN_NAMES and len(words) <= 3:
        # "Maria Elena", "Jose Luis", "Mary Ann" (Spanish role-play round 37: "Maria", and
        # the correction was not taken): one first name in two words
        return f"{_as_name(first)} {_as_name(second)}"[:MAX_NAME_CHARS]
    return _as_name(first)


# "a las 5 de la tarde, me llamo Jose Luis" to the time question (Spanish role-play round 37:
# the whole sentence saved as the time, the name lost)
_NAME_TOLD = re.compile(
    r"\b(?:me\s+llamo|mi\s+nombre\s+es|my\s+name\s+is|my\s+name'?s|call\s+me|ask\s+for)\s+"
    r"([A-Za-zÁÉÍÓÚáéíóúÑñ'-]+(?:\s+[A-Za-zÁÉÍÓÚáéíóúÑñ'-]+)?)",
    re.IGNORECASE,
)


def name_told_with(text: str) -> Tuple[str, str] | None:
    """A first name told in so many words beside another answer ("a las 5 de la tarde, me
    llamo Jose Luis"): the name, and the words before it."""
    found = _NAME_TOLD.search(text)
    if not found:
        return None
    name = parse_first_name(found.group(1))
    if name in (None, SKIP):
        return None
    return name, text[: found.start()].rstrip(" ,.;")


# the second word of a two-word first name (common in Spanish, and Mary Ann, Jo Beth)
_SECOND_GIVEN_NAMES = frozenset(
    """luis carlos elena jose josé maría maria miguel antonio manuel angel ángel eduardo alberto
    francisco javier fernanda guadalupe isabel teresa cristina andrea daniela pablo david
    ann anne lynn sue beth jo lee marie""".split()
)


# "no mejor no" to "may we send one text to confirm?" (Spanish role-play round 24: the whole
# callback request was dropped): a plain no to a yes/no question, not a stop of the questions
_PLAIN_NO = re.compile(
    r"^\W*(?:no+|nope|nah|nel|no\W+mejor\s+no|mejor\s+no|no,?\s+gracias|no,?\s+thanks?|no\s+thank\s+you|"
    r"better\s+not|(?:i'?d\s+)?rather\s+not|prefiero\s+que\s+no|mejor\s+que\s+no)\W*$",
    re.IGNORECASE,
)


def declines_plainly(text: str | None) -> bool:
    """A bare no ("no mejor no", "no thanks", "rather not"), nothing else said."""
    return bool(_PLAIN_NO.match(text or ""))


def is_yes_like(text: str | None) -> bool:
    return " ".join(str(text or "").lower().split()).strip(" .!¡") in _YES_LIKE


# ---------------------------------------------------------------- screening: who for
_SOMEONE_ELSE = re.compile(
    r"\b(someone|somebody|some1|else|other|friend|partner|husband|wife|son|daughter|kid|child|"
    r"mom|mum|mother|dad|father|brother|sister|boyfriend|girlfriend|bf|gf|cousin|uncle|aunt|"
    r"grandson|granddaughter|nephew|niece|roommate|coworker|fiance|fiancee|spouse|they|them|"
    r"he|she|him|her|hes|shes|loved one|hubby|grandma|grandpa|grandmother|grandfather|"
    # "its for my stepson, hes 24" (blind v17: "Sorry, I didn't catch that")
    r"step ?(?:son|daughter|kid|child|dad|mom|father|mother)|patient|client|employee|"
    # Spanish (issue 18), on folded text
    r"alguien|otra persona|otro|otra|amigo|amiga|pareja|esposo|esposa|marido|mujer|hijo|hija|"
    r"hijos|mama|mami|madre|papa|papi|padre|hermano|hermana|novio|novia|primo|prima|tio|tia|"
    r"nieto|nieta|sobrino|sobrina|abuelo|abuela|ella|ellos|ser querido)\b"
)
_MYSELF = re.compile(
    r"\b(me|myself|my self|mine|i|im|i'm|self|for me|my own|personally"
    r"|para mi|pa'? ?mi|mi mismo|mi misma|yo mismo|yo misma|soy yo|es para mi)\b|^\W*yo\W*$"
)
# Spanish "he" before a participle is "I have" ("nunca he ido a rehab", blind es-v7: read as
# the English "he", so the questions were about "that person")
_SPANISH_HE = re.compile(r"\bhe\s+(?:\w*(?:ado|ido|ada|ida)|hecho|visto|dicho|puesto)\b")


def parse_screening_for(text: str | None) -> str | None:
    """ "self" / "other", or None when the answer says neither (a question, say)."""
    lowered = _SPANISH_HE.sub("yo", fold(text))
    if _SOMEONE_ELSE.search(lowered):
        return "other"
    if _MYSELF.search(lowered):
        return "self"
    return None


_A_MAN = re.compile(
    r"\b(?:son|sons|husband|hubby|boyfriend|bf|dad|daddy|father|brother|bro|grandson|nephew|uncle|"
    r"grandpa|grandfather|stepson|stepdad|stepfather|he|him|his|hes|he'?s|"
    r"hijo|esposo|marido|novio|papa|papi|padre|hermano|nieto|sobrino|tio|abuelo|padrastro)\b"
)
_A_WOMAN = re.compile(
    r"\b(?:daughter|wife|girlfriend|gf|mom|mum|mommy|mother|sister|sis|granddaughter|niece|aunt|"
    r"grandma|grandmother|stepdaughter|stepmom|stepmother|she|her|hers|shes|she'?s|pregnant|"
    r"hija|hijas|hijos|esposa|mujer|novia|mama|mami|madre|hermana|nieta|sobrina|tia|abuela|"
    r"madrastra|ella|embarazada)\b"
)


def speaks_only_of_a_man(texts: Iterable[str]) -> bool:
    """The person the screening is for is a man: "my son", "he" and no woman named.

    "Could they be pregnant?" about a son or a husband read as not listening
    (role-play, three parents and partners, 2026-12-03). Anyone else is still asked.
    """
    joined = " ".join(fold(t) for t in texts)
    return bool(_A_MAN.search(joined)) and not _A_WOMAN.search(joined)


# "she is 74", "my 61 year old mom", "my grandmother" (family role-play 2026-12-05: the
# screening asked a 74-year-old whether she could be pregnant)
_PAST_CHILDBEARING = re.compile(
    r"\b(?:grandma|grandmother|granny|abuela)\b|"
    r"\b(?:she'?s|shes|she\s+is|i'?m|im|i\s+am|mom\s+is|mother\s+is|wife\s+is)\s+(?:almost\s+|nearly\s+|over\s+)?"
    r"(?P<age1>[5-9]\d)\b|"
    r"\b(?P<age2>[5-9]\d)\s*(?:-|\s)?\s*(?:yo|y/o|years?\s*-?\s*old|year-old|yr\s+old)\b"
)
PAST_CHILDBEARING_AGE = 55


def speaks_of_an_older_woman(texts: Iterable[str]) -> bool:
    """The person the screening is for is past childbearing age, as said in their words."""
    for found in _PAST_CHILDBEARING.finditer(" ".join(fold(t) for t in texts)):
        age = found.group("age1") or found.group("age2")
        if age is None or int(age) >= PAST_CHILDBEARING_AGE:
            return True
    return False


# ---------------------------------------------------------------- screening: substances
_NO_USE = re.compile(
    r"^\W*(none|nothing|no|nope|i don'?t use( anything)?|dont use( anything)?|"
    r"not using( anything)?|"
    r"i'?m sober|im sober|nothing at all|i don'?t|i'?m clean|im clean|"
    r"nada|ninguna|ninguno|nada de nada|no uso nada|no uso|no consumo( nada)?|no tomo|"
    r"ya no uso nada|estoy sobri[oa])\W*$"
)


def is_no_use(text: str | None) -> bool:
    """A whole answer saying no current use ("nothing"), not "no idea" or "nothing yet, but..."."""
    return bool(_NO_USE.match(" ".join(fold(text).split())))


_UNSURE_WHAT = re.compile(
    r"\b(no idea|no clue|not sure|unsure|not certain|don'?t know|do not know|idk|dunno"
    r"|who knows|can'?t tell|could be anything"
    r"|ni idea|no se(?=$|\W| (si|que|cuanto|cuando|como|nada|bien|exactamente|la verdad))"
    r"|no estoy segur[oa]|quien sabe|no sabria decir|no tengo idea"
    r"|puede ser cualquier cosa)\b"
)


def is_unsure(text: str | None) -> bool:
    """ "No idea", "not sure what": the person does not know (a family member, often)."""
    return bool(_UNSURE_WHAT.search(" ".join(fold(text).split())))


def _substances(text: str) -> bool:
    return bool(substances.categories_in_text(text)) or is_no_use(text) or is_unsure(text)


# ---------------------------------------------------------------- screening: recent care
def care_within_30_days(text: str | None) -> str | None:
    """ "yes" / "no" from a time ("2 weeks ago", "last year") or a yes/no; None if neither.

    A time wins over a yes or no: "yes, detox 2 years ago" is not in the last 30 days.
    """
    when = screening_answers.parse_last_use(text)
    if when is not None:
        return "no" if when == "months" else "yes"
    answer = screening_answers.parse_yes_no(text)
    return None if answer is None else "yes" if answer else "no"


_MONTHS = (
    ("january", "enero"), ("february", "febrero"), ("march", "marzo"), ("april", "abril"),
    ("may", "mayo"), ("june", "junio"), ("july", "julio"), ("august", "agosto"),
    ("september", "septiembre"), ("october", "octubre"), ("november", "noviembre"),
    ("december", "diciembre"),
)  # fmt: skip
_IN_A_MONTH = re.compile(
    r"\b(?:in|back\s+in|since|en|desde|el\s+mes\s+de)\s+("
    + "|".join(n for pair in _MONTHS for n in pair)
    + r")\b"
)


def care_month_within_30_days(text: str | None, today: datetime.date | None = None) -> str | None:
    """ "yes" / "no" from a month named for the stay ("did detox in march"), else None.

    This month or last month can be within 30 days; any other month is not (blind v25,
    read in round 31: "did detox in march, relapsed" in December was taken as recent)."""
    match = _IN_A_MONTH.search(fold(text or ""))
    if not match:
        return None
    named = next(i for i, pair in enumerate(_MONTHS, start=1) if match.group(1) in pair)
    month = (today or datetime.date.today()).month
    return "yes" if (month - named) % 12 in (0, 1) else "no"


_USE_AGAIN = re.compile(
    r"\b(again|relapsed?|slipped|slip|back to|started|picked up|used"
    r"|otra vez|de nuevo|recaida|recayo|recai|volvio a|volvi a|empezo|empece)\b"
)


# "alcohol, every day before detox, nothing since" (blind v22, SMS: read as a yes, the drink named)
_NOTHING_SINCE = re.compile(
    # "heroin, every day before detox. last used the day she went in" (blind v25, read in round
    # 31: taken as a yes, and how often was asked of someone five days out of detox)
    r"\blast\s+(?:used|use|drank|drink|drinks|time|dose|hit|one)\s+(?:was\s+)?(?:on\s+)?(?:the\s+(?:day|night|morning)\s+"
    r"(?:before\s+)?|right\s+before\s+|just\s+before\s+|before\s+)(?:she|he|i|they|we)\s+(?:went\s+in|got\s+there|"
    r"checked\s+in|started|entered|was\s+admitted|got\s+admitted)\b|"
    r"\b(?:haven'?t|havent|hasn'?t|hasnt|have\s+not|has\s+not)\s+used\s+(?:anything|nothing|at\s+all)?\s*since\b|"
    r"\b(?:nothing|none|not\s+(?:a\s+)?(?:drop|thing|once)|clean|sober)(?:\s+at\s+all)?\s+since\b|"
    r"\b(?:haven'?t|havent|have\s+not|hasn'?t|hasnt|didn'?t|didnt)\s+(?:\w+\s+){0,2}?(?:used|drank|drunk|had|touched|"
    r"picked\s+up|taken|smoked)\b[^.!?]{0,25}\bsince\b|"
    r"\bnada\s+desde\b|\bno\s+(?:he|ha)\s+(?:tomado|usado|consumido)\s+(?:nada\s+)?desde\b"
)


def tells_nothing_since(text: str | None) -> bool:
    """ "nothing since", "haven't had a drink since I left": no use since the care."""
    return bool(_NOTHING_SINCE.search(" ".join(fold(text).split())))


def used_since_care(text: str | None) -> str | None:
    """ "yes" / "no" for "used since you left?"; naming a substance or a relapse is a yes."""
    if tells_nothing_since(text):
        return "no"
    answer = screening_answers.parse_yes_no(text)
    if answer is not None:
        return "yes" if answer else "no"
    lowered = " ".join(fold(text).split())
    if substances.categories_in_text(lowered) or _USE_AGAIN.search(lowered):
        return "yes"
    return None


# ---------------------------------------------------------------- screening: prescribed
_PRESCRIBED = re.compile(
    r"\b(prescri\w*|rx|script|my doctor|the doctor|my clinic|the clinic|maintenance|dosing clinic"
    r"|methadone clinic|my psychiatrist|my pcp"
    r"|recet\w*|receta|mi doctor|el doctor|mi medico|el medico|mi clinica|la clinica"
    r"|mi psiquiatra)\b"
)
_NOT_PRESCRIBED = re.compile(
    r"\b(more than (prescribed|the script|my script|i.m supposed|i should|directed)"
    r"|from (two|three|four|several|multiple|different|\d) (doctors|docs|drs)|doctor shopping"
    r"|(run|ran|running) out early|not as prescribed|extra ones?"
    r"|not prescribed|no prescription|without a prescription|off the street|on the street"
    r"|street|not mine|someone else'?s|bought|buy them|buy it"
    r"|mas de lo (recetado|que (me )?(recetaron|receto|mandaron))|de la calle|en la calle"
    r"|sin receta|no (me )?(la |las |lo |los )?(recetaron|receto)|no son mias|no es mia"
    r"|(las|la|lo|los) compro|(las|la|lo|los) compra|comprad[oa]s?|de otra persona)\b"
)


def _not_as_prescribed(text: str) -> bool:
    """Street use or taking it beyond the prescription, unless negated in its clause
    ("same dose for years, never run out early" is as prescribed)."""
    for clause in re.split(r"[,.;:!?\n]+", text):
        match = _NOT_PRESCRIBED.search(clause)
        if match and not screening_answers._negated(
            screening_answers._norm(clause[: match.start()])
        ):
            return True
    return False


def parse_prescribed(text: str | None, named: Iterable[str] = ()) -> List[str] | None:
    """Categories taken as prescribed ([] for none), or None when the answer is unclear.

    Taking more than prescribed, or from several doctors, is not "as prescribed": the
    usual rules for that substance apply (misuse of a prescribed sedative can need detox).

    A yes without a name applies to the one prescribable category named (methadone
    or buprenorphine maintenance is "opioid"). With two named ("methadone from the
    clinic" and "4 xanax bars a day") a bare yes does not say which, and taking street
    benzodiazepines as prescribed hid a past withdrawal seizure behind "the help line
    talks it through" (role-play, 2026-12-03): unclear, so the usual rules decide.
    """
    lowered = " ".join(fold(text).split())
    answer = screening_answers.parse_yes_no(lowered)
    if answer is False or _not_as_prescribed(lowered):
        return []
    mentioned = substances.categories_in_text(lowered) & screening_rules.PRESCRIBABLE
    if mentioned:
        return sorted(mentioned)
    if answer is True or _PRESCRIBED.search(lowered):
        candidates = set(named) & screening_rules.PRESCRIBABLE
        return sorted(candidates) if len(candidates) == 1 else None
    return None


# where street pills come from: "4-6 xanax bars a day from a plug", "gabapentin i buy off a guy"
_FROM_A_SELLER = re.compile(
    r"\b(?:from|off(?:\s+of)?)\s+(?:a|my|the|some|this)\s+(?:plug|dealer|connect|guy\s+i\s+know)\b|"
    r"\bbuy\s+(?:\w+\s+)?(?:from|off(?:\s+of)?)\s+(?:a|some|this|my)\s+(?:guy|dude|friend|plug|dealer)\b"
)
_PRESCRIBER_NAMED = re.compile(
    r"\b(?:from|by|through)\s+(?:her|his|their|my)\s+(?:doctor|doc|clinic|psychiatrist)\b"
)


def prescription_told(text: str | None, named: Iterable[str] = ()) -> List[str] | None:
    """The prescription question answered before it is asked ("xanax bars from a plug": none;
    "on Ativan for 15 years from her doctor": the benzodiazepine), else None (blind v20: asked
    anyway, and the outcome came a turn after the person expected it)."""
    lowered = " ".join(fold(text or "").split())
    if (
        _FROM_A_SELLER.search(lowered)
        or _NOTHING_PRESCRIBED.search(lowered)
        or _not_as_prescribed(lowered)
    ):
        return []
    if _PRESCRIBED.search(lowered) or _PRESCRIBER_NAMED.search(lowered):
        mentioned = substances.categories_in_text(lowered) & screening_rules.PRESCRIBABLE
        return sorted(mentioned) or None
    return None


def mentions_prescription(text: str | None) -> bool:
    """The words speak of a prescription or a prescribable medicine ("my doctor gives me
    them", "methadone"), not only a yes."""
    lowered = " ".join(fold(text).split())
    return bool(_PRESCRIBED.search(lowered) or _MEDICINE_NAMES.search(lowered))


# medicine names (not street words: "dope sick" names no prescription)
_MEDICINE_NAMES = re.compile(
    r"\b(?:methadone|metadona|suboxone|subutex|buprenorphine|buprenorfina|bupe|sublocade|"
    r"naltrexone|vivitrol|xanax|alprazolam|klonopin|clonazepam|ativan|lorazepam|valium|diazepam|"
    r"librium|oxycodone|oxycontin|percocet|hydrocodone|vicodin|norco|tramadol|adderall|gabapentin)\b"
)


# A correction said at a later question (role-plays 2026-12-04: "wait no go back theyre
# not prescribed i get them off my friend", "sorry I hit the wrong one, nothing is
# prescribed": both taken as the next answer, and the outcome spoke of prescribed
# methadone to people using street fentanyl and Xanax)
_NOTHING_PRESCRIBED = re.compile(
    r"\b(?:nothing|none(?:\s+of\s+(?:it|them|that|those))?|neither(?:\s+one)?)\s+"
    r"(?:(?:is|are|was|were|of\s+(?:it|them)\s+(?:is|are)|of\s+(?:it|them)(?:'?s|\s+s))\s+)?prescribed\b|"
    # "none of its prescribed" (blind v24, read in round 30: the question asked again)
    r"\bnone\s+of\s+(?:it|them|its|it'?s)\s+(?:is\s+|are\s+)?prescribed\b|"
    r"\b(?:it'?s|its|they'?re|theyre|they\s+are|thats|that'?s)\s+(?:not|never)\s+"
    r"(?:been\s+)?prescribed\b|"
    r"\b(?:get|got|gets|buy|buys|bought|getting)\s+(?:them|it|those|these)\s+"
    r"(?:from|off(?:\s+of)?)\s+(?:a|my|his|her|their|some|this)\s+"
    r"(?:friend|buddy|guy|dealer|plug|connect|cousin|coworker)\b|"
    # "no es de receta" (blind es-v15, read in round 30: read as prescribed, so the help line
    # instead of detox first for daily GHB with withdrawal)
    r"\bno\s+(?:es|son)\s+(?:recetad[oa]s?|con\s+receta|de\s+receta)\b|\bnada\s+(?:es|est[aá])\s+recetad[oa]\b"
)
_GO_BACK = re.compile(
    # (not "so I go back" to drinking: persona p18, a loop of "I've fixed that")
    r"(?<!\bi\s)(?<!\bso\s)(?<!\band\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bthey\s)\bgo\s+back\b|\b(?:back\s+up|undo|"
    r"(?:hit|pressed|pushed|tapped|clicked|picked|chose|said)\s+the\s+wrong\s+(?:one|button|"
    r"answer|thing|option)|wrong\s+(?:button|answer|option)|i\s+misread|misread\s+(?:it|that)|"
    r"meant\s+to\s+(?:say|press|hit|tap|put)|i\s+meant\s+(?:no|yes)|"
    r"(?:that|that'?s|thats)\s+(?:was\s+)?(?:wrong|not\s+right)|"
    r"me\s+equivoqu[eé]|(?:puse|apret[eé]|marqu[eé])\s+(?:el|la)\s+(?:equivocad[oa]|"
    r"incorrect[oa]))\b"
)


def states_not_prescribed(text: str | None) -> bool:
    """Says outright that nothing is prescribed (street use, from a friend), at any question."""
    lowered = " ".join(fold(text).split())
    return bool(_NOTHING_PRESCRIBED.search(lowered))


# "wait no i meant weekends", "sorry i meant every day", "no wait, its more like weekends"
_CORRECTS = re.compile(
    r"^\W*(?:(?:wait|hold\s+on|sorry|oops|oh|um+)\W+)*(?:no\W+)?(?:wait\W+)?"
    r"(?:i\s+meant|i\s+mean|i\s+meant\s+to\s+say|meant|correction|actually\s+(?:it'?s|its|it\s+was|more\s+like|only)|"
    r"no\W+(?:it'?s|its)\s+(?:more\s+like|only|just)|i\s+was\s+wrong|my\s+bad|scratch\s+that|"
    # "wait, actually he drinks every day, not weekends" (family role-play round 34: ignored,
    # and "IOP may fit" from the weekends it corrected)
    r"actually\s+(?:he|she|they|i|we)\s+(?:\w+\s+)?(?:drinks?|drank|uses?|used|takes?|took|smokes?|smoked|"
    r"does|did|only|last)|actually\s+(?:every|daily|weekends?|most|once|twice|a\s+few|yesterday|today|last))\b|"
    r"^\W*(?:wait\W+no|no\W+wait)\b|"
    # "no he drinks every day actually"
    r"^\W*no\W+(?:he|she|they|i|it)\b.{0,60}\bactually\W*$"
)


def corrects_an_answer(text: str | None) -> bool:
    """ "wait no i meant weekends": an earlier answer said again, corrected."""
    lowered = " ".join(fold(text).split())
    return bool(_CORRECTS.search(lowered))


def takes_back_an_answer(text: str | None) -> bool:
    """ "wait no go back", "I hit the wrong one", "i misread": the last answer was a mistake."""
    lowered = " ".join(fold(text).split())
    return bool(_GO_BACK.search(lowered))


# "this one", "use this number", "the one im calling from": yes to the offered number
_THIS_NUMBER = re.compile(
    # "this numbr" (blind v22, SMS: the offer asked four times)
    r"\b(?:this|that|same|my|dis|thsi|tis)\s+(?:one\b|number\b|numbr\b|numba\b|nmbr\b|num\b|#|phone\b|cell\b|#\s*is\s+fine)(?!\s+is\s+\d)|"
    r"\bthe\s+(?:one|number)\s+(?:i'?m|im|i\s+am)\s+(?:calling|texting|using)\b|"
    r"\b(?:calling|texting)\s+from\b|"
    # Spanish (issue 18), on folded text: "a este", "este numero", "al mismo"
    r"^\W*(?:a |al )?(?:este|ese|el mismo|mismo)(?:\s+(?:mismo|numero|telefono|cel|celular))*\W*$|"
    # "aqui mismo", "a este nomas" (blind es-v11, SMS: the offer asked four times)
    r"^\W*(?:si\W+)?(?:aqui|aca|ahi)(?:\s+mismo)?(?:\s+(?:nomas|porfa|por\s+favor))?\W*$|"
    r"^\W*(?:si\W+)?a\s+este(?:\s+(?:nomas|mismo|porfa))?\W*$|"
    r"\b(?:este|ese|mismo|mi)\s+(?:numero|telefono|celular|cel)\b(?!\s+es\s+\d)|"
    r"\bdesde\s+el\s+que\s+(?:le\s+)?(?:escribo|llamo|estoy\s+(?:escribiendo|llamando))\b",
    re.IGNORECASE,
)


def _names_own_number(pattern: re.Pattern[str], text: str | None) -> bool:
    """``pattern`` in the words (as written or folded) and no digits of a number."""
    cleaned = str(text or "")
    found = pattern.search(cleaned) or pattern.search(fold(cleaned))
    return bool(found) and not re.search(r"\d{3}", cleaned)


def is_this_number(text: str | None) -> bool:
    """The person means the number they are texting or calling from (no digits given)."""
    return _names_own_number(_THIS_NUMBER, text)


# stricter, for a number already given: "use my number", "just call this one", "the one i'm
# calling from". "he looks at my phone" (the texting question, caller role-play round 19) is
# no request to switch the call to the caller's own phone
_USE_THIS_NUMBER = re.compile(
    r"\b(?:use|call|try|text|call\s+me\s+(?:on|at)|put\s+it\s+(?:on|to))\s+(?:this|that|my|the\s+same)\s+"
    r"(?:one|number|#|phone|cell|line)\b(?!\s+is\s+\d)|"
    r"\bthe\s+(?:one|number)\s+(?:i'?m|im|i\s+am)\s+(?:calling|texting|using)\b|"
    r"^\W*(?:just\s+)?(?:this|that|the\s+same|same)\s+(?:one|number|#)(?:\s+(?:please|pls|is\s+fine|its\s+fine))?\W*$|"
    r"\b(?:usen|llamen\s+a|al)\s+(?:este|mismo|mi)\s*(?:numero|telefono|cel|celular)?\b",
    re.IGNORECASE,
)


def asks_for_this_number(text: str | None) -> bool:
    """A request to use the number they text or call from, said plainly (no digits)."""
    return _names_own_number(_USE_THIS_NUMBER, text)


_OTHER_NUMBER = re.compile(
    r"\b(?:a\s+|an\s+|my\s+)?(?:different|another|other|diff|new|separate|second)\s+"
    r"(?:number|phone|cell|#|line)\b|\bnot\s+(?:this|that)\s+(?:one|number|phone)\b|"
    r"\b(?:otro|otra|diferente)\s+(?:n[uú]mero|tel[eé]fono|cel(?:ular)?)\b|"
    r"\b(?:n[uú]mero|tel[eé]fono|cel(?:ular)?)\s+(?:diferente|distinto)\b|"
    # "nvm just call my cell instead", "use my work number" (texter role-play round 17: the
    # call stayed on the wife's phone)
    r"\b(?:call|use|try|reach\s+me\s+on|call\s+me\s+on)\s+(?:me\s+(?:on|at)\s+)?my\s+(?:cell|mobile|work|home|office)"
    r"(?:\s+(?:number|phone|line|#))?\b|\bmy\s+(?:cell|mobile|work\s+(?:number|phone|line))\s+instead\b|"
    r"\b(?:a|al)\s+mi\s+(?:celular|cel|trabajo)\b",
    re.IGNORECASE,
)


_CHANGE_NUMBER = re.compile(
    r"\b(?:change|fix|correct|update)\s+(?:the|my|that)\s+(?:phone\s+)?number\b|"
    r"\b(?:not|wrong)\s+(?:that|this|the)\s+number\b|\bcambi(?:ar|e|en)\s+(?:el|mi)\s+n[uú]mero\b|"
    # "oh wait sorry i messed up his number. its 773-555-0184 not 0148" (family role-play round
    # 38: the detox offer, and the wrong number stayed saved)
    r"\b(?:messed\s+up|got\s+wrong|typed\s+wrong|mistyped|screwed\s+up|gave\s+(?:you\s+)?the\s+wrong)\s+"
    r"(?:the\s+|his\s+|her\s+|my\s+|their\s+)?(?:phone\s+|cell\s+)?(?:number|#|digits?)\b|"
    r"\bwrong\s+(?:phone\s+)?number\b|\b(?:typo|mistake)\s+in\s+(?:the|his|her|my|their)\s+(?:phone\s+)?number\b|"
    r"\bthe\s+(?:right|correct|real)\s+number\s+is\b|"
    r"\bme\s+equivoqu[eé]\s+(?:de|en\s+el)\s+n[uú]mero\b|\bel\s+n[uú]mero\s+(?:correcto|bueno)\s+es\b",
    re.IGNORECASE,
)
# with a number said in the same message: "no wait, not that one! I said my cell. three oh
# one..." (caller role-play round 19: the refused house phone was saved)
_MY_OTHER_PHONE = re.compile(
    r"\b(?:not|wrong)\s+(?:that|this|the)\s+(?:one|phone)\b|\bi\s+said\s+(?:my\s+)?(?:cell|number|mobile)\b|"
    r"\b(?:call|use)\s+my\s+(?:cell|mobile|other\s+number)\b|\bmy\s+(?:cell|mobile)\s+(?:is|number\s+is)\b|"
    r"\bno\s+(?:es\s+)?ese\s+(?:n[uú]mero|tel[eé]fono)\b|\bmi\s+(?:cel|celular)\s+es\b",
    re.IGNORECASE,
)


def changes_the_number(text: str | None) -> bool:
    """The person wants the call on another number than the one given before."""
    return bool(_CHANGE_NUMBER.search(str(text or ""))) or is_other_number(text)


def corrects_the_number(text: str | None) -> bool:
    """A number for the call with words that correct the one given before."""
    cleaned = str(text or "")
    said = _CHANGE_NUMBER.search(cleaned) or _MY_OTHER_PHONE.search(cleaned)
    return bool(said) and phone.parse_phone_answer(cleaned).status is phone.PhoneStatus.OK


def is_other_number(text: str | None) -> bool:
    """ "a different number", "not this one": a no to "should they call this number?"
    (v8, voice: read as asking for a person, and the call was transferred)."""
    cleaned = str(text or "")
    return bool(_OTHER_NUMBER.search(cleaned)) and not re.search(r"\d{3}", cleaned)


def _yes_no(text: str) -> bool:
    return screening_answers.parse_yes_no(text) is not None or bool(
        screening_answers._UNSURE_ANSWER.search(screening_answers._norm(text))
    )


def _symptoms(text: str) -> bool:
    named = screening_answers.parse_symptoms(text) or screening_answers.parse_emergency(text)
    return bool(named) or _yes_no(text)


def _phone(text: str) -> bool:
    return phone.parse_phone_answer(text).status is not phone.PhoneStatus.INVALID


PARSERS: Dict[str, Callable[[str], bool]] = {
    "screening_for": lambda t: parse_screening_for(t) is not None,
    "screening_recent_care": _yes_no,
    "screening_substances": _substances,
    "screening_frequency": lambda t: screening_answers.parse_frequency(t) is not None,
    "screening_last_use": lambda t: screening_answers.parse_last_use(t) is not None,
    "screening_symptoms": _symptoms,
    "screening_complicated_history": _yes_no,
    "screening_care_30_days": lambda t: care_within_30_days(t) is not None or _yes_no(t),
    "screening_use_since_care": lambda t: used_since_care(t) is not None or _yes_no(t),
    "screening_prescribed": lambda t: (
        parse_prescribed(t, screening_rules.PRESCRIBABLE) is not None or _yes_no(t)
    ),
    "screening_emergency_now": _yes_no,
    "screening_drinks": lambda t: screening_answers.parse_drinks(t) is not None,
    "screening_pregnant": lambda t: screening_answers.parse_pregnant(t) is not None or _yes_no(t),
    "screening_age": lambda t: screening_answers.parse_age_65_plus(t) is not None or _yes_no(t),
    "screening_medical": lambda t: (
        screening_answers.parse_sometimes_yes(t) is not None or _yes_no(t)
    ),
    "screening_blackouts": lambda t: (
        screening_answers.parse_sometimes_yes(t) is not None or _yes_no(t)
    ),
    "callback_use_caller_number": lambda t: (
        _yes_no(t) or _phone(t) or is_this_number(t) or is_other_number(t)
    ),
    "callback_phone": _phone,
    "callback_best_time": lambda t: parse_best_time(t) is not None,
    "callback_name": lambda t: parse_first_name(t) not in (None,),
    "callback_consent": _yes_no,
}


def accepts(slot: str | None, text: str | None) -> bool:
    """True when ``text`` is an answer to the question for ``slot``."""
    parser = PARSERS.get(slot or "")
    return bool(parser and text and text.strip() and parser(text.strip()))


# "if he answers, will they tell him what it's about?", "is the call confidential? my
# husband might pick up" (role-play 2026-12-04): asked inside the callback questions
_CALL_PRIVATE = re.compile(
    r"\b(?:tell|say|mention|explain|know|find\s+out)\b[^.?!]{0,40}\b(?:what\s+(?:it'?s|its|it\s+is|this\s+is|"
    r"the\s+call\s+is)\s+(?:about|for)|(?:that|where|who)\s+(?:i'?m|im|i\s+am|they'?re)?\s*call\w*|i\s+called|"
    r"i\s+(?:reached\s+out|wrote|texted|contacted))\b|"
    r"\b(?:confidential|private|privately|discreet|discrete|on\s+the\s+down\s*low)\b|"
    r"\b(?:he|she|they)\s+(?:can'?t|cannot|cant|must\s+not|shouldn'?t)\s+(?:know|find\s+out)\b|"
    r"\b(?:husband|wife|partner|boyfriend|girlfriend|parents?|mom|dad|boss|he|she|someone\s+else)\s+"
    r"(?:might|may|could|will|would|sometimes)\s+(?:answer|pick\s+up|see|hear)\b|"
    r"\b(?:confidencial|privad[oa]|discret[oa])\b|\bno\s+(?:puede|debe)\s+saber\b|"
    # "will they leave a voicemail that says rehab?", "if it goes to voicemail" (family
    # role-play 2026-12-05: asked by all four people who booked a callback, never answered)
    r"\bvoice\s*-?\s*mail\b|\bleave\s+a\s+message\b|\bbuz[oó]n\b|\bmensaje\s+de\s+voz\b"
)


# "don't leave a voicemail, he checks my phone", "if i dont answer just dont leave anything",
# "no voicemail pls", "no deje mensaje de voz" (family role-play round 29: never noted)
_NO_VOICEMAIL = re.compile(
    r"\b(?:don'?t|dont|do\s+not|never|pls\s+don'?t|please\s+don'?t)\s+(?:\w+\s+){0,2}?leave\s+"
    r"(?:a\s+|any\s+|me\s+a\s+|me\s+any\s+)?(?:voice\s*-?\s*mails?|vm|messages?|anything|msgs?)\b|"
    r"\bno\s+(?:voice\s*-?\s*mails?|vms?|messages?\s+(?:on|in)\s+(?:my|the)\s+(?:phone|voicemail))\b(?!\s*\?)|"
    r"\b(?:without|w/?o)\s+(?:leaving\s+)?(?:a\s+)?(?:voice\s*-?\s*mail|message)\b|"
    r"\bno\s+(?:me\s+)?(?:deje[ns]?|dejar)\s+(?:ning[uú]n\s+|un\s+)?(?:mensajes?(?:\s+de\s+voz)?|recados?|nada\s+en\s+el\s+buz[oó]n|"
    r"voice\s*-?\s*mails?|buz[oó]n)\b|"
    r"\bsin\s+(?:dejar\s+)?(?:mensajes?\s+de\s+voz|recados?)\b"
)


def without_the_voicemail_request(text: str | None) -> str:
    """The text with its "don't leave a voicemail" taken out, so the "don't" answers nothing
    else ("si mandame el texto pero no dejen voicemail porfa", blind es-v16, read in round 31:
    the consent question again)."""
    clean = " ".join(str(text or "").lower().replace("\u2019", "'").split())
    return _NO_VOICEMAIL.sub(" ", clean)


# "Can your help line call HER directly?", "have them call my client, not me" (family
# role-play round 37: a social worker was offered her own number, and the call would have
# asked the client's phone for her): the number and the name are the other person's
_OTHER_PERSON = (
    r"(?:her|him|my\s+(?:client|patient|son|daughter|husband|wife|brother|sister|mom|mother|dad|"
    r"father|friend|partner|boyfriend|girlfriend|nephew|niece|grandson|granddaughter|resident|"
    r"cousin|uncle|aunt|kid|child))"
)
_CALL_OTHER_PERSON = re.compile(
    r"\b(?:can|could|will|would|please)\s+(?:you|u|they|someone|somebody|y'?all|your\s+(?:help\s*line|"
    r"team|staff|intake(?:\s+team)?|people|counselors?))\s+(?:please\s+|just\s+)?(?:call|reach\s+out\s+to|reach|"
    rf"contact|phone)\s+{_OTHER_PERSON}\b|"
    rf"\b(?:have|get)\s+(?:them|someone|somebody|your\s+\w+(?:\s+\w+)?)\s+(?:to\s+)?call\s+{_OTHER_PERSON}\b|"
    rf"\bcall\s+{_OTHER_PERSON}\s+(?:directly|instead)\b|"
    rf"\b(?:call|reach|contact)\s+{_OTHER_PERSON}\b[^.!?]{{0,40}}\bnot\s+me\b|"
    r"\b(?:ll[aá]men(?:le)?|ll[aá]mele|pueden\s+llamar(?:le)?|puede\s+llamar(?:le)?)\s+a\s+(?:ella|[eé]l|mi\s+"
    r"(?:cliente|paciente|hij[oa]|espos[oa]|herman[oa]|mam[aá]|pap[aá]))\b",
    re.IGNORECASE,
)
# the name to ask for when the call is to someone else ("have them ask for Tanya", "her name
# is Tanya"), never the writer's own ("Hi this is Maria")
_THEIR_NAME = re.compile(
    r"\b(?:ask\s+for|(?:her|his|their|the\s+client'?s|the\s+patient'?s)\s+name\s+is|(?:she|he)\s+goes\s+by|"
    r"pregunten\s+por|se\s+llama)\s+([^\W\d_][^\W\d_'’-]{1,39})",
    re.IGNORECASE,
)


# "just dont call me, text this number is fine" after arranging a call for a client (stepdown
# role-play round 38: the client's call was cancelled): the writer declines a call to
# themselves; cancelling the call itself says so ("cancel it", "don't call him")
_NOT_ME = re.compile(
    r"\b(?:don'?t|dont|do\s+not|no\s+need\s+to|pls\s+dont|please\s+don'?t)\s+(?:\w+\s+)?call\s+me\b|"
    r"\bnot\s+me\b|\bno\s+me\s+llamen?\s+a\s+m[ií]\b|\ba\s+m[ií]\s+no\s+me\s+llamen\b",
    re.IGNORECASE,
)
_CALL_ITSELF_CANCELLED = re.compile(
    r"\b(?:cancel|never\s*mind|nvm|forget\s+(?:it|the\s+call)|call\s+off|"
    r"(?:don'?t|dont|do\s+not)\s+call\s+(?:him|her|them|anyone|anybody|at\s+all)|"
    r"cancel[ae]|ya\s+no\s+(?:le\s+)?llamen|no\s+(?:le|lo|la)\s+llamen)\b",
    re.IGNORECASE,
)


def declines_only_a_call_to_the_writer(text: str | None) -> bool:
    """ "don't call ME" said about a call arranged for someone else: not a cancellation."""
    clean = " ".join(str(text or "").replace("\u2019", "'").split())
    return bool(_NOT_ME.search(clean)) and not _CALL_ITSELF_CANCELLED.search(clean)


def asks_to_call_someone_else(text: str | None) -> bool:
    """The call back is asked for someone else's phone, not the writer's."""
    return bool(_CALL_OTHER_PERSON.search(" ".join(str(text or "").split())))


def their_name_in_request(text: str | None) -> str | None:
    """The first name to ask for when the call is to someone else; None if not given."""
    found = _THEIR_NAME.search(" ".join(str(text or "").split()))
    if not found:
        return None
    name = parse_first_name(found.group(1))
    return None if name in (None, SKIP) else name


def asks_for_no_voicemail(text: str | None) -> bool:
    """The person asks that no voicemail be left when the callback goes unanswered."""
    clean = " ".join(str(text or "").lower().replace("\u2019", "'").split())
    return bool(_NO_VOICEMAIL.search(clean))


def asks_if_the_call_is_private(text: str | None) -> bool:
    """Whether the person asks if the callback will be discreet (who answers, what is said)."""
    return bool(_CALL_PRIVATE.search(" ".join(str(text or "").lower().split())))


# "no texts please, he reads my phone" said before the texting question (round 20's open
# list: the question was asked anyway, and a "yes" to another question could send one)
_NO_TEXTS = re.compile(
    r"\b(?:(?:please|pls|plz)\s+)?(?:don'?t|dont|do\s+not|never)\s+(?:send\s+(?:me\s+)?(?:a\s+|any\s+)?)?"
    r"(?:text|txt|texts|txts|message|msg)(?:ing)?(?:\s+me)?\b|"
    r"\bno\s+(?:texts?|txts?|text\s+messages?|messages)\b|\bi\s+(?:don'?t|dont|do\s+not)\s+(?:do\s+)?(?:the\s+)?texting\b|"
    # "it's a landline honey, it can't get texts" (blind v24, read in round 30: asked again,
    # then nothing was saved)
    r"\b(?:it|phone|this|that|mine)\s*(?:'s|s|\s+is)?\s+(?:a\s+)?land\s?line\b|\bland\s?line\s+(?:only|phone)\b|"
    r"\b(?:can'?t|cant|cannot|doesn'?t|doesnt|does\s+not|won'?t|wont|don'?t|dont)\s+(?:get|take|receive|do|read)\s+"
    r"(?:texts?|txts?|text\s+messages?|messages)\b|"
    r"\bno\s+(?:me\s+)?(?:manden|env[ií]en|escriban|mande|env[ií]e|escriba)\s+(?:ning[uú]n\s+)?"
    r"(?:mensajes?|textos?)\b|\bsin\s+(?:mensajes|textos)\b",
    re.IGNORECASE,
)


def says_no_texts(text: str | None) -> bool:
    """The person said not to text them ("don't text me", "no mensajes")."""
    return bool(_NO_TEXTS.search(" ".join(str(text or "").split())))
