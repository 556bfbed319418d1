"""The detox-first screening form: validation of each answer, then the outcome.

The decision itself is made by ``iop_assistant.screening_rules`` (pure rules, no Rasa);
this module only turns what the person typed or tapped into the answers the
rules need, asks only what the decision still needs, and says the outcome.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable, Dict, List, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.form_turns import answered_faq, times_said_since_start, user_texts_this_session
from iop_assistant import form_answers, screening_answers, screening_rules, substances
from iop_assistant.nlu.control_intents import RELATIVE

FORM = "detox_screening_form"
UNKNOWN = "unknown"
EMERGENCY_PREFIX = "emergency:"
# An emergency sign named without a time: "is this happening right now?" is asked first.
UNCLEAR_PREFIX = "unclear:"
# how often one question is asked before an answer that fits another is let go as "unknown"
MAX_ASKS = 2
WITHDRAWAL_SLOTS = frozenset({"screening_symptoms", "screening_complicated_history"})
# a message worded as a question is a program question at a lower confidence:
# "wait how many days a week is the program, i work full time" was read as a
# frequency answer and a verdict came out of it (role-play, 2026-12-02)
QUESTION_FAQ_MIN_CONFIDENCE = 0.3
_QUESTION_START = re.compile(
    r"^(?:(?:wait|ok|okay|so|but|and|um|hey|sorry|also|quick question)[,.]?\s+)*"
    r"(?:how\s+(?:many|much|long|often|do|does|is|are|can)|what|when|where|why|who|which|"
    r"is\s+(?:it|there|this|that|the)|are\s+(?:there|you|the|groups)|do\s+(?:you|i|they|we)|"
    r"does|can\s+(?:i|you|we|my)|will\s+(?:i|you|it|my)|should\s+i)\b"
)
DETAIL_SLOTS: Tuple[str, ...] = (
    "screening_prescribed",
    "screening_frequency",
    "screening_last_use",
    "screening_symptoms",
    "screening_complicated_history",
)

# Asked only after a "yes" to recent higher care: when, then any use since.
CARE_FOLLOW_UPS = ("screening_care_30_days", "screening_use_since_care")

# A parsed yes-no answer as a slot value; no entry for None (no answer).
YES_NO: Dict[bool | None, str] = {True: "yes", False: "no"}

# Risk factors (ASAM 2020, PAWSS), each asked only when its answer can change the
# outcome or its safety points (screening_rules.answer_matters): slot -> (field, trial values).
RISK_QUESTIONS: Dict[str, Tuple[str, Tuple[Any, ...]]] = {
    "screening_drinks": ("drinks_per_day", (1.0, 3.0, 8.0)),
    "screening_pregnant": ("pregnant", (True, False)),
    "screening_age": ("age_65_plus", (True, False)),
    "screening_medical": ("serious_medical", (True, False)),
    "screening_blackouts": ("blackouts", (True, False)),
}
HISTORY_SLOT = "screening_complicated_history"
# words of the history question itself: with them an answer is about the past withdrawal
_HISTORY_WORDS = re.compile(
    r"\b(?:seiz\w*|fits?|dts|d\.t\.s|delirium|hospital\w*|er|emergency|ambulance|convuls\w*|"
    r"ataques?|emergencias?|delirio|hospitaliz\w*|never|nunca|jam[aá]s|once|una\s+vez|before|antes)\b",
    re.IGNORECASE,
)


def _tells_symptoms_not_history(text: str) -> bool:
    """Ordinary withdrawal symptoms told, and nothing about seizures, the DTs or a hospital."""
    found = screening_answers.parse_symptoms(text) - {screening_rules.NO_SYMPTOMS}
    return bool(found) and not _HISTORY_WORDS.search(text)


def _with_told_symptoms(tracker: Tracker, text: str) -> List[str]:
    """The symptoms slot with the ones just told (a "none" or "not sure" before is replaced)."""
    before = [
        s
        for s in tracker.get_slot("screening_symptoms") or []
        if s not in (screening_rules.NO_SYMPTOMS, UNKNOWN)
    ]
    told = sorted(screening_answers.parse_symptoms(text) - {screening_rules.NO_SYMPTOMS})
    return before + [s for s in told if s not in before]


def _history_cannot_matter(tracker: Tracker, answers: screening_rules.ScreeningAnswers) -> bool:
    """Daily drinking with the shakes every morning is detox first whatever happened
    before: the history question is not asked then (blind v21: "every morning his hands
    shake... he's never had a seizure though" got the seizure question instead of the
    answer, in five conversations). Only once the symptoms are told."""
    if tracker.get_slot(HISTORY_SLOT) is not None or tracker.get_slot("screening_symptoms") is None:
        return False
    trials = [answers]
    if answers.drinks_per_day is None and "alcohol" in set(answers.substances or ()):
        # how much is still to be asked, and one or two drinks would make the history matter
        # (CI rehearsal: the drinks question came before the seizure question, then it again)
        trials = [dataclasses.replace(answers, drinks_per_day=d) for d in (1.0, 3.0, 8.0)]
    return not any(
        screening_rules.answer_matters(trial, "past_complicated_withdrawal", (True, False))
        for trial in trials
    )


# Signs of a complicated withdrawal when they happened before (not now).
HISTORY_SIGNS = frozenset({"seizure", "hallucinations", "confusion"})

OUTCOME_RESPONSES = {
    screening_rules.Outcome.EMERGENCY: "utter_crisis",
    screening_rules.Outcome.DETOX_FIRST: "utter_screening_detox_first",
    screening_rules.Outcome.IOP_MAY_FIT: "utter_screening_iop_may_fit",
    screening_rules.Outcome.HELPLINE: "utter_screening_helpline",
}


_NOT_RECENT = re.compile(
    r"\b(?:nothing|none|not|nah)\s+(?:\w+\s+)?recent(?:ly)?\b|\bnot\s+in\s+(?:years|a\s+long\s+time)\b",
    re.IGNORECASE,
)


# a clause about pregnancy, taken out before reading another question's yes or no
_PREGNANCY_CLAUSE = re.compile(
    r"(?:\b(?:and|but|also|y|pero)\s+)?\b(?:no|not|nope|nah|never)?[^.,;!?]{0,30}"
    r"\b(?:pregnan\w*|embarazad\w*)\b[^.,;!?]*",
    re.IGNORECASE,
)
_YES_FIRST_WORD = re.compile(r"^\W*(?:yes|yeah|yep|ya|yup|s[ií]|sure)\b", re.IGNORECASE)
_NO_FIRST_WORD = re.compile(
    r"^\W*(?:no+|nope|nah|never|nunca|not\s+really|para\s+nada)\b(?!\s+(?:s[eé]|idea|clue|sure)\b)",
    re.IGNORECASE,
)
# a time in the answer says when the care was only when the care is named ("yes, detox 2
# years ago"); "casi todos los dias" is how often they drink
_CARE_WORDS = re.compile(
    r"\b(?:detox\w*|rehab\w*|residential|hospital\w*|treatment|program\w*|inpatient|facility|"
    r"center|centre|clinic|sober|got\s+out|came\s+out|left|finished|discharged|desintox\w*|"
    r"internad[oa]|centro|cl[ií]nica|sal[ií]|tratamiento|programa)\b",
    re.IGNORECASE,
)
# "not sure it's all prescribed honestly" with what they use (blind v15: the prescribed
# question was asked four times while the person answered the ones they expected)
_UNSURE_PRESCRIBED = re.compile(
    r"\b(?:not\s+sure|unsure|idk|i\s+dont\s+know|i\s+don'?t\s+know|no\s+idea|no\s+s[eé]|no\s+estoy\s+segur[oa])\b"
    r"[^.?!]{0,40}\b(?:prescri\w*|script|recet\w*)",
    re.IGNORECASE,
)


# "never been to detox or rehab", "just finished a 5 day detox last week": the care question
# answered in so many words (blind v19: said to "who is this for?" and asked again)
_CARE_TOLD = re.compile(
    r"\bnever\s+been\s+(?:anywhere|to\s+anything|in\s+anything)\s+like\s+that\b|"
    r"\b(?:never|not|no|nunca)\b[^.?!]{0,25}\b(?:detox\w*|rehab\w*|residential|inpatient|"
    r"treatment|desintox\w*|internad[oa]|centro)\b|"
    r"\b(?:finished|got\s+out\s+of|came\s+out\s+of|left|discharged\s+from|did|was\s+in|"
    r"just\s+(?:finished|did))\b[^.?!]{0,25}\b(?:detox|rehab|residential|inpatient|treatment)\b",
    re.IGNORECASE,
)


def recent_care_answer(text: str) -> Tuple[str, Dict[str, Any]]:
    """The answer to "have you recently finished detox, residential or a hospital program?":
    "yes" / "no" / "unknown", and, when a time says how recent it was, both care slots."""
    answer = yes_no_unknown(text)
    if answer == UNKNOWN and _NOT_RECENT.search(text):
        answer = "no"  # "Did residential at the VA in 2019. Nothing recent." (v8)
    if answer == UNKNOWN and _NO_FIRST_WORD.match(text):
        # "no nunca he estado internado lo que tomo es cerveza y guaro casi todos los
        # dias" (blind es-v6): the no first answers; the rest is what they use
        answer = "no"
    care_parts = [p for p in re.split(r"[.;!?\n]+", text) if _CARE_WORDS.search(p)]
    # "did detox in march, relapsed. last used 3 hrs ago" (blind v25, read in round 31:
    # the last use was taken as when detox ended): the time said with the care words
    when = screening_answers.parse_last_use(" ".join(care_parts) if care_parts else text)
    month = form_answers.care_month_within_30_days(" ".join(care_parts) or text)
    if month is not None and answer != "no":
        return "yes", {"screening_recent_care": "yes", "screening_care_30_days": month}
    if when is not None and answer != "no" and (answer == "yes" or _CARE_WORDS.search(text)):
        # "yes, detox 2 years ago": answered, and the time says whether it was recent
        return "yes", {
            "screening_recent_care": "yes",
            "screening_care_30_days": form_answers.care_within_30_days(
                " ".join(care_parts) if care_parts else text
            ),
        }
    return answer, {}


_CARE_DONE = re.compile(
    r"\b(?:finished|got\s+out|came\s+out|left|discharged|was\s+in|just\s+did|sal[ií]\w*|termin\w+)\b",
    re.IGNORECASE,
)


def care_told(text: str) -> Dict[str, Any]:
    """The care questions' answers when the words plainly tell them, else nothing."""
    told = _CARE_TOLD.search(text)
    if not told:
        return {}
    if re.match(r"(?:never|not|no|nunca)\b", told.group(0), re.IGNORECASE) and not re.search(
        r"\b(?:finished|got\s+out|came\s+out|left|discharged|was\s+in|just\s+did|sal[ií])\b",
        told.group(0),
        re.IGNORECASE,
    ):
        # "ya ask away. its for me... no detox or rehab since" (blind v20: the "ya" was read
        # as a yes to recent care): the words about care are the answer
        return {"screening_recent_care": "no"}
    answer, when_told = recent_care_answer(text)
    if when_told:
        return when_told
    if answer == UNKNOWN and re.search(r"\b(?:never|nunca|not|no)\b", text, re.IGNORECASE):
        answer = "no"
    return {"screening_recent_care": answer} if answer != UNKNOWN else {}


# words that say when the last use was ("last bar was this morning", "anoche"), so a time
# read from an answer to another question is one (not "like 4 days a week")
_SAYS_WHEN_LAST = re.compile(
    r"\b(?:last|ago|this\s+morning|yesterday|today|tonight|last\s+night|an\s+hour|hace|anoche|ayer|hoy|"
    r"esta\s+manana|ultima\s+vez)\b"
)
# a time said about a past seizure or withdrawal is not the last use: "i had a seizure about
# two years ago when i tried quitting" (blind v22, voice: read as "last used months ago",
# and a daily drinker with the shakes and a withdrawal seizure got "IOP may fit")
_PAST_WITHDRAWAL_WORDS = re.compile(
    r"\b(?:seizures?|seized|dts|d\.t\.s|delirium|convuls\w*|ataques?|fits?|tried\s+(?:quitting|to\s+quit|"
    r"stopping|to\s+stop)|quit\s+cold\s+turkey|when\s+i\s+(?:quit|stopped)|lo\s+dej\w+|dej[oó]\s+de)\b",
    re.IGNORECASE,
)
# how often and when last, said with what they use ("alcohol... pretty much every day...
# last drink was this morning", blind v22: asked again, one question at a time). A last use
# only after words that say it is one, so "4-6 a day for about a year" stays a frequency
_LAST_USE_TOLD = re.compile(
    r"\b(?:last\s+(?:drink|dose|time|use|used|one|hit|bar|pill|line|was|night)|this\s+morning|yesterday|"
    r"(?:an|\d+|a\s+few|couple)\s+(?:hours?|hrs?)\s+ago|ultima\s+vez|lo\s+ultimo|anoche|esta\s+manana)\b",
    re.IGNORECASE,
)


def last_use_outside_withdrawal_stories(text: str) -> str | None:
    """The last use said in a sentence that is not about a past seizure or quitting: "I had a
    seizure last year when I tried to quit on my own. do I need detox first" after "I drink
    every day... shakes in the morning" (caller role-play round 30: "last year" was read as
    the last drink, and a daily drinker with a withdrawal seizure got "IOP may fit")."""
    for part in re.split(r"[.;!?\n]+", text):
        if part.strip() and not _PAST_WITHDRAWAL_WORDS.search(part):
            when = screening_answers.parse_last_use(part)
            if when:
                return when
    return None


def use_pattern_told(text: str, tracker: Tracker) -> Dict[str, Any]:
    """How often and when last, said in the answer to "what do you use?", for the
    questions still empty."""
    found: Dict[str, Any] = {}
    if tracker.get_slot("screening_frequency") is None:
        frequency = screening_answers.parse_frequency(text)
        if frequency:
            found["screening_frequency"] = frequency
    told = _LAST_USE_TOLD.search(screening_answers.fold(text))
    if (
        tracker.get_slot("screening_last_use") is None
        and told
        and not _PAST_WITHDRAWAL_WORDS.search(text)
    ):
        when = screening_answers.parse_last_use(screening_answers.fold(text)[told.start() :])
        if when:
            found["screening_last_use"] = when
    return found


INTRO_RESPONSE = "utter_screening_intro"
WHY_RESPONSE = "utter_screening_why"
NOTED_RESPONSE = "utter_screening_noted"
_ASKS_WHY = re.compile(
    r"\bwhy\s+(?:do|does|d)\s*(?:u|you|ya|y'?all|this|it)\s+(?:need|want|have)\s+to\s+know\b|"
    r"\bwhy\s+(?:are\s+|r\s+)?(?:u|you)\s+ask(?:ing)?\b|\bwhy\s+(?:all\s+)?(?:these|the|so\s+many)\s+questions\b|"
    r"\bwhat'?s\s+(?:this|that|it)\s+(?:for|about)\s*\?|\bwhy\s+does\s+(?:that|it|this)\s+matter\b|"
    r"\bpara\s+qu[eé]\s+(?:quiere|necesita|me\s+pregunta|son\s+(?:las|estas)\s+preguntas)\b|"
    r"\bpor\s*qu[eé]\s+(?:me\s+)?(?:pregunta\w*|quiere\s+saber|necesita\s+saber)\b",
    re.IGNORECASE,
)


_NUDGE = re.compile(
    r"^\W*(?:hello+|helo+|hi+|hey+|yo|u\s+there|you\s+there|are\s+you\s+there|anyone\s+there|hola|bueno|oiga)?"
    r"\s*\?+\W*$|^\W*(?:hello+|u\s+there|you\s+there|anyone\s+there)\W*$",
    re.IGNORECASE,
)


def is_question(text: str) -> bool:
    """Worded as a question back ("wait how many days a week is it?", "is it evenings?")."""
    cleaned = " ".join(str(text or "").lower().split())
    # Spanish questions open with "¿" (issue 18)
    return cleaned.endswith("?") or cleaned.startswith("¿") or bool(_QUESTION_START.match(cleaned))


# "k", "ok", "okay" alone: an acknowledgement, not an answer, to a question whose yes decides
# the outcome (texter role-play round 38: "k" to "is any of it prescribed?" was a yes)
_ACKNOWLEDGEMENT = re.compile(
    r"^\W*(?:k+|kk+|ok+|oki|okie|okay+|okey|alright|aight|ight|mk|mkay|va|vale|bueno)\W*$",
    re.IGNORECASE,
)
YES_NO_SLOTS = frozenset(
    {
        "screening_recent_care",
        "screening_care_30_days",
        "screening_use_since_care",
        "screening_prescribed",
        "screening_symptoms",
        "screening_complicated_history",
        "screening_emergency_now",
        "screening_pregnant",
        "screening_medical",
        "screening_blackouts",
    }
)
YES_OR_NO_RESPONSE = "utter_screening_yes_or_no"


def only_acknowledged(slot: str, text: str, tracker: Tracker) -> bool:
    """A bare "k" to a yes-or-no question, asked at most twice: which it was is asked."""
    return (
        slot in YES_NO_SLOTS
        and bool(_ACKNOWLEDGEMENT.match(text))
        and times_said_since_start(tracker, FORM, f"utter_ask_{slot}") < MAX_ASKS
    )


def read_answer(
    slot: str, answer: Any, unsure: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> Dict[str, Any]:
    """The parsed answer; or, when there is none, an FAQ answer and the question again
    (slot left empty); or else "unknown", so an unclear reply never loops. A question
    back about the program is answered first, even when its words parse as an answer."""
    text = str((tracker.latest_message or {}).get("text") or "")
    if _NUDGE.match(text):
        # "hello?" mid-questions (texter role-play round 32: taken as the answer): the question
        # again, nothing read from it
        return {slot: None}
    if only_acknowledged(slot, text, tracker):
        dispatcher.utter_message(response=YES_OR_NO_RESPONSE)
        return {slot: None}
    if _ASKS_WHY.search(text) and not times_said_since_start(tracker, FORM, WHY_RESPONSE):
        # "why do u need to know all this" (blind v15: taken as "not sure"): why, then the
        # question again; once, so a second "why" is read as usual
        dispatcher.utter_message(response=WHY_RESPONSE)
        return {slot: None}
    if is_question(text) and answered_faq(dispatcher, tracker, FORM, QUESTION_FAQ_MIN_CONFIDENCE):
        return {slot: None}
    if answer not in (None, UNKNOWN):
        return {slot: answer, **told_with_the_answer(slot, text, tracker)}
    if answered_faq(dispatcher, tracker, FORM):
        return {slot: None}
    unknown = not_known_at_all(slot, text, tracker)
    if unknown:
        # "honestly i dont know how often or when she last used or if she gets withdrawals.
        # dont know about seizures" (blind v25, read in round 31: each asked anyway, no help
        # line): all of them "don't know", so the help line's outcome comes now
        return unknown
    ahead = answers_ahead(slot, text, tracker)
    asked = times_said_since_start(tracker, FORM, f"utter_ask_{slot}")
    # the withdrawal questions decide detox, so they get one more try than the others
    limit = MAX_ASKS + 1 if slot in WITHDRAWAL_SLOTS else MAX_ASKS
    if ahead and asked < limit:
        # kept, and this question asked again; each fills an empty question, so this ends
        # ("weekends mostly", then "saturday" to the symptoms question, v14: the second
        # was taken as "don't know"). Said so, or the same question again reads as if
        # the answer was ignored
        dispatcher.utter_message(response=noted_response(ahead, tracker))
        return {slot: None, **ahead}
    if not ahead and asked < limit and _says_again(slot, text, tracker):
        # "every single day" to "is any of it prescribed?" after "beer all day" (round 28,
        # when how often began to be read with what is used): said again, so kept, and this
        # question asked again rather than taken as "don't know"
        dispatcher.utter_message(response=NOTED_RESPONSE)
        return {slot: None}
    more = more_substances(slot, text, tracker)
    if more and asked < MAX_ASKS:
        # "just alcohol, vodka mostly" to "when did you last use?" (v11 a-02): what they use,
        # said again, is no answer to this question; it is asked once more
        return {slot: None, **more}
    # asked twice already (v9, blind v16: "is any of it prescribed?" four times over while
    # the other questions were answered): "don't know", and what was said is kept
    return {slot: unsure, **ahead}


HISTORY_TOLD_RESPONSE = "utter_screening_history_told"


def noted_response(ahead: Dict[str, Any], tracker: Tracker) -> str:
    """What is said when answers to later questions come early: a past withdrawal seizure or
    the DTs gets what it means (don't stop alone, supervised detox), once; anything else a
    plain "noted". "she had a withdrawal seizure before, is it dangerous to quit at home?" to
    the recent-care question (family role-play round 36) got the question again, nothing
    kept."""
    if ahead.get("screening_complicated_history") == "yes" and not times_said_since_start(
        tracker, FORM, HISTORY_TOLD_RESPONSE
    ):
        return HISTORY_TOLD_RESPONSE
    return NOTED_RESPONSE


LIST_SLOTS = frozenset({"screening_symptoms", "screening_substances", "screening_prescribed"})
_DONT_KNOW = re.compile(
    r"\b(?:i\s+)?(?:don'?t|dont|do\s+not|doesn'?t|dunno|no\s+idea|not\s+sure|idk|no\s+s[eé])\b"
)
# the questions a "don't know" can name, and the words that name them
_NAMED_QUESTIONS = (
    ("screening_frequency", r"\bhow\s+(?:often|much)|\bcada\s+cuando|\bfrecuencia"),
    (
        "screening_last_use",
        r"\bwhen\s+(?:she|he|they|i)?\s*(?:last|used)|\blast\s+(?:used|time)|\bultima\s+vez",
    ),
    ("screening_symptoms", r"\bwithdraw\w*|\bsymptoms|\bshak\w*|\bsick\b|\babstinencia|\bsintomas"),
    ("screening_complicated_history", r"\bseizures?|\bdts\b|\bconvulsion\w*"),
    ("screening_prescribed", r"\bprescri\w*|\breceta"),
    ("screening_pregnant", r"\bpregnan\w*|\bembaraz\w*"),
)


def not_known_at_all(slot: str, text: str, tracker: Tracker) -> Dict[str, Any]:
    """ "don't know" said of this question and at least one more, named: each is unknown."""
    folded = screening_answers.fold(text)
    if not _DONT_KNOW.search(folded):
        return {}
    named = [s for s, words in _NAMED_QUESTIONS if re.search(words, folded)]
    if len(named) < 2:
        return {}
    if slot not in named:
        # said to another question ("what do they use?"): that one is not known either
        named.append(slot)
    return {
        s: [UNKNOWN] if s in LIST_SLOTS else UNKNOWN
        for s in named
        if s == slot or tracker.get_slot(s) is None
    }


# questions whose answer carries no time of its own: a last use said plainly with them ("yes.
# fent, smoking it. did a little last night" to "used since you left?", stepdown role-play
# round 33: "when did you last use?" came next, then "last night i told u") is kept
TIME_FREE_ANSWERS = frozenset({"screening_use_since_care", "screening_pregnant", "screening_for"})


def told_with_the_answer(slot: str, text: str, tracker: Tracker) -> Dict[str, Any]:
    """Answers to questions not asked yet, said with a plain answer to this one: "last night.
    my hands shake a little in the morning. no seizures. not pregnant" to "when did you last
    use?" (blind v24, read in round 30: the symptoms question came next as if unsaid). Not how
    often or when last: an answer's own time words ("not in the last month", "every day")
    would be read again as the other."""
    ahead = answers_ahead(slot, text, tracker)
    ahead.pop("screening_frequency", None)
    if slot not in TIME_FREE_ANSWERS or not _LAST_USE_TOLD.search(text):
        ahead.pop("screening_last_use", None)
    if slot in ("screening_substances", "screening_prescribed"):
        ahead.pop("screening_substances", None)
    return ahead


def _says_again(slot: str, text: str, tracker: Tracker) -> bool:
    """How often or when last, said again as it was already told."""
    return any(
        other != slot
        and tracker.get_slot(other) not in (None, UNKNOWN)
        and read(text) == tracker.get_slot(other)
        for other, read in (
            ("screening_frequency", screening_answers.parse_frequency),
            ("screening_last_use", screening_answers.parse_last_use),
        )
    )


def _named_symptoms(text: str) -> List[str] | None:
    """Symptoms named in the words ("sweats cramps cant sleep"); a bare "no" is not one."""
    return sorted(screening_answers.parse_symptoms(text) - {screening_rules.NO_SYMPTOMS}) or None


# withdrawal said to be absent in so many words: "no shakes just bad hangovers", "no
# withdrawal really", "nothing really when i stop" (blind v20: asked again)
_NO_WITHDRAWAL = re.compile(
    r"\b(?:no|not|never|nothing|without|zero|sin|nada\s+de)\b[^.!?]{0,15}\b(?:shak\w*|withdrawal|"
    r"symptoms|sweat\w*|tembl\w*|abstinencia|s[ií]ntomas)\b|\bnothing\s+(?:really\s+)?when\s+i\s+stop\b|"
    # "sintomas nada, solo la cruda del domingo" (blind es-v13: asked again)
    r"\b(?:s[ií]ntomas|symptoms|shakes|temblores|withdrawal|abstinencia)\s+(?:nada|ninguno|none|nope|no|nunca|cero|zero)\b"
)


def _symptoms_told(text: str) -> List[str] | None:
    """Symptoms named, or none said plainly ("no shakes just bad hangovers"); else None."""
    named = _named_symptoms(text)
    if named:
        return named
    folded = screening_answers.fold(text)
    if _NO_WITHDRAWAL.search(folded) and symptoms_answer(text) == [screening_rules.NO_SYMPTOMS]:
        return [screening_rules.NO_SYMPTOMS]
    if _NO_WITHDRAWAL_SAID.search(folded):
        # "last time saturday night. no withdrawal, i just feel kinda low on mondays" (blind
        # v25, read in round 31: asked about withdrawal two questions later)
        return [screening_rules.NO_SYMPTOMS]
    return None


_NO_WITHDRAWAL_SAID = re.compile(
    r"\b(?:no|never\s+(?:get|got|had)(?:\s+any)?|don'?t\s+get(?:\s+any)?|dont\s+get(?:\s+any)?)\s+"
    r"(?:withdrawals?|withdrawal\s+symptoms|w/?d|sintomas\s+de\s+abstinencia)\b|"
    r"\bsin\s+(?:sintomas|abstinencia)\b"
)


_NO_SEIZURES = re.compile(
    r"\b(no|never|nope|nah|not|nunca|ninguna?|jamas)\b.*\b(seizures?|dts|d\.t\.s|fits|convulsion"
    r"|convulsiones|ataques?)\b"
)
_PREGNANCY_WORDS = re.compile(
    r"\b(pregnan\w*|baby|weeks along|embaraz\w*|bebe|preg|vato|hombre|guy|dude)\b"
)


def history_answer(text: str) -> str | None:
    """ "yes" for a past seizure or DTs told in the words ("he had a seizure last year when he
    ran out"), "no" for "no seizures" / "nunca he tenido convulsiones", else None."""
    if screening_answers.read_emergency(text).past & HISTORY_SIGNS:
        return "yes"
    if _NO_SEIZURES.search(screening_answers.fold(text)):
        return "no"
    return None


_DTS_RISK = frozenset({"alcohol", "benzodiazepine", "sedative"})
_NO_DTS = re.compile(
    r"\b(?:dts|d\.t\.s|delirium|anything\s+like\s+that|none\s+of\s+(?:that|those)|hospital\w*|"
    r"withdrawal\s+(?:problems|issues)|nada\s+de\s+eso|ninguna\s+de\s+esas)\b"
)


def stated_alongside(slot: str, text: str, tracker: Tracker) -> Dict[str, Any]:
    """Plain answers to other questions not asked yet, said with this one: "every day. no
    seizures, not pregnant" (blind v19: the seizure and pregnancy questions were asked
    again, or the answers were dropped). Only the two that are said in so many words."""
    found: Dict[str, Any] = {}
    if (
        slot != "screening_complicated_history"
        and tracker.get_slot("screening_complicated_history") is None
    ):
        history = history_answer(text)
        # a "no" counts only when it covers the DTs too: "no seizures" alone still leaves the
        # question (seizures, the DTs or a hospital withdrawal) to be asked
        used = set(tracker.get_slot("screening_substances") or ()) | set(
            substances.categories_in_text(text)
        )
        # the DTs follow alcohol, benzos and sleeping pills only: for someone who uses none of
        # them "no seizures ever" answers it all (blind v20: crack and methadone, asked again)
        no_dts_risk = bool(used) and not used & _DTS_RISK
        if history == "yes" or (
            history == "no" and (no_dts_risk or _NO_DTS.search(screening_answers.fold(text)))
        ):
            found["screening_complicated_history"] = history
    if slot != "screening_pregnant" and tracker.get_slot("screening_pregnant") is None:
        pregnant = screening_answers.pregnancy_stated(text)
        if pregnant is not None:
            found["screening_pregnant"] = YES_NO[pregnant]
    return found


def answers_ahead(slot: str, text: str, tracker: Tracker) -> Dict[str, Any]:
    """An answer to a question not asked yet ("all day every day" to "is any of it
    prescribed?"): people answer in the order they expect (v8 conversations). It fills
    that question, if still empty, instead of being taken as "don't know" here."""
    readers = (
        ("screening_frequency", screening_answers.parse_frequency),
        ("screening_last_use", screening_answers.parse_last_use),
        ("screening_symptoms", _symptoms_told),
        # a seizure told to the pregnancy question (blind v17: "yeah he had a seizure last
        # year when he ran out of bars" was a yes to "could you be pregnant?")
        # (a "no" is left to stated_alongside: "no seizures" alone leaves the DTs unasked)
        ("screening_complicated_history", lambda t: "yes" if history_answer(t) == "yes" else None),
    )
    found: Dict[str, Any] = {}
    for other, read in readers:
        # a "don't know" left by an answer that was meant for another question can still
        # be told ("not prescribed, from my neighbor" to "when did you last use?", then "last
        # night" to the symptoms question, blind v22)
        if other == slot:
            continue
        months_to_revisit = other == "screening_last_use" and tracker.get_slot(other) == "months"
        if tracker.get_slot(other) not in (None, UNKNOWN, [UNKNOWN]) and not months_to_revisit:
            continue
        if months_to_revisit:
            # "no not in like a year" read as the last use, then "this morning" (blind v25,
            # read in round 31: a daily fentanyl smoker with withdrawal got "IOP may fit" for
            # no use in over a month): a more recent last use told later is the safer reading
            recent = screening_answers.parse_last_use(text)
            if recent and recent != "months" and not _CARE_WORDS.search(text):
                found[other] = recent
            continue
        if other == "screening_last_use" and (
            _CARE_WORDS.search(text) or _PAST_WITHDRAWAL_WORDS.search(text)
        ):
            # "got out 10 days ago", "was in the hospital 2019": a time about care, not the
            # last use (persona p05 and p14: iop_may_fit / the help line from a misread);
            # a sentence without care words may still say it ("never done detox. last one
            # this morning")
            value = next(
                (
                    found_use
                    for part in re.split(r"[.;!?\n]+", text)
                    if part.strip()
                    and not _CARE_WORDS.search(part)
                    and not _PAST_WITHDRAWAL_WORDS.search(part)
                    for found_use in [read(part)]
                    if found_use
                ),
                None,
            )
            if value:
                found[other] = value
            continue
        value = read(text)
        if value:
            found[other] = value
    found.update({k: v for k, v in stated_alongside(slot, text, tracker).items() if k not in found})
    if slot != "screening_prescribed" and tracker.get_slot("screening_prescribed") is None:
        used = set(tracker.get_slot("screening_substances") or ()) | substances.categories_in_text(
            text
        )
        prescribed = form_answers.prescription_told(text, used)
        if prescribed is not None and used & screening_rules.PRESCRIBABLE:
            found["screening_prescribed"] = prescribed
    # substances named to another question ("vodka, and she takes oxycodone for her back",
    # v9 family-05), also after a "none" that the words now contradict
    if slot != "screening_substances" and not tracker.get_slot("screening_substances"):
        named = sorted(substances.categories_in_text(text))
        if named:
            found["screening_substances"] = named
    return found


def more_substances(slot: str, text: str, tracker: Tracker) -> Dict[str, Any]:
    """Substances named to another question once the substances are known: the list,
    with any new ones added (empty when the words name none)."""
    known = tracker.get_slot("screening_substances")
    if slot == "screening_substances" or not known:
        return {}
    named = substances.categories_in_text(text)
    if not named:
        return {}
    return {"screening_substances": sorted(set(known) | set(named))}


def yes_no_unknown(text: Any) -> str:
    """ "yes" / "no" / "unknown" for a yes-no question."""
    answer = screening_answers.parse_yes_no(str(text or ""))
    return YES_NO.get(answer, UNKNOWN)


# Drink brands: in answer to "what do you use?" they mean alcohol, though elsewhere some
# are names or words ("my son Jack", "the captain"), so they stay out of the entity lexicon.
BRANDS_IN_ANSWER = re.compile(
    r"\b(jack|jd|jameson|crown royal|crown|captain morgan|captain|henny|grey goose|smirnoff"
    r"|bacardi|fireball|titos|svedka|white claw|twisted tea|four loko|steel reserve|mad dog"
    r"|olde english|natty|busch|bud light|budweiser|coors|corona|modelo|heineken|pbr|miller"
    r"|tecate|pacifico|dos equis|bohemia|carta blanca|buchanans|jose cuervo|cuervo|don julio"
    r"|medalla|presidente)\b"
)


def substance_categories(tracker: Tracker, text: str) -> List[str]:
    """Categories from the spaCy SUBSTANCE entities, else from the words of the lexicon."""
    names = [
        e.get("value")
        for e in (tracker.latest_message or {}).get("entities") or []
        if e.get("entity") == "SUBSTANCE"
    ]
    # both: an entity can cover one name while the lexicon finds another ("coke and jack daniels")
    found = substances.categories(names) | substances.categories_in_text(text)
    if BRANDS_IN_ANSWER.search(text.lower().replace("'", "")):
        found.add("alcohol")
    return sorted(found)


def symptoms_answer(text: str) -> List[str] | None:
    """Withdrawal symptoms (+ emergency signs marked now or unclear), ["none"], or None
    when unsure. Past and negated emergency signs are not marked (see read_emergency)."""
    reading = screening_answers.read_emergency(text)
    emergencies = [f"{EMERGENCY_PREFIX}{e}" for e in sorted(reading.now)] + [
        f"{UNCLEAR_PREFIX}{e}" for e in sorted(reading.unclear)
    ]
    named = screening_answers.parse_symptoms(text)
    if not named and reading.past:
        named = {"reported"}  # "I had a seizure last time I quit": withdrawal before
    if not named:
        yes_no = screening_answers.parse_yes_no(text)
        named = (
            {"reported"}
            if yes_no is True
            else {screening_rules.NO_SYMPTOMS}
            if yes_no is False
            else set()
        )
    if not named and not emergencies:
        return None
    return sorted(named) + emergencies


def emergency_category(tracker: Tracker) -> str:
    """The crisis reply's wording for an emergency in the screening: withdrawal, or a
    medical emergency when only stimulants or cannabis were named (chest pain on
    cocaine, psychosis on meth are not withdrawal)."""
    used = set(tracker.get_slot("screening_substances") or ())
    return "medical" if used and used <= screening_rules.LOW_RISK else "withdrawal"


MAX_TEXTS_ABOUT_THE_PERSON = 20


def user_texts(tracker: Tracker) -> List[str]:
    """What the person wrote lately (the last 20 messages), newest last."""
    texts = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    return texts[-MAX_TEXTS_ABOUT_THE_PERSON:]


# What was said before the screening asked anything (role-play 2026-12-04: a caller who
# said "a fifth a day, I get the shakes, do I need detox" was asked which substance and how
# often; a sister who said "my brother" twice was asked who the questions were for)
TOLD_BEFORE_MESSAGES = 4
_USES = (
    r"(?:uses|drinks|takes|smokes|shoots|snorts|vapes|relapsed|overdosed|is\s+(?:using|drinking|"
    r"on|addicted|hooked|smoking|taking)|has\s+been\s+(?:using|drinking|taking|smoking)|"
    r"toma|bebe|usa|consume|fuma|se\s+droga|esta\s+usando)"
)
# someone else is the one using: "for my brother", "my son drinks", "he takes xanax"; a
# relative only named ("my wife says i have to ask this") is not (v9 self-08)
_FAMILY = re.compile(
    rf"\b(?:for|about|asking\s+for|worried\s+about|helping|para|por)\s+(?:my|mi)\s+(?:\d+\s*"
    rf"(?:yo|y/o|year\s+old|years\s+old)\s+)?{RELATIVE}\b|"
    rf"\b(?:my|our|mi|nuestro|nuestra)\s+(?:\d+\s*(?:yo|y/o|year\s+old|years\s+old)\s+)?{RELATIVE}"
    rf"\s+(?:\w+\s+){{0,2}}{_USES}\b|"
    rf"\b(?:he|she|hes|shes|he's|she's|el|ella)\s+(?:\w+\s+){{0,1}}{_USES}\b|"
    # "my bf needs help, does he need detox before ur program?" (blind v25, read in round
    # 31: "is this for you?", then "no not in like a year" was taken as their own answers)
    rf"\b(?:my|mi)\s+{RELATIVE}\s+(?:really\s+)?(?:needs?|necesita)\s+(?:help|ayuda|detox)\b|"
    r"\b(?:does|do|will|would)\s+(?:he|she|they)\s+(?:\w+\s+)?need\s+(?:to\s+)?(?:detox|go\s+to\s+detox)\b"
)
# said in so many words ("its for me"); "do i need detox" alone is still asked (test
# test_nothing_is_guessed_who_it_is_for: "my wife says i have to ask this thing")
_SAYS_FOR_ME = re.compile(
    r"\b(?:its|it'?s|it\s+is|this\s+is|asking|question\s+is)\s+(?:just\s+|all\s+)?for\s+(?:me|myself)\b|"
    # not "es para mi papa" (blind es-v19, read in round 33: his questions asked as hers)
    r"\bfor\s+myself\b|\bes\s+para\s+m[ií](?:\s+mism[oa])?(?!\s*[a-zñ])"
)
_OWN_USE = re.compile(
    r"\b(?:i|ive|i've|im|i'm)\s+(?:\w+\s+){0,4}?(?:drink|drank|drinking|use|used|using|take|took|"
    r"taking|smoke|smoking|shoot|snort|relapsed)\b|\bmy\s+(?:own\s+)?(?:drinking|use|using|habit|"
    r"addiction)\b|\b(?:yo\s+)?(?:tomo|bebo|consumo|uso|fumo)\b|"
    # "been smoking fent every day for like 2 years", "I just finished 30 days inpatient"
    # (blind v24, read in round 30: "are these questions about you?" after saying so)
    r"(?:^|[.!?]\s*|\bhi\s+|\bhey\s+)(?:been|just\s+been)\s+(?:using|smoking|drinking|taking|shooting|snorting|doing)\b|"
    r"(?:^|[.!?]\s*|\bhi\s+|\bhey\s+)(?:just\s+)?(?:got\s+out\s+of|finished|left)\s+(?:\w+\s+)?(?:detox|rehab|residential|inpatient)\b|"
    r"\bi\s+(?:just\s+)?(?:finished|got\s+out\s+of|left|completed|graduated)\s+(?:\w+\s+){0,4}?"
    r"(?:detox|rehab|residential|inpatient|treatment)\b"
)


# anyone else in the story at all ("my wife says i have to ask this"): who it is for is asked
_SOMEONE_ELSE_NAMED = re.compile(
    rf"\b(?:my|our|mi|his|her)\s+(?:\w+\s+)?{RELATIVE}\b|\b(?:he|she|hes|shes|he's|she's|el|ella)\b"
)


HEAVY_USE = frozenset(screening_rules.HEAVY)
_OTHER_PEOPLES_USE = re.compile(
    r"\b(?:just|only|mostly|mainly|solo|nomas)\s+(?:for|para)\s+(?:like\s+)?(?:[\w-]+\s+){1,5}?"
    r"(?:people|users|addicts|folks|ppl|junkies|alcoholics|gente|adictos)\b",
    re.IGNORECASE,
)


def told_before(tracker: Tracker) -> str:
    """The person's words before the screening's first question: the message that started
    it and the few before it (button payloads left out). Empty once a question was asked."""
    if tracker.get_slot("requested_slot"):
        return ""
    texts = [t for t in user_texts(tracker) if t.strip() and not t.startswith("/")]
    return " . ".join(texts[-TOLD_BEFORE_MESSAGES:])


def prefilled(tracker: Tracker) -> Dict[str, Any]:
    """Answers the person already gave in their own words: who it is for (a family member
    named, no use of their own), substances, how often, withdrawal signs by name. Emergency
    signs are never taken from here: the symptoms question (and the crisis guard) read those."""
    text = told_before(tracker)
    if not text:
        return {}
    lowered = screening_answers.fold(text)
    found: Dict[str, Any] = {}
    latest = screening_answers.fold(user_texts(tracker)[-1] if user_texts(tracker) else "")
    if _SAYS_FOR_ME.search(latest):
        # "hola, necesito saber si tengo que ir a detox. es para mi" right after "my brother
        # uses" (round 25 widget check: "¿Esa persona...?"): the request's own words win
        found["screening_for"] = "self"
    elif _FAMILY.search(lowered) and not _OWN_USE.search(lowered):
        found["screening_for"] = "other"
    elif _SAYS_FOR_ME.search(lowered):
        # "can u tell me if i need detox first? its for me" (blind v19: asked anyway)
        found["screening_for"] = "self"
    elif _OWN_USE.search(lowered) and not _SOMEONE_ELSE_NAMED.search(lowered):
        # "i take kratom every day... trying to figure out if i need detox" (blind v24, read
        # in round 30: "are these questions about you?", then "yes please" was not an answer)
        found["screening_for"] = "self"
    # "or is it just for alcohol and heroin people" (blind v25, read in round 31: alcohol and
    # opioids taken as their own use, and the withdrawal questions asked of a ketamine user)
    used = sorted(substances.categories_in_text(_OTHER_PEOPLES_USE.sub(" ", text)))
    if used:
        found["screening_substances"] = used
    frequency = screening_answers.parse_frequency(text)
    if frequency and used:
        found["screening_frequency"] = frequency
    reading = screening_answers.read_emergency(text)
    named = _named_symptoms(text)
    if named and used and not reading.now and not reading.unclear:
        found["screening_symptoms"] = named
    prescribed = form_answers.prescription_told(text, used)
    if prescribed is not None and set(used) & screening_rules.PRESCRIBABLE:
        found["screening_prescribed"] = prescribed
    last_use = last_use_outside_withdrawal_stories(text)
    if last_use in ("weeks", "months") and found.get("screening_frequency") in HEAVY_USE:
        # "I missed my last shot, it's been like five weeks, and I've been drinking again...
        # every day for like three weeks" (caller role-play round 31: "weeks ago" from the shot,
        # so morning shakes got "IOP may fit"): daily use now is no last use weeks ago; asked
        last_use = None
    if last_use and used and _SAYS_WHEN_LAST.search(lowered):
        # "i drink a fifth a day, last drink this morning" (round 26: asked when, next)
        found["screening_last_use"] = last_use
    if found.get("screening_for") != "other":
        # "I just got out of a 5 day detox yesterday" (blind v19: "have you recently finished
        # detox...?" was asked next)
        found.update(care_told(text))
    pregnant = screening_answers.pregnancy_stated(text)
    if pregnant is not None and found.get("screening_for") != "other":
        # "uso coca los fines de semana. no estoy embarazada" (blind es-v10: asked anyway)
        found["screening_pregnant"] = YES_NO[pregnant]
    return found


def last_answered(tracker: Tracker, form_slots: List[str]) -> str | None:
    """The form's slot answered most recently (what "go back" takes back), or None."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            return None  # nothing answered since the form started
        if (
            event.get("event") == "slot"
            and event.get("name") in form_slots
            and event.get("value") is not None
        ):
            return str(event["name"])
    return None


def correction_events(tracker: Tracker, form_slots: List[str]) -> List[EventType]:
    """Slots a correction changes ("theyre not prescribed", "I hit the wrong one"), or none.

    Only once a question has been asked: the message that starts the screening is read
    by ``prefilled``. "Nothing is prescribed" fixes that answer wherever it is said;
    a bare "go back" clears the last answer, so it is asked again."""
    requested = tracker.get_slot("requested_slot")
    if not requested:
        return []
    text = str((tracker.latest_message or {}).get("text") or "")
    if text.startswith("/"):
        return []  # a button: an answer, never a correction
    used = set(tracker.get_slot("screening_substances") or ())
    if (
        requested != "screening_prescribed"
        and form_answers.states_not_prescribed(text)
        and tracker.get_slot("screening_prescribed") != []
        and (not used or used & screening_rules.PRESCRIBABLE)
    ):
        return [SlotSet("screening_prescribed", [])]
    if form_answers.corrects_an_answer(text):
        # "wait no i meant weekends" one question later (texter role-play round 16: the
        # detox-first result came from the "every day" he had corrected)
        for slot, read in (
            ("screening_frequency", screening_answers.parse_frequency),
            ("screening_last_use", screening_answers.parse_last_use),
        ):
            value = read(text)
            if slot != requested and value and tracker.get_slot(slot) not in (None, value):
                return [SlotSet(slot, value)]
    if form_answers.takes_back_an_answer(text):
        previous = last_answered(tracker, [s for s in form_slots if s != requested])
        if previous:
            return [SlotSet(previous, None)]
    return []


def _prefilled_extractor(slot: str) -> Callable[..., Dict[str, Any]]:
    """rasa-sdk's ``extract_<slot>``: the slot from what was told before the first question."""

    def extract(
        self: FormValidationAction,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[str, Any]:
        return _prefill_one(tracker, slot)

    return extract


class ValidateDetoxScreeningForm(FormValidationAction):
    """Reads each answer (button or free text) and skips questions the decision doesn't need."""

    def name(self) -> str:
        return "validate_detox_screening_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Validation, then, when the form is done, the reply's safety note (and the crisis
        wording) as slots: Rasa renders a custom action's replies with the tracker from
        before that action's own events, so action_screening_outcome cannot set the slot
        its reply variation is chosen by."""
        corrected = correction_events(tracker, self.domain_slots(domain))
        if corrected == [SlotSet("screening_prescribed", [])] and tracker.get_slot(
            "screening_prescribed"
        ) in (None, UNKNOWN):
            # "never been to detox. and no they're not prescribed to me" (blind v22: "I've
            # fixed that", and the question asked again): nothing was answered before, so it
            # is an answer told ahead, and the question in hand is read as usual
            tracker.slots["screening_prescribed"] = []
            events = await self._validated(dispatcher, tracker, domain)
            return [*corrected, *events]
        if corrected:
            # the message fixes an earlier answer: it answers nothing else, and the
            # question in hand (or the one taken back) is asked again
            dispatcher.utter_message(response="utter_screening_corrected")
            requested = tracker.get_slot("requested_slot")
            raw_text = str((tracker.latest_message or {}).get("text") or "")
            if (
                requested
                and all(e.get("name") != requested for e in corrected)
                and (
                    corrected == [SlotSet("screening_prescribed", [])]
                    or tracker.get_slot(requested) == raw_text
                )
            ):
                # the form has already put this message's raw text in the question in hand
                # (blind v25, read in round 31: "no seizures ever, nothing prescribed, not
                # pregnant (guy)" became the pregnancy answer, word for word; round 32: "no
                # wait i meant weekends only" became the last use, and its question was skipped)
                corrected = [*corrected, SlotSet(requested, None)]
            # the next question comes from this form's own list (Rasa's would be the domain's
            # whole list: "did you finish that stay in the last 30 days?" to someone who had
            # none, round 32)
            tracker.add_slots(corrected)
            following = await self.next_requested_slot(dispatcher, tracker, domain)
            return [*corrected, following] if following else corrected
        return await self._validated(dispatcher, tracker, domain)

    async def _validated(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """rasa-sdk's validation, the opening when who it is for was told, the outcome slots."""
        starting = tracker.get_slot("requested_slot") is None
        events = await super().run(dispatcher, tracker, domain)
        first = next(
            (
                e.get("value")
                for e in events
                if e.get("event") == "slot" and e.get("name") == "requested_slot"
            ),
            None,
        )
        if starting and first not in (None, "screening_for"):
            # who it is for was said already, so "is this for you or someone else?" (which
            # opens the screening) is skipped: the opening is said on its own
            dispatcher.utter_message(response=INTRO_RESPONSE)
        done = any(
            e.get("event") == "slot"
            and e.get("name") == "requested_slot"
            and e.get("value") is None
            for e in events
        )
        if done:
            events.extend(outcome_slots(tracker))  # tracker holds the validated answers
        return events

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        symptoms = tracker.get_slot("screening_symptoms") or []
        if any(str(s).startswith(EMERGENCY_PREFIX) for s in symptoms):
            return []  # an emergency now: stop asking, the outcome says call 911
        used = tracker.get_slot("screening_substances")
        no_withdrawal_risk = used is not None and set(used) <= screening_rules.LOW_RISK
        # "months" from someone who said they use daily is a misread (v9 family-01: "he went
        # to detox once like 5 years ago" to "when did they last use?"): keep asking
        long_ago = tracker.get_slot("screening_last_use") == "months" and tracker.get_slot(
            "screening_frequency"
        ) not in ("daily", "most_days")
        # stimulants/cannabis only: no withdrawal questions, but the symptoms question
        # stays, as it is where chest pain or hearing voices now is said (911)
        skip = set(DETAIL_SLOTS) - {"screening_symptoms"} if no_withdrawal_risk else set()
        if long_ago:
            skip |= {"screening_symptoms", "screening_complicated_history"}
        if tracker.get_slot("screening_recent_care") != "yes":
            skip |= set(CARE_FOLLOW_UPS)
        elif tracker.get_slot("screening_care_30_days") != "yes":
            skip.add("screening_use_since_care")
        elif tracker.get_slot("screening_use_since_care") == "no":
            # nothing used since a recent stay: how often and when they used before it
            # cannot change the outcome (blind v25/es-v16, read in round 31: "how often do
            # you use?" to someone five weeks clean, right out of residential care)
            skip |= {"screening_frequency", "screening_last_use"}
        named = used or (
            # at the first run the substances told before are extracted in the same pass, so
            # the prescription told with them ("xanax bars from a plug") is read too
            prefilled(tracker).get("screening_substances")
            if tracker.get_slot("requested_slot") is None
            else None
        )
        if not set(named or ()) & screening_rules.PRESCRIBABLE:
            skip.add("screening_prescribed")
        if not any(str(s).startswith(UNCLEAR_PREFIX) for s in symptoms):
            skip.add("screening_emergency_now")
        return self._with_risk_questions(
            [slot for slot in domain_slots if slot not in skip], tracker
        )

    @staticmethod
    def _with_risk_questions(slots: List[str], tracker: Tracker) -> List[str]:
        """Risk questions only when their answer can change the outcome; pregnancy right
        after the substances for opioid use, and nothing more once it is a yes."""
        used = set(tracker.get_slot("screening_substances") or ())
        texts = user_texts(tracker)
        if (
            tracker.get_slot("screening_for") == "other"
            and form_answers.speaks_only_of_a_man(texts)
        ) or form_answers.speaks_of_an_older_woman(texts):
            slots = [s for s in slots if s != "screening_pregnant"]
        elif "opioid" in used:
            pregnant = tracker.get_slot("screening_pregnant") or (
                "yes" if pregnancy_told_before(tracker) else None
            )
            if pregnant == "yes":
                return [s for s in slots if tracker.get_slot(s) is not None]
            rest = [s for s in slots if s != "screening_pregnant"]
            at = rest.index("screening_substances") + 1 if "screening_substances" in rest else 0
            if "screening_prescribed" in rest:
                at = rest.index("screening_prescribed") + 1
            slots = rest[:at] + ["screening_pregnant"] + rest[at:]
        answers = answers_from(tracker)
        kept = []
        for slot in slots:
            if slot == HISTORY_SLOT and _history_cannot_matter(tracker, answers):
                continue
            question = RISK_QUESTIONS.get(slot)
            unasked = tracker.get_slot(slot) is None
            if slot == "screening_pregnant" and unasked and answers.pregnant is not None:
                continue  # said in their own words already ("im 14 weeks pregnant")
            if question and unasked and not (slot == "screening_pregnant" and "opioid" in used):
                field, values = question
                if getattr(answers, field) is not None:
                    continue  # told already in the person's own words ("most of a fifth")
                if not screening_rules.answer_matters(answers, field, values):
                    continue
            kept.append(slot)
        return kept

    # answers told before the first question (prefilled) fill these questions
    extract_screening_for = _prefilled_extractor("screening_for")
    extract_screening_substances = _prefilled_extractor("screening_substances")
    extract_screening_frequency = _prefilled_extractor("screening_frequency")
    extract_screening_symptoms = _prefilled_extractor("screening_symptoms")
    extract_screening_recent_care = _prefilled_extractor("screening_recent_care")
    extract_screening_prescribed = _prefilled_extractor("screening_prescribed")
    extract_screening_last_use = _prefilled_extractor("screening_last_use")
    extract_screening_care_30_days = _prefilled_extractor("screening_care_30_days")
    extract_screening_pregnant = _prefilled_extractor("screening_pregnant")

    def validate_screening_for(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if value in ("self", "other") and tracker.get_slot("requested_slot") is None:
            return {"screening_for": value}  # told before the first question
        text = str(value or "")
        answer = form_answers.parse_screening_for(text)
        asked = is_question(text)
        if _ASKS_WHY.search(text) and not times_said_since_start(tracker, FORM, WHY_RESPONSE):
            # "why do you need to know that?" to "is this for you or someone else?" (blind
            # v22: the admission answer): why, then the question again
            dispatcher.utter_message(response=WHY_RESPONSE)
            return {"screening_for": None}
        if asked and answered_faq(dispatcher, tracker, FORM, QUESTION_FAQ_MIN_CONFIDENCE):
            # "how much does it cost, he's still on our blue cross plan" (blind v16: read as
            # "for someone else" and the question left unanswered): answered, and who it is
            # for kept when the words said it
            return {"screening_for": answer}
        if answer is not None:
            # "its for me. never been to rehab or detox", "for my mother... she has never been
            # in detox" (blind v20: the care question was asked next anyway): what else the
            # answer tells is kept
            told = {**care_told(text), **answers_ahead("screening_for", text, tracker)}
            if not _SAYS_WHEN_LAST.search(screening_answers.fold(text)):
                told.pop("screening_last_use", None)  # "4 days a week" is no last use
            return {"screening_for": answer, **told}
        if answered_faq(dispatcher, tracker, FORM):
            return {"screening_for": None}
        told = {**care_told(text), **answers_ahead("screening_for", text, tracker)}
        if told and form_answers.parse_screening_for(text) != "other":
            # "never been to detox or rehab" (blind v19: "sorry, I didn't catch that. Are
            # these questions about you...?" to someone who had said "its for me"): their
            # own story, told ahead; kept, and the questions go on for them
            return {"screening_for": "self", **told}
        if times_said_since_start(tracker, FORM, "utter_screening_for_unclear"):
            return {"screening_for": "self"}  # asked twice: the questions work either way
        dispatcher.utter_message(response="utter_screening_for_unclear")
        return {"screening_for": None}

    def validate_screening_recent_care(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = str(value or "")
        if care_told(text) == {"screening_recent_care": "no"} and not _CARE_DONE.search(text):
            # "si por favor. nunca ha estado internado ni en detox" (blind es-v13: the "si"
            # to the questions was read as a yes to recent care): the words about care answer
            return {
                "screening_recent_care": "no",
                **answers_ahead("screening_recent_care", text, tracker),
            }
        answer, when_told = recent_care_answer(text)
        if when_told:
            # "im on suboxone now from the detox doc so yes thats prescribed. last used fent 9
            # days ago" (blind v24, read in round 30: the prescription question came next)
            return {**told_with_the_answer("screening_recent_care", text, tracker), **when_told}
        if (
            form_answers.parse_screening_for(text) is not None
            # "no she hasnt" (blind v21, SMS: asked three times) is the answer itself
            and answer != "no"
            and not _CARE_WORDS.search(text)
            and times_said_since_start(tracker, FORM, "utter_ask_screening_recent_care") <= 1
            # "she had a withdrawal seizure before" names her, and says more than who it is for
            and not answers_ahead("screening_recent_care", text, tracker)
        ):
            # "ok yes, its for my husband" to the first question (blind v20): a yes to the
            # questions themselves, not to "have they recently finished detox?"; a program
            # question with it is answered ("how much does it cost, he's on our blue cross")
            if is_question(text):
                answered_faq(dispatcher, tracker, FORM, QUESTION_FAQ_MIN_CONFIDENCE)
            return {"screening_recent_care": None}
        return read_answer("screening_recent_care", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_care_30_days(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = str(value or "")
        answer = form_answers.care_within_30_days(text)
        result = read_answer("screening_care_30_days", answer, UNKNOWN, dispatcher, tracker)
        if result.get("screening_care_30_days") and form_answers.tells_nothing_since(text):
            # "alcohol, every day before detox, nothing since. last drink was 9 days ago"
            # (blind v22, SMS: "have you used since you left?" asked next)
            result["screening_use_since_care"] = "no"
        return result

    def validate_screening_use_since_care(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = str(value or "")
        answer = form_answers.used_since_care(text)
        if answer is None and re.match(
            r"^\W*(?:no+|nope|nah|nada|nothing)\b\s*[,.]", text, re.IGNORECASE
        ):
            # "no, I feel okay now. sleeping better, no shakes" (blind v22: noted, asked again)
            answer = "no"
        result = read_answer("screening_use_since_care", answer, UNKNOWN, dispatcher, tracker)
        if answer == "yes" and not tracker.get_slot("screening_substances"):
            # "meth" to "have you used since you left?" (blind v15): a yes, and what they
            # use, so "what do you use?" is not asked next as if nothing was said
            named = substance_categories(tracker, text)
            if named:
                result["screening_substances"] = named
        return result

    def validate_screening_prescribed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if isinstance(value, list):
            return {"screening_prescribed": value}  # told before the first question
        named = tracker.get_slot("screening_substances") or []
        text = str(value or "")
        answer = form_answers.parse_prescribed(text, named)
        if answer == []:
            # "No withdrawal now, never had a seizure. The suboxone I'm on is prescribed by
            # the rehab doctor" (blind v25, read in round 31: the first "no" was taken as
            # nothing prescribed): a medicine said to be prescribed wins over that "no"
            answer = form_answers.prescription_told(text, named) or answer
        if answer and not form_answers.mentions_prescription(text) and _named_symptoms(text):
            # "ya i get dope sick if i go more than half a day" (blind v16, fentanyl): a yes
            # to the withdrawal question they expected, not a prescription
            answer = None
        if (
            answer
            and not form_answers.mentions_prescription(text)
            and not _YES_FIRST_WORD.match(text)
            and (screening_answers.parse_frequency(text) or _LAST_USE_TOLD.search(text))
        ):
            # "GHB like i said every couple hours day and night, last dose an hour ago"
            # (blind v22, voice): naming it again with how often is no prescription
            answer = None
        return read_answer("screening_prescribed", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_substances(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if isinstance(value, list):
            return {"screening_substances": value}  # read from what was told before
        text = str(value or "")
        found = substance_categories(tracker, text)
        pattern = use_pattern_told(text, tracker) if found else {}
        if found and form_answers.parse_prescribed(text, found) == []:
            # "xanax bars, i buy them" (v9 self-09): not prescribed, so not asked next
            return {"screening_substances": found, "screening_prescribed": [], **pattern}
        if found and _UNSURE_PRESCRIBED.search(text):
            return {"screening_substances": found, "screening_prescribed": UNKNOWN, **pattern}
        if not found and form_answers.is_no_use(text):
            return {"screening_substances": []}
        if form_answers.is_unsure(text) or (
            not found and not_known_at_all("screening_substances", text, tracker)
        ):
            # "no idea", "not sure what": unknown (the help line), or more than was named; the
            # other questions it names are not known either (blind v25, read in round 31)
            others = {} if found else not_known_at_all("screening_substances", text, tracker)
            return {
                **others,
                "screening_substances": sorted(set(found) | {"other"}) if found else [UNKNOWN],
            }
        if found:
            result = read_answer("screening_substances", found, ["other"], dispatcher, tracker)
            return {**pattern, **result} if result.get("screening_substances") else result
        return read_answer("screening_substances", found or None, ["other"], dispatcher, tracker)

    def validate_screening_frequency(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = screening_answers.parse_frequency(str(value or ""))
        return read_answer("screening_frequency", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_last_use(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = screening_answers.parse_last_use(str(value or ""))
        return read_answer("screening_last_use", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_symptoms(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if isinstance(value, list):
            return {"screening_symptoms": value}  # named before the first question
        text = str(value or "")
        more = more_substances("screening_symptoms", text, tracker)
        known = set(tracker.get_slot("screening_substances") or [])
        asked = times_said_since_start(tracker, FORM, "utter_ask_screening_symptoms")
        if (
            more
            and set(more["screening_substances"]) - known
            and not _named_symptoms(text)
            and asked < MAX_ASKS
        ):
            # "cristal, y a veces se toma unas cervezas" (es-v3) named a new substance, and
            # its "a veces" read as a yes; the new substance's questions come first
            return {"screening_symptoms": None, **more}
        result = read_answer(
            "screening_symptoms", symptoms_answer(text), [UNKNOWN], dispatcher, tracker
        )
        reading = screening_answers.read_emergency(text)
        if reading.now:
            result["crisis_category"] = emergency_category(tracker)
        if reading.past & HISTORY_SIGNS:
            result["screening_complicated_history"] = "yes"  # said already: not asked again
        count = screening_answers.parse_withdrawal_count(text)
        if count is not None:
            result["screening_past_withdrawals"] = count
        return result

    def validate_screening_complicated_history(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = str(value or "")
        # the yes or no of this question, not of the pregnancy said with it: "yeah i had the
        # d t's last time i quit... and no i cant be pregnant" (blind v24, read in round 30:
        # asked again, and daily drinking with past DTs never reached "detox first")
        answer = yes_no_unknown(_PREGNANCY_CLAUSE.sub(" ", text))
        if answer == UNKNOWN and history_answer(text):
            # "no seizures no dts not pregnant" (blind v25, read in round 31: the clause
            # taken out ran back over the whole answer, and the question came again)
            answer = history_answer(text) or UNKNOWN
        if screening_answers.read_emergency(text).past & HISTORY_SIGNS:
            answer = "yes"  # "I had a seizure when I quit before"
        elif _tells_symptoms_not_history(text):
            # "cuando no toma le tiemblan las manos y suda mucho" (blind es-v12: the "no" of
            # "cuando no toma" was the answer, and daily drinking with the shakes got "IOP may
            # fit"): these are the symptoms, kept as such; the history question comes again
            # only if it can still change the outcome
            dispatcher.utter_message(response="utter_screening_noted")
            return {
                "screening_complicated_history": None,
                "screening_symptoms": _with_told_symptoms(tracker, text),
            }
        result = read_answer("screening_complicated_history", answer, UNKNOWN, dispatcher, tracker)
        count = screening_answers.parse_withdrawal_count(text)
        if count is not None:
            result["screening_past_withdrawals"] = count
        return result

    def validate_screening_emergency_now(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """ "Is this happening right now?": yes or unsure is an emergency (911, withdrawal
        wording); no means it happened before, a complicated withdrawal in the past."""
        text = str(value or "")
        answer = screening_answers.parse_yes_no(text)
        if answer is None:
            # not a yes or no: an emergency sign now is a yes; naming only ordinary
            # symptoms ("anxious, shaky") says what is happening now, so a no
            now = screening_answers.read_emergency(text).now
            answer = True if now else False if screening_answers.parse_symptoms(text) else None
        symptoms = list(tracker.get_slot("screening_symptoms") or [])
        unclear = [s for s in symptoms if str(s).startswith(UNCLEAR_PREFIX)]
        others = [s for s in symptoms if s not in unclear]
        signs = [s.removeprefix(UNCLEAR_PREFIX) for s in unclear]
        if answer is False:
            result: Dict[str, Any] = {
                "screening_emergency_now": "no",
                "screening_symptoms": others or [screening_rules.NO_SYMPTOMS],
            }
            if set(signs) & HISTORY_SIGNS:
                result["screening_complicated_history"] = "yes"
            return result
        if answer is None and answered_faq(dispatcher, tracker, FORM):
            return {"screening_emergency_now": None}
        return {
            "screening_emergency_now": "yes" if answer else UNKNOWN,
            "screening_symptoms": others + [f"{EMERGENCY_PREFIX}{s}" for s in signs],
            # set before the outcome action runs, so utter_crisis shows the right wording
            "crisis_category": emergency_category(tracker),
        }

    def validate_screening_drinks(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = screening_answers.parse_drinks(str(value or ""))
        return read_answer("screening_drinks", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_pregnant(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = str(value or "")
        answer = YES_NO.get(screening_answers.parse_pregnant(text))
        if history_answer(text) and not _PREGNANCY_WORDS.search(screening_answers.fold(text)):
            answer = None  # the seizure question answered early, not this one
        elif answer is None or history_answer(text):
            # "no, convulsiones nunca... y embarazo menos jaja soy vato" (blind es-v13): the
            # words about pregnancy answer it, whatever the first "no" was for
            stated = screening_answers.pregnancy_stated(text)
            if stated is not None:
                answer = YES_NO[stated]
        return read_answer("screening_pregnant", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = YES_NO.get(screening_answers.parse_age_65_plus(str(value or "")))
        return read_answer("screening_age", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_medical(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = YES_NO.get(screening_answers.parse_sometimes_yes(str(value or "")))
        return read_answer("screening_medical", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_blackouts(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = YES_NO.get(screening_answers.parse_sometimes_yes(str(value or "")))
        return read_answer("screening_blackouts", answer, UNKNOWN, dispatcher, tracker)


def _prefill_one(tracker: Tracker, slot: str) -> Dict[str, Any]:
    """``slot`` from what was told before the first question; nothing when not told."""
    if tracker.get_slot(slot) is not None:
        return {}
    value = prefilled(tracker).get(slot)
    return {slot: value} if value is not None else {}


def _known(value: Any) -> Any:
    return None if value in (None, UNKNOWN, [UNKNOWN]) else value


def pregnancy_told_before(tracker: Tracker) -> bool | None:
    """Pregnancy said in the person's own words about themselves, in this session ("im 14
    weeks pregnant and using pain pills", blind v24, read in round 30: asked "could you be
    pregnant?" later anyway). Only for the person's own screening."""
    if tracker.get_slot("screening_for") == "other":
        return None
    for text in reversed(user_texts_this_session(tracker)):
        stated = screening_answers.pregnancy_stated(text)
        if stated is not None:
            return stated
    return None


def _drinks(value: Any) -> float | None:
    """Drinks a day from the slot. Before validation (rasa_sdk calls required_slots with
    the newly extracted text) the slot still holds the person's words: parse them."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return screening_answers.parse_drinks(str(value))


# an amount with its measure ("most of a fifth by night", "6-8 beers"), said before the
# question about drinks was asked
_DRINK_MEASURE = re.compile(
    r"\b(?:fifths?|handles?|pints?|bottles?|beers?|shots?|drinks|glasses|cans|tall\s?boys?|40s|"
    # Spanish (blind es-v12: "como una botella cada noche", then "how many drinks?")
    r"botellas?|cervezas?|caguamas?|copas|tragos|latas|six|doce)\b",
    re.IGNORECASE,
)


def drinks_told_before(texts: List[str]) -> float | None:
    """Drinks a day already told in the person's own words, used only when it is clearly
    more than a low amount: a low or unclear amount is still asked (v8: "every day. most
    of a fifth by night" was followed by "how many drinks?")."""
    for text in reversed(texts):
        if not _DRINK_MEASURE.search(text):
            continue
        amount = screening_answers.parse_drinks(text)
        if amount is not None and amount > screening_rules.LOW_DRINKS:
            return amount
    return None


def _yes(value: Any) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def _recent_care(tracker: Tracker) -> bool | None:
    """Higher care that ended in the last 30 days: yes only when both answers say so."""
    care = _yes(tracker.get_slot("screening_recent_care"))
    if care is not True:
        return care
    return _yes(tracker.get_slot("screening_care_30_days"))


def answers_from(tracker: Tracker) -> screening_rules.ScreeningAnswers:
    """The form's slots as the screening rules' input (unknown stays None)."""
    used = _known(tracker.get_slot("screening_substances"))
    prescribed = _known(tracker.get_slot("screening_prescribed"))
    symptoms = _known(tracker.get_slot("screening_symptoms"))
    emergencies = {
        s.removeprefix(EMERGENCY_PREFIX) for s in symptoms or [] if s.startswith(EMERGENCY_PREFIX)
    }
    withdrawal = (
        None
        if symptoms is None
        else {s for s in symptoms if not s.startswith((EMERGENCY_PREFIX, UNCLEAR_PREFIX))} or None
    )
    drinks = _known(tracker.get_slot("screening_drinks"))
    if drinks is None:
        drinks = drinks_told_before(user_texts(tracker))
    return screening_rules.ScreeningAnswers(
        for_self=tracker.get_slot("screening_for") != "other",
        substances=None if used is None else set(used),
        frequency=_known(tracker.get_slot("screening_frequency")),
        last_use=_known(tracker.get_slot("screening_last_use")),
        withdrawal_symptoms=withdrawal,
        emergency_symptoms_now=emergencies,
        past_complicated_withdrawal=_yes(tracker.get_slot("screening_complicated_history")),
        recent_higher_care=_recent_care(tracker),
        used_since_care=_yes(tracker.get_slot("screening_use_since_care")),
        prescribed=None if prescribed is None else set(prescribed),
        drinks_per_day=_drinks(drinks),
        pregnant=_yes(tracker.get_slot("screening_pregnant"))
        if tracker.get_slot("screening_pregnant") is not None
        else pregnancy_told_before(tracker),
        age_65_plus=_yes(tracker.get_slot("screening_age")),
        serious_medical=_yes(tracker.get_slot("screening_medical")),
        blackouts=_yes(tracker.get_slot("screening_blackouts")),
        past_withdrawals=tracker.get_slot("screening_past_withdrawals"),
    )


# The one safety point each outcome's reply variation is chosen by (slot screening_note);
# the variations live in domain/screening.yml, the notes in screening_rules.safety_notes().
NOTE_PRIORITY = {
    screening_rules.Outcome.DETOX_FIRST: (screening_rules.NOTE_WITHDRAWAL_NOW,),
    screening_rules.Outcome.IOP_MAY_FIT: (screening_rules.NOTE_SEDATIVES,),
    screening_rules.Outcome.HELPLINE: (
        screening_rules.NOTE_AFTER_DETOX,
        screening_rules.NOTE_PREGNANT_OPIOID,
        screening_rules.NOTE_PRESCRIBED,
    ),
    screening_rules.Outcome.EMERGENCY: (),
}


def primary_note(outcome: screening_rules.Outcome, notes: Tuple[str, ...]) -> str | None:
    """The note the outcome's reply variation must carry, or None for the plain reply."""
    return next((n for n in NOTE_PRIORITY[outcome] if n in notes), None)


def outcome_slots(tracker: Tracker) -> List[EventType]:
    """The slots the outcome's reply variation is chosen by (screening_note, and for an
    emergency crisis_category)."""
    answers = answers_from(tracker)
    decision = screening_rules.decide(answers)
    note = primary_note(decision.outcome, screening_rules.safety_notes(answers, decision))
    events: List[EventType] = [SlotSet("screening_note", note)]
    if decision.outcome is screening_rules.Outcome.EMERGENCY:
        events.append(SlotSet("crisis_category", emergency_category(tracker)))
    return events


class ActionScreeningOutcome(Action):
    """Says the outcome and records it (slots) for staff."""

    def name(self) -> str:
        return "action_screening_outcome"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        answers = answers_from(tracker)
        decision = screening_rules.decide(answers)
        notes = screening_rules.safety_notes(answers, decision)
        note = primary_note(decision.outcome, notes)
        events: List[EventType] = [SlotSet("screening_note", note)]
        if decision.outcome is screening_rules.Outcome.EMERGENCY:
            # the crisis reply's withdrawal (or medical) wording, not the suicide one
            events.append(SlotSet("crisis_category", emergency_category(tracker)))
        dispatcher.utter_message(response=OUTCOME_RESPONSES[decision.outcome])
        if screening_rules.NOTE_PRESCRIBED in notes and note != screening_rules.NOTE_PRESCRIBED:
            dispatcher.utter_message(response="utter_screening_prescribed_note")
        if screening_rules.NOTE_OPIOIDS in notes:
            # lower tolerance after a break, overdose risk, naloxone (issue 13 item 10)
            dispatcher.utter_message(response="utter_screening_opioid_note")
        return events + [
            SlotSet("screening_outcome", decision.outcome.value),
            SlotSet("screening_reasons", list(decision.reasons)),
        ]
