"""What a person's own words mean as screening answers: free text -> the rules' values.

"every day", "a fifth of vodka", "last night", "shaking but no seizures" become the
values :mod:`iop_assistant.screening_rules` decides on. Negation, tense ("I had a
seizure last year" is history, not an emergency) and hedges are read per clause.
Spanish answers are read too (issue 18): "todos los días", "anoche", "hace 2 días",
"temblores y sudor", "una botella", "tengo 67"; accents are folded first ("sí" is
"si", "mañana" is "manana"), so the patterns are written without them.
Like the rules, it imports only the standard library.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, List, Set, Tuple

from iop_assistant.screening_rules import FREQUENCIES, LAST_USE, NO_SYMPTOMS


def fold(text: str | None) -> str:
    """Lower-case without accents: "Sí, MAÑANA" -> "si, manana" (Spanish answers)."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# texting shorthand for times ("got out of detox last wk", blind v21 SMS: the care question
# was asked again; "last nite")
_SHORTHAND = {
    "wk": "week",
    "wks": "weeks",
    "hr": "hour",
    "hrs": "hours",
    "yr": "year",
    "yrs": "years",
    "mos": "months",
    "nite": "night",
    "tonite": "tonight",
    "yday": "yesterday",
    "yest": "yesterday",
}


def _norm(text: str | None) -> str:
    """Lower-case, fold accents, drop apostrophes, turn other punctuation into spaces, and
    spell out texting shorthand for times."""
    if not text:
        return ""
    lowered = fold(text).replace("'", "").replace("\u2019", "").replace("_", " ")
    words = re.sub(r"[^a-z0-9/+\- ]", " ", lowered).split()
    return " ".join(_SHORTHAND.get(word, word) for word in words)


_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "couple": 2,
    "couple of": 2,
    "few": 3,
    "several": 4,
    # Spanish (issue 18)
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "un par de": 2,
    "unos": 3,
    "unas": 3,
    "unos cuantos": 3,
    "unas cuantas": 3,
    "varios": 4,
    "varias": 4,
}
_NUMBER = (
    r"(\d+|a few|a couple of|a couple|couple of|couple|few|several|an|a|one|two|three"
    r"|four|five|six|seven|eight|nine|ten"
    r"|un par de|unos cuantos|unas cuantas|unos|unas|varios|varias|uno|una|un|dos|tres"
    r"|cuatro|cinco|seis|siete|ocho|nueve|diez)"
)


def _number(word: str) -> int:
    """ "3", "three", "a few" -> 3; vague words get a typical value."""
    word = word.removeprefix("a ")
    return int(word) if word.isdigit() else _WORD_NUMBERS.get(word, 1)


def _first(text: str, patterns: Iterable[Tuple[str, str]]) -> str | None:
    """The value of the first pattern that matches, in order (most specific first)."""
    for pattern, value in patterns:
        if re.search(pattern, text):
            return value
    return None


# Frequency: each pattern consumes its words, so "almost every day" is not also "every day".
_PER_WEEK = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:-|to|or)\s*{_NUMBER})?\s*(?:x|times?|days?|nights?)\s*"
    r"(?:a|per|each|every|/)\s*(?:week|wk)\b"
    # Spanish: "3 o 4 dias a la semana", "dos veces por semana"
    rf"|\b{_NUMBER}(?:\s*(?:-|a|o|y)\s*{_NUMBER})?\s*(?:veces|vez|dias|noches)\s*"
    r"(?:a la|por|cada|en la|/)\s*semana\b"
)
_FREQUENCY_PATTERNS: Tuple[Tuple[str, str], ...] = (
    (
        r"\b(most days|most nights|most evenings|most of the week|almost (every|each) ?day"
        r"|almost daily"
        r"|nearly (every|each) ?day|nearly daily|near daily|every other (day|night)|weekdays"
        r"|most_days|4 6 days"
        r"|casi todos los dias|casi todas las noches|casi (a )?diario|la mayoria de los dias"
        r"|dia (de por medio|si y dia no)|un dia si y (otro|un dia) no|entre semana)\b",
        "most_days",
    ),
    (
        r"\b(less often|less than (once a )?week(ly)?|rarely|hardly|monthly|a month|per month"
        r"|occasionally|now and then"
        r"|once in a while|special occasions|not often|every few weeks|holidays"
        r"|menos de una vez (a la|por) semana|casi nunca|rara vez|de vez en cuando|al mes"
        r"|por mes|cada mes|una vez al mes|en fiestas|ocasiones especiales|cada cuando)\b",
        "less",
    ),
    (
        r"\b(weekly|once a week|twice a week|every week|a week|per week|weekends?"
        r"|every weekend|on weekends"
        # named days of a week, "4-5 on fri and sat" (blind v25, read in round 31: asked
        # again, then "don't know")
        r"|(on )?(fri|friday|fridays|sat|saturday|saturdays|thurs|thursday|thursdays|sun|sunday)"
        r"( nights?)? (and|n|&|or) (fri|friday|fridays|sat|saturday|saturdays|sun|sunday|sundays)"
        r"|on (fridays|saturdays|sundays)|(los )?(viernes|sabados?) y (sabados?|domingos?)"
        r"|cada semana|todas las semanas|una vez (a la|por) semana|a la semana|por semana"
        r"|semanal|cada fin de semana|los fines de semana|fines de semana|fin de semana)\b",
        "weekly",
    ),
    (
        r"\b(every ?day|evry ?day|everyday|errday|erryday|daily|all day|every (night|morning)"
        r"|each day|24/7|24 7|all the time|constantly|non ?stop|around the clock"
        r"|(a|per) day|(a|per) night|nightly|every evening|each evening|every afternoon"
        r"|todos los dias|todo el dia|todas las noches|todas las mananas|todas las tardes"
        r"|diario|a diario|diariamente|cada dia|cada noche|al dia|por dia|todo el tiempo"
        r"|sin parar"
        # "every couple hours day and night" (blind v22, GHB: no answer, asked again)
        r"|every (couple|few|2|3|4|two|three|four) (of )?hours|day and night|night and day"
        r"|cada (dos|tres|2|3) horas|dia y noche)\b",
        "daily",
    ),
)


def _per_week(match: re.Match[str]) -> str:
    """ "3-4 days a week" style answers; a range counts at its top (the safer side)."""
    days = max(_number(g) for g in match.groups() if g)
    if days >= 7:
        return "daily"
    return "most_days" if days >= 4 else "weekly"


def parse_frequency(text: str | None) -> str | None:
    """How often: "daily", "most_days" (4-6 days a week), "weekly", "less", or None if unsure.

    "A few times a week" and "weekends" count as weekly; "every other day" as most days.
    When the text names several ("weekends, lately every day"), the most frequent wins:
    reading use as heavier than it is only sends someone to the help line sooner.
    "Not every day" is dropped rather than guessed at.
    """
    t = _norm(text)
    if t in FREQUENCIES:
        return t
    # "every single day", "every blessed night" (round 22: no answer, so "don't know")
    t = re.sub(
        r"\bevery (?:single|blessed|damn|dang|freaking|fucking|other) (day|night)\b",
        lambda m: m.group(0) if "other" in m.group(0) else f"every {m.group(1)}",
        t,
    )
    # "i dont drink every day, only like 4 days a week" (persona p22: read as daily)
    t = re.sub(
        r"\b(?:not|dont|do not|doesnt|does not|never) (?:\w+ )?(every ?day|daily)\b"
        r"|\bno (todos los dias|diario|a diario)\b",
        " ",
        t,
    )
    found = [_per_week(match) for match in _PER_WEEK.finditer(t)]
    t = _PER_WEEK.sub(" ", t)
    for pattern, value in _FREQUENCY_PATTERNS:
        if re.search(pattern, t):
            found.append(value)
            t = re.sub(pattern, " ", t)
    return min(found, key=FREQUENCIES.index) if found else None


# "for like 3 yrs", "for about a year", "for the past 5 years": how long, not how recent
# (blind v17: "every day for like 3 yrs" was read as last used months ago, and a daily
# Xanax user with withdrawal got "IOP may fit")
_UNIT = re.compile(
    r"\b(for\s+(?:(?:like|about|around|almost|nearly|over|maybe|roughly|probably|at least"
    r"|the\s+(?:past|last)|a\s+good)\s+)*)?"
    rf"{_NUMBER}\s*\+?\s*(hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)\b"
    # Spanish: "hace 2 dias" is how recent; "desde hace / por / llevo 10 anos" is how long
    rf"|\b(desde\s+hace\s+|por\s+|durante\s+|llevo\s+|lleva\s+)?(?:hace\s+)?{_NUMBER}"
    r"\s*(horas?|dias?|semanas?|mes|meses|anos?)\b"
)
_OVER_A_MONTH = re.compile(
    r"\b(over|more than|longer than) (a|one|1) month\b|\bmas de (un|1) mes\b"
)
_ABSTINENT = re.compile(
    r"\b(sober|clean|quit|stopped|off|havent|have not|not (used|drank|had)"
    r"|sobri[oa]|deje|dejo|sin (usar|tomar|beber|consumir)|no (he|ha) (usado|tomado|bebido))\b"
)
_WEEKDAY = (
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|wed|thurs|fri|sat|sun)"
)
_DIA = r"(lunes|martes|miercoles|jueves|viernes|sabado|domingo)"
_WEEKDAY_LAST = re.compile(
    rf"\blast {_WEEKDAY}\b|\blast (time|use|used|drink|drank|one|dose|hit)( was)?( on)?"
    rf"( this| last| a)? {_WEEKDAY}\b|\b(el|este) {_DIA} pasado\b"
    rf"|\b(la ultima vez|ultima vez)( fue)?( el)? {_DIA}\b"
)
_RECENCY_PHRASES: Tuple[Tuple[str, str], ...] = (
    (
        r"\b(today|this morning|this afternoon|this evening|tonight|last night|right now|just now"
        r"|still (drinking|using)|currently (drinking|using|high|drunk)|(drunk|high) (right )?now"
        # texted (v12: "last nite" shifted every later answer by one question)
        r"|last nite|lastnight|last nyt|tonite|2nite|this mornin|earlier today|few hours ago"
        r")\b",
        "today",
    ),
    (
        # (not a weekday name: "saturday for wine" as "days" turned three screening personas
        # into detox first; how long ago a weekday was is the screening rules' call)
        r"\b(yesterday|yday|yest|yesturday|the other day|this week|last weekend)\b",
        "days",
    ),
    (r"\b(last week|last month)\b", "weeks"),
    (r"\b(a long time|long time ago|ages ago|last year)\b", "months"),
    # Spanish (issue 18)
    (
        r"\b(hoy|esta manana|esta tarde|esta noche|anoche|ahorita|ahora mismo|hace (un )?rato"
        r"|hace (unas|un par de|pocas) horas|(sigo|sigue|todavia esta|todavia estoy)"
        r" (tomando|usando|bebiendo|consumiendo))\b",
        "today",
    ),
    (
        r"\b(ayer|antier|anteayer|antes de ayer|el otro dia|esta semana"
        r"|el fin de semana pasado|el fin pasado)\b",
        "days",
    ),
    (r"\b(la semana pasada|el mes pasado)\b", "weeks"),
    # not "todos los dias desde hace anos" (how long: blind es-v19, read in round 33: a daily
    # drinker's last drink read as years ago, and "IOP may fit")
    (
        r"(?<!dias desde )(?<!diario desde )(?<!dia desde )"
        r"\b(hace mucho( tiempo)?|hace tiempo|el ano pasado|hace anos)\b",
        "months",
    ),
)
# Only used when nothing more specific matched ("days ago" but not "10 days ago").
_BARE_UNITS: Tuple[Tuple[str, str], ...] = (
    (r"\b(hours|horas)\b", "today"),
    (r"\b(days|dias)\b", "days"),
    (r"\b(weeks|semanas)\b", "weeks"),
    (r"\b(months|years|meses|anos)\b", "months"),
)


def _by_unit(count: int, unit: str) -> str:
    """Turn "N units" into a bucket; exactly one month stays in weeks (1-4 weeks)."""
    if unit.startswith(("hour", "hr", "hora")):
        return "today"
    if unit.startswith(("day", "dia")):
        return "days" if count < 7 else "weeks" if count <= 30 else "months"
    if unit.startswith(("week", "wk", "semana")):
        return "weeks" if count <= 4 else "months"
    if unit.startswith(("month", "mo", "mes")):
        return "weeks" if count <= 1 else "months"
    return "months"


def _last_use_candidates(t: str) -> List[str]:
    """Every bucket the text points at; "for 10 years" alone is how long, not how recent."""
    found = [value for pattern, value in _RECENCY_PHRASES if re.search(pattern, t)]
    abstinent = bool(_ABSTINENT.search(t))
    for match in _UNIT.finditer(_OVER_A_MONTH.sub(" ", t)):
        duration, number, unit = match.group(1, 2, 3) if match.group(3) else match.group(4, 5, 6)
        if duration and not abstinent:
            continue
        found.append(_by_unit(_number(number), unit))
    if _OVER_A_MONTH.search(t):
        found.append("months")
    return found


# "daily for years" says how long, and nothing about when last used
_FOR_A_LONG_TIME = re.compile(
    r"\b(for|since) (like |about |many |so many |a few |several )?(years|months|ages|forever)\b"
)
_A_DAY_WITHOUT = re.compile(
    r"\b(miss(es|ed|ing)?|without|skip(s|ped|ping)?|go(es)?|went) (a|one|1) (whole )?day\b"
)


def parse_last_use(text: str | None) -> str | None:
    """When last used: "today" (last 24 hours, incl. last night), "days" (1-6 days),
    "weeks" (1-4 weeks), "months" (over a month), or None if unsure.

    When the text points at several times, the most recent wins (the safer reading).
    """
    t = _norm(text)
    if not t:
        return None
    if t in LAST_USE:
        return t
    # "sick if he misses a day" is a symptom, not when he last used (v12)
    t = _A_DAY_WITHOUT.sub(" ", t)
    t = _FOR_A_LONG_TIME.sub(" ", t)
    # Bare "days"/"years" only count once every "N units" span is gone ("for 10 years").
    found = (
        _last_use_candidates(t)
        # a weekday said as the last time ("last sunday", "last time saturday night"; blind
        # v25, read in round 31), only when nothing more exact is said ("last friday, so a
        # week" is a week: persona p27)
        or (["days"] if _WEEKDAY_LAST.search(t) else [])
        or [_first(_UNIT.sub(" ", t), _BARE_UNITS)]
    )
    known = [value for value in found if value]
    return min(known, key=LAST_USE.index) if known else None


# Answers that hedge: parsed as unknown, never as yes or no.
_UNSURE_ANSWER = re.compile(
    r"\b(not sure|dont know|do not know|idk|maybe|unsure|no idea|dunno|i guess|kind of"
    r"|kinda|sort of|not certain"
    r"|tal vez|quizas?|a lo mejor|no (lo )?se(?=$| (si|que|cuanto|cuando|cuantas?|cuantos"
    r"|como|nada|bien|exactamente|la verdad))|ni idea"
    r"|no estoy segur[oa]|no sabria|puede ser|mas o menos"
    # "skip" to one question skips that one (caller role-play round 35: it ended them all)
    r"|^(?:skip|pass|next|paso|siguiente)"
    r"(?: (?:it|this|that|this one|that one|question|this question|esa|esta))?$)\b"
)
_SYMPTOM_PATTERNS: Tuple[Tuple[str, str], ...] = (
    (r"shak|tremor|trembl|jitter|tembl|tiembl", "shakes"),
    (r"sweat|clammy|chills|hot and cold|sudor|suda|sudo\b|escalofri", "sweats"),
    (
        r"nause|throw(ing)? up|threw up|vomit|puk|queasy|sick|dry heav|stomach|diarrh"
        r"|estomago|diarrea|mareo|guacar",
        "nausea",
    ),
    (
        r"anxi|panic|nervous|on edge|restless|agitat|irritab|freak|jumpy"
        r"|ansie|ansios|nervios|angusti|inquiet|desesper",
        "anxiety",
    ),
    (
        r"insomnia|(cant|cannot|can not|couldnt|wont|not|trouble|hard to|no) ?sleep"
        r"|havent slept|sleepless|up all night|awake all night"
        r"|insomnio|no (puedo|puede|pude|pudo) dormir|no duerm|sin dormir|no he dormido"
        r"|(problemas|dificil) (para|de) dormir",
        "insomnia",
    ),
    (
        r"heart (is )?(racing|races|racin|pounding|pounds|beating fast|going fast)"
        r"|(racing|pounding|fast) heart|palpitat|heart rate|tachy"
        r"|corazon (acelerado|rapido|a mil|late (muy )?(rapido|fuerte))|palpitac|taquicard",
        "racing_heart",
    ),
)
_NONE_ANSWER = re.compile(
    r"^(none|no|nope|nah|nothing|n|na|n/a|not really|fine|im fine|i feel fine|im good|all good"
    r"|im ok|im okay|nada|ninguno|ninguna|nop|nel|sin|estoy bien|me siento bien|todo bien)\b"
)


def parse_symptoms(text: str | None) -> Set[str]:
    """Withdrawal symptoms named in the text, {"none"} for a clear no, empty set if unsure.

    A symptom negated in its own clause is dropped ("no shakes no sweats, i feel normal";
    "no seizures, just the sweats" keeps the sweats); a hedge ("not sure, shaky") is
    not a negation, and "doesn't stop shaking" is not either.
    """
    t = _norm(text)
    found = set()
    for clause in _clauses(text):
        for pattern, value in _SYMPTOM_PATTERNS:
            match = re.search(pattern, clause)
            if match and not _negated(clause[: match.start()]):
                found.add(value)
    if found:
        return found
    clauses = _clauses(text)
    if _NONE_ANSWER.search(t) and not (
        _UNSURE_ANSWER.search(clauses[0] if clauses else t)
        or _FIRM_HEDGE.search(t)
        or re.search(r"\b(?:kinda|kind of|sort of|a little|a bit)\s*$", t)
    ):
        # "no shakes or anything, just tired and kinda down for a couple days after" (blind
        # v24, read in round 30: the "kinda" of a later clause made the no a "not sure")
        return {NO_SYMPTOMS}
    return set()


# hedges that doubt the whole answer wherever they stand ("kinda"/"sort of" only count in
# the answer's own first clause: "no, just kinda tired" is still a no)
_FIRM_HEDGE = re.compile(
    r"\b(not sure|dont know|do not know|idk|maybe|unsure|no idea|dunno|i guess|not certain"
    r"|tal vez|quizas?|a lo mejor|ni idea|no estoy segur[oa]|no sabria|puede ser)\b"
)


_EMERGENCY_PATTERNS: Tuple[Tuple[str, str], ...] = (
    (r"seiz|convuls|having a fit|ataque epilep", "seizure"),
    (
        r"halluc|seeing things|hearing things|hearing voices|voices|bugs crawling"
        r"|things crawling|seeing bugs|(seeing|saw|see|sees) (spiders|bugs|snakes|stuff|people)"
        r"|alucin|voces|(ve|veo|ven|viendo|vio|vi) (cosas|bichos|animales|aranas|gente)",
        "hallucinations",
    ),
    (
        # "the d t's" as speech-to-text writes it (blind v24, read in round 30)
        r"confus|disorient|delir|\bdts\b|\bd t ?s\b|\bd ?t s\b|dont know where|cant think straight"
        r"|not making sense"
        r"|confundid|desorientad|no sabe donde|no sabe quien",
        "confusion",
    ),
    (
        r"chest ?(pain|hurt|tight|pressure)|chest\b.{0,20}\b(pain|hurt|tight|pressure|crush)"
        r"|pain in (my|the|his|her) chest"
        r"|tight(ness)? in (my|the|his|her) chest|heart attack"
        r"|dolor (en el|de|del) pecho|pecho apretado|presion en el pecho|opresion en el pecho"
        r"|me duele el pecho|le duele el pecho|infarto|ataque al corazon",
        "chest_pain",
    ),
    (
        r"(cant|cannot|can not|hard to|trouble|difficulty|struggling to|not|problems?) ?breath"
        r"|short(ness)? of breath|gasping|catch (my|his|her) breath"
        r"|no (puede|puedo|podia) respirar|(le|me) cuesta respirar|(le|me) falta el aire"
        r"|falta de aire|se ahoga|me ahogo",
        "trouble_breathing",
    ),
)


@dataclass(frozen=True)
class EmergencyReading:
    """Emergency signs named in an answer, split by when they happen.

    ``now``: clearly happening now ("he's having a seizure", "chest pain right now").
    ``unclear``: named without a time ("seizures" in answer to "when you stop, do you
    get..."): the form asks "is this happening right now?" before any 911 reply.
    ``past``: in the past ("I had a seizure last time I quit"): history, not an emergency.
    Negated signs ("no seizures, just the sweats") are dropped.
    """

    now: Set[str] = field(default_factory=set)
    unclear: Set[str] = field(default_factory=set)
    past: Set[str] = field(default_factory=set)


# "Doesn't stop", "never goes away" intensify rather than negate.
_NOT_A_NEGATION = re.compile(r"^\s*(stop|stops|go away|goes away|end|ends|let up|lets up|quit)\b")
_HEDGES = re.compile(r"\bnot (sure|really sure|certain)\b")


def _clauses(text: str | None) -> List[str]:
    """The text in clauses, split at punctuation and contrasts before it is normalised
    (normalising turns commas into spaces)."""
    parts = re.split(r"[,.;:!?\n]+", str(text or "").lower())
    return [c for part in parts for c in _CLAUSE_BREAK.split(_norm(part)) if c.strip()]


# "when he doesn't drink his hands shake", "cuando no toma le tiemblan las manos" (blind
# es-v12: read as "no shakes"): the "no" belongs to the condition, not the symptom
_WHEN_NOT_USING = re.compile(
    r"\b(?:when|if|whenever|once)\s+(?:i|he|she|they|we|u|you)\s+"
    r"(?:dont|doesnt|do not|does not|cant|cannot|run out|miss|skip|go without|stop|quit|"
    r"try to stop)\b"
    r"(?:\s+(?:drink|drinking|use|using|take|taking|have|get|it|them|a drink|a dose))?|"
    r"\b(?:cuando|si)\s+no\s+(?:toma|tomo|toman|tiene|tengo|usa|uso|consume|consumo|bebe|bebo|"
    r"se\s+mete|me\s+meto)\b|"
    r"\bsi\s+(?:le|me)\s+falta(?:n)?\b|\b(?:cuando|si)\s+(?:lo\s+|la\s+)?deja\b"
)


def _negated(before: str) -> bool:
    """Whether the words before a match (in its clause) negate it: "no seizures", "never
    had the shakes"; not "not sure", and not "doesn't stop shaking"."""
    before = _WHEN_NOT_USING.sub(" ", before)
    before = _HEDGES.sub(" ", before)
    found = list(_NEGATION.finditer(before))
    return bool(found) and not _NOT_A_NEGATION.match(before[found[-1].end() :])


# A clause ends at punctuation or at a contrast ("no seizures, just the sweats").
_CLAUSE_BREAK = re.compile(
    # "just" breaks "no seizures, just the sweats", not "he just had a seizure" (role-play:
    # a seizure minutes ago was read as past, and "911 if it gets worse" was the answer)
    r"[,.;!?]|\b(?:but|just(?!\s+(?:had|now|started|happened|took|passed))|only|except|although"
    r"|though|however|pero|aunque|excepto|solo|nomas)\b"
)
_NEGATION = re.compile(
    r"\b(no|not|never|nothing|none|dont|doesnt|didnt|havent|hasnt|hadnt|isnt|arent"
    r"|wasnt|werent|nor|neither|free of|denies|zero"
    r"|sin|ni|nunca|ningun|ninguna|ninguno|tampoco|nada de)\b"
)
_NOW = re.compile(
    r"\b(now|right now|currently|at the moment|as we speak|this morning|today|tonight"
    r"|this afternoon|this evening|an hour ago|hours ago|just (started|now|had|happened)"
    r"|is having|am having|im having|hes having|shes having|theyre having|having (a|one|some|them)"
    r"|seizing|convulsing|hallucinating|keeps?|started|wont stop|cant stop"
    r"|is|am|im|are|hes|shes|theyre|hurts|hurting|cant|cannot|can not"
    r"|ahora|ahorita|en este momento|hoy|esta manana|esta noche|esta tarde|hace una hora"
    r"|hace unas horas|esta teniendo|estoy teniendo|le esta dando|me esta dando|esta|estoy"
    r"|sigue|no para|no puede|no puedo|convulsionando|alucinando|duele)\b"
)
_PAST = re.compile(
    r"\b(had|was|were|got|once|before|last time|the time|in the past|ago|years?|previous(ly)?"
    r"|history|used to|when i (quit|stopped)|when (he|she|they) (quit|stopped)|did|went"
    r"|ended up|back then|last (year|month|winter|summer|spring|fall)"
    r"|tuve|tuvo|tenia|tuvieron|una vez|antes|la ultima vez|la vez pasada|en el pasado|hace"
    r"|anos|cuando (lo )?deje|cuando (lo )?dejo|me dio|le dio|me dieron|le dieron"
    r"|el ano pasado)\b"
)


# "convulsiones nunca", "seizures: none", "convulsiones no nunca", "seizures no" (blind es-v15,
# read in round 30: "is this happening right now?")
_NEGATED_AFTER = re.compile(
    r"\w*\s*(?:-\s*)?(?:(?:no\s+)?(?:nunca|never|none|ninguna|jamas|tampoco)\b|"
    r"no\b(?!\s+(?:para|paran|se|puede|puedo|stop|stops|me\s+dejan?)\b))"
)
_ONE_TIME = re.compile(r"\b(one time|that one time|una vez|one night)\b")
_CLEARLY_NOW = re.compile(
    r"\b(now|right now|today|tonight|this morning|as we speak|ahora|ahorita|hoy|esta noche)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(would|almost|nearly|felt like|afraid|scared|worried|might|could|going to|gonna"
    r"|casi|como si|miedo|temo|podria|puede que|va a|me preocupa)\b"
)


_PREGNANCY_SAID = re.compile(
    r"\b(?:and|but|also|y|pero)?\s*(?:no|nope|nah)?\s*(?:i|she|he|im|i'?m)?\s*"
    r"(?:can'?t|cannot|could\s*n'?t|am\s+not|is\s+not|isn'?t|not|no)\s+(?:be\s+)?(?:pregnant|embarazada)\b",
    re.IGNORECASE,
)


def read_emergency(text: str | None) -> EmergencyReading:
    """Emergency signs in the text, split into now, unclear and past; negations dropped.

    A sign both now and past ("had a seizure this morning") counts as now. Anything
    not clearly past or negated is at least "unclear", so it is asked about, never dropped.
    """
    reading = EmergencyReading()
    # "...i was in the hospital for it and no i cant be pregnant" (voice, no punctuation;
    # blind v24, read in round 30): the "cant" of the pregnancy made the DTs "now"
    text = _PREGNANCY_SAID.sub(" . ", text or "")
    for clause in _clauses(text):
        for pattern, value in _EMERGENCY_PATTERNS:
            match = re.search(pattern, clause)
            if not match or _negated(clause[: match.start()]):
                continue
            if _NEGATED_AFTER.match(clause[match.end() :]):
                continue  # "convulsiones nunca", "seizures: none" (blind es-v11: asked "now?")
            if _HYPOTHETICAL.search(clause[: match.start()]):
                reading.past.add(value)  # "felt like I would have a seizure": a near miss
            elif _ONE_TIME.search(clause) and not _CLEARLY_NOW.search(clause):
                # "one time i started seeing stuff", "one time he have convulsion when he
                # stop" (blind v20: read as now, the crisis reply; or unclear)
                reading.past.add(value)
            elif _NOW.search(clause):
                reading.now.add(value)
            elif _PAST.search(clause):
                reading.past.add(value)
            else:
                reading.unclear.add(value)
    reading.unclear.difference_update(reading.now)
    reading.past.difference_update(reading.now | reading.unclear)
    return reading


def mentions_emergency_sign(text: str | None) -> bool:
    """Whether the text names an emergency sign at all, negated or not."""
    t = _norm(text)
    return any(re.search(pattern, t) for pattern, _ in _EMERGENCY_PATTERNS)


def parse_emergency(text: str | None) -> Set[str]:
    """Emergency signs that may be happening now (clearly now or unclear); empty for none.

    Negated ("no chest pain") and past ("I had a seizure last time I quit") signs are
    left out; see ``read_emergency``. The crisis guard still runs on every turn.
    """
    reading = read_emergency(text)
    return reading.now | reading.unclear


_NO_ANSWER = re.compile(
    r"\b(i (?:have|had|did|do|was) (?:not|never)|no|nope|nah|nay|never|n|negative|not really"
    r"|not at all|no way|nada|none|havent|hadnt|didnt|dont|wasnt|not"
    r"|nop|nel|nunca|para nada|ninguno|ninguna|tampoco|jamas)\b"
)
_YES_ANSWER = re.compile(
    r"\b(yes|yeah|yea|yeh|ya|yah|yep|yup|y|ye|yh|yas|yess+|yesh|k|kk|okk|sure|ok|okay|correct|true|affirmative"
    r"|definitely|absolutely|of course|uh huh|i have|i did|i do|yes i have|si"
    r"|sip|simon|claro|por supuesto|correcto|asi es|de acuerdo|esta bien|aja)\b"
)


_WHOLE_MEXICAN_YES = re.compile(r"^(?:sale|sale pues|orale|andale|simon)\W*$")


# a yes sent as an emoji alone: thumbs up, OK hand, check marks (any skin tone)
THUMBS_UP = re.compile(
    "(?:[\U0001f44d\U0001f44c\u2705\u2714\u2611](?:[\U0001f3fb-\U0001f3ff]|\ufe0f)?\\s*)+"
)


def parse_yes_no(text: str | None) -> bool | None:
    """True for yes-like answers, False for no-like ones, None when unsure or mixed.

    "1" and "2" are the numbered Yes/No buttons on SMS, so they count only on their own.
    """
    if text and THUMBS_UP.fullmatch(text.strip()):
        return True  # "👍" to "may we text you?" (a texter's yes; _norm drops emoji)
    t = _norm(text)
    if t in ("1", "2"):
        return t == "1"
    if _WHOLE_MEXICAN_YES.match(t):
        return True  # "sale" alone (blind es-v8); inside a sentence it is "goes out"
    t = re.sub(r"\bya no\b", "no", t)  # Spanish "ya no": no longer (not the English "ya")
    # inside a sentence "y" and "ya" are Spanish "and" / "already": "como 6 o 7 al dia ya"
    # (blind es-v6) was a yes to the pregnancy question
    t = re.sub(r"(?<=\w)\s+(?:y|ya)\b", " ", t)
    if not t or _UNSURE_ANSWER.search(t):
        return None
    no = bool(_NO_ANSWER.search(t))
    yes = bool(_YES_ANSWER.search(_NO_ANSWER.sub(" ", t)))
    if yes == no:
        return None
    return yes


# --------------------------------------------------------------------------- risk factors

# Standard drinks per container (US: 14 g of alcohol; NIAAA). A liquor bottle is 750 ml.
_LIQUOR = (
    r"(vodka|whiskey|whisky|rum|gin|tequila|liquor|bourbon|brandy|hard stuff|jack|jim beam"
    r"|ron|licor|mezcal|aguardiente|guaro|pisto)"
)
_CONTAINERS: Tuple[Tuple[str, float], ...] = (
    (rf"(fifths?|handles?|bottles?) of {_LIQUOR}|{_LIQUOR} bottles?|fifths?", 17.0),
    # Spanish (issue 18): a bottle of liquor, a "caguama" (about a liter of beer)
    (rf"botellas? de {_LIQUOR}", 17.0),
    (r"caguamas?|caguamones?|ballenas?", 3.0),
    (r"handles?", 40.0),
    (rf"pints? of {_LIQUOR}", 8.5),
    (r"pints? of (beer|cider|ale|lager|stout)", 1.0),
    (r"^(about |around |maybe |like |almost |nearly |just )?(a|one|half a) pint$", 8.5),
    (r"cases?", 24.0),
    (r"(twelve|12) ?packs?", 12.0),
    (r"(six|6) ?packs?", 6.0),
    (r"bottles?( of wine)?|botellas?( de vino)?", 5.0),
    (r"(tall ?boys?|tall cans?|40s|forty|40 ?oz)", 2.0),
    (
        r"(drinks?|beers?|glass(es)?|shots?|cans?|pints?|cocktails?|seltzers?|ciders?"
        r"|mixed drinks?"
        r"|cervezas?|chelas?|cheves?|birras?|latas?|copas?|tragos?|vasos?|caballitos?|bebidas?"
        r"|frias|tequilas|cubas?|micheladas?)",
        1.0,
    ),
)
_DRINK_NUMBER = (
    r"(\d+(?:\.\d+)?|half a|half|a couple of|a couple|couple|a few|few|several|an|a|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|un par de|unas cuantas|unos cuantos|unas|unos|varias|varios|media|medio|una|uno|un|dos"
    r"|tres|cuatro"
    r"|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte)"  # not "once": English
)


def _drink_number(word: str) -> float:
    word = word.strip()
    if word in ("half", "half a", "media", "medio"):
        return 0.5
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return float(word)
    extra = {
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "doce": 12,
        "quince": 15,
        "veinte": 20,
    }
    return float(extra.get(word, _number(word)))


def parse_drinks(text: str | None) -> float | None:
    """About how many standard drinks a day; a range counts at its top (the safer side).

    "one glass of wine" -> 1, "2-3 beers" -> 3, "a bottle of wine" -> 5, "a fifth of
    vodka" -> 17, "a six pack and some shots" -> 6 + 1. "A lot" or no number -> None.
    """
    t = _norm(text)
    if not t:
        return None
    # Spanish "un six" / "un doce" is a six-pack / twelve-pack of beer
    t = re.sub(
        r"\b(un|1|dos|2|tres|3) (six|doce)\b(?!\s*pack)",
        lambda m: f"{m.group(1)} {'12' if m.group(2) == 'doce' else 'six'}pack",
        t,
    )
    t = re.sub(r"\b(12|twelve|6|six) (pack)", r"\1pack", t).replace("pack", " pack")
    t = re.sub(
        r"\b(more than|over|at least|upwards of|up to|mas de|al menos|por lo menos)\s+", "", t
    )
    t = re.sub(r"\s*\+|\s+(or more|plus|or so|ish|o mas|y pico)\b", "", t)
    total, found = 0.0, False
    number = rf"{_DRINK_NUMBER}(?:\s*(?:-|to|or|a|o|y)\s*{_DRINK_NUMBER})?"
    for pattern, per in _CONTAINERS:
        regex = re.compile(rf"\b(?:{number}\s+)?(?:{pattern})\b")
        for match in regex.finditer(t):
            counts = [g for g in match.groups()[:2] if g]
            amount = max((_drink_number(g) for g in counts), default=1.0)
            total += amount * per
            found = True
        t = regex.sub(" ", t)
    if not found:
        bare = re.fullmatch(
            rf"(?:about |around |maybe |like |just |only |como |mas o menos |tal vez |solo "
            rf"|nomas )?{number}",
            t,
        )
        if not bare:
            return None
        total = max(_drink_number(g) for g in bare.groups() if g)
    tail = re.search(r"\bor (two|three|four|2|3|4)\s*$", t)  # "a glass of wine or two"
    return max(total, float(_number(tail.group(1)))) if tail else total


_AGE = re.compile(r"\b(\d{2,3})\b")
_OLD = re.compile(
    r"\b(over|older than|above) (65|sixty ?five)\b"
    r"|\b(in (my|his|her|their) (70s|80s|90s|seventies|eighties))\b"
    r"|\b(mas de|mayor de|arriba de) (65|sesenta y cinco)\b|\b(setenta|ochenta|noventa)\b"
)
_YOUNG = re.compile(
    r"\b(under|younger than|below) (65|sixty ?five)\b"
    r"|\b(20s|30s|40s|50s|twenties|thirties|forties|fifties)\b"
    r"|\b(menos de|menor de) (65|sesenta y cinco)\b|\b(veinte|treinta|cuarenta|cincuenta)\b"
)


def parse_age_65_plus(text: str | None) -> bool | None:
    """True for 65 or older ("72", "yes", "in her 70s"), False for younger, None if unsure."""
    t = _norm(text)
    if _OLD.search(t):
        return True
    if _YOUNG.search(t):
        return False
    ages = [int(n) for n in _AGE.findall(t) if 12 <= int(n) <= 110]
    if ages:
        return max(ages) >= 65
    return parse_yes_no(t)


_OFTEN = re.compile(
    r"\b(sometimes|once or twice|a few times|a couple (of )?times|occasionally|often|every time"
    r"|all the time|lots|a lot|usually|regularly|more than once|here and there|now and then"
    r"|a veces|algunas veces|de vez en cuando|seguido|muchas veces|casi siempre|siempre"
    r"|una o dos veces|un par de veces|varias veces)\b"
)


def parse_sometimes_yes(text: str | None) -> bool | None:
    """A yes/no where "sometimes" or "a few times" is a yes (blackouts, health problems)."""
    answer = parse_yes_no(text)
    if answer is None and _OFTEN.search(_norm(text)) and not _NEGATION.match(_norm(text)):
        return True
    return answer


_COUNT = re.compile(
    rf"\b{_NUMBER}\s*(?:times|withdrawals|detoxes|rounds|veces)\b|\b(once|twice|una vez)\b"
    r"|\b(many|multiple|several|lots of|countless|so many|a bunch of|a lot of|too many) times\b"
    r"|\b(muchas|varias|un monton de|tantas|demasiadas) veces\b"
    r"|\b(every time|each time|always|cada vez|siempre)\b"
)


def parse_withdrawal_count(text: str | None) -> int | None:
    """How many times withdrawal has happened before, when the answer says; None otherwise."""
    t = _norm(text)
    best = None
    for match in _COUNT.finditer(t):
        number, word, many, many_es, every = match.groups()
        many = many or many_es
        if number:
            n = _number(number)
        elif word:
            n = 1 if word in ("once", "una vez") else 2
        else:
            n = 3 if many else 2
        best = n if best is None else max(best, n)
    if best is None and re.search(
        r"\b(never (been through|had)|first time|nunca|primera vez|ninguna vez)\b", t
    ):
        return 0
    return best


# "not really. maybe a little cranky and i don't sleep great" (v14: an answer to the question
# before, read as "maybe" pregnant): a no first is the answer to this question
_NO_FIRST = re.compile(
    r"^(not really|no|nope|nah|no way|definitely not|not at all|nel|para nada)\b(?! se\b)"
)


# words of pregnancy itself: with them, an answer is about this question
_PREGNANCY_WORDS = re.compile(
    r"\b(pregnan\w*|embaraz\w*|expecting|baby|bebe|weeks along|period|regla)\b"
)
# "20 weeks", "like 3 months" alone: how far along
_HOW_FAR_ALONG = re.compile(
    r"^\W*(?:yes\W+|si\W+)?(?:like\s+|about\s+|around\s+|maybe\s+|como\s+)?\d+\s*"
    r"(?:weeks?|wks?|months?|semanas|meses)(?:\s+(?:along|pregnant|now))?\W*$"
)


def answers_how_often_or_when(t: str) -> bool:
    """ "idk like all day" or "como 6 o 7 al dia" to the pregnancy question (blind v15, es-v6:
    read as "could be", and a man got the pregnancy outcome): how often or when they use,
    answered in the order the person expected, not this question."""
    return (
        not _PREGNANCY_WORDS.search(t)
        and parse_yes_no(t) is None  # "yes 20 weeks" answers it
        and (parse_frequency(t) is not None or parse_last_use(t) is not None)
    )


def parse_pregnant(text: str | None) -> bool | None:
    """True for yes or "could be" / "not sure" (both go to a person), False for no."""
    t = _norm(text)
    if _NO_FIRST.match(t) and not re.match(r"^no\W+(?:idea|clue|(?:im |i am )?(?:not )?sure)\b", t):
        return False
    if _HOW_FAR_ALONG.match(t):
        return True
    if re.match(r"^(?:yes|yeah|yep|yup|ya|yea|si)\b", t) and re.search(
        r"\b(?:weeks?|months?|semanas?|meses?|along|pregnant|embarazada)\b", t
    ):
        # "yes. im like 14 weeks. please dont judge me" (blind v21: read as a time of use)
        return True
    if answers_how_often_or_when(t):
        return None
    if re.search(
        r"\b(could be|might be|maybe|not sure|possibly|dont know|idk|late|expecting"
        r"|weeks along|months along|i think so"
        r"|puede ser|podria ser|tal vez|quizas?|a lo mejor|no (lo )?se(?=$| (si|que|bien))"
        r"|no estoy segura"
        r"|no sabe|estoy esperando|semanas de embarazo|meses de embarazo)\b",
        t,
    ):
        return True
    if re.search(
        r"\b(doesnt apply|not applicable|n/?a|im a (man|guy|male)|hes a|male|man|guy"
        r"|no aplica|soy hombre|es hombre|es un hombre|es varon)\b",
        t,
    ):
        return False
    return parse_yes_no(t)


# said plainly alongside another answer ("no seizures. not pregnant", "im a dude so not
# pregnant", "yes 12 weeks" is left to the pregnancy question itself)
_NOT_PREGNANT = re.compile(
    r"\b(?:not|no|nope|never|isnt|is not|cant be|can'?t be)\s+(?:\w+\s+){0,2}pregnant\b|"
    r"\bpregnant\s*(?:\?|:|-)?\s*(?:no|nope|n/a)\b|"
    r"\b(?:im|i am) (?:a )?(?:guy|dude|man|male)\b|"
    r"\bno (?:estoy|esta) embarazada\b|\bsoy (?:un )?(?:hombre|vato|varon|man)\b|"
    # "y embarazo menos jaja soy vato" (blind es-v13: asked anyway)
    r"\b(?:embarazo|embarazada) (?:menos|tampoco|nada|no)\b"
)
_PREGNANT_NOW = re.compile(
    r"\b(?:im|i am|shes|she is|i'm)\s+(?:\d+\s*(?:weeks?|wks?|months?)\s+)?pregnant\b|"
    r"\b(?:\d+)\s*(?:weeks?|wks?|months?)\s+pregnant\b|\bestoy embarazada\b"
)
_PREGNANCY_HEDGE = re.compile(
    r"\b(?:might|may|could|maybe|think|not sure|idk|dont know|if|would|what)\b"
)


def pregnancy_stated(text: str | None) -> bool | None:
    """True / False when the words say plainly whether the person is pregnant; None when
    they say nothing of it, or hedge ("i don't believe she is but i can't be sure")."""
    t = _norm(text)
    if (
        "pregnan" not in t
        and "embarazada" not in t
        and not re.search(r"\b(guy|dude|man|male|hombre|vato|varon)\b", t)
    ):
        return None
    # a hedge counts only in the sentence that speaks of it: "no seizures. not pregnant
    # either lol im a guy" after "if i stop" (blind v20: asked again)
    about = " ".join(
        _norm(part)
        for part in re.split(r"[.!?;\n]+", str(text))
        if re.search(r"pregnan|embaraz|\b(?:guy|dude|man|male|hombre|vato|varon)\b", _norm(part))
    )
    # "not pregnant either if u ask that" (blind v22, SMS: asked anyway): about the question
    about = re.sub(
        r"\b(?:if|in case) (?:u|you|ur) (?:ask|asks|asked|were gonna ask|wonder\w*)\b.*", " ", about
    )
    if _PREGNANCY_HEDGE.search(about) or re.search(r"\b(cant|can'?t) be sure\b|\bbelieve\b", about):
        return None
    if _NOT_PREGNANT.search(t):
        return False
    if _PREGNANT_NOW.search(t):
        return True
    return None
