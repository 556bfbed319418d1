"""A crisis update is only an update after a crisis reply (blind v11 conversations).

The NLU pipeline reads each message on its own (``parse_cache`` depends on that), so
``CrisisUpdateReader`` turns "I'm not going to do anything stupid, I just need to stop
drinking", "does the program deal with the paranoia part too?" or "how do you put
someone in the recovery position" into a ``crisis_update`` even as a first message,
and the person got an emergency-follow-up reply about an emergency nobody had. This
hook wraps ``MessageProcessor.parse_message``, which is given the conversation: when
the message is an update that only means something after a crisis reply and the
conversation has had none, the update is dropped and the classifier's next reading
is used (:func:`without_update`). Right after the check-in question ("are you thinking
about ending your life?"), "no, I'm not going to do anything like that" is a no
(:func:`answer_to_checkin`), so the check-in's own rules answer it.

The updates that name an emergency going on now (the means at hand, naloxone given,
help on the way, snoring and won't wake) stand on their own and are kept.

The same wrapper reads two more things only the conversation can tell: a first message
that is one Spanish greeting or plea ("hola", "ayuda") chooses Spanish when the
conversation has no language yet (:func:`first_language`, ``language/first_words.py``);
and in a conversation already in Spanish, Spanish words the classifier was unsure of are
not a request to speak Spanish ("y cuando termine el programa que sigue?" got "Claro, le
escribo en español", es-v2): the classifier's reading, or the clarifying question, is
used (:func:`spanish_already`).

Follow-ups are read against the answer just given (:func:`follows_up_the_last_answer`, round 28):
"just tell me roughly what's safe" after the dosing answer is the dosing question again,
and the same for the answers about staying on a medicine and about detox; "yes, this
number is fine" after the help line's offer to call back is that callback
(:func:`takes_the_call_offered`).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, Iterable, List

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor

from iop_assistant import screening_answers, substances
from iop_assistant.form_answers import is_this_number
from iop_assistant.language.first_words import opens_in_spanish
from iop_assistant.language.reply_reasons import (
    ALCOHOL_POISONING_REASON,
    ALSO_ASKED,
    FAMILY_RELAPSE_REASON,
    GATE_OUTPUT,
    LOST_TOLERANCE_REASON,
    NALOXONE_WHERE_REASON,
    OVERDOSE_OVER_REASON,
    OVERDOSE_SIGNS_REASON,
    PAST_SEIZURE_STOPPING_REASON,
    REFERRER_UPDATES_REASON,
    RELAPSE_AFTER_OPIOIDS_REASON,
    WHO_TO_CALL_REASON,
    WITHDRAWAL_CARE_REASON,
    read_as,
)
from iop_assistant.nlu.crisis_matcher import normalize
from iop_assistant.nlu.crisis_updates import (
    GUARD_ENTITIES,
    NOT_WITH_THEM,
    SNORING_QUESTION,
    read_not_with_them,
    read_violence_update,
    update_entity,
)
from iop_assistant.nlu.danger_questions import asks_where_to_get_naloxone
from iop_assistant.nlu.danger_words import says_something_was_taken
from iop_assistant.nlu.distress import is_ambiguous_distress
from iop_assistant.nlu.dosing_questions import DOSING_INTENT, PUSHES_FOR_A_NUMBER
from iop_assistant.nlu.past_danger import was_already_treated
from iop_assistant.nlu.past_withdrawal import (
    passed_out_after_drinking,
    stopping_after_a_past_seizure,
)
from iop_assistant.nlu.relapse_word import (
    about_someone_else,
    asks_about_a_slip_after_opioids,
    plans_more_use_after_a_return,
    tells_a_relapse_in_one_message,
    tells_a_return_to_use,
)
from iop_assistant.nlu.withdrawal_story import (
    STORY_INTENT,
    asks_whether_to_get_care,
    tells_of_severe_withdrawal,
    tells_of_withdrawal,
)
from iop_assistant.program_question import asks_about_a_clients_attendance, asks_about_the_program
from iop_assistant.rasa_hooks import fragments, patching
from iop_assistant.rasa_hooks.second_call import asks_for_a_second_call
from iop_assistant.topics import FAQ_TOPIC_LABELS
from iop_assistant.writer_role import role_entity, writes_as_a_professional

UPDATE_INTENT = "crisis_update"
UPDATE_ENTITY = "crisis_update"
CRISIS_INTENT = "crisis"
CHECKIN_ACTION = "utter_crisis_checkin"
CRISIS_REPLY_PREFIX = "utter_crisis"
FALLBACK_INTENT = "nlu_fallback"
FALLBACK_THRESHOLD = 0.35  # config.yml, FallbackClassifier
GUARD_CATEGORY_ENTITY = "crisis_category"
# why the conversation turned a message into a crisis (read by policies/form_answer.py)
CONTEXT_OUTPUT = "crisis_context"

# updates about a crisis already answered: without one they are something else
NEEDS_A_CRISIS_BEFORE = frozenset(
    {
        "no_plan",
        "safe_now",
        "takes_it_back",
        "help_here",
        "reached_988",
        "cost",
        "police_fear",
        "what_to_say",
        "overdose_first_aid",
        "seizure_first_aid",
        "lying_down",
        "getting_drowsy",
        "will_reach_out",
        "no_more_tonight",
        "means_handed_over",
        "fumes_window",
        # "do i need to go to the er" is a question of its own without an emergency before
        "still_needs_care",
        # "shaky and sweaty with a heart condition, can i wait til morning to get seen?" as the
        # first words (round 32: "you can text 988", the refusal answer): the story's answer
        "refuses_911",
        "dv_shelter",
        "dv_phone_safety",
        "dv_come_out",
        "dv_passed_out",
        # "please just call them": "them" is 911 only right after "call 911 now"
        "call_them_for_me",
    }
)
DV_KINDS = frozenset({"dv_shelter", "dv_phone_safety", "dv_come_out", "dv_passed_out"})
HELP_HERE = "help_here"
VIOLENCE = "violence"
# psychosis words in a question about the program are that question ("does the program
# deal with the paranoia part too?", v11), even after the psychosis guidance; "what do i
# do if it gets worse, he's scaring his little sister" keeps the danger guidance
PSYCHOSIS = "psychosis"
HAS_MEANS = "has_means"
CALL_FOR_ME = "call_for_me"
# words of reassurance: without a crisis before, the classifier's crisis guess is no crisis
REASSURING = frozenset({"no_plan", "safe_now", "takes_it_back", "help_here", "reached_988"})
NOT_SLEEPING = "not_sleeping"
_WONT_WAKE = re.compile(
    r"\b(?:wake|waking|wakin|woke|answer\w*|respond\w*|unresponsive|despi?ert\w*|gurgl\w*|choking|rattl\w*)\b",
    re.IGNORECASE,
)
DROWSY = "getting_drowsy"
NO_MORE_TONIGHT = "no_more_tonight"
# going to sleep or lying down after taking something: an answer of its own even as the first
# words of a conversation
SLEEPING_IT_OFF = frozenset({"lying_down", DROWSY})
_SEDATIVES = (
    r"(?:xanax|xans?|bars|klonopin|k-?pins?|valium|ativan|benzos?|pills|sleeping\s+pills|ambien|"
    r"oxy\w*|percs?|gabapentin|ghb)"
)
_DRINK = (
    r"(?:vodka|alcohol|drinks?|beers?|wine|whiskey|tequila|liquor|rum|gin|drinking|drinkin|booze|"
    r"cerveza|vino|tomando|tequila|licor)"
)
_MIX_TAKEN = re.compile(
    rf"\b(?:took|had|taken|swallowed|popped|drank)\b[^.!?]{{0,40}}\b{_SEDATIVES}\b[^.!?]{{0,60}}\b{_DRINK}\b|"
    rf"\b(?:drank|had|drinking)\b[^.!?]{{0,40}}\b{_DRINK}\b[^.!?]{{0,60}}\b{_SEDATIVES}\b",
    re.IGNORECASE,
)
REACH_OUT = "will_reach_out"
CATEGORY_SLOT = "crisis_category"
# crisis categories where something was taken, and those of a body coming off a substance
OVERDOSE_CATEGORIES = frozenset({"overdose", "overdose_self", "overdose_sedative", "medical"})
NOT_OVERDOSES = frozenset({"seizure", "withdrawal"})
# sleepiness is an overdose getting worse only after a substance emergency
SUBSTANCE_EMERGENCIES = OVERDOSE_CATEGORIES | NOT_OVERDOSES
# after the check-in question these are a "no"
CHECKIN_NO = frozenset({"no_plan", "safe_now", "takes_it_back"})
# danger to oneself: a stop or an off-topic message right after a crisis reply is not the end
STAYS_WITH_THE_PERSON = frozenset({"suicidal", "self_harm"})
_METHOD = "parse_message"


def _actions(tracker: Any) -> List[str]:
    """Bot action names since the session started, oldest first."""
    names: List[str] = []
    for event in getattr(tracker, "events", None) or []:
        name = getattr(event, "action_name", None)
        if name == "action_session_start":
            names = []
        elif isinstance(name, str) and name != "action_listen":
            names.append(name)
    return names


def had_crisis_reply(actions: Iterable[str]) -> bool:
    """Whether any crisis reply (the crisis text, the check-in, an update) was given."""
    return any(name.startswith(CRISIS_REPLY_PREFIX) for name in actions)


def update_kind(parse_data: Dict[str, Any]) -> str | None:
    for entity in parse_data.get("entities") or []:
        if entity.get("entity") == UPDATE_ENTITY:
            return str(entity.get("value"))
    return None


def _has_guard_danger(parse_data: Dict[str, Any]) -> bool:
    return any(e.get("entity") == GUARD_CATEGORY_ENTITY for e in parse_data.get("entities") or [])


def _set_intent(parse_data: Dict[str, Any], name: str, confidence: float) -> None:
    parse_data["intent"] = {"name": name, "confidence": confidence}
    parse_data["entities"] = [
        e for e in parse_data.get("entities") or [] if e.get("entity") != UPDATE_ENTITY
    ]


def _sure_or_fallback(name: str, confidence: float) -> str:
    """The intent, or the fallback when it is below the fallback threshold (crisis never)."""
    if name in (CRISIS_INTENT, FALLBACK_INTENT) or confidence >= FALLBACK_THRESHOLD:
        return name
    return FALLBACK_INTENT


def _best_faq(parse_data: Dict[str, Any], minimum: float) -> Dict[str, Any] | None:
    """The classifier's first program-question guess at least ``minimum`` sure, if any."""
    for guess in parse_data.get("intent_ranking") or []:
        if guess.get("name") in FAQ_TOPIC_LABELS and float(guess.get("confidence") or 0) >= minimum:
            return guess
    return None


def without_update(parse_data: Dict[str, Any], kind: str) -> None:
    """The classifier's next reading instead of the update; crisis only when the guard
    found danger words, or the words were not reassurance and the classifier read one."""
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != UPDATE_INTENT]
    keep_crisis = _has_guard_danger(parse_data) or kind not in REASSURING
    for guess in ranking:
        name = str(guess.get("name"))
        if name == CRISIS_INTENT and not keep_crisis:
            continue
        confidence = float(guess.get("confidence") or 0.0)
        _set_intent(parse_data, _sure_or_fallback(name, confidence), confidence)
        parse_data["intent_ranking"] = ranking
        return
    _set_intent(parse_data, FALLBACK_INTENT, 1.0)


def answer_to_checkin(parse_data: Dict[str, Any]) -> None:
    """ "No, I'm not going to do anything like that" to the check-in question is a no."""
    _set_intent(parse_data, "deny", 1.0)


_NAMES_THE_THOUGHT = re.compile(
    r"\b(?:about\s+)?not\s+(?:being\s+(?:here|around|alive)|waking\s+up|wanting\s+to\s+(?:be\s+here|live|"
    r"wake\s+up|be\s+alive))\b|\b(?:about\s+)?(?:ending\s+it|dying|being\s+dead|disappearing)\b",
    re.IGNORECASE,
)
# a yes said softly to the check-in question: "sometimes", "kinda", "a veces si lo pienso"
_HEDGED_YES = re.compile(
    r"^\W*(?:(?:um+|uh+|idk|honestly|i\s+mean|well|yeah|yes|ya|si|s[ií]|pues|bueno|la\s+verdad|"
    r"i\s+don'?t\s+know|i\s+dont\s+know|dunno|no\s+s[eé]|what|i\s+said)\W+){0,3}"
    r"(?:sometimes|some\s+times|kinda|kind\s+of|sort\s+of|sorta|a\s+little|a\s+bit|maybe|i\s+guess|lately|"
    r"more\s+than\s+i\s+(?:want|should)|i\s+(?:do\s+)?think\s+about\s+it|i'?ve\s+thought\s+about\s+it|"
    r"a\s+veces|aveces|como\s+que\s+s[ií]|m[aá]s\s+o\s+menos|un\s+poco|tal\s+vez|puede\s+ser|"
    r"(?:s[ií]\s+)?lo\s+(?:he\s+)?pens(?:ado|e|é|o)|s[ií]\s+lo\s+pienso|lo\s+pienso)\b",
    re.IGNORECASE,
)
QUESTION_AFTER_NO_MIN = 0.1  # how sure the classifier must be of the question's topic


def question_after_a_no(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """ "No, I'm not suicidal. I'm just exhausted. Is there anything for families like
    me?" (v11 a-29): the question is answered; a no with no question keeps its reply."""
    guess = _best_faq(parse_data, QUESTION_AFTER_NO_MIN)
    if "?" in str(parse_data.get("text") or "") and guess is not None:
        _set_intent(parse_data, str(guess["name"]), float(guess.get("confidence") or 0))
    return parse_data


_QUESTION = re.compile(
    r"\?|\b(?:can|could|would|will|do|does|is|are|should)\s+(?:i|you|u|we|it|he|she|they|the\s+program)\b|"
    r"\b(?:how|what|when|where|which)\b|\btell\s+me\b|\bpuedo\b|\bc[oó]mo\b|\bqu[eé]\b|\bcu[aá]nto\b",
    re.IGNORECASE,
)
FAQ_AFTER_CRISIS_MIN = 0.2  # how sure the classifier must be of the topic of a question


def question_after_a_crisis_reply(parse_data: Dict[str, Any], actions: List[str]) -> None:
    """ "if i did the program thing would i have to quit my job" right after the 988 text
    (crisis role-play round 16: "You don't have to go through this alone" three times): a
    program question the classifier was not quite sure of is answered, not met with the
    crisis text again."""
    if (
        not actions
        or not actions[-1].startswith(CRISIS_REPLY_PREFIX)
        or _has_guard_danger(parse_data)
    ):
        return
    guess = _best_faq(parse_data, FAQ_AFTER_CRISIS_MIN)
    if guess is not None and _QUESTION.search(str(parse_data.get("text") or "")):
        _set_intent(parse_data, str(guess["name"]), float(guess.get("confidence") or 0))


# "lol no i mean done with drinking. i want to quit" to the check-in question (v14: read as a
# story of use, then the crisis reply for a yes): a no, then what was meant
_NO_I_MEANT = re.compile(
    # "what? no, im not suicidal. i just mean wait to start the program" (self role-play
    # round 25: the reply for a yes, "put the pills out of reach")
    r"^\W*(?:(?:lol|haha|lmao|omg|oh|oh\s+god|what|huh|wait|um+|uh+)\W+)?(?:no+|nah|nope)\b\W*(?:(?:no+|god\s+no|"
    r"hell\s+no|no\s+no)\W+)?(?:i\s+(?:just\s+|only\s+)?mean(?:t)?|not\s+like\s+that|not\s+that|"
    # "what?? no lol im fine just nervous" (crisis role-play round 27: the reply for a yes)
    r"(?:(?:lol|haha|lmao)\W+)?(?:i'?m|im|i\s+am)\s+(?:fine|ok(?:ay)?|good|alright|safe)|"
    r"(?:i'?m|im|i\s+am)\s+not\s+(?:suicidal|going\s+to\s+(?:kill|hurt)\s+myself|gonna\s+(?:kill|hurt)\s+myself|"
    r"tryna\s+die|trying\s+to\s+die)|"
    # "What? No! No, I'm not, I just said evening." (caller role-play round 35: the reply for a yes)
    r"(?:i'?m|im|i\s+am)\s+not\b(?!\s+(?:sure|ok|okay|fine|safe|good|alright|really|doing))|"
    r"nothing\s+like\s+th(?:at|is)|that'?s\s+not\s+what\s+i\s+meant|"
    # "no I'd never do that, I'm just tired" (caller role-play round 23: the reply for a yes)
    r"i'?d\s+never|i\s+would\s+never|never\s+(?:do\s+that|would))\b|"
    # "not really, just tired of all this", "no, i'm just exhausted" (blind v16: the check-in
    # question again, then its crisis reply)
    r"^\W*(?:no+|nah|nope|not\s+really)\W+(?:(?:no+|god\s+no)\W+)?(?:i'?m\s+|im\s+)?just\b|"
    # "no no, matarme no, tampoco asi. es que estoy cansao" (blind es-v7)
    r"^\W*no\W+(?:no\W+)?(?:matarme\s+no|nada\s+de\s+eso|no\s+es\s+eso|eso\s+no|"
    r"(?:solo|nomas|nom[aá]s|es\s+que|digo|me\s+refer[ií]a|me\s+refiero|hablaba\s+de|hablo\s+de)\b|"
    # "no, no me quiero matar. estoy cansado de fallarle a mi familia" (es-v9, read in round
    # 24: the reply for a yes)
    r"no\s+me\s+(?:quiero|voy\s+a)\s+(?:matar|morir|suicidar|hacer\s+(?:nada|da[nñ]o))|"
    r"no\s+quiero\s+(?:matarme|morir(?:me)?|suicidarme|hacerme\s+(?:nada|da[nñ]o))|"
    r"no\s+pienso\s+(?:matarme|hacerme\s+nada))",
    re.IGNORECASE,
)


# readings that answer nobody in danger: the detox offer ("Thank you for telling me. I can
# ask a few quick questions...") to "i have my dads pills here" after thoughts of suicide,
# to "an ambulance is like 2 grand" after an overdose (crisis role-play round 22)
# "you're not listening. forget it" with a rope in the garage (caller role-play round 25:
# "No problem, we can leave that. What is IOP?"): a stop inside a crisis is not an all-clear
STAYS_IN_THE_CRISIS = frozenset({"inform_use", "ask_am_i_addicted", "request_help", "stop"})
# crisis replies after which the danger is settled or only asked about
SETTLED = frozenset(
    {
        CHECKIN_ACTION,
        "utter_crisis_checkin_no",
        "utter_crisis_update_safe_now",
        "utter_crisis_update_help_here",
        "utter_crisis_update_reached_988",
        "utter_crisis_update_no_plan",
        "utter_crisis_update_takes_it_back",
    }
)


def crisis_ongoing(actions: List[str]) -> bool:
    """The last reply was a crisis reply, and nothing since said the danger is over."""
    return (
        bool(actions) and actions[-1].startswith(CRISIS_REPLY_PREFIX) and actions[-1] not in SETTLED
    )


def stays_in_the_crisis(parse_data: Dict[str, Any], tracker: Any) -> None:
    """A story or plea right after a crisis reply is part of that crisis: the crisis reply
    for the conversation's category again (said shorter when it would repeat itself)."""
    text = str(parse_data.get("text") or "")
    if asks_about_the_program(text) or not crisis_ongoing(_actions(tracker)):
        return
    parse_data["intent"] = {"name": CRISIS_INTENT, "confidence": 1.0}


# something taken, said earlier in the conversation: sleep then is an overdose question
TAKEN_KINDS = frozenset({"lying_down", "getting_drowsy"})


def _user_texts(tracker: Any) -> List[str]:
    texts: List[str] = []
    for event in getattr(tracker, "events", None) or []:
        if getattr(event, "action_name", None) == "action_session_start":
            texts = []
        elif getattr(event, "type_name", None) == "user":
            texts.append(str(getattr(event, "text", "") or ""))
    return texts


def _mix_taken_this_session(tracker: Any) -> bool:
    """A sedative with alcohol (or a dose of something) told earlier this session."""
    return any(_MIX_TAKEN.search(t) or says_something_was_taken(t) for t in _user_texts(tracker))


def something_was_taken(tracker: Any) -> bool:
    """Whether the person said, this session, that someone took a drug or pills."""
    return any(says_something_was_taken(t) for t in _user_texts(tracker))


def as_an_overdose(parse_data: Dict[str, Any], tracker: Any) -> None:
    """ "can I just sleep it off?" after "I took a bunch of pills earlier with some vodka"
    (caller role-play round 22: "Okay. Before you sleep, keep 988 close"): the overdose
    words, whatever category the first reply was given."""
    if _slot(tracker, CATEGORY_SLOT) in OVERDOSE_CATEGORIES:
        return
    if not something_was_taken(tracker):
        return
    text = str(parse_data.get("text") or "")
    parse_data["entities"] = [
        *[e for e in parse_data.get("entities") or [] if e.get("entity") != GUARD_CATEGORY_ENTITY],
        {"entity": GUARD_CATEGORY_ENTITY, "value": "overdose_self", "start": 0, "end": len(text)},
    ]


def keep_a_seizure(parse_data: Dict[str, Any], tracker: Any) -> None:
    """ "they're coming. he stopped shaking, he's breathing but not really waking up" after
    a withdrawal seizure (caller role-play round 22: "give naloxone" from then on): the
    guard's overdose reading of "not waking up" does not make it an overdose when nothing
    was said to be taken."""
    if _slot(tracker, CATEGORY_SLOT) not in NOT_OVERDOSES:
        return
    entities = parse_data.get("entities") or []
    read = {e.get("value") for e in entities if e.get("entity") == GUARD_CATEGORY_ENTITY}
    if not read & {"overdose", "overdose_self", "overdose_sedative"}:
        return
    if something_was_taken(tracker):
        return
    parse_data["entities"] = [e for e in entities if e.get("entity") not in GUARD_ENTITIES]


# the writer's own overdose named: "I took", "my lips are blue", "I'm turning blue"
_OWN_OVERDOSE = re.compile(
    r"\bi\s+(?:just\s+)?(?:took|take|taken|used|snorted|smoked|shot|drank|swallowed|overdos\w*|od'?d)\b|"
    r"\bmy\s+(?:lips|face|skin|fingers|nails|breathing|chest|heart)\b|"
    r"\b(?:i'?m|im|i\s+am|i\s+feel|i\s+can'?t)\b",
    re.IGNORECASE,
)
SOMEONE_ELSES_OVERDOSE = frozenset({"overdose", "overdose_sedative"})
# danger now, whatever came before: "he's not breathing", "won't wake up"
_STILL_IN_DANGER_NOW = re.compile(
    r"\b(?:not\s+breathing|isn'?t\s+breathing|stopped\s+breathing|won'?t\s+wake|can'?t\s+wake|"
    r"unresponsive|turning\s+blue|lips\s+(?:are\s+)?blue|seiz\w*|overdosing|right\s+now\s+(?:he|she))\b",
    re.IGNORECASE,
)


def keep_someone_elses_overdose(parse_data: Dict[str, Any], tracker: Any) -> None:
    """ "lips... blue... what do I" after "my son... pills... not waking" (caller role-play
    round 35): the guard's reading of lips turning blue as the writer's own overdose does
    not change whose overdose it is, unless the words say it is the writer's."""
    category = _slot(tracker, CATEGORY_SLOT)
    if category not in SOMEONE_ELSES_OVERDOSE:
        return
    if _OWN_OVERDOSE.search(str(parse_data.get("text") or "")):
        return
    for entity in parse_data.get("entities") or []:
        if entity.get("entity") == GUARD_CATEGORY_ENTITY and entity.get("value") == "overdose_self":
            entity["value"] = category


# "no not like that they wont hurt me theyll just be mad. its still bleeding what do i do"
# after a self-harm reply (crisis role-play round 25: "That's okay. I'm here"): bleeding that
# goes on is the self-harm emergency, whatever else the message says
_BLEEDING_NOW = re.compile(
    r"\b(?:still|keeps?|won'?t\s+stop|wont\s+stop|can'?t\s+(?:get\s+it\s+to\s+)?stop(?:\s+the)?)\s+bleed\w*|"
    r"\bbleed\w*\s+(?:through|everywhere|a\s+lot|so\s+much|bad|again)\b|"
    r"\b(?:towel|bandage|shirt|rag|gauze)\s+(?:is\s+)?(?:soaked|full\s+of\s+blood|all\s+blood)|"
    r"\bsigue\s+sangrando|\bno\s+(?:para|deja)\s+de\s+sangrar",
    re.IGNORECASE,
)


def bleeding_goes_on(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """After a crisis reply in this session, the person says the bleeding goes on: the
    self-harm crisis reply (pressure, 911), not a no, a story or another crisis's words."""
    text = str(parse_data.get("text") or "")
    if not _BLEEDING_NOW.search(text) or not had_crisis_reply(_actions(tracker)):
        return False
    parse_data["intent"] = {"name": CRISIS_INTENT, "confidence": 1.0}
    entities = [
        e for e in parse_data.get("entities") or [] if e.get("entity") != GUARD_CATEGORY_ENTITY
    ]
    parse_data["entities"] = [
        *entities,
        {"entity": GUARD_CATEGORY_ENTITY, "value": "self_harm", "extractor": "crisis_context"},
    ]
    return True


DOSING_ANSWER = "utter_ask_dosing"
STAYING_ON_MEDICATION_ANSWER = "utter_ask_staying_on_medication"
STAYING_ON_MEDICATION_INTENT = "ask_staying_on_medication"
# "so you're saying i could keep taking them" right after the answer about staying on
# methadone or buprenorphine (blind v22, voice: "I want to make sure I help...")
_KEEPS_TAKING = re.compile(
    r"\b(?:keep\s+(?:taking|on|my|them|it)|stay\s+on|continue\s+(?:taking|on|my)|"
    r"(?:don'?t|do\s+not|won'?t|wont)\s+(?:have|need)\s+to\s+(?:stop|quit|get\s+off|come\s+off)|"
    r"seguir\s+(?:tomando|con)|no\s+(?:la|lo|las|los)\s+(?:tengo|tiene)\s+que\s+dejar)\b",
    re.IGNORECASE,
)
# "ok so how do i know if i need it" right after "we don't offer detox" (blind v22, SMS:
# the admission answer): the detox questions
_DO_I_NEED_IT = re.compile(
    r"\b(?:how\s+(?:do|would|can|could)\s+(?:i|we|u|you)\s+(?:know|tell|find\s+out)\s+if\s+(?:i|we|he|she|they|my\s+\w+)\s+"
    r"(?:need|needs|should\s+do)\s+(?:it|that|one|detox)|(?:do|does|would)\s+(?:i|he|she|they|my\s+\w+)\s+(?:even\s+)?"
    r"(?:need|needs)\s+(?:it|that|one)|c[oó]mo\s+s[eé]\s+si\s+(?:la\s+|lo\s+)?necesit\w+)\b",
    re.IGNORECASE,
)
# (answer just given, words that ask about it again, the same question's intent)
FOLLOW_UPS = (
    (DOSING_ANSWER, PUSHES_FOR_A_NUMBER, DOSING_INTENT),
    (STAYING_ON_MEDICATION_ANSWER, _KEEPS_TAKING, STAYING_ON_MEDICATION_INTENT),
    ("utter_ask_detox_offered", _DO_I_NEED_IT, "request_detox_screening"),
)


def _last_reply(tracker: Any) -> str | None:
    """The last response the bot said in this session (custom actions left out)."""
    replies = [a for a in _actions(tracker) if not a.startswith("action_")]
    return replies[-1] if replies else None


def follows_up_the_last_answer(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "just tell me roughly what's safe" right after the dosing answer is the same
    question again (blind v22: a callback offer, the cost answer), so the same no to a
    number; likewise a follow-up to the answers about staying on a medicine and detox."""
    name = (parse_data.get("intent") or {}).get("name")
    if name == CRISIS_INTENT:
        return False
    text = str(parse_data.get("text") or "")
    if not _BARE_FOLLOW_UP.match(text) and not any(w.search(text) for _, w, _ in FOLLOW_UPS):
        return False  # most messages: the session's events are not read at all
    last = _last_reply(tracker)
    for answer, words, intent in FOLLOW_UPS:
        if last == answer and name != intent and words.search(text):
            _set_intent(parse_data, intent, 1.0)
            return True
    topic = (last or "").removeprefix("utter_more_").removeprefix("utter_")
    if _BARE_FOLLOW_UP.match(text) and topic in FAQ_TOPIC_LABELS and name != topic:
        # "how often" right after the drug-testing answer (texter role-play round 32: the
        # schedule): the same topic, asked further (the reply generator gives its follow-up)
        _set_intent(parse_data, topic, 1.0)
        return True
    return False


# a question of two or three words that only makes sense after the answer before it
_BARE_FOLLOW_UP = re.compile(
    r"^\W*(?:and|so|but|ok(?:ay)?|y|pero)?\W*(?:how\s+(?:often|much|long|many(?:\s+\w+)?)|how\s+so|"
    r"like\s+how\s+(?:often|much|long)|for\s+how\s+long|cada\s+cu[aá]nto|cu[aá]nto\s+tiempo|"
    r"qu[eé]\s+tan\s+seguido|cu[aá]ntas\s+veces)\W*$",
    re.IGNORECASE,
)


HUMAN_ANSWER = "action_request_human"
CALLBACK_INTENT = "request_callback"
_PLAIN_YES = re.compile(
    r"^\W*(?:yes|yeah|yep|yes\s+please|please|ok(?:ay)?|sure|s[ií]|s[ií]\s+por\s+favor|claro)\W*$",
    re.IGNORECASE,
)


def takes_the_call_offered(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "Yes, this number is fine." to "...Or I can ask them to call you back" (blind v22,
    SMS, a 74-year-old: "Okay. What would you like to know?" and no call): the callback."""
    name = (parse_data.get("intent") or {}).get("name")
    text = str(parse_data.get("text") or "")
    if not (is_this_number(text) or (name == "affirm" and _PLAIN_YES.match(text))):
        return False
    actions = _actions(tracker)
    if not actions or actions[-1] != HUMAN_ANSWER:
        return False
    _set_intent(parse_data, CALLBACK_INTENT, 1.0)
    return True


def stays_with_the_person(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """Right after a crisis reply, words that ask nothing about the program are not a
    program question: "I don't want to bother those people. I'm an old woman", "its 8:30
    now" (crisis role-play round 29: the group and one-on-one answers to someone who had
    said she would be gone after 9). The clarifying action then says the crisis follow-up
    ("I'm still here..."), with 988 and 911."""
    name = (parse_data.get("intent") or {}).get("name")
    text = str(parse_data.get("text") or "")
    if name not in FAQ_TOPIC_LABELS or _QUESTION.search(text) or asks_about_the_program(text):
        return False
    if text.startswith("/"):
        return False  # a button pressed ("¿Qué es IOP?", Spanish role-play round 36: the 988 text)
    last = _last_reply(tracker) or ""
    if not last.startswith(CRISIS_REPLY_PREFIX) or last == CHECKIN_ACTION:
        return False
    _set_intent(parse_data, FALLBACK_INTENT, 1.0)
    return True


# a time that says the person won't be alive or reachable ("after 9 i wont be picking up",
# "its like 7 now. i have 2 hrs"), said after a crisis reply this session: crisis role-play
# round 29 saved "after 9 i wont be picking up" as the callback time, with no 988
_TIME_RUNNING_OUT = re.compile(
    r"\b(?:won'?t|wont|will\s+not|not\s+gonna|not\s+going\s+to)\s+be\s+(?:picking\s+up|answering|around|here|alive|"
    r"able\s+to\s+(?:answer|pick\s+up))\b|"
    r"\b(?:i\s+)?(?:have|got|only\s+have)\s+(?:like\s+|about\s+|only\s+)?(?:\d+|one|two|three|an?)\s+"
    r"(?:more\s+)?(?:hrs?|hours?|mins?|minutes?)\s*(?:left)?\s*(?:$|[.!]|\bleft\b)|"
    r"\b(?:gone|dead|too\s+late)\s+by\s+then\b|\bwon'?t\s+matter\s+(?:by\s+then|after)\b|"
    r"\bya\s+no\s+voy\s+a\s+(?:estar|contestar)\b|\bpara\s+entonces\s+ya\s+no\b"
)


def time_running_out(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """After a crisis reply this session, a time that says the person won't be there is the
    crisis again, also inside the callback form (its crisis rule answers it)."""
    text = normalize(str(parse_data.get("text") or ""))
    if not _TIME_RUNNING_OUT.search(text) or not had_crisis_reply(_actions(tracker)):
        return False
    _set_intent(parse_data, CRISIS_INTENT, 1.0)
    # the form's answer policy keeps a crisis it can see a reason for (policies/form_answer.py)
    parse_data[CONTEXT_OUTPUT] = {"reason": "time running out"}
    return True


# "thank u for being nice. goodnight" after "i took the whole bottle of my sleep pills" (crisis
# role-play round 34: "Please take care of yourself"): going to sleep is the danger
_GOODNIGHT = re.compile(
    r"\b(?:good\s*night|goodnite|gnite|nite\s+nite|night\s+night|gn|buenas\s+noches|"
    r"(?:going|gonna|about)\s+to\s+(?:bed|sleep)|gonna\s+(?:sleep|crash|pass\s+out)|"
    r"me\s+voy\s+a\s+dormir|ya\s+me\s+duermo)\b",
    re.IGNORECASE,
)
FAREWELLS = frozenset({"goodbye", "thank"})


def _as_update(parse_data: Dict[str, Any], kind: str) -> None:
    """The message becomes the crisis update ``kind`` (its rule says the reply)."""
    text = str(parse_data.get("text") or "")
    _set_intent(parse_data, UPDATE_INTENT, 1.0)
    parse_data["entities"] = [
        *(e for e in parse_data.get("entities") or [] if e.get("entity") != UPDATE_ENTITY),
        update_entity(kind, text),
    ]


def goodnight_after_taking(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """A goodnight after an overdose reply: the answer about not lying down alone."""
    name = (parse_data.get("intent") or {}).get("name")
    text = str(parse_data.get("text") or "")
    if name not in FAREWELLS or not _GOODNIGHT.search(text):
        return False
    if not had_crisis_reply(_actions(tracker)):
        return False
    taken = (
        _slot(tracker, CATEGORY_SLOT) in OVERDOSE_CATEGORIES
        or something_was_taken(tracker)
        or any(_TOOK_PILLS_OR_DRINK.search(t) for t in _user_texts(tracker))
    )
    if not taken:
        return False
    _as_update(parse_data, "lying_down")
    return True


# "¿qué? no le oigo hay mucho ruido ¿a qué número?" right after a crisis reply on a call (blind
# es-v18, read in round 32: the after-IOP answer): the crisis reply again
_SAY_IT_AGAIN = re.compile(
    r"\b(?:what|which)\s+number\b|\bwhat\s+(?:was|is|'?s)\s+(?:the|that)\s+number\b|"
    r"\b(?:didn'?t|didnt|can'?t|cant|couldn'?t)\s+(?:hear|catch)\b|\bsay\s+(?:that|it)\s+again\b|"
    r"\bqu[eé]\s+n[uú]mero\b|\bno\s+(?:le\s+|te\s+|lo\s+)?(?:oigo|escucho|escuch[eé]|entend[ií])\b|\brep[ií]ta\w*\b",
    re.IGNORECASE,
)


# "he doesnt want to go", "el no quiere ir" right after the reply to a seizure, an overdose or a
# medical emergency (blind es-v18, read in round 32): a refusal of the hospital, not of
# treatment, which is what the same words mean anywhere else
_WONT_GO = re.compile(
    r"\b(?:he|she|they)\s+(?:doesn'?t|doesnt|don'?t|dont|won'?t|wont|refuses?\s+to)\s+(?:want\s+(?:to\s+)?)?go\b|"
    r"\bno\s+quiere\s+(?:ir|que\s+(?:lo|la|le)\s+lleve)\b",
    re.IGNORECASE,
)


def wont_go_in_an_emergency(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """Not going to the hospital, said during a substance or medical emergency."""
    text = str(parse_data.get("text") or "")
    if not _WONT_GO.search(text) or not crisis_ongoing(_actions(tracker)):
        return False
    if _slot(tracker, CATEGORY_SLOT) not in SUBSTANCE_EMERGENCIES:
        return False
    _as_update(parse_data, "refuses_911")
    return True


def asks_to_hear_the_crisis_reply_again(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """The number or the words asked for again while the crisis is going on."""
    text = str(parse_data.get("text") or "")
    if not _SAY_IT_AGAIN.search(text) or not crisis_ongoing(_actions(tracker)):
        return False
    _set_intent(parse_data, CRISIS_INTENT, 1.0)
    return True


SCREENING_FORM = "detox_screening_form"
SCREENING_INTENT = "request_detox_screening"
CALLBACK_FORM = "callback_form"
ANSWERING_FORMS = frozenset({SCREENING_FORM, CALLBACK_FORM})
CHECKIN_INTENT = "crisis_checkin"


def taken_during_a_crisis(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "he took some pills i think" right after the reply to "my friend is blue and not
    breathing": the overdose goes on, so the crisis reply, not the direct question a classifier
    unsure of it asks (regression after the round 32 retrain)."""
    if (parse_data.get("intent") or {}).get("name") != CHECKIN_INTENT:
        return False
    text = str(parse_data.get("text") or "")
    if not says_something_was_taken(text) or not crisis_ongoing(_actions(tracker)):
        return False
    _set_intent(parse_data, CRISIS_INTENT, 1.0)
    return True


def answer_not_distress_in_the_screening(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """While the detox questions run, the direct question pauses them only for distress words
    ("ya no quiero seguir"); a relative's answer the classifier was unsure of ("beer all day and
    he takes valium") is the answer it looks like."""
    if (parse_data.get("intent") or {}).get("name") != CHECKIN_INTENT:
        return False
    loop = getattr(tracker, "active_loop_name", None)
    # also the call-back questions: "Oh sorry, I hit the wrong button. Evening, after six is
    # best." got the suicide question (caller role-play round 35)
    if loop not in ANSWERING_FORMS or is_ambiguous_distress(str(parse_data.get("text") or "")):
        return False
    _set_intent(parse_data, "inform", 1.0)
    return True


_QUESTION_MARK = re.compile(r"\?|¿")
USE_REPLY = "utter_inform_use"


def how_often_told_in_the_screening(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "every day a bunch of times", "like 5 or 6 a day" while the detox questions run
    (regression after the round 37 retrain: the schedule answer, and the outcome lost): how
    often they use, an answer, not a question about the program's schedule."""
    in_the_questions = getattr(tracker, "active_loop_name", None) == SCREENING_FORM
    after_use_told = (_actions(tracker) or [""])[-1] == USE_REPLY
    if not (in_the_questions or after_use_told):
        return False
    name = str((parse_data.get("intent") or {}).get("name") or "")
    text = str(parse_data.get("text") or "")
    if not name.startswith("ask_") or _QUESTION_MARK.search(text):
        return False
    if screening_answers.parse_frequency(text) is None:
        return False
    # right after the reply to use told ("ive been taking percs i buy off the street"), more
    # about the use: the questions it offers start (rules for inform_use)
    _set_intent(parse_data, "inform" if in_the_questions else "inform_use", 1.0)
    return True


# "skip" to one of the detox questions (caller role-play round 35: it ended them all, twice)
_SKIPS_ONE = re.compile(
    r"^\W*(?:(?:um+|uh+|ok|okay|just)\W+)?(?:skip|pass|next|paso|siguiente)"
    r"(?:\s+(?:it|this|that|this\s+one|that\s+one|question|this\s+question|esa|esta))?(?:\W+please)?\W*$",
    re.IGNORECASE,
)


def skips_one_screening_question(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """A bare "skip" while the detox questions run: that question is not known (the form reads
    it as "not sure"); the questions go on."""
    if getattr(tracker, "active_loop_name", None) != SCREENING_FORM:
        return False
    if not _SKIPS_ONE.match(str(parse_data.get("text") or "")):
        return False
    _set_intent(parse_data, "inform", 1.0)
    return True


CARE_INTENT = "ask_safety_procedures"


def safety_answer(parse_data: Dict[str, Any], reason: str) -> bool:
    """The safety answer the conversation read (``reason`` picks its words in language/nlg.py
    INSTEAD), with no crisis category of the guard's left to re-word it."""
    _set_intent(parse_data, CARE_INTENT, 1.0)
    parse_data["entities"] = [
        e for e in parse_data.get("entities") or [] if e.get("entity") not in GUARD_ENTITIES
    ]
    parse_data[GATE_OUTPUT] = {"from": "context", "reason": reason}
    return True


# "im scared hes going to die. what do i do this week", "how do i keep him safe until he gets
# into treatment" after an overdose days ago (family role-play round 36: "Call 911 now", then
# a menu): the answer for an overdose already treated (naloxone at home, never use alone)
_KEEP_SAFE = re.compile(
    r"\bkeep\s+(?:him|her|them|my\s+\w+)\s+(?:safe|alive)\b|"
    r"\bwhat\s+(?:do|can|should)\s+(?:i|we)\s+do\s+(?:this\s+week|until|till|til|in\s+the\s+meantime|now)\b|"
    r"\bscared\s+(?:he|she|they)\s*(?:'s|s|'re|re|\s+is|\s+are)?\s+(?:going\s+to|gonna)\s+(?:die|od|overdose)\b|"
    r"\bc[oó]mo\s+(?:lo|la)\s+(?:cuido|protejo|mantengo\s+a\s+salvo)\b",
    re.IGNORECASE,
)


# "ok I put him on his side. how do I know if it's actually bad" while a friend sleeps off
# pills and alcohol (caller role-play round 36: the first-aid reply again): the signs
_HOW_BAD = re.compile(
    r"\bhow\s+(?:do|would|will|can|should)\s+(?:i|we|you)\s+(?:know|tell)\s+(?:if|when|whether)\s+"
    r"(?:it'?s|its|he'?s|hes|she'?s|shes|this\s+is|it\s+is|it\s+gets|he\s+gets|she\s+gets)\s+"
    r"(?:actually\s+|really\s+|getting\s+|too\s+)?(?:bad|worse|serious|an\s+overdose|an\s+emergency|dangerous)\b|"
    r"\bwhat\s+(?:signs|should\s+i\s+(?:watch|look)\s+(?:out\s+)?for)\b|"
    r"\bc[oó]mo\s+s[eé]\s+si\s+(?:es\s+grave|se\s+pone\s+peor|es\s+una\s+sobredosis)\b",
    re.IGNORECASE,
)


# "my friend took some pills and had a bunch of drinks" (someone else's, said in passing)
_TOOK_PILLS_OR_DRINK = re.compile(
    r"\b(?:took|taken|had|swallowed|popped|snorted|smoked|shot\s+up|drank)\s+(?:some|a\s+(?:bunch|lot|few|couple)|"
    r"too\s+many|a\s+handful|\d+|his|her|their|my)\b[^.!?]{0,30}\b(?:pills?|bars|xanax|drinks|shots|percs?|oxy\w*|"
    r"fentanyl|heroin|dope|benzos?|tabs)\b",
    re.IGNORECASE,
)


def asks_how_bad_after_something_taken(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """Which signs mean an emergency, asked after something was taken this session."""
    if not _HOW_BAD.search(str(parse_data.get("text") or "")):
        return False
    if _slot(tracker, CATEGORY_SLOT) not in OVERDOSE_CATEGORIES and not something_was_taken(
        tracker
    ):
        return False
    return safety_answer(parse_data, OVERDOSE_SIGNS_REASON)


# "he used heroin or fentanyl idk which. he's been in his room sleeping most of today, I
# knocked earlier and he grunted", "should i be worried? hes not really answering" (stepdown
# role-play round 36: the detox offer and the seizure warning, until "i cant get him to wake
# up"): hard to wake after opioids is the overdose reply
_OPIOIDS = re.compile(
    r"\b(?:heroin|fentanyl|fent|dope|opioids?|opiates?|oxy\w*|percs?|percocets?|m30s?|blues|pills?|"
    r"xanax|bars|benzos?)\b",
    re.IGNORECASE,
)
_HARD_TO_WAKE = re.compile(
    r"\b(?:not|isn'?t|isnt)\s+(?:really\s+)?(?:answering|responding|waking(?:\s+up)?)\b(?!\s+(?:my\s+|his\s+|her\s+|the\s+)?"
    r"(?:texts?|calls?|phone|messages?|door|emails?))|"
    r"\bwon'?t\s+(?:really\s+)?(?:answer|respond|wake)\b(?!\s+(?:my\s+|his\s+|her\s+|the\s+)?(?:texts?|calls?|phone|messages?|emails?))|\bbarely\s+(?:answer|respond|wak|mov)\w*|"
    r"\b(?:just|only)\s+grunt\w*|\bhe\s+grunted\b|\bshe\s+grunted\b|\bcan'?t\s+(?:really\s+)?wake\b",
    re.IGNORECASE,
)


_WHAT_IF = re.compile(
    r"\b(?:if\s+(?:i|we|he|she|they)\s+ever|what\s+if|in\s+case|someday|one\s+day|just\s+in\s+case|"
    r"want\s+to\s+be\s+ready|if\s+it\s+ever)\b",
    re.IGNORECASE,
)


def hard_to_wake_after_opioids(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """Someone hard to wake, after opioids or pills were told this session: an overdose."""
    text = str(parse_data.get("text") or "")
    name = (parse_data.get("intent") or {}).get("name")
    if name in (CRISIS_INTENT, UPDATE_INTENT) or not _HARD_TO_WAKE.search(text):
        return False
    if _WHAT_IF.search(text):
        return False  # "if i ever find him and i cant wake him up what do i do?": be ready
    if getattr(tracker, "active_loop_name", None) is None and not _OPIOIDS.search(
        " ".join([*_user_texts(tracker), text])
    ):
        return False
    if getattr(tracker, "active_loop_name", None) and not _OPIOIDS.search(
        " ".join(_user_texts(tracker)[-3:] + [text])
    ):
        return False
    parse_data["intent"] = {"name": CRISIS_INTENT, "confidence": 1.0}
    parse_data["entities"] = [
        *(e for e in parse_data.get("entities") or [] if e.get("entity") not in GUARD_ENTITIES),
        {"entity": GUARD_CATEGORY_ENTITY, "value": "overdose", "extractor": "crisis_context"},
    ]
    return True


def keeping_safe_after_an_overdose(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """How to keep someone safe after an overdose told earlier, with no danger now."""
    text = str(parse_data.get("text") or "")
    if not _KEEP_SAFE.search(text) or getattr(tracker, "active_loop_name", None):
        return False
    if not any(was_already_treated(t) for t in _user_texts(tracker)):
        return False
    if _STILL_IN_DANGER_NOW.search(text):
        return False
    return safety_answer(parse_data, OVERDOSE_OVER_REASON)


# the ambulance already called or on its way ("I already called, the ambulance is on the
# way", "mientras llegan")
_HELP_ON_ITS_WAY = re.compile(
    r"\b(?:ambulance|paramedics|medics|emts|911|they)\b[^.!?]{0,30}\b(?:on\s+(?:the|their|its)\s+way|coming|"
    r"en\s+camino)\b|\b(?:already|just)\s+called\s+(?:911|them|an\s+ambulance)\b|\bi\s+(?:already\s+)?called\s+"
    r"(?:911|an\s+ambulance)\b|\bwhile\s+we\s+wait\b|\b(?:til|till|until)\s+(?:they|the\s+ambulance|help)\s+"
    r"(?:get|gets|come|comes|arrive|arrives)\b|\bmientras\s+(?:llegan|viene|vienen|llega)\b|\bya\s+viene\s+la\s+ambulancia\b",
    re.IGNORECASE,
)


def help_on_its_way(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "so is that a no? what do I do while we wait" after "the ambulance is on the way"
    (caller role-play round 38: "get medical care today... an ER or urgent care"): what to
    do until help comes, not where to get care."""
    if (parse_data.get(GATE_OUTPUT) or {}).get("reason") != WITHDRAWAL_CARE_REASON:
        return False
    texts = [*_user_texts(tracker), str(parse_data.get("text") or "")]
    if not any(_HELP_ON_ITS_WAY.search(text) for text in texts):
        return False
    _as_update(parse_data, "help_coming")
    return True


def care_asked_after_withdrawal(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "she's shaky and scared. where do I take her right now" after her lorazepam stopped
    two days ago (family role-play round 35: the check-in question, then "a lot to carry"):
    medical care today, and what makes it 911; danger words the guard found still win."""
    if _has_guard_danger(parse_data) or getattr(tracker, "active_loop_name", None):
        return False
    if (parse_data.get(GATE_OUTPUT) or {}).get("reason") == WITHDRAWAL_CARE_REASON:
        return False
    text = str(parse_data.get("text") or "")
    if not (
        asks_whether_to_get_care(text, _user_texts(tracker))
        or (
            tells_of_severe_withdrawal(text)
            and (parse_data.get("intent") or {}).get("name") not in (CRISIS_INTENT, UPDATE_INTENT)
        )
    ):
        return False
    return safety_answer(parse_data, WITHDRAWAL_CARE_REASON)


RELAPSE_INTENT = "ask_relapse"
_SOMEONE_ELSE = re.compile(
    r"^\W*(?:\w+\W+)?(?:he|she|they|my\s+\w+|se\s+drog|recay|volvi[oó]|tom[oó])", re.I
)


NO_NALOXONE = "no_naloxone"


def naloxone_asked_for_later(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "i dont have narcan. where do i even get it" with no overdose going on (self role-play
    round 38: the rescue-breathing steps, then "nobody is overdosing"): where to get it.
    During an overdose the conversation named, the update's answer (911, help without it)."""
    if update_kind(parse_data) != NO_NALOXONE or _has_guard_danger(parse_data):
        return False
    if not asks_where_to_get_naloxone(str(parse_data.get("text") or "")):
        return False
    if had_crisis_reply(_actions(tracker)) and _slot(tracker, CATEGORY_SLOT) in OVERDOSE_CATEGORIES:
        return False
    return safety_answer(parse_data, NALOXONE_WHERE_REASON)


def relapse_told_in_a_word(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "drank" after "im 30 days sober" (round 34's open list: the detox questions started),
    or "i was 45 days clean. took 2 blues last night" in one message (round 38): the relapse
    answer; a relative's ("he drank") gets its words for them."""
    if _has_guard_danger(parse_data) or getattr(tracker, "active_loop_name", None):
        return False
    text = str(parse_data.get("text") or "")
    in_a_word = tells_a_return_to_use(text, _user_texts(tracker))
    if not (in_a_word or tells_a_relapse_in_one_message(text)):
        return False
    _set_intent(parse_data, RELAPSE_INTENT, 1.0)
    parse_data.pop(ALSO_ASKED, None)  # "drank" is no second question about use
    if _SOMEONE_ELSE.match(text) if in_a_word else about_someone_else(text):
        parse_data[GATE_OUTPUT] = {"from": "context", "reason": FAMILY_RELAPSE_REASON}
    elif any("opioid" in substances.categories_in_text(t) for t in [*_user_texts(tracker), text]):
        # after heroin, fentanyl or pills: the lower tolerance, the overdose risk (self
        # role-play round 37: "used" after two months off heroin got no word of it)
        parse_data[GATE_OUTPUT] = {"from": "context", "reason": RELAPSE_AFTER_OPIOIDS_REASON}
    return True


def more_use_after_a_return(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "prob gonna finish the rest tonight" after "used" and two months off (self role-play
    round 37: "That's outside what I know"): the lost-tolerance answer (the old amount can
    kill; never alone; naloxone; 911); danger words the guard found still win."""
    if _has_guard_danger(parse_data) or getattr(tracker, "active_loop_name", None):
        return False
    text = str(parse_data.get("text") or "")
    earlier = _user_texts(tracker)
    if not (
        plans_more_use_after_a_return(text, earlier)
        # "what if i slip" leaving a 28-day program after fentanyl (stepdown role-play round
        # 37: two menus before the overdose warning)
        or asks_about_a_slip_after_opioids(text, earlier)
    ):
        return False
    return safety_answer(parse_data, LOST_TOLERANCE_REASON)


def stopping_after_a_past_withdrawal(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "is it dangerous to stop drinking cold turkey? I had a seizure once" (caller role-play
    round 37: the general stopping answer, and he planned to quit alone): a past seizure or
    the DTs makes the next withdrawal dangerous; danger now (the guard) still wins."""
    if _has_guard_danger(parse_data) or getattr(tracker, "active_loop_name", None):
        return False
    if (parse_data.get("intent") or {}).get("name") in (CRISIS_INTENT, SCREENING_INTENT):
        return False  # "i had a seizure last year... do i need detox first": the questions
    text = str(parse_data.get("text") or "")
    if not stopping_after_a_past_seizure(text, _user_texts(tracker)):
        return False
    return safety_answer(parse_data, PAST_SEIZURE_STOPPING_REASON)


def passed_out_from_drinking(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "hes passed out on the couch snoring. should i be worried" after "he drank... a lot"
    (family role-play round 37: the stopping text, "Give naloxone" twice, then "naloxone can
    wear off"): the signs of alcohol poisoning and when they mean 911, when only alcohol was
    named; "won't wake" or "not breathing" stay the crisis reply."""
    if getattr(tracker, "active_loop_name", None):
        return False
    if (parse_data.get("crisis_guard") or {}).get("pattern_id") == SEDATIVE_AND_PASSED_OUT:
        # "passed out... his friends say he took G and was drinking" (blind v31, read in
        # round 36: the alcohol answer): a sedative named makes it the overdose reply
        return False
    if _slot(tracker, CATEGORY_SLOT) == VIOLENCE:
        # "its quiet now. i think he passed out on the couch" from someone hiding from him
        # (crisis role-play round 38: "Stay with them... don't let them sleep it off"): the
        # violence update, which says to get somewhere safe
        return False
    if not passed_out_after_drinking(str(parse_data.get("text") or ""), _user_texts(tracker)):
        return False
    return safety_answer(parse_data, ALCOHOL_POISONING_REASON)


ANYONE_THERE_REASON = "anyone there"  # nlu/control_gate.py


def anyone_there_in_a_crisis(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "is anyone there" right after a crisis reply is someone asking not to be left alone
    (the control gate reads it as a greeting elsewhere: texter role-play round 37)."""
    if (parse_data.get(GATE_OUTPUT) or {}).get("reason") != ANYONE_THERE_REASON:
        return False
    if not crisis_ongoing(_actions(tracker)):
        return False
    _as_update(parse_data, "stay_with_me")
    return True


NEXT_STEP_REASON = "next step"  # nlu/control_gate.py


def next_step_in_a_crisis(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "y luego?" / "what's next" right after a crisis reply asks what to do in the
    emergency, not how to start the program (the gate's reading elsewhere)."""
    if (parse_data.get(GATE_OUTPUT) or {}).get("reason") != NEXT_STEP_REASON:
        return False
    if not crisis_ongoing(_actions(tracker)):
        return False
    _set_intent(parse_data, CRISIS_INTENT, 1.0)
    return True


SEDATIVE_AND_PASSED_OUT = "passed_out_after_a_sedative"  # nlu/crisis_lexicon.yml
_NOT_RESPONDING = re.compile(
    r"\b(?:not|isn'?t|isnt|won'?t|wont|can'?t|cant|doesn'?t|doesnt|stopped|no\s+longer)\s+(?:really\s+)?"
    r"(?:waking(?:\s+up)?|wake\s+up|answering|answer(?:ing)?\s+me|responding|respond(?:ing)?|talking\s+to\s+me)\b|"
    r"\bno\s+(?:me\s+)?(?:contesta|responde|despierta)\b",
    re.IGNORECASE,
)


def unresponsive_after_a_crisis(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "he stopped shaking but he's not answering me" right after a seizure or overdose
    reply (blind v31, voice, read in round 36: "I'm still here"): the emergency reply
    again, for the same emergency."""
    category = _slot(tracker, CATEGORY_SLOT)
    if category not in SUBSTANCE_EMERGENCIES or _has_guard_danger(parse_data):
        return False
    # the crisis reply ends a form it interrupted (action_deactivate_loop after it)
    actions = [name for name in _actions(tracker) if name != "action_deactivate_loop"]
    if update_kind(parse_data) or not crisis_ongoing(actions):
        return False
    if not _NOT_RESPONDING.search(str(parse_data.get("text") or "")):
        return False
    _set_intent(parse_data, CRISIS_INTENT, 1.0)
    parse_data["entities"] = [
        *(parse_data.get("entities") or []),
        {"entity": GUARD_CATEGORY_ENTITY, "value": category},
    ]
    return True


def _guard_categories(parse_data: Dict[str, Any]) -> set:
    """The crisis categories the guard read in this message."""
    return {
        e.get("value")
        for e in parse_data.get("entities") or []
        if e.get("entity") == GUARD_CATEGORY_ENTITY
    }


def violence_update(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "should I come out, he says he's sorry", "he passed out" right after the violence
    reply (crisis role-play round 37: the first violence reply four times): their own answers.
    Read here only: alone, the words are no update. Another kind of update, or danger of
    another kind ("he isn't breathing"), comes first."""
    if _slot(tracker, CATEGORY_SLOT) != VIOLENCE or update_kind(parse_data):
        return False
    if not had_crisis_reply(_actions(tracker)[-6:]):
        return False
    told = _guard_categories(parse_data)
    if told - {VIOLENCE}:
        return False
    kind = read_violence_update(str(parse_data.get("text") or ""))
    if kind is None:
        return False
    _as_update(parse_data, kind)
    return True


REFERRER_INTENT = "ask_confidentiality"
WRITER_ROLE_SLOT = "writer_role"
PROFESSIONAL_ROLE = "professional"


def a_professional_asks_about_attendance(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "if he misses a group, do I get notified?" from a probation officer who said so
    earlier (stepdown role-play round 38: the naloxone answer twice): what a referrer is
    told, on the client's written consent."""
    if _slot(tracker, WRITER_ROLE_SLOT) != PROFESSIONAL_ROLE or _has_guard_danger(parse_data):
        return False
    if (parse_data.get("intent") or {}).get("name") in (CRISIS_INTENT, UPDATE_INTENT):
        return False
    if getattr(tracker, "active_loop_name", None):
        return False
    if not asks_about_a_clients_attendance(str(parse_data.get("text") or "")):
        return False
    return read_as(parse_data, REFERRER_INTENT, REFERRER_UPDATES_REASON)


# also the writer's own categories: "a student told me today he doesnt want to be alive" can
# read as the writer's own words; "he went home" then says whose they were
THOUGHTS_OF_DYING = STAYS_WITH_THE_PERSON | {"suicidal_other", "self_harm_other"}


def not_with_them_after_a_worry(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "he's not with me now... should I call 988 or his parents?" after the reply to someone
    else's suicidal words (stepdown role-play round 38: "Call 911 now... stay close" three
    times to a school counselor): 988 for guidance, tell a parent, 911 if they might act.
    Read only here; danger the guard reads in the message comes first."""
    if _slot(tracker, CATEGORY_SLOT) not in THOUGHTS_OF_DYING:
        return False
    if update_kind(parse_data) not in (None, "not_me", "no_plan", "will_reach_out"):
        return False
    if not had_crisis_reply(_actions(tracker)[-6:]):
        return False
    told = _guard_categories(parse_data)
    if told - THOUGHTS_OF_DYING or parse_data.get("crisis_guard"):
        return False
    if not read_not_with_them(str(parse_data.get("text") or "")):
        return False
    _as_update(parse_data, NOT_WITH_THEM)
    return True


HOURS_ANSWERS = frozenset({"utter_ask_helpline_hours", "utter_who_to_call_any_day"})
HOURS_INTENT = "ask_helpline_hours"
_WHEN_ELSE = re.compile(
    r"\b(?:weekends?|saturdays?|sundays?|holidays?|christmas(?:\s+eve)?|thanksgiving|new\s+year'?s?|"
    r"nights?|overnight|late|2\s*am|3\s*am|fines?\s+de\s+semana|s[aá]bados?|domingos?|festivos?|navidad|"
    r"noches?|madrugada)\b",
    re.IGNORECASE,
)
SHORT_FOLLOW_UP_WORDS = 8


def hours_asked_again_for_another_time(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """ "what about weekends?", "holidays?", "Christmas Eve at night?" right after the hours
    answer (caller and texter role-plays round 39: a menu, the schedule, "that's the main
    thing I know"): the hours can't be confirmed for then either, and 911 / 988 any day."""
    if _has_guard_danger(parse_data) or getattr(tracker, "active_loop_name", None):
        return False
    text = str(parse_data.get("text") or "")
    if len(text.split()) > SHORT_FOLLOW_UP_WORDS or not _WHEN_ELSE.search(text):
        return False
    if _last_reply(tracker) not in HOURS_ANSWERS:
        return False
    return read_as(parse_data, HOURS_INTENT, WHO_TO_CALL_REASON)


def in_context(parse_data: Dict[str, Any], tracker: Any) -> Dict[str, Any]:
    """The parse, with an update read against the conversation it is in."""
    if (
        asks_for_a_second_call(parse_data, tracker)
        or a_professional_asks_about_attendance(parse_data, tracker)
        or hours_asked_again_for_another_time(parse_data, tracker)
    ):
        return parse_data
    if (
        violence_update(parse_data, tracker)
        or not_with_them_after_a_worry(parse_data, tracker)
        or unresponsive_after_a_crisis(parse_data, tracker)
    ):
        return parse_data
    keep_someone_elses_overdose(parse_data, tracker)
    if (
        anyone_there_in_a_crisis(parse_data, tracker)
        or next_step_in_a_crisis(parse_data, tracker)
        or help_on_its_way(parse_data, tracker)
    ):
        return parse_data
    if (
        naloxone_asked_for_later(parse_data, tracker)
        or relapse_told_in_a_word(parse_data, tracker)
        or passed_out_from_drinking(parse_data, tracker)
        or stopping_after_a_past_withdrawal(parse_data, tracker)
        or more_use_after_a_return(parse_data, tracker)
        or care_asked_after_withdrawal(parse_data, tracker)
        or keeping_safe_after_an_overdose(parse_data, tracker)
        or asks_how_bad_after_something_taken(parse_data, tracker)
        or hard_to_wake_after_opioids(parse_data, tracker)
        or answer_not_distress_in_the_screening(parse_data, tracker)
        or how_often_told_in_the_screening(parse_data, tracker)
        or taken_during_a_crisis(parse_data, tracker)
        or skips_one_screening_question(parse_data, tracker)
    ):
        return parse_data
    name = (parse_data.get("intent") or {}).get("name")
    text = str(parse_data.get("text") or "")
    if (
        goodnight_after_taking(parse_data, tracker)
        or asks_to_hear_the_crisis_reply_again(parse_data, tracker)
        or wont_go_in_an_emergency(parse_data, tracker)
    ):
        return parse_data
    if (
        time_running_out(parse_data, tracker)
        or follows_up_the_last_answer(parse_data, tracker)
        or takes_the_call_offered(parse_data, tracker)
        or stays_with_the_person(parse_data, tracker)
    ):
        return parse_data
    if bleeding_goes_on(parse_data, tracker):
        # also over another crisis reading: "the towel is soaked... theyll kill me" (a teen
        # afraid of her parents, crisis role-play round 25) got the domestic violence reply
        return parse_data
    if name in STAYS_IN_THE_CRISIS and not _NO_I_MEANT.match(text):
        stays_in_the_crisis(parse_data, tracker)
        return parse_data
    if (
        _HEDGED_YES.search(text)
        and not _NO_I_MEANT.match(text)
        and name != CRISIS_INTENT
        and (_actions(tracker) or [""])[-1] == CHECKIN_ACTION
    ):
        # "a veces si lo pienso", "kinda yeah", "sometimes" to "are you thinking about ending
        # your life?" (Spanish role-play round 31: the detox offer, then the callback's
        # questions): a yes, said the way people say it
        _set_intent(parse_data, "affirm", 1.0)
        return parse_data
    if name in ("stop", "out_of_scope") and not _NO_I_MEANT.match(text):
        actions = _actions(tracker)
        if (
            actions
            and actions[-1].startswith(CRISIS_REPLY_PREFIX)
            and actions[-1] != CHECKIN_ACTION
            and _slot(tracker, CATEGORY_SLOT) in STAYS_WITH_THE_PERSON
        ):
            # "wow ok. forget it" right after the means question to someone with a plan for
            # tonight (crisis role-play round 32: "No problem, we can leave that"): still here
            _set_intent(parse_data, FALLBACK_INTENT, 1.0)
            return parse_data
    meant_no = bool(_NO_I_MEANT.match(text)) and (
        name not in ("deny", CRISIS_INTENT)
        # "no no me quiero matar, es que estoy cansada de todo" to the direct question (blind
        # es-v21, read in round 35: the classifier's crisis, no word the guard reads as danger)
        or (
            name == CRISIS_INTENT
            and not _has_guard_danger(parse_data)
            and (_actions(tracker) or [""])[-1] == CHECKIN_ACTION
        )
    )
    if name not in (FALLBACK_INTENT, "deny", UPDATE_INTENT) and not meant_no:
        return parse_data  # most messages: the session's events are not read at all
    actions = _actions(tracker)
    if meant_no:
        if actions and actions[-1] == CHECKIN_ACTION and not _has_guard_danger(parse_data):
            if not _NAMES_THE_THOUGHT.search(text):
                answer_to_checkin(parse_data)
                return question_after_a_no(parse_data)
        if name not in (FALLBACK_INTENT, UPDATE_INTENT):
            return parse_data
    if name == FALLBACK_INTENT:
        question_after_a_crisis_reply(parse_data, actions)
        return parse_data
    if name == "deny" and not _has_guard_danger(parse_data):
        if actions and actions[-1] == CHECKIN_ACTION:
            if _NAMES_THE_THOUGHT.search(str(parse_data.get("text") or "")):
                # "about not being here i guess" to "are you thinking about ending your
                # life?" names the thought: a yes, whatever "not" the classifier heard
                _set_intent(parse_data, "affirm", 1.0)
                return parse_data
            return question_after_a_no(parse_data)
    if name != UPDATE_INTENT:
        return parse_data
    kind = update_kind(parse_data)
    if kind == CALL_FOR_ME and _has_guard_danger(parse_data) and not had_crisis_reply(actions):
        # "can you call the police for me he is hitting me" as the first words: the danger's
        # own crisis reply first (it says to call 911 now); asked again after it, the answer
        # that the assistant cannot place the call
        _set_intent(parse_data, CRISIS_INTENT, 1.0)
        return parse_data
    if kind == PSYCHOSIS and asks_about_the_program(text):
        without_update(parse_data, kind)  # after the psychosis guidance too
        return parse_data
    if (
        kind == NOT_SLEEPING
        and SNORING_QUESTION.search(normalize(text))
        and not _WONT_WAKE.search(text)
    ):
        # snoring asked about ("my husband snores, is that normal") is an overdose sign only
        # after a crisis reply; snoring that won't wake stands on its own
        if not had_crisis_reply(actions):
            without_update(parse_data, kind)
        return parse_data
    if kind in TAKEN_KINDS and had_crisis_reply(actions):
        as_an_overdose(parse_data, tracker)
    keep_a_seizure(parse_data, tracker)
    if kind == HAS_MEANS and parse_data.get("crisis_guard") and not had_crisis_reply(actions):
        # "tonight i have my pistol out and im done" as the first word of danger (round 23:
        # the means answer, "if you might use them...", instead of the crisis reply): the
        # guard's crisis first; the means answer follows a crisis reply
        _set_intent(parse_data, CRISIS_INTENT, 1.0)
        return parse_data
    if kind is None or kind not in NEEDS_A_CRISIS_BEFORE:
        return parse_data
    if kind in DV_KINDS and _slot(tracker, CATEGORY_SLOT) != VIOLENCE:
        # a shelter or a shared phone asked about after another emergency: not the DV answers
        without_update(parse_data, kind)
        return parse_data
    if actions and actions[-1] == CHECKIN_ACTION and kind == REACH_OUT:
        # "no. i'll call the help line" to "are you thinking about ending your life?" is
        # no step taken in a crisis: the classifier's reading
        without_update(parse_data, kind)
        return parse_data
    if actions and actions[-1] == CHECKIN_ACTION and kind in CHECKIN_NO:
        if not _has_guard_danger(parse_data):
            answer_to_checkin(parse_data)
            question_after_a_no(parse_data)
        return parse_data
    if kind in SLEEPING_IT_OFF | {NO_MORE_TONIGHT} and (
        says_something_was_taken(text)
        or _MIX_TAKEN.search(text)
        or _mix_taken_this_session(tracker)
    ):
        # also a turn or two after the mix was told ("took 2 bars n drinkin", then "k no more
        # tonight", "gonna go to bed": self and texter role-plays round 32, "I'm still not
        # understanding"): never alone, what was taken can still get worse
        # "I took some of my xanax and half a bottle of vodka, can I just sleep it off" as the
        # first words (caller role-play round 31: the generic reply, then "That's okay" and a
        # hang-up): not alone, 911 or Poison Control, without a crisis reply before it
        if (
            kind in SLEEPING_IT_OFF
            and _has_guard_danger(parse_data)
            and not had_crisis_reply(actions)
        ):
            # "took like 5 bars and drank most of a bottle of wine. can barely keep my eyes
            # open lol. gonna sleep" (blind v26, read in round 31): the overdose the guard read
            # comes first, as the crisis reply (911 now), not the answer about lying down
            _set_intent(parse_data, CRISIS_INTENT, 1.0)
        return parse_data
    if kind == HELP_HERE and _has_guard_danger(parse_data) and not had_crisis_reply(actions):
        # "my brother just had a seizure, the paramedics are here right now" as the first words
        # (caller role-play round 36: "Hang up and call 911 now"): help is there; the reply
        # says so, for the danger the guard read
        return parse_data
    category = _slot(tracker, CATEGORY_SLOT)
    if not had_crisis_reply(actions) or (
        (
            kind == DROWSY
            and category not in SUBSTANCE_EMERGENCIES
            # "i took all of them... im getting really sleepy" (crisis role-play round 34)
            and not something_was_taken(tracker)
        )
        # after the Poison Control answer to a mix just taken no category is set
        or (kind == NO_MORE_TONIGHT and category is not None)
        and category not in SUBSTANCE_EMERGENCIES
    ):
        # "im sleepy lol" after the 988 text for a sad night is no overdose getting worse
        if not had_crisis_reply(actions) and tells_of_withdrawal(text):
            # "i have a heart condition and im shaky and sweaty, day 2 no drinking. can i wait
            # til morning" (regression after the round 32 retrain: the detox questions): the
            # withdrawal told is answered, whatever the classifier's next guess
            _set_intent(parse_data, STORY_INTENT, 1.0)
            return parse_data
        without_update(parse_data, kind)
    return parse_data


LANGUAGE_SLOT = "language"
LANGUAGE_ENTITY = "language"


def _slot(tracker: Any, name: str) -> Any:
    slots = getattr(tracker, "slots", None) or {}
    slot = slots.get(name)
    return getattr(slot, "value", None)


def language_chosen(tracker: Any) -> bool:
    """Whether anything set the conversation's language (the slot starts as English)."""
    return any(
        getattr(event, "key", None) == LANGUAGE_SLOT
        for event in getattr(tracker, "events", None) or []
    )


def first_language(parse_data: Dict[str, Any], tracker: Any) -> Dict[str, Any]:
    """Spanish for a first "hola" / "ayuda" when nothing has chosen a language yet."""
    entities = parse_data.get("entities") or []
    if any(e.get("entity") == LANGUAGE_ENTITY for e in entities):
        return parse_data
    if language_chosen(tracker) or not opens_in_spanish(parse_data.get("text")):
        return parse_data
    text = str(parse_data.get("text") or "")
    parse_data["entities"] = [
        *entities,
        {
            "entity": LANGUAGE_ENTITY,
            "value": "es",
            "start": 0,
            "end": len(text),
            "extractor": "FirstWords",
        },
    ]
    parse_data["language"] = {"value": "es", "reason": "first_words"}
    return parse_data


SPEAK_SPANISH = "speak_spanish"
GATE_READ_SPANISH = "spanish"  # control_gate's reason for Spanish words it was unsure of


def spanish_already(parse_data: Dict[str, Any], tracker: Any) -> Dict[str, Any]:
    """In a Spanish conversation, unsure Spanish words get their own reading."""
    if (parse_data.get("intent") or {}).get("name") != SPEAK_SPANISH:
        return parse_data
    gate = parse_data.get("control_gate") or {}
    if gate.get("reason") != GATE_READ_SPANISH or _slot(tracker, LANGUAGE_SLOT) != "es":
        return parse_data
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != SPEAK_SPANISH]
    parse_data["intent_ranking"] = ranking
    best = ranking[0] if ranking else {"name": FALLBACK_INTENT, "confidence": 1.0}
    confidence = float(best.get("confidence") or 0.0)
    parse_data["intent"] = {
        "name": _sure_or_fallback(str(best.get("name")), confidence),
        "confidence": confidence,
    }
    # "para mi esposo" inside the detox questions (regression after the round 37 retrain: the
    # classifier's check-in, behind the Spanish reading): the answer it looks like
    answer_not_distress_in_the_screening(parse_data, tracker)
    return parse_data


async def _read_pieces_together(
    processor: MessageProcessor,
    original: Any,
    message: Any,
    parse_data: Dict[str, Any],
    tracker: Any,
) -> None:
    """ "my son" / "pills" / "not waking" on a bad line: the pieces parsed as one message,
    taken when they are a crisis (``fragments``)."""
    text = fragments.joined_pieces(str(parse_data.get("text") or ""), _user_texts(tracker))
    if not text:
        return
    joined_message = UserMessage(
        text,
        sender_id=getattr(message, "sender_id", None),
        input_channel=getattr(message, "input_channel", None),
    )
    joined = await original(processor, joined_message, tracker, True)
    fragments.take_the_joined_crisis(parse_data, joined)


def _wrap(original: Any) -> Any:
    @functools.wraps(original)
    async def parse_message(
        self: MessageProcessor,
        message: Any,
        tracker: Any = None,
        only_output_properties: bool = True,
    ) -> Dict[str, Any]:
        parse_data = await original(self, message, tracker, only_output_properties)
        if (
            tracker is not None
            and fragments.may_join(parse_data, tracker)
            and not had_crisis_reply(_actions(tracker)[-1:])
        ):
            # (not once a crisis reply was given: "mi esposo no respira" then "English
            # please" is the language asked for, not the crisis again)
            await _read_pieces_together(self, original, message, parse_data, tracker)
        parse_data = in_context(parse_data, tracker)
        text = str(parse_data.get("text") or "")
        if writes_as_a_professional(text):
            # "I'm a case manager... my client" (stepdown role-play round 35: "your loved one")
            parse_data["entities"] = [*(parse_data.get("entities") or []), role_entity(text)]
        return spanish_already(first_language(parse_data, tracker), tracker)

    return parse_message


def installed() -> bool:
    return patching.replaced(MessageProcessor, _METHOD, __name__)


def install() -> bool:
    """Wraps the message parse (idempotent); True when installed now."""
    return patching.replace(MessageProcessor, _METHOD, __name__, _wrap)


def uninstall() -> None:
    """Back to Rasa's own parse."""
    patching.restore(MessageProcessor, _METHOD, __name__)
