"""Inside a form, an answer is an answer: FormAnswerPolicy.

Rasa ends a form when a message is classified as ``stop``, ``goodbye`` or
``request_human`` (their slot mappings exclude those intents, and rules then
deactivate the form). People's answers trip that: "i can't stop for a day
without shaking" (``stop``) ended the screening, "now" and "nothing yet"
(``goodbye``) ended a callback request. This policy restores the design's
rule: while a form asks for a slot, a message ends or diverts the form only
when it is a short, explicit command (``control_intents.is_explicit_command``);
anything else goes to the form, whose validation reads it and asks again if
it is no answer. A classifier-only ``crisis`` guess with no word of danger in
it ("alcohol and xanax", "fentanyl i think", "me. got a dui") also goes to the
form; a crisis-guard hit, or danger words, never do (``nlu/danger_words.py``).

It predicts nothing itself: it adds the message as the requested slot's value
(``events``, which Rasa applies whichever policy wins), so the form, which
RulePolicy runs first while a loop is active, finds an answer to validate.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME, REQUESTED_SLOT
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant import form_answers, screening_answers
from iop_assistant.nlu.control_intents import (
    asks_for_a_call,
    asks_for_screening,
    asks_for_the_number,
    asks_to_be_connected,
    asks_to_stop_first,
    asks_to_talk_to_someone_now,
    is_explicit_command,
    is_stop_only,
    starts_with_stop,
    stops_the_questions,
)
from iop_assistant.nlu.danger_words import has_danger_words
from iop_assistant.nlu.distress import is_ambiguous_distress
from iop_assistant.nlu.past_danger import tells_a_past_overdose_only

FORMS = frozenset({"detox_screening_form", "callback_form"})
# intents the forms' slot mappings leave out (domain/screening.yml, callback.yml: not_intent)
DIVERTING_INTENTS = frozenset({"stop", "goodbye", "request_human", "request_callback"})
# asking for a person or a call is always meant, unless the text answers the question
ALWAYS_MEANT = frozenset({"request_human", "request_callback"})
CRISIS_INTENT = "crisis"
SCREENING_INTENT = "request_detox_screening"
PHONE_SLOTS = frozenset({"callback_phone", "callback_use_caller_number"})
# yes/no questions where a bare no is an answer, never a stop of the questions
YES_NO_SLOTS = frozenset({"callback_consent"})


# Screening questions about withdrawal signs ("when you stop, do you get...", "have you
# ever had a seizure...", "is this happening right now?"): answers name seizures and DTs.
WITHDRAWAL_SIGN_SLOTS = frozenset(
    {"screening_symptoms", "screening_complicated_history", "screening_emergency_now"}
)
WITHDRAWAL_CATEGORIES = frozenset({"withdrawal", "seizure", "medical"})


def about_past_or_unclear_signs(parse_data: Mapping[str, Any], text: str, slot: str) -> bool:
    """A crisis reading of an answer that names withdrawal signs, none of them clearly
    happening now ("I had a seizure last time I quit", "no seizures, just the sweats",
    "seizures"): the form reads it (history, or it asks "is this happening right now?").
    Signs now, or any other kind of crisis (suicide, overdose...), stay a crisis."""
    guard = parse_data.get("crisis_guard") or {}
    if guard and guard.get("category") not in WITHDRAWAL_CATEGORIES:
        return False
    reading = screening_answers.read_emergency(text)
    spanish_hit = str(guard.get("pattern_id") or "").startswith("es_")
    if guard and not reading.past and (slot not in WITHDRAWAL_SIGN_SLOTS or spanish_hit):
        # the lexicon found a sign, and nothing says it was before, said to a question that is
        # not about signs (or in Spanish, whose "ahorita" the time reader cannot see): "ahorita
        # estoy temblando todo, veo bichos en la pared" (es-v10, tuned: the next question)
        return False
    return not reading.now and screening_answers.mentions_emergency_sign(text)


# the signs the symptoms question itself names ("...trouble sleeping or a racing heart?"):
# "if i miss a day i get super shaky cant sleep and my heart pounds" answers it (v14: a
# classifier crisis on "heart", the 911 reply, and the screening ended for someone who
# needed its detox-first answer)
_ASKED_SIGNS = re.compile(
    r"\b(?:my\s+)?heart\s+(?:is\s+|gets\s+|starts\s+|keeps\s+)?(?:pound\w*|rac\w*|flutter\w*|"
    r"beat\w*\s+(?:fast|hard|like\s+crazy)|going\s+(?:fast|crazy))|\b(?:racing|pounding)\s+heart\b|"
    # "jittery and my jaw is clenched but thats the meth probably" (persona p66)
    r"\b(?:my\s+)?jaw\s+(?:is\s+|gets\s+)?(?:clench\w*|tight)|\bclench\w*\s+(?:my\s+)?jaw\b|"
    r"\bgrind\w*\s+(?:my\s+)?teeth\b|"
    # "cuando me salteo un dia tengo temblores, sudo, el corazon a mil y no pego un ojo"
    # (blind es-v13, SMS: the 911 reply, and the screening ended before its detox-first answer)
    r"\b(?:el\s+|mi\s+)?coraz[oó]n\s+(?:me\s+)?(?:a\s+mil|(?:muy\s+)?acelerado|(?:se\s+me\s+)?acelera|"
    r"(?:me\s+)?late\s+(?:muy\s+)?(?:fuerte|r[aá]pido|rapidisimo))",
    re.IGNORECASE,
)


def danger_beyond_the_question(slot: str, text: str) -> bool:
    """Danger words in an answer, besides the signs the symptoms question asks about (also
    said to another screening question: people answer ahead, and the form keeps it)."""
    if slot.startswith("screening_"):
        text = _ASKED_SIGNS.sub(" ", text)
    return has_danger_words(text)


def answer_for_form(tracker: DialogueStateTracker) -> SlotSet | None:
    """The requested slot filled with the latest message, when it should go to the form."""
    form = tracker.active_loop_name
    slot = tracker.get_slot(REQUESTED_SLOT)
    if form not in FORMS or not slot or tracker.latest_action_name != ACTION_LISTEN_NAME:
        return None
    message = tracker.latest_message
    if message is None:
        return None
    text = str(message.text or "").strip()
    if not text or text.startswith("/"):
        return None  # nothing said, or a button payload naming its intent
    intent = message.intent or {}
    name = intent.get("name")
    if name == CRISIS_INTENT:
        if slot.startswith("screening_") and about_past_or_unclear_signs(
            message.parse_data, text, slot
        ):
            # also to another screening question: "no seizures. and im a dude so not
            # pregnant" to "could you be pregnant?" (blind v19: the 911 reply, form ended)
            return SlotSet(slot, text)
        if (
            slot.startswith("screening_")
            and screening_answers.parse_last_use(text)
            and tells_a_past_overdose_only(text)
        ):
            # "last night, thats when he overdosed", to this question or ahead of it
            return SlotSet(slot, text)
        # a lexicon hit, or a crisis the conversation read ("after 9 i wont be picking up"
        # after a crisis reply, rasa_hooks/crisis_context.py)
        guard_hit = bool(message.parse_data.get("crisis_guard")) or bool(
            message.parse_data.get("crisis_context")
        )
        # the classifier alone, trained on outsiders' crisis wording, was sure of a crisis in
        # answers with no word of danger ("nothing really, maybe a little tired", "me. got a
        # dui and my lawyer said look into programs"; personas p04, p03, CI 2026-12-03/04):
        # the form reads or re-asks them; danger words or the lexicon's hits end the form
        if (
            not guard_hit
            and not danger_beyond_the_question(slot, text)
            and not is_ambiguous_distress(text)
        ):
            return SlotSet(slot, text)
        return None
    if name == SCREENING_INTENT and form == "callback_form":
        # "wait do i need detox first? i use fent" (texter role-play 2026-12-04: "didn't catch
        # a time", twice): a plain ask leaves the callback for the screening (a rule); any
        # other screening reading of an answer stays the answer
        return None if asks_for_screening(text) else SlotSet(slot, text)
    if name not in DIVERTING_INTENTS:
        return None  # the slot mapping already hands the text to the form
    if slot in PHONE_SLOTS and form_answers.asks_which_number(text):
        return SlotSet(slot, text)  # "her number or mine?" is about the question (v5)
    if slot in YES_NO_SLOTS and name == "stop" and form_answers.declines_plainly(text):
        return SlotSet(slot, text)  # "no mejor no" to the texting question is its answer
    if name == "stop" and stops_the_questions(text):
        # "actually forget the questions. i just want to know how much it costs" (v11):
        # whatever follows, the questions end
        return None
    if name in ("stop", "goodbye") and is_explicit_command(name, text):
        if (
            name == "stop"
            and not is_stop_only(text)
            and not starts_with_stop(text)  # "actually nvm not ready" is not "no" (v7)
            and not asks_to_stop_first(text)  # "actually can we stop. I feel weird..." (v13)
            and form_answers.accepts(slot, text)
        ):
            return SlotSet(slot, text)  # "skip", "pass", "no thanks" answer the question asked
        # nothing but stop words: "stop asking me all these questions" is not "for me";
        # "nah, i'll just call that number myself. thanks, goodbye." is not "no" (v4)
        return None
    if name in ALWAYS_MEANT and (
        asks_for_a_call(text)
        or asks_to_be_connected(text)
        or asks_to_talk_to_someone_now(text)
        # "nvm this is a lot. just give me the number" (v13: taken as the symptoms answer)
        or asks_for_the_number(text)
    ):
        # "Can someone call me to talk it through? I don't know where to start." is not
        # "not sure"; "can you just put me through to somebody now" is not a name (v7).
        # Not any mention of talking to someone: "me, retired and my wife thinks i should
        # talk to somebody" answers "who is this for?" (persona p11)
        return None
    if form_answers.accepts(slot, text):
        return SlotSet(slot, text)
    if name not in ALWAYS_MEANT and is_explicit_command(name, text):
        # the person really asked to stop or leave; a person or a call was asked for above,
        # and a short answer read as one is no such request ("just exhausted and hungry",
        # persona p51: the help line's number mid-screening)
        return None
    # otherwise the classifier's guess alone ("vodka, and she takes oxycodone for her back"
    # read as request_callback, v9 family-05) does not end the form: the form reads it
    return SlotSet(slot, text)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class FormAnswerPolicy(Policy):
    """Hands answers to the active form; never predicts an action of its own."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"priority": 1}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(
        self,
        training_trackers: List[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        return self._resource  # nothing to learn: the rules are in form_answers

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        answer = answer_for_form(tracker)
        return self._prediction(
            self._default_predictions(domain), events=[answer] if answer else None
        )
