"""The deterministic layer of crisis detection, as a Rasa NLU component.

Runs after the intent classifier. Every message (the whole original text,
not the capped copy the classifier saw) is scanned with the crisis lexicon;
on a hit the intent becomes ``crisis`` with confidence 1.0, whatever the
classifier thought, and the hit is recorded so staff can see which pattern
fired. The classifier's own ``crisis`` predictions are left alone: the two
layers add up, they never cancel each other. It runs last in the pipeline,
after the fallback classifier, so no later component can undo a hit.

The hit is also added as two entities (``crisis_category``,
``crisis_pattern``) so Rasa's slot mappings can flag the conversation without
any call to the action server.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Tuple

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant import screening_answers, substances
from iop_assistant.channels.message_size import bounded_for_reading
from iop_assistant.input_text import sentences
from iop_assistant.language import SPANISH
from iop_assistant.language.reply_reasons import (
    DOSING_REASON,
    FAMILY_PRIVACY_REASON,
    FAMILY_RELAPSE_REASON,
    FAMILY_SUPPORT_REASON,
    OVERDOSE_SIGNS_REASON,
)
from iop_assistant.language.requests import requested_language
from iop_assistant.nlu.contact_questions import CALLBACK_STATUS_REASON, asks_callback_status
from iop_assistant.nlu.control_gate import ENGLISH_INTENT, SPANISH_INTENT, gate, overrule, put_first
from iop_assistant.nlu.control_intents import (
    CALLBACK_INTENT,
    SCREENING_INTENT,
    asks_for_a_call,
    asks_for_screening,
    is_worried_disclosure,
    tells_of_a_relatives_habit,
    tells_of_their_own_habit,
)
from iop_assistant.nlu.crisis_matcher import DEFAULT_LEXICON, CrisisHit, CrisisMatcher, normalize
from iop_assistant.nlu.danger_idioms import is_idiom_only
from iop_assistant.nlu.danger_questions import (
    answer_for,
    asks_about_mixing,
    asks_about_overdose_signs,
    is_general_danger_question,
)
from iop_assistant.nlu.danger_words import (
    has_danger_words,
    names_treatment_medicine,
    says_something_was_taken,
)
from iop_assistant.nlu.distress import is_ambiguous_distress
from iop_assistant.nlu.dosing_questions import (
    DOSING_INTENT,
    asks_about_dosing,
    states_a_plan_to_stop_a_sedative,
)
from iop_assistant.nlu.family_questions import (
    asks_about_their_relapse,
    asks_for_family_support,
    asks_what_family_is_told,
)
from iop_assistant.nlu.input_guard import ORIGINAL_TEXT
from iop_assistant.nlu.no_emergency import (
    says_no_emergency,
    without_911_questions,
    without_denial,
)
from iop_assistant.nlu.past_danger import is_told_as_history
from iop_assistant.nlu.spacy_pipeline import DEFAULT_OUTPUT
from iop_assistant.nlu.use_psychosis import is_use_psychosis, left_to_read
from iop_assistant.program_question import (
    CONFIDENTIALITY_INTENT,
    FAMILY_INTENT,
    RELAPSE_INTENT,
    SAFETY_INTENT,
    STAYING_ON_MEDICATION_INTENT,
    asks_about_the_program,
    asks_to_make_someone_go,
    is_about_safety,
)

CRISIS_INTENT = "crisis"
CHECKIN_INTENT = "crisis_checkin"
# Below this, a crisis guess by the classifier alone (no lexicon hit) asks the
# direct check-in question instead of the full emergency reply: worried
# disclosures ("I'm scared I can't stop") and idioms drew the classifier's
# unsure crisis guesses (docs/evaluation.md), and the question still offers 988
# and 911 and turns into the crisis reply on a yes.
CLASSIFIER_CRISIS_MIN = 0.8
# a laugh in the message ("jaja", "lol", 😂): with no lexicon hit, no emergency
_LAUGHS = re.compile(r"\b(?:ja(?:ja)+|je(?:je)+|ha(?:ha)+|lol+|lmf?ao+|xd+)\b|😂|🤣", re.IGNORECASE)
WORRIED_INTENT = "inform_use"
# a past attempt, one's own overdose or violence is asked about (the check-in); someone's
# overdose or a seizure long past is history
CHECKED_IN_HISTORIES = frozenset({"suicidal", "self_harm", "overdose_self", "violence"})
# an unsure guess this weak ("im in brooklyn") is noise, not a reason to ask about suicide
MIN_UNSURE_CRISIS = 0.3
_DENIAL = re.compile(
    r"\b(?:i'?m|im|i\s+am)\s+not\s+(?:suicidal|(?:going\s+to|gonna|gunna)\s+(?:hurt|kill)\s+my\s*self|"
    r"(?:going\s+to|gonna)\s+do\s+anything(?:\s+(?:to\s+my\s*self|stupid|tonight))?|in\s+danger)\b|"
    r"\bi\s+(?:would|will|'d|'ll)\s+never\s+(?:hurt|kill)\s+my\s*self\b|"
    r"\bnot\s+(?:like\s+that|thinking\s+(?:about|of)\s+(?:suicide|killing\s+my\s*self))\b|"
    r"\b(?:i'?m|im)\s+(?:safe|ok(?:ay)?)\s*,?\s+(?:i\s+)?just\b|"
    r"(?:^\W*|[.!?,]\s*)not\s+suicidal\b|"
    # "no no, no pienso en hacerme daño. nomas estoy agotada" (es-v4, after the check-in
    # question: the crisis reply)
    r"\bno\s+(?:pienso|estoy\s+pensando|he\s+pensado|quiero|me\s+quiero|voy\s+a)\s+(?:en\s+)?"
    r"(?:hacerme\s+da(?:ñ|n)o|matarme|suicidarme|morirme|quitarme\s+la\s+vida|nada\s+(?:malo|de\s+eso))\b|"
    r"\bno\s+(?:estoy|soy)\s+suicida\b|\bno\s+(?:es|era)\s+(?:eso|as[ií])\b|"
    # "porque me sigue diciendo del suicidio? nadie se quiere matar" (Spanish role-play round
    # 22: the 988 text again); "nobody is suicidal", "no one wants to die"
    r"\b(?:nadie|ninguno)\s+(?:se\s+)?(?:quiere|est[aá]\s+pensando\s+en)\s+(?:matar(?:se)?|suicidar(?:se)?|morir(?:se)?)\b|"
    r"\b(?:por\s*qu[eé]|porque)\s+me\s+(?:sigue|siguen)\s+(?:diciendo|hablando|mandando)\s+(?:\w+\s+){0,2}?(?:suicidio|988)\b|"
    r"\b(?:nobody|no\s+one|no1)\s+(?:is|'s)\s+(?:suicidal|trying\s+to\s+(?:die|kill\s+(?:themselves|themself)))\b|"
    r"\bwhy\s+(?:do|are)\s+(?:you|u)\s+keep\s+(?:\w+\s+){0,2}?(?:about\s+)?suicide\b"
)
_QUALIFIED = re.compile(
    r"\b(?:but|though|although|yet|except|unless|tonight|today|right\s+now|rn|yet|anymore|maybe|"
    r"pero|aunque|esta\s+noche|hoy|ahorita|todav[ií]a|tal\s+vez|yo\s+s[ií])\b"
)
OVERDOSE_SELF = "overdose_self"
# someone else's overdose on GHB, sleeping pills or alcohol only: naloxone does not undo them
OVERDOSE_SEDATIVE = "overdose_sedative"
_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|him|her|them|his|hes|shes|someone|somebody|my\s+(?:friend|son|daughter|"
    r"husband|wife|boyfriend|girlfriend|bf|gf|partner|mom|mum|mother|dad|father|brother|sister|"
    r"roommate|kid|child|baby|cousin|buddy|uncle|aunt|grandma|grandpa|fianc\w*|spouse))\b"
)
_FIRST_PERSON = re.compile(r"\b(?:i|im|i'm|i've|ive|i'd|id|i'll|myself|me)\b")
FALLBACK_INTENT = "nlu_fallback"
GUARD_OUTPUT = "crisis_guard"
EXTRACTOR = "CrisisGuard"


# a hit that says help is wanted but not what kind of danger ("do we still have to call
# 911?"): it keeps the conversation's category (role-play 2026-12-04: "I'm hanging up and
# calling 911" turned a sleeping-pill overdose into "a medical emergency")
NAMES_NO_CATEGORY = frozenset({"call_911"})


def crisis_entities(hit: CrisisHit, text: str) -> List[Dict[str, Any]]:
    """Entities that carry the hit into slots (they span the whole message)."""
    values = {"crisis_pattern": hit.pattern_id}
    if hit.pattern_id not in NAMES_NO_CATEGORY:
        values = {"crisis_category": hit.category, **values}
    return [
        {
            "entity": entity,
            "value": value,
            "start": 0,
            "end": len(text),
            "extractor": EXTRACTOR,
            "confidence_entity": 1.0,
        }
        for entity, value in values.items()
    ]


# others named only as objects: "i took all of them", "just wanted to tell someone sorry"
# (crisis role-play round 34: the bystander's overdose steps to a person who took a bottle)
_OTHERS_AS_OBJECTS = re.compile(
    r"\b(?:all|some|most|both|each|half|the\s+rest)\s+of\s+them\b|"
    r"\b(?:tell|told|talk\s+to|text|call|ask|reach)\s+(?:someone|somebody)\b"
)


def is_first_person(text: str) -> bool:
    """About the writer, not someone else ("i took a whole bottle", not "he took...")."""
    clean = _OTHERS_AS_OBJECTS.sub(" ", normalize(text))
    return bool(_FIRST_PERSON.search(clean)) and not _THIRD_PERSON.search(clean)


# taking it all said as a wish or a plan: "if i just took the whole bottle", "better off if
# i swallowed them all"
_IF_I_TOOK = re.compile(
    r"\b(?:if|when)\s+i\s+(?:just\s+|finally\s+|only\s+)?(?:took|take|swallowed|swallow|downed|ate)\b|"
    r"\bbetter\s+off\b[^.!?]{0,40}\bi\s+(?:just\s+)?(?:took|swallowed|downed)\b"
)


_CUT_ONESELF = re.compile(
    r"\b(?:cut|cutting|sliced|slit|slashed)\s+(?:myself|my\s+(?:wrists?|arms?|legs?|thighs?))\b"
)


# overdose-lexicon entries worded as sleep and waking: about oneself, with nothing taken,
# they are a wish not to wake up
SLEEP_WORDING = frozenset({"wont_wake_up"})


SUICIDAL_OTHER = "suicidal_other"
# a car running in a closed garage, a hose on the exhaust, charcoal in a sealed room: the
# reply says what to do about the fumes (crisis role-play round 29: a sister whose brother
# was in the garage with the engine running got "I'm really glad you told me, call 988")
FUMES_PATTERNS = frozenset({"carbon_monoxide", "exhaust_hose", "carbon_monoxide_symptoms"})
FUMES, FUMES_OTHER = "fumes", "fumes_other"
# the bystander's own part in a message about someone else: "what do i do", "should i break
# the door", "i cant get in", "i called 911"
_BYSTANDER = re.compile(
    r"\b(?:what\s+(?:do|should|can|shall)\s+i(?:\s+do)?|should\s+i|do\s+i|can\s+i|could\s+i|"
    r"i'?m\s+(?:scared|so\s+scared|terrified|freaking\s+out|calling|outside|at\s+the\s+door|here)|"
    r"im\s+(?:scared|so\s+scared|terrified|freaking\s+out|calling|outside|at\s+the\s+door|here)|"
    r"i\s+(?:called|am\s+calling|cant|can't|cannot|tried|found|just\s+found|heard|saw|don'?t\s+know|"
    r"dont\s+know|need|think|knocked|keep|kept|got|have\s+to|want\s+to\s+help))\b"
)
_WRITER_AS_SUBJECT = re.compile(
    r"\b(?:i|im|i'm|ive|i've|i'll|i'd|myself)\b|"
    r"\bill\s+(?:be|do|go|just|never|kill|end|take|finally|make|have|say|see|jump|drive)\b|"
    # the writer's own despair said without "i": "cant do this anymore. my kids are better off"
    r"\b(?:better\s+off|without\s+me|a\s+burden|cant\s+do\s+this|can't\s+do\s+this|"
    r"take\s+care\s+of\s+(?:my|the)\s+(?:kids|dog|cat|mom|mum|dad)\s+for\s+me)\b|"
    # Spanish: "he pensado en matarme" ("he" is "I have"; Spanish role-play round 31: advice
    # for helping someone else, after a yes to the suicide question)
    r"\b(?:yo|matarme|morirme|suicidarme|quitarme|me\s+quiero|quiero|estoy|tengo|voy\s+a|he\s+\w+(?:ado|ido))\b"
)
# someone else named as the one in danger: "he", "she", "himself", "my brother is/has/locked"
_OTHER_AS_SUBJECT = re.compile(
    r"\bhe\b(?!\s+\w+(?:ado|ido)\b)|\b(?:she|hes|shes|he's|she's|himself|herself|themselves|they're|theyre)\b|"
    r"\bmy\s+(?:friend|son|daughter|husband|wife|boyfriend|girlfriend|bf|gf|partner|mom|mum|mother|"
    r"dad|father|brother|sister|roommate|kid|child|cousin|buddy|uncle|aunt|grandma|grandpa|fianc\w*|"
    r"spouse)\s+(?:is|was|has|keeps|kept|says|said|just|locked|texted|sent|wants|won'?t|wont|isn'?t|isnt|"
    r"tried|took|told|left|went|posted|wrote|gave)\b"
)


def is_someone_elses_danger(text: str) -> bool:
    """The danger is another person's: "my brother locked himself in the garage with the
    engine running, he wont answer me. what do i do". Someone else is named as the one in
    danger and the writer speaks only as the one who found it (``_BYSTANDER``); "i want to
    die, my husband doesn't get it" and "after 9 ill be gone for good, tell my mom" are the
    writer's own. When unsure it is the writer's: their reply also says 911."""
    clean = normalize(text)
    if not _OTHER_AS_SUBJECT.search(clean):
        return False
    return not _WRITER_AS_SUBJECT.search(_BYSTANDER.sub(" ", clean))


def _whose(hit: CrisisHit, text: str) -> CrisisHit:
    """Suicidal danger said about someone else, or by fumes: the reply for that case."""
    if hit.category != "suicidal":
        return hit
    other = is_someone_elses_danger(text)
    if hit.pattern_id in FUMES_PATTERNS:
        return CrisisHit(hit.pattern_id, FUMES_OTHER if other else FUMES)
    return CrisisHit(hit.pattern_id, SUICIDAL_OTHER) if other else hit


def refine(hit: CrisisHit, text: str, matcher: CrisisMatcher) -> CrisisHit:
    """The reply's category: the writer's own danger or someone else's (``_whose``)."""
    return _whose(_refine_own(hit, text, matcher), text)


def _refine_own(hit: CrisisHit, text: str, matcher: CrisisMatcher) -> CrisisHit:
    """The reply's category for the writer's own situation.

    The lexicon ranks overdose first (a body on the floor comes first), but a
    person writing about themselves needs a reply to them: "i just want to go
    to sleep and not wake up" is suicidal, not an overdose to give naloxone
    for, and "i took a whole bottle of pills" needs "call 911 for yourself",
    not bystander steps. Once something was taken, 911 comes first even when
    the words are suicidal too ("i took a handful of my sleeping pills and i
    want to die"): the overdose-for-yourself reply also offers 988.
    """
    if hit.category == "medical" and _CUT_ONESELF.search(normalize(text)):
        # "i cut myself and it wont stop bleeding" (round 19): the bleeding hit first, but the
        # self-harm reply is the one with first aid for bleeding and 988
        return first_hit_of(matcher, text, ("self_harm",)) or hit
    if hit.category == "overdose" and takes_only_stimulants(text):
        # "he took too much meth and now hes seizing" (role-play: naloxone first, which does
        # nothing for a stimulant): a seizure now gets the seizure first aid
        seizure = first_hit_of(matcher, text, ("seizure",))
        if seizure is not None:
            return seizure
    if hit.category == "overdose" and not is_first_person(text) and takes_only_depressants(text):
        # "my friend did G at a party and she's hard to wake up" (round 31's list: "give
        # naloxone", which does nothing for GHB): the side, the breathing, naloxone only in case
        return CrisisHit(hit.pattern_id, OVERDOSE_SEDATIVE)
    if hit.category != "overdose" or not is_first_person(text):
        return hit
    if _IF_I_TOOK.search(normalize(text)):
        # "everyone would be better off if i just took the whole bottle" (crisis role-play
        # round 19: "what you took can still hurt you"): a wish, nothing taken yet
        return CrisisHit(hit.pattern_id, "suicidal")
    if hit.pattern_id in SLEEP_WORDING and not says_something_was_taken(text):
        # "it would be easier if i just didnt wake up" with nothing taken (role-play
        # 2026-12-04: "don't take anything else", "what you took can still hurt you")
        return CrisisHit(hit.pattern_id, "suicidal")
    if not says_something_was_taken(text):
        other = first_hit_of(matcher, text, ("suicidal", "self_harm"))
        if other is not None:
            return other
    return CrisisHit(hit.pattern_id, OVERDOSE_SELF)


# what naloxone can reverse, or what may be mixed with a stimulant in an overdose
_NOT_ONLY_STIMULANTS = frozenset({"opioid", "benzodiazepine", "alcohol", "sedative"})


_DRUNK_DRIVING_FEAR = re.compile(
    r"\b(?:drives?|driving|behind\s+the\s+wheel)\b[^.!?|]{0,60}?\bkill\s+(?:himself|herself|themselves|themself)\b|"
    r"\bkill\s+(?:himself|herself|themselves|themself)\s+(?:or|and)\s+(?:someone|somebody|others|other\s+people|"
    r"another\s+(?:person|driver)|a\s+(?:kid|family))\b[^.!?|]{0,60}?\b(?:driv\w*|on\s+the\s+road|behind\s+the\s+wheel)|"
    r"\b(?:drunk|high|wasted)\s+driv\w*\b[^|]{0,120}?\bkill\s+(?:himself|herself|themselves)\s+(?:or|and)\s+(?:someone|somebody)"
)
_DRIVING_NOW = re.compile(
    r"\b(?:right\s+now|just\s+(?:left|drove\s+off|took\s+the\s+(?:car|keys|truck))|is\s+(?:driving|on\s+the\s+road)\s+now|"
    r"about\s+to\s+drive|(?:gonna|going\s+to)\s+drive\s+(?:home\s+)?(?:now|tonight)|took\s+(?:the|his|her)\s+keys)\b"
)


def is_drunk_driving_fear(hit: CrisisHit, text: str) -> bool:
    """A relative's fear that drunk driving will kill them or someone ("kill himself or
    someone else"), with no drive happening now: a worry about a habit, not a suicide."""
    clean = normalize(text)
    return (
        hit.pattern_id == "tok_kill_self"
        and not re.search(r"\b(?:myself|my\s+self)\b", clean)
        and bool(_DRUNK_DRIVING_FEAR.search(clean))
        and not _DRIVING_NOW.search(clean)
    )


def takes_only_stimulants(text: str) -> bool:
    """The message names a stimulant (meth, cocaine, Adderall) and nothing naloxone or
    rescue breathing is first for."""
    named = substances.categories_in_text(text)
    return "stimulant" in named and not named & _NOT_ONLY_STIMULANTS


# GHB by its street names ("did G", "some gina"); substances.py knows "ghb" itself
_GHB = re.compile(
    r"\b(?:ghb|gbl|(?:did|took|on|had|drank|some|too\s+much)\s+g|gina|liquid\s+(?:e|x|ecstasy)|"
    r"g\s+at\s+(?:a|the)\s+(?:party|club)|(?:tom[oó]|se\s+tom[oó]|meti[oó]|us[oó]|bebi[oó])\s+(?:g|ghb|gina)|"
    r"[eé]xtasis\s+l[ií]quido)\b",
    re.IGNORECASE,
)
# an unnamed drug beside the sedative: it could hold an opioid, so naloxone stays first
_UNNAMED_DRUG = re.compile(
    r"\b(?:pills?|drugs?|something|stuff|powder|pressed|blues?|dope|lean|bars?|pastillas?|drogas?|algo)\b",
    re.IGNORECASE,
)
_SLEEPING_PILLS = re.compile(
    r"\b(?:(?:sleep(?:ing)?|ambien|sleep\s+aid)\s+(?:pills?|meds?|medicines?)|pastillas?\s+para\s+dormir)\b",
    re.IGNORECASE,
)
DEPRESSANTS = frozenset({"sedative", "alcohol"})


def takes_only_depressants(text: str) -> bool:
    """GHB, sleeping pills or alcohol are named, and nothing that could hold an opioid."""
    named = set(substances.categories_in_text(text))
    if _GHB.search(text):
        named.add("sedative")
    if not named or not named <= DEPRESSANTS:
        return False
    return not _UNNAMED_DRUG.search(_SLEEPING_PILLS.sub(" ", text))


def first_hit_of(
    matcher: CrisisMatcher, text: str, categories: tuple[str, ...]
) -> CrisisHit | None:
    """The lexicon's first hit in ``text`` of one of ``categories``."""
    return next((h for h in matcher.find_all(text) if h.category in categories), None)


_ANSWER_NO = re.compile(r"^\W*(?:no+|nope|nah|god\s+no|hell\s+no|para\s+nada|claro\s+que\s+no)\b")


def told_not_asked(text: str) -> str:
    """The sentences of ``text`` that are not questions; none when nothing in it is marked
    as a question ("what should you do if you find someone overdosing" is one)."""
    if "?" not in text:
        return ""
    return " ".join(s for s in sentences(text) if not s.strip().endswith("?"))


def set_intent(message: Message, name: str) -> None:
    put_first(message, name)


CRISIS_READINGS = frozenset({CRISIS_INTENT, "crisis_checkin", "crisis_update"})


def other_guesses(message: Message, *also_skip: str) -> List[Dict[str, Any]]:
    """The classifier's ranking without its crisis readings (and ``also_skip``)."""
    skip = CRISIS_READINGS | set(also_skip)
    return [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") not in skip]


def take_next_guess(message: Message) -> None:
    """The classifier's best guess that is not a crisis (or a fallback when none is left)."""
    ranking = other_guesses(message)
    best = dict(ranking[0]) if ranking else {"name": FALLBACK_INTENT, "confidence": 1.0}
    message.set(INTENT, best, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking or [best], add_to_output=True)


def answers_a_question(intent: str | None) -> bool:
    """A program question (not a safety one, which a crisis follow-up repeats 911 for)."""
    return bool(intent) and str(intent).startswith("ask_") and intent != "ask_safety_procedures"


# the classifier's best non-crisis guess must be at least this sure to be answered instead
# of a crisis it was sure of (with no word of danger): a next guess at 0.00 is no reading
MIN_ALTERNATIVE = 0.1


# someone is spoken of ("i", "he", "my", "tengo", "estoy"): markup or code is not a person
# ('<img src=x onerror=...>' was a sure crisis of the classifier's, a browser test)
_PERSON = re.compile(
    r"\b(?:i|im|i'm|ive|i've|ill|i'll|id|i'd|me|my|myself|he|hes|he's|she|shes|she's|him|his|her|"
    r"they|theyre|they're|them|their|we|were|we're|our|us|you|u|ur|your|yo|mi|mis|el|ella|ellos|"
    r"estoy|tengo|voy|quiero|nos|mio|mia)\b",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"<[^>]*>|\b(?:javascript|data|vbscript):\S*|\]\([^)]*\)", re.IGNORECASE)


def speaks_of_someone(text: str) -> bool:
    """Words about a person, once markup and script URLs are set aside."""
    return bool(_PERSON.search(_MARKUP.sub(" ", text or "")))


def has_real_alternative(message: Message) -> bool:
    """The classifier had another reading worth answering, besides its crisis guess; a
    message that speaks of nobody (markup, code) always has one."""
    if not speaks_of_someone(str(message.get(ORIGINAL_TEXT) or message.get(TEXT) or "")):
        return True
    guesses = other_guesses(message)
    return bool(guesses) and float(guesses[0].get("confidence") or 0) >= MIN_ALTERNATIVE


# "um yes hello I'm calling about my... about the program, the uh, the outpatient thing"
# (voice role-play 2026-12-04) was read as a sure crisis: hesitant speech that names the
# program, with no word of danger. Hesitation alone is not enough: "um... i've been
# thinking about, uh, ending it" (v9) is a crisis.
_FILLERS = re.compile(r"(?:^|\s)(?:uh+|um+|er+m?|hmm+|uhm+|ah+)(?=[\s,.!?]|$)|\.\.\.|…")
_THE_PROGRAM = re.compile(r"\b(?:program|outpatient|iop|intensive\s+outpatient)\b")


# not understanding the assistant's own message: "I don't understand the numbers", "i dont
# get what you mean", "no entiendo las opciones"
_NOT_UNDERSTOOD = re.compile(
    r"^\W*(?:(?:sorry|ok|um+|uh+|wait|lol|what)\W+)*(?:i\s+)?(?:don'?t|dont|do\s+not|didn'?t|didnt)\s+"
    r"(?:understand|get|follow)\s+(?:the|this|that|these|those|what|your|ur|u|you|how|which)\b"
    r"(?:\s+\w+){0,4}\W*$|^\W*no\s+(?:entiendo|entend[ií])\s+(?:las?|los?|eso|esto|qu[eé]|c[oó]mo)\b"
    r"(?:\s+\w+){0,4}\W*$",
    re.IGNORECASE,
)
# words that keep a crisis reading even without a word of danger ("uh... the program didnt
# work. i have the pills in my hand")
_STILL_RISKY = re.compile(
    r"\b(?:pills?|gun|rope|knife|blade|bridge|tonight|goodbye|bye|done|end|ending|ended|kill|die|"
    r"dying|dead|hurt|suicid\w*|overdos\w*|od|breath\w*|blood|bleeding)\b|"
    r"\bi\s+(?:have|got|took|want|wanna|can'?t|cant|am\s+going|'?m\s+going|'?m\s+gonna|need)\b"
)


def is_hesitant_about_the_program(text: str) -> bool:
    """Fillers ("uh", "um", "...") and the program named, and nothing that may be danger:
    the classifier's crisis reading of such a message is taken as unsure instead."""
    clean = normalize(text)
    return bool(
        _FILLERS.search(clean) and _THE_PROGRAM.search(clean) and not _STILL_RISKY.search(clean)
    )


# "im scared to start the program tonight" (round 33's open list: the classifier's sure
# crisis, the 911 reply): nerves about starting, with no word of danger, ask about day one
FIRST_DAY_INTENT = "ask_first_day"
_NERVOUS_TO_START = re.compile(
    r"\b(?:scared|nervous|anxious|afraid|terrified|freaking\s+out|worried)\s+(?:to|about|of)\s+"
    r"(?:start|starting|begin|beginning|go(?:ing)?\s+to|join(?:ing)?)\s+(?:the\s+|my\s+|your\s+|this\s+)?"
    r"(?:program|iop|group|groups|treatment|therapy|first\s+(?:day|session|group))\b|"
    r"\b(?:nervios[oa]|miedo)\s+(?:de|a)\s+(?:empezar|entrar|ir)\s+(?:al\s+|el\s+)?(?:programa|grupo|tratamiento)\b",
    re.IGNORECASE,
)
# "we are thinking about having a drink tonight to celebrate": a celebration, not danger
_CELEBRATING = re.compile(
    r"\b(?:celebrat\w*|a\s+toast|birthday|anniversary|wedding|graduation|new\s+year'?s?|festejar|"
    r"celebrar|brindis|cumplea[nñ]os|boda)\b",
    re.IGNORECASE,
)


# words that may be danger even where the lexicon has nothing ("i have the pills in my hand")
_MEANS_OR_HARM = re.compile(
    r"\b(?:pills?|gun|rope|knife|blade|bridge|kill|die|dying|dead|hurt|suicid\w*|overdos\w*|blood|"
    r"goodbye|end\s+it|pastillas|pistola|morir|matar)\b",
    re.IGNORECASE,
)


def is_nervous_to_start(text: str) -> bool:
    """Nerves about starting the program, said without a word of danger."""
    return (
        bool(_NERVOUS_TO_START.search(text))
        and not has_danger_words(text)
        and not _MEANS_OR_HARM.search(text)
    )


# "i drink too much i guess" (texter role-play round 37: the classifier's sure crisis, the
# 911 reply): use told plainly, with no word of danger, is use told
INFORM_USE_INTENT = "inform_use"
_PLAIN_USE = re.compile(
    r"^\W*(?:(?:honestly|i\s+think|i\s+guess|idk|maybe|so|well|yeah|ya|ok|um+)\W+)*"
    r"(?:i|he|she|my\s+\w+)\s+(?:(?:probably|really|kinda|prob|def|definitely)\s+)?"
    r"(?:drink|drinks|use|uses|smoke|smokes|take|takes|party|parties)\s+(?:\w+\s+){0,2}?"
    r"(?:too\s+much|a\s+lot|way\s+too\s+much|every\s*day|daily|every\s+night|too\s+often)\b"
    r"(?:\W+(?:i\s+guess|i\s+think|lately|now|tbh|honestly|lol))*\W*$",
    re.IGNORECASE,
)


def is_plain_use_told(text: str) -> bool:
    """Use told plainly ("i drink too much i guess"), with no word of danger."""
    return (
        bool(_PLAIN_USE.match(text))
        and not has_danger_words(text)
        and not _MEANS_OR_HARM.search(text)
    )


# "i'm calling because my grandson he's drinking too much and i don't know who else to call"
# (blind v31, voice, read in round 36: the 911 reply to a grandmother)
_LOVED_ONES_USE = re.compile(
    r"\b(?:my|mi)\s+(?:\w+\s+)?(?:son|grandson|daughter|granddaughter|husband|wife|brother|sister|boyfriend|"
    r"girlfriend|partner|dad|father|mom|mother|nephew|niece|kid|child|hijo|nieto|esposo|hermano)\b[^.!?]{0,30}?\b"
    r"(?:is\s+|he'?s\s+|she'?s\s+|hes\s+|shes\s+|has\s+been\s+|keeps\s+|been\s+)?(?:drinking|using|smoking|"
    r"doing\s+drugs|taking\s+pills)\s+(?:way\s+)?(?:too\s+much|a\s+lot|every\s*day|again|heavily|more\s+and\s+more)\b",
    re.IGNORECASE,
)


def tells_a_loved_ones_use(text: str) -> bool:
    """A relative's use told plainly, with no word of danger."""
    return (
        bool(_LOVED_ONES_USE.search(text))
        and not has_danger_words(text)
        and not _MEANS_OR_HARM.search(text)
    )


# "bro just give me a number" after asking the price twice (blind v31, read in round 36: the
# suicide question)
_ASKS_FOR_A_FIGURE = re.compile(
    r"^\W*(?:(?:bro|man|dude|just|pls|please|ok|come\s+on|look|seriously)\W+)*(?:just\s+)?(?:give|tell|send)\s+"
    r"(?:me|us)\s+(?:a|the|your|an)\s+(?:rough\s+)?(?:number|price|ballpark|figure|estimate|amount)\W*$",
    re.IGNORECASE,
)
# "a hundred bucks, a thousand, ten thousand? out of pocket" (caller role-play round 38: the
# classifier's 911/988 reply)
_PRICE_GUESSED = re.compile(
    r"\b(?:hundred|thousand|\d+\s*k|\$\s*\d+|\d+\s+(?:bucks|dollars))\b[^.!]{0,60}\b(?:out\s+of\s+pocket|bucks|"
    r"dollars|cost|price|pay)\b|\bout\s+of\s+pocket\b[^.!]{0,40}\b(?:hundred|thousand|how\s+much)\b|"
    r"\bhow\s+much\b[^.!]{0,30}\bout\s+of\s+pocket\b",
    re.IGNORECASE,
)


def asks_for_a_figure(text: str) -> bool:
    """A bare "just give me a number" (a price, or the number to call), or a price guessed."""
    asked = _ASKS_FOR_A_FIGURE.match(text) or _PRICE_GUESSED.search(text)
    return bool(asked) and not has_danger_words(text)


def is_a_celebration(text: str) -> bool:
    """A drink for a celebration, with nothing taken and no word of danger."""
    return (
        bool(_CELEBRATING.search(text))
        and not has_danger_words(text)
        and not _MEANS_OR_HARM.search(text)
    )


_INFORMATION = re.compile(
    r"\b(?:info|information|informaci[oó]n|informes|details|detalles)\b", re.IGNORECASE
)


SHORT_ANSWER_WORDS = 6
# the readings a short plain answer may take instead of an unsure crisis guess
PLAIN_ANSWERS = frozenset({"deny", "affirm", "inform", "greet", "thank", "goodbye"})


def is_plain_short_answer(message: Message, text: str) -> bool:
    """A few words with no danger, nothing taken and no despair, whose next reading is a
    plain answer (a no, a yes, who it is for) the classifier gave some weight to."""
    if (
        len(text.split()) > SHORT_ANSWER_WORDS
        or has_danger_words(text)
        or says_something_was_taken(text)
        or is_ambiguous_distress(text)
        or not has_real_alternative(message)
    ):
        return False
    others = other_guesses(message, FALLBACK_INTENT)
    return bool(others) and others[0].get("name") in PLAIN_ANSWERS


_TREATMENT_MEDICINE = re.compile(
    r"\b(?:methadone|metadona|suboxone|subutex|buprenorphine|bupe|vivitrol|naltrexone|"
    r"sublocade|zubsolv)\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\?|(?:^|[.!]\s*)(?:will|would|can|could|do|does|are|r|is|should|how|what|when|where)\s+"
    r"(?:u|you|ya|yall|y'all|ur|your|i|we|they|it|the|this|there)\b",
    re.IGNORECASE,
)
# the readings an unsure crisis guess gives way to when a question is asked without danger
USE_OR_PROGRAM = frozenset({WORRIED_INTENT, "request_help", "request_detox_screening"})


def no_danger_told(text: str) -> bool:
    """No word of danger or despair, and nothing said to have been taken."""
    return not (
        has_danger_words(text) or says_something_was_taken(text) or is_ambiguous_distress(text)
    )


def asks_something(text: str) -> bool:
    return bool(_ASKS.search(normalize(text)))


def has_program_reading(message: Message) -> bool:
    """The classifier's next reading is a program question or a story of use it gave some
    weight to."""
    others = other_guesses(message, FALLBACK_INTENT)
    if not others or float(others[0].get("confidence") or 0) < MIN_ALTERNATIVE:
        return False
    name = str(others[0].get("name"))
    return answers_a_question(name) or name in USE_OR_PROGRAM


_NEGATED_SIGN = re.compile(
    r"\b(?:no|never|not|nunca|ni|nope)\b(?:\s+\w+){0,3}?\s+(?:seizures?|fits?|convulsion\w*|dts|"
    r"d\s?t\s?s|hallucinations?)\b(?:\s+(?:ever|nunca|no|either))?|"
    r"\b(?:seizures?|convulsion\w*)\s+(?:no\s+)?(?:nunca|never|none|no)\b",
    re.IGNORECASE,
)


_HAPPENING = re.compile(
    r"\b(?:now|right\s+now|having\s+(?:one|a|another)|is\s+having|started|shaking|jerking|"
    r"ahora|ahorita|esta\s+teniendo|le\s+esta\s+dando)\b",
    re.IGNORECASE,
)


def only_negated_signs(text: str) -> bool:
    """Withdrawal signs named only to say they never happened, nothing else of danger."""
    if not _NEGATED_SIGN.search(text or ""):
        return False
    reading = screening_answers.read_emergency(text)
    if reading.now or reading.unclear or reading.past:
        return False
    rest = _NEGATED_SIGN.sub(" ", text)
    return (
        not _HAPPENING.search(rest)
        and not has_danger_words(rest)
        and not says_something_was_taken(rest)
    )


def relatives_question_reason(text: str) -> Tuple[str, str] | None:
    """(intent, gate reason) for a relative's own question about an adult loved one."""
    if asks_what_family_is_told(text):
        return CONFIDENTIALITY_INTENT, FAMILY_PRIVACY_REASON
    if asks_about_their_relapse(text):
        return RELAPSE_INTENT, FAMILY_RELAPSE_REASON
    if asks_for_family_support(text):
        return FAMILY_INTENT, FAMILY_SUPPORT_REASON
    return None


def plain_request_reading(message: Message, text: str) -> str | None:
    """What a message with no word of danger and nothing taken asks for, when it plainly
    asks about the program, for a language, or for information; None otherwise.

    The classifier alone was sure of a crisis in "can i go to the family part even if he
    wont go", "sorry can we switch to english?" and "quería información para mi esposo pero
    ahorita no puedo hablar mucho" or "y si el no quiere ir?" (v12, es-v3), with every other
    reading near zero, so
    ``has_real_alternative`` found none. Such a message gets its program answer (the best
    program-question guess), the language it asks for, or the clarifying question.
    """
    language = requested_language(text)
    if language is not None:
        return SPANISH_INTENT if language == SPANISH else ENGLISH_INTENT
    if asks_to_make_someone_go(text):
        return FAMILY_INTENT  # "y si el no quiere ir?": what a family can do
    if not (asks_about_the_program(text) or _INFORMATION.search(text)):
        return None
    for guess in message.get(INTENT_RANKING_KEY) or []:
        name = str(guess.get("name"))
        if answers_a_question(name):
            return name
    return FALLBACK_INTENT


def is_about_someone_else(text: str) -> bool:
    """The message talks about another person ("my son", "he") and no distress of the writer's."""
    return bool(_THIRD_PERSON.search(normalize(text))) and not is_ambiguous_distress(text)


def set_checkin(message: Message, text: str = "") -> None:
    """Ambiguous distress: the intent becomes ``crisis_checkin`` (a direct question).

    The ``checkin_about`` entity picks the question: a parent asking "what if he
    won't go" is asked whether anyone is in danger, not whether they themselves
    are thinking about ending their life (role-play and v4, 2026-12-03). A sure
    classifier crisis about someone else still gets the full crisis reply.
    """
    set_intent(message, CHECKIN_INTENT)
    about = "other" if is_about_someone_else(text) else "self"
    entity = {
        "entity": "checkin_about",
        "value": about,
        "start": 0,
        "end": len(text),
        "extractor": EXTRACTOR,
        "confidence_entity": 1.0,
    }
    message.set(ENTITIES, (message.get(ENTITIES) or []) + [entity], add_to_output=True)


def keep_unsure_crisis(message: Message) -> None:
    """An unsure classification whose best guess is crisis stays crisis.

    The fallback classifier turns low-confidence or ambiguous predictions into
    ``nlu_fallback``; when the classifier's own best guess was ``crisis``, a
    clarifying question would be the wrong answer to someone who may be in
    danger, so the crisis reply wins.
    """
    intent = message.get(INTENT) or {}
    if intent.get("name") != FALLBACK_INTENT:
        return
    guesses = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != FALLBACK_INTENT]
    if (
        guesses
        and guesses[0].get("name") == CRISIS_INTENT
        and float(guesses[0].get("confidence") or 0) >= MIN_UNSURE_CRISIS
    ):
        message.set(INTENT, dict(guesses[0]), add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisGuard(GraphComponent):
    """Overrides the intent with ``crisis`` (1.0) when a high-risk pattern matches."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"lexicon": str(DEFAULT_LEXICON), "spacy_pipeline": str(DEFAULT_OUTPUT)}

    def __init__(self, matcher: CrisisMatcher) -> None:
        self.matcher = matcher

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisGuard:
        nlp = spacy.load(config["spacy_pipeline"])
        return cls(CrisisMatcher(nlp, Path(config["lexicon"])))

    def check(self, text: str | None) -> CrisisHit | None:
        return self.matcher.match(text or "")

    def is_denial_only(self, text: str) -> bool:
        """The only danger words are inside a denial ("i'm not going to hurt myself")."""
        clean = normalize(without_911_questions(text))
        if not _DENIAL.search(clean):
            return False
        rest = _DENIAL.sub(" ", clean)
        # "not going to kill myself tonight, but...": a qualified no is not a no
        return not _QUALIFIED.search(rest) and self.check(rest) is None

    def is_use_psychosis(self, text: str, hit: CrisisHit | None) -> bool:
        """Psychosis from stimulant use, where only its own words (a withdrawal
        hallucination pattern) or a question about 911 were the danger."""
        if hit is not None and hit.category not in ("withdrawal", "medical"):
            return False
        return is_use_psychosis(text) and self.check(left_to_read(text)) is None

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            # a bounded prefix and suffix: one huge message must not hold the server
            text = bounded_for_reading(message.get(ORIGINAL_TEXT) or message.get(TEXT) or "")
            hit = self.check(text)
            if hit is None:
                keep_unsure_crisis(message)
            named = (message.get(INTENT) or {}).get("name")
            said_crisis = hit is not None or named == CRISIS_INTENT
            unsure = named == CRISIS_INTENT or named == FALLBACK_INTENT
            if (
                (hit is not None or unsure)
                and is_general_danger_question(text)
                and not says_no_emergency(text)  # "why do you keep telling me to call 911??
                # nothing is happening" is no question about danger (family role-play)
                and self.check(told_not_asked(text)) is None  # "is 988 only for suicide? i
                # want to kill myself": the question, then danger told plainly
            ):
                # "is blue lips a sign of overdose?": answered, not 911 (danger_questions.py)
                answer = answer_for(text, hit.category if hit else None)
                if answer == SAFETY_INTENT and asks_about_overdose_signs(text):
                    # "i just want to know the signs. like is it blue lips, snoring" (crisis
                    # role-play round 22: the 911 reply for the person writing)
                    overrule(message, SAFETY_INTENT, OVERDOSE_SIGNS_REASON)
                elif answer:
                    set_intent(message, answer)
                elif hit is not None or named == CRISIS_INTENT:
                    set_checkin(message, text)
                continue
            if said_crisis and self.is_use_psychosis(text, hit):
                # "its not an emergency hes calm right now... can your program take someone
                # who is hallucinating from meth" (night role-play: the withdrawal 911 reply
                # four times): the update reader gives the psychosis reply (use_psychosis.py)
                take_next_guess(message)
                continue
            if hit is not None and self.is_denial_only(text):
                # "no im not gonna kill myself. im just tired of failing" (v5): a no, and no
                # other danger words once the denial is set aside
                set_intent(message, "deny")
                continue
            if says_no_emergency(text):
                # "She's not overdosing, she's at her friend's. Why are you telling me to
                # call 911" (role-play 2026-12-04, late: the same 911 reply again)
                rest = without_911_questions(without_denial(text))
                if self.check(rest) is None and not has_danger_words(rest):
                    # "Nobody overdosed. He is at school... would Medicaid pay?" (role-play):
                    # no danger left once the denial is set aside: the question is answered;
                    # with no question ("no es emergencia!! respira bien", "no one is in
                    # danger lol" after a crisis reply, role-play) it is a no
                    if said_crisis:
                        # the gate left a crisis reading alone; without it, the gate's
                        # reading of the question applies ("she's fine right now... should we
                        # flush the pills and have her stop tonight?", "nobody's in danger...
                        # does he have to go to detox first?": role-plays, "That's okay")
                        take_next_guess(message)
                        guessed = (message.get(INTENT) or {}).get("name")
                        gate(message)
                        if (message.get(INTENT) or {}).get("name") != guessed:
                            continue  # the gate read it (the screening, dosing, a goodbye...)
                    reading = (message.get(INTENT) or {}).get("name")
                    # "...she's at work. I just want to know about the risk of benzos and
                    # alcohol" (family role-play round 21): the mixing answer
                    mixing = reading == SAFETY_INTENT and asks_about_mixing(rest)
                    # "I told you he is fine and awake... Does he need detox or not?" (family
                    # role-play round 21: 911 again): the screening it asks for
                    screening = asks_for_screening(rest)
                    if screening and reading != SCREENING_INTENT:
                        # "not an emergency just wondering if that means i need detox"
                        # (blind v15: a plain no)
                        set_intent(message, SCREENING_INTENT)
                        continue
                    if not (mixing or screening) and (
                        not answers_a_question(reading)
                        # "why do you keep telling me to call 911?? nothing is happening"
                        # (family role-play 2026-12-05) read as a safety question: 911 again
                        or (reading == SAFETY_INTENT and not is_about_safety(rest))
                    ):
                        set_intent(message, "deny")
                    continue
            if said_crisis and is_told_as_history(text):
                if (
                    hit is not None
                    and hit.category not in CHECKED_IN_HISTORIES
                    and asks_for_a_call(text)
                ):
                    # "he overdosed twice before he went in. he wants to do IOP. can someone
                    # call him?" (blind v19: the story-of-use reply, no callback questions)
                    set_intent(message, CALLBACK_INTENT)
                    continue
                if hit is not None and hit.category not in CHECKED_IN_HISTORIES:
                    # "mi hijo tuvo una sobredosis en marzo del año pasado... que es eso
                    # exactamente" (blind es-v6): an overdose or seizure long past, with
                    # danger now unsaid, is a story; its question is answered
                    ranking = other_guesses(message)
                    best = ranking[0] if ranking else {}
                    if asks_about_the_program(text) and answers_a_question(best.get("name")):
                        set_intent(message, str(best["name"]))
                    else:
                        set_intent(message, WORRIED_INTENT)
                    continue
                # "I tried to kill myself in 2019. I'm in a much better place now": ask, don't
                # send them to 911; the check-in still offers 988 and 911 (past_danger.py)
                set_checkin(message, text)
                continue
            if hit is None:
                intent = message.get(INTENT) or {}
                if (
                    intent.get("name") == CHECKIN_INTENT
                    and not has_danger_words(text)
                    and not is_ambiguous_distress(text)
                    and asks_about_the_program(text)
                ):
                    # "hi. um is this where i ask about the program" read as a check-in at 1.00
                    # (crisis role-play round 33, three fresh sessions): a program question with
                    # no word of distress is asked about, never the suicide question
                    take_next_guess(message)
                    continue
                if (
                    intent.get("name") == CRISIS_INTENT
                    and _LAUGHS.search(text)
                    and not says_something_was_taken(text)
                ):
                    # "mi hijo... gritando te mate te mate a los panas por el headset jaja. eso
                    # es normal?" (blind es-v19, read in round 33: the 988 text): the classifier
                    # alone, with a laugh and no lexicon hit, is no emergency
                    take_next_guess(message)
                    continue
                if intent.get("name") == CRISIS_INTENT and is_idiom_only(text):
                    take_next_guess(message)  # "im going to bite the bullet and sign up"
                    continue
                if intent.get("name") == CRISIS_INTENT and is_worried_disclosure(text):
                    set_intent(message, WORRIED_INTENT)  # no danger words: answer the worry
                    continue
                if (
                    intent.get("name") == CRISIS_INTENT
                    and (tells_of_a_relatives_habit(text) or tells_of_their_own_habit(text))
                    and not has_danger_words(text)
                    and not says_something_was_taken(text)
                ):
                    set_intent(message, WORRIED_INTENT)  # "my dad drinks every single night"
                    continue
                if intent.get("name") == CRISIS_INTENT and _DENIAL.search(normalize(text)):
                    set_intent(message, "deny")  # "no im not suicidal, i just want help"
                    continue
                if _ANSWER_NO.search(normalize(text)) and _DENIAL.search(normalize(text)):
                    # "no, not like that. i'm done drinking", "no, I mean done with HER drama.
                    # I'm not suicidal lol" (v7: read as inform_use, then the crisis reply)
                    set_intent(message, "deny")
                    continue
                if (
                    intent.get("name") == CRISIS_INTENT
                    and asks_about_dosing(text)
                    and not has_danger_words(text)
                    and not says_something_was_taken(text)
                ):
                    # "my daughter wants to stop the g h b tonight cold turkey... is that ok",
                    # "want to just stop tonight. will i be ok" (blind v24, read in round 30:
                    # the 911 reply, the check-in): why not alone, sure or unsure
                    set_intent(message, DOSING_INTENT)
                    continue
                if (
                    intent.get("name") == CRISIS_INTENT
                    and not has_danger_words(text)
                    and not says_something_was_taken(text)
                    and (family_reason := relatives_question_reason(text)) is not None
                ):
                    # "since hes an adult would you guys tell me how hes doing in there or no"
                    # (regression of round 30: the classifier's crisis, then the check-in)
                    overrule(message, *family_reason)
                    continue
                if (
                    intent.get("name") == CRISIS_INTENT
                    and not has_danger_words(text)
                    and asks_callback_status(text)
                ):
                    # "and they kno to ask for dre right" after a saved callback (texter
                    # role-play round 31: the 911 reply): the saved request said back
                    overrule(message, CALLBACK_INTENT, CALLBACK_STATUS_REASON)
                    continue
                if intent.get("name") == CRISIS_INTENT and only_negated_signs(text):
                    # "no he never had no seizures and hes a boy so no on the pregnant thing",
                    # "...my nose runs no seizures ever" after the screening's outcome (blind
                    # v24, read in round 30: the 911 reply): signs named only to say no
                    take_next_guess(message)
                    continue
                if (
                    intent.get("name") == CRISIS_INTENT
                    and float(intent.get("confidence") or 0) >= CLASSIFIER_CRISIS_MIN
                    and not has_danger_words(text)
                    and not says_something_was_taken(text)
                ):
                    # the classifier alone, sure of a crisis in "I don't have a car either. bus
                    # takes forever" or "blues" (v7): with no word of danger, ask when the words
                    # speak of despair, otherwise answer its next guess (danger_words.py)
                    if is_ambiguous_distress(text):
                        set_checkin(message, text)
                        continue
                    if states_a_plan_to_stop_a_sedative(text):
                        # "i drink about a fifth of vodka a day and i want to quit this
                        # weekend. just gonna do it myself at home" (self role-play round 38:
                        # the 911 reply): why not alone, and who can help (the dosing answer)
                        overrule(message, DOSING_INTENT, DOSING_REASON)
                        continue
                    if names_treatment_medicine(text):
                        # "im on suboxone right now through my doctor" (tests/safety)
                        set_intent(message, STAYING_ON_MEDICATION_INTENT)
                        continue
                    if has_real_alternative(message):
                        take_next_guess(message)
                        continue
                    if is_nervous_to_start(text):
                        set_intent(message, FIRST_DAY_INTENT)
                        continue
                    if is_a_celebration(text):
                        set_intent(message, FALLBACK_INTENT)  # asked what they meant, not 911
                        continue
                    if is_plain_use_told(text) or tells_a_loved_ones_use(text):
                        set_intent(message, INFORM_USE_INTENT)
                        continue
                    if asks_for_a_figure(text):
                        set_intent(message, "ask_cost_insurance")
                        continue
                    if is_hesitant_about_the_program(text) or _NOT_UNDERSTOOD.match(text):
                        # asked what they meant (the clarifying question), not 911 ("I don't
                        # understand the numbers", role-play round 20: the crisis reply)
                        set_intent(message, FALLBACK_INTENT)
                        continue
                    plain = plain_request_reading(message, text)
                    if plain is not None:
                        set_intent(message, plain)
                        continue
                    if asks_about_the_program(text):
                        # "y yo puedo ir a las sesiones con el?" (Spanish role-play round 22:
                        # the 988 text four times): a program question with no word of
                        # danger is asked about (the clarifying question), not answered with 988
                        set_intent(message, FALLBACK_INTENT)
                        continue
                    # no other reading at all ("i have the pills in my hand", "tonight im
                    # going to do it", "tengo una soga en el garage"): the crisis reply
                    # stays; a missed danger costs more than a needless 988 (round 10).
                    # Inside a form it is still an answer (no guard hit: form_answer.py)
                    continue
                unsure_crisis = (
                    intent.get("name") == CRISIS_INTENT
                    and float(intent.get("confidence") or 0) < CLASSIFIER_CRISIS_MIN
                )
                if unsure_crisis and no_danger_told(text):
                    if _TREATMENT_MEDICINE.search(text):
                        # "r u gonna make me get off my methadone" (v13: are you thinking
                        # about ending your life?)
                        set_intent(message, STAYING_ON_MEDICATION_INTENT)
                        continue
                    if asks_something(text) and has_program_reading(message):
                        # "im pregnant and using pills. will u turn me away" (v13)
                        take_next_guess(message)
                        continue
                    if asks_about_the_program(text) and not is_ambiguous_distress(text):
                        # "hi. um is this where i ask about the program" (crisis role-play round
                        # 33: the suicide question, in three fresh sessions): asked about
                        take_next_guess(message)
                        continue
                if unsure_crisis and is_plain_short_answer(message, text):
                    # "he hasnt, no", "im asking for me": an unsure crisis guess on a short
                    # answer with no word of danger or despair takes its next reading
                    take_next_guess(message)
                    continue
                if unsure_crisis or (
                    intent.get("name") != CRISIS_INTENT and is_ambiguous_distress(text)
                ):
                    set_checkin(message, text)
                continue
            if is_drunk_driving_fear(hit, text):
                # "he drives drunk every night, im so scared hes going to kill himself or
                # someone else" (family role-play round 26: the 988 suicide text, twice): a
                # fear of a crash is answered as a worry; a drive now is still danger
                set_intent(message, WORRIED_INTENT)
                continue
            hit = refine(hit, text, self.matcher)
            classifier = message.get(INTENT) or {}
            put_first(message, CRISIS_INTENT)
            message.set(
                GUARD_OUTPUT,
                {
                    "pattern_id": hit.pattern_id,
                    "category": hit.category,
                    "classifier_intent": classifier.get("name"),
                },
                add_to_output=True,
            )
            entities = message.get(ENTITIES) or []
            message.set(ENTITIES, entities + crisis_entities(hit, text), add_to_output=True)
        return messages
