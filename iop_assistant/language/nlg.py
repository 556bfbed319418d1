"""Responses in the conversation's language (endpoints.yml ``nlg: type: ...LanguageNLG``).

Spanish variations are ordinary Rasa conditional variations on the slot
``language`` (``condition: [{type: slot, name: language, value: es}]``, plus
any other condition they share with the English one). Rasa alone would mix
them: an English variation conditioned only on ``crisis_category`` also
matches a Spanish conversation, and a channel variation (voice) beats a
conditional one without a channel. This generator narrows the variations
first, then lets Rasa's own rules choose among them:

* Spanish conversation and the response has Spanish variations: only those;
* otherwise (English, or no Spanish yet): every variation but the Spanish ones.

The reply's language is added to the message (``language``), so channels
can speak it (voice ``<Say language="es-US">``). Static responses only: the
crisis reply still needs no action server.

A second program question in the same message (``also_asked`` in the parse data) is
answered after the first, in the same message; a note the control gate's reason calls for
(``NOTES``) too, or another answer in place of the usual one (``INSTEAD``).

A program answer asked for again right away is not said again word for word: its
follow-up comes instead, then "that's what I know" (``repeats``).

A crisis category with words of its own in only some replies (``seizure``:
the first reply and its repeat) is answered elsewhere with the words of the
category it belongs to (``medical``), not with the generic text that speaks
of naloxone and rescue breaths.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.constants import RESPONSE_CONDITION
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from iop_assistant import form_answers, screening_answers
from iop_assistant.language import ENGLISH, SLOT, SPANISH
from iop_assistant.language.already_stopped import opening_after_stopping
from iop_assistant.language.child_safety import childhelp_note
from iop_assistant.language.drug_class import drug_class_note
from iop_assistant.language.hidden_chat import hide_note
from iop_assistant.language.mixing import mixing_note
from iop_assistant.language.repeats import SAID_AS, SAID_IN, instead_of_a_repeat
from iop_assistant.language.reply_reasons import (
    ALCOHOL_POISONING_REASON,
    ALSO_ASKED,
    ANSWERED_EVEN_IF_REPEATED,
    CALLBACK_NOT_RECEIVED_REASON,
    CPS_REASON,
    CRAVING_REASON,
    DAYS_CLEAN_REASON,
    DELETE_DATA_REASON,
    DRINK_AGAIN_REASON,
    ELSEWHERE_REASON,
    FAMILY_PRIVACY_REASON,
    FAMILY_RELAPSE_REASON,
    FAMILY_SUPPORT_REASON,
    GATE_OUTPUT,
    GETTING_THROUGH_REASON,
    IMMIGRATION_REASON,
    LGBTQ_REASON,
    LOST_TOLERANCE_REASON,
    MINOR_REASON,
    MIXING_REASON,
    NALOXONE_WHERE_REASON,
    NO_NAME_CALL_REASON,
    NOT_READY_REASON,
    OVERDOSE_OVER_REASON,
    OVERDOSE_SIGNS_REASON,
    PAIN_MEDICINE_REASON,
    PAST_SEIZURE_STOPPING_REASON,
    PERSUADING_REASON,
    PREGNANCY_REASON,
    PRESSED_PILLS_REASON,
    REFERRAL_REASON,
    REFERRER_UPDATES_REASON,
    RELAPSE_AFTER_OPIOIDS_REASON,
    SAID_AGAIN_REASON,
    SECOND_CALL_REASON,
    SEIZURE_AID_REASON,
    SPANISH_SPEAKER_REASON,
    USE_WHILE_PREGNANT_REASON,
    WHO_COUNTS_AS_FAMILY_REASON,
    WHO_SIGNED_UP_REASON,
    WHO_TO_CALL_REASON,
    WITHDRAWAL_CARE_REASON,
)
from iop_assistant.language.safety_context import fitted_safety_answer
from iop_assistant.language.short_replies import short_if_asked
from iop_assistant.language.teen_at_home import teen_note
from iop_assistant.language.teen_privacy import for_a_teen
from iop_assistant.language.veterans import veterans_note

# (answer, the gate's reason) -> a note said after the answer: what the answer alone
# leaves out for that question ("no tengo papeles" gets the privacy law and that it is the
# same whatever a person's status; "hablan español?" who speaks Spanish on the phone)
NOTES = {
    ("utter_ask_relapse", RELAPSE_AFTER_OPIOIDS_REASON): "utter_screening_opioid_note",
    ("utter_ask_confidentiality", IMMIGRATION_REASON): "utter_note_immigration",
    ("utter_ask_confidentiality", CPS_REASON): "utter_note_cps",
    ("utter_ask_group_therapy", LGBTQ_REASON): "utter_note_lgbtq",
    ("utter_ask_format", SPANISH_SPEAKER_REASON): "utter_note_spanish_speaker",
    ("utter_speak_spanish", SPANISH_SPEAKER_REASON): "utter_note_spanish_helpline",
    ("utter_ask_dosing", PREGNANCY_REASON): "utter_note_pregnancy",
    ("utter_inform_use", USE_WHILE_PREGNANT_REASON): "utter_note_pregnancy",
    ("utter_request_help", USE_WHILE_PREGNANT_REASON): "utter_note_pregnancy",
    ("utter_ask_safety_procedures", NALOXONE_WHERE_REASON): "utter_note_naloxone_where",
    ("utter_ask_safety_procedures", OVERDOSE_OVER_REASON): "utter_note_after_overdose",
}

CATEGORY_SLOT = "crisis_category"
# a category -> the one whose words it takes where it has none of its own (followed on:
# fumes in someone else's garage -> someone else's suicidal danger -> a medical emergency,
# whose follow-ups say "stay with them and do what the 911 dispatcher says")
CATEGORY_FALLBACK = {
    "seizure": "medical",
    "suicidal_other": "medical",
    "fumes_other": "suicidal_other",
    "fumes": "suicidal",
    # GHB, sleeping pills or alcohol: the overdose follow-ups (911, stay with them)
    "overdose_sedative": "overdose",
}


def is_spanish(variation: Dict[str, Any]) -> bool:
    return any(
        c.get("name") == SLOT and str(c.get("value")).lower() == SPANISH
        for c in variation.get(RESPONSE_CONDITION) or []
    )


def without_language(variation: Dict[str, Any]) -> Dict[str, Any]:
    """The variation with its ``language`` condition removed (none left: no condition)."""
    rest = [c for c in variation.get(RESPONSE_CONDITION) or [] if c.get("name") != SLOT]
    stripped = {k: v for k, v in variation.items() if k != RESPONSE_CONDITION}
    if rest:
        stripped[RESPONSE_CONDITION] = rest
    return stripped


def has_category(variations: List[Dict[str, Any]], category: str) -> bool:
    return any(
        c.get("name") == CATEGORY_SLOT and c.get("value") == category
        for v in variations
        for c in v.get(RESPONSE_CONDITION) or []
    )


def with_category_fallback(
    variations: List[Dict[str, Any]], filled_slots: Dict[str, Any]
) -> Dict[str, Any]:
    """The slots to choose by: a category without variations here takes its fallback's."""
    category = filled_slots.get(CATEGORY_SLOT)
    if not isinstance(category, str):
        return filled_slots
    chosen = category
    while not has_category(variations, chosen) and chosen in CATEGORY_FALLBACK:
        chosen = CATEGORY_FALLBACK[chosen]
    return filled_slots if chosen == category else {**filled_slots, CATEGORY_SLOT: chosen}


def _matches(variation: Dict[str, Any], slots: Dict[str, Any]) -> bool:
    conditions = variation.get(RESPONSE_CONDITION) or []
    return bool(conditions) and all(slots.get(c.get("name")) == c.get("value") for c in conditions)


def most_specific(variations: List[Dict[str, Any]], slots: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The variations with the most conditions among those that match, so that a relative's
    wording ([note, screening_for=other]) wins over the person's own ([note]); Rasa picks at
    random among all matches (family role-play round 34: "your prescriber" to a husband)."""
    matching = [v for v in variations if _matches(v, slots)]
    if not matching:
        return variations
    most = max(len(v[RESPONSE_CONDITION]) for v in matching)
    return [v for v in variations if not _matches(v, slots) or len(v[RESPONSE_CONDITION]) == most]


def _parse_data(tracker: DialogueStateTracker) -> Dict[str, Any]:
    return getattr(getattr(tracker, "latest_message", None), "parse_data", None) or {}


# (answer, the gate's reason) -> the response said instead: "when is drinking an emergency?"
# gets the signs of alcohol poisoning, not the opioid overdose answer (family role-play)
INSTEAD = {
    ("utter_ask_safety_procedures", ALCOHOL_POISONING_REASON): "utter_alcohol_poisoning",
    # "is it dangerous to drink on suboxone?", "are M30s fentanyl?" (family role-play round 19:
    # the menu twice, never an answer)
    ("utter_ask_safety_procedures", MIXING_REASON): "utter_mixing_danger",
    ("utter_ask_safety_procedures", PRESSED_PILLS_REASON): "utter_pressed_pills",
    ("utter_ask_safety_procedures", OVERDOSE_SIGNS_REASON): "utter_overdose_signs",
    ("utter_ask_safety_procedures", SEIZURE_AID_REASON): "utter_seizure_first_aid",
    ("utter_ask_safety_procedures", WITHDRAWAL_CARE_REASON): "utter_withdrawal_care_today",
    ("utter_ask_safety_procedures", DRINK_AGAIN_REASON): "utter_already_stopped_drinking",
    ("utter_ask_staying_on_medication", PAIN_MEDICINE_REASON): "utter_prescribed_pain_medicine",
    ("utter_ask_family_involvement", WHO_COUNTS_AS_FAMILY_REASON): "utter_who_counts_as_family",
    ("utter_ask_family_involvement", MINOR_REASON): "utter_minor_in_treatment",
    ("utter_ask_confidentiality", FAMILY_PRIVACY_REASON): "utter_what_family_is_told",
    ("utter_ask_relapse", FAMILY_RELAPSE_REASON): "utter_relapse_of_a_loved_one",
    ("utter_ask_family_involvement", FAMILY_SUPPORT_REASON): "utter_family_support",
    ("utter_ask_location_hours", ELSEWHERE_REASON): "utter_treatment_elsewhere",
    ("utter_ask_admission_process", REFERRAL_REASON): "utter_referral",
    ("utter_ask_confidentiality", REFERRER_UPDATES_REASON): "utter_what_a_referrer_is_told",
    ("utter_ask_safety_procedures", LOST_TOLERANCE_REASON): "utter_lost_tolerance",
    ("utter_ask_safety_procedures", PAST_SEIZURE_STOPPING_REASON): "utter_screening_history_told",
    ("utter_request_help", CRAVING_REASON): "utter_craving",
    ("utter_request_help", GETTING_THROUGH_REASON): "utter_getting_through",
    ("utter_ask_helpline_hours", WHO_TO_CALL_REASON): "utter_who_to_call_any_day",
    ("utter_request_help", SECOND_CALL_REASON): "utter_callback_second_person",
    ("utter_request_help", NOT_READY_REASON): "utter_not_ready",
    ("utter_request_help", CALLBACK_NOT_RECEIVED_REASON): "utter_callback_not_received",
    ("utter_ask_family_involvement", PERSUADING_REASON): "utter_persuading_a_loved_one",
    ("utter_bot_challenge", WHO_SIGNED_UP_REASON): "utter_who_signed_me_up",
    ("utter_bot_challenge", SAID_AGAIN_REASON): "utter_said_that_already",
    ("utter_inform_use", DAYS_CLEAN_REASON): "utter_days_without_use",
    # a safety question right after the crisis reply is answered with the crisis reply again
    # (data/rules/crisis.yml), unless the conversation read what was asked: "how do I know if
    # it's actually bad" after pills and drinks (caller role-play round 36: the reply again)
    ("utter_crisis_again", OVERDOSE_SIGNS_REASON): "utter_overdose_signs",
    ("utter_crisis_again", WITHDRAWAL_CARE_REASON): "utter_withdrawal_care_today",
    # "hes passed out snoring, should i worry" after a whole bottle (round 35)
    ("utter_crisis_again", ALCOHOL_POISONING_REASON): "utter_alcohol_poisoning",
    ("utter_crisis_again", LOST_TOLERANCE_REASON): "utter_lost_tolerance",
    ("utter_crisis_again", PAST_SEIZURE_STOPPING_REASON): "utter_screening_history_told",
    ("utter_ask_chat_privacy", DELETE_DATA_REASON): "utter_delete_my_data",
    ("utter_ask_confidentiality", NO_NAME_CALL_REASON): "utter_call_without_a_name",
}


def _gate_reason(tracker: DialogueStateTracker) -> str:
    """Why the control gate chose the latest message's intent ("" when it did not)."""
    return str((_parse_data(tracker).get(GATE_OUTPUT) or {}).get("reason") or "")


# Crisis update kinds whose rule names a shared action: the rule says
# SHARED_UPDATE_ACTION for them and the generator says the kind's own reply. Rasa adds
# every action named in a rule to the NLU training data it fingerprints, so a new action
# name in a rule retrains DIET (about 50 minutes here, round 23); a shared one does not.
SHARED_UPDATE_ACTION = "utter_crisis_update_what_to_say"
KINDS_SAID_THROUGH_THE_SHARED_ACTION = {
    "naloxone_question": "utter_crisis_update_naloxone_question",
    "stay_with_me": "utter_crisis_update_stay_with_me",
    "still_needs_care": "utter_crisis_update_still_needs_care",
    "drives_self": "utter_crisis_update_drives_self",
    "not_me": "utter_crisis_update_not_me",
    "means_for_someone": "utter_crisis_update_means_for_someone",
    "should_call_911": "utter_crisis_update_should_call_911",
    "about_988": "utter_crisis_update_about_988",
    "naloxone_other_drug": "utter_crisis_update_naloxone_other_drug",
    "no_more_tonight": "utter_crisis_update_no_more_tonight",
    "means_handed_over": "utter_crisis_update_means_handed_over",
    "drive_or_911": "utter_crisis_update_drive_or_911",
    "fumes_window": "utter_crisis_update_fumes_window",
    "poison_control_police": "utter_crisis_update_poison_control_police",
    "drink_for_shakes": "utter_crisis_update_drink_for_shakes",
    "dv_shelter": "utter_crisis_update_dv_shelter",
    "dv_phone_safety": "utter_crisis_update_dv_phone_safety",
    "dv_come_out": "utter_crisis_update_dv_come_out",
    "dv_passed_out": "utter_crisis_update_dv_passed_out",
    "call_for_me": "utter_crisis_update_call_for_me",
    "call_them_for_me": "utter_crisis_update_call_for_me",
    "not_with_them": "utter_crisis_update_not_with_them",
}


def update_reply(said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]) -> str:
    """The reply for the crisis update kind when the rule named the shared action."""
    kind = tracker.get_slot("crisis_update") if said == SHARED_UPDATE_ACTION else None
    own = KINDS_SAID_THROUGH_THE_SHARED_ACTION.get(str(kind or ""))
    return own if own and own in responses else said


def instead_for(said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]) -> str:
    """The response the control gate's reason calls for in place of ``said`` (``INSTEAD``)."""
    said = update_reply(said, tracker, responses)
    other = INSTEAD.get((said, _gate_reason(tracker)))
    return other if other in responses else said


def note_for(said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]) -> str | None:
    """A note for the reason the control gate chose this answer (``NOTES``), if any."""
    note = NOTES.get((said, _gate_reason(tracker)))
    return note if note in responses else None


def second_answer(
    said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]
) -> str | None:
    """The answer to a second program question in the message (``also_asked``, set by
    ``rasa_hooks/second_question``), when ``said`` answers the message's first one."""
    parse_data = _parse_data(tracker)
    main = (parse_data.get("intent") or {}).get("name")
    also = (parse_data.get(ALSO_ASKED) or {}).get("intent")
    answers_main = said == f"utter_{main}" or (
        main == "crisis_update" and said.startswith("utter_crisis_update_")
    )
    if not main or not also or not answers_main or also == main:
        return None
    answer = f"utter_{also}"
    return answer if answer in responses else None


def for_language(variations: List[Dict[str, Any]], language: str | None) -> List[Dict[str, Any]]:
    """The variations a conversation in ``language`` may be answered with.

    Spanish variations lose their ``language`` condition, so Rasa ranks them
    among themselves exactly as it ranks the English ones: a Spanish variation
    conditioned only on the language is the default, one also conditioned on
    ``crisis_category`` beats it.
    """
    spanish = [without_language(v) for v in variations if is_spanish(v)]
    if language == SPANISH and spanish:
        return spanish
    return [v for v in variations if not is_spanish(v)]


# the responses added after the answer, in the reply (and so in the bot event's metadata)
ALSO_SAID = "also_said"
# replies that carry no note: the notes follow the answer, not the first-message disclaimer
NO_NOTES_AFTER = frozenset({"utter_disclaimer"})


def _bot_texts_since_the_person_wrote(tracker: DialogueStateTracker) -> List[str]:
    """What the assistant has already said in this turn."""
    texts: List[str] = []
    for event in reversed(tracker.events):
        kind = getattr(event, "type_name", None)
        if kind == "user":
            break
        text = getattr(event, "text", None)
        if kind == "bot" and isinstance(text, str):
            texts.append(text)
    return texts


# the detox questions' outcomes, and the replies that would offer the questions again or say
# only "okay" when someone goes on answering them after the outcome ("no seizures no. and not
# pregnant", "una vez me desmaye pero no se si fue convulsion": blind v24/es-v15, read in
# round 30)
OUTCOME_REPLIES = frozenset(
    {
        "utter_screening_detox_first",
        "utter_screening_iop_may_fit",
        "utter_screening_helpline",
        # the notes said right after an outcome (blind v25, read in round 31: "percocet, 6-8 a
        # day, not prescribed" after the outcome and its opioid note got the screening offer)
        "utter_screening_prescribed_note",
        "utter_screening_opioid_note",
        "utter_screening_history_told",
        "utter_screening_more_told",
    }
)
AFTER_AN_OUTCOME = frozenset({"utter_inform_use", "utter_deny", "utter_affirm"})
MORE_TOLD_AFTER_AN_OUTCOME = "utter_screening_more_told"
HISTORY_TOLD_AFTER_AN_OUTCOME = "utter_screening_history_told"
PAST_WITHDRAWAL_SIGNS = frozenset({"seizure", "hallucinations", "confusion"})


# answers chosen in place of another (so ``repeats`` never sees them) with a shorter
# wording for the second time in a row (the crisis reply has its own)
# a note's wording for when it is said without the answer it follows
NOTES_SAID_ALONE = {"utter_note_immigration": "utter_note_immigration_alone"}
SAID_SHORTER_AGAIN = {
    "utter_withdrawal_care_today": "utter_withdrawal_care_today_again",
    "utter_crisis_update_call_for_me": "utter_crisis_update_call_for_me_again",
}


def _last_bot_event_before_the_person_wrote(tracker: DialogueStateTracker) -> Any:
    """The assistant's last message event before the person's latest message, or None."""
    wrote = False
    for event in reversed(tracker.events):
        kind = getattr(event, "type_name", None)
        if kind == "user":
            if wrote:
                return None
            wrote = True
        elif kind == "bot" and wrote:
            return event
    return None


def _said_just_before(reply: Dict[str, Any] | None, tracker: DialogueStateTracker) -> bool:
    """Whether the assistant's last message, before the person's latest, began with this
    reply's words (a reply chosen in place of another is not seen by ``repeats``)."""
    text = (reply or {}).get("text")
    event = _last_bot_event_before_the_person_wrote(tracker)
    if not isinstance(text, str) or not text or event is None:
        return False
    return str(getattr(event, "text", "") or "").startswith(text)


def _last_bot_action_before_the_person_wrote(tracker: DialogueStateTracker) -> str | None:
    """The assistant's last response before the person's latest message."""
    event = _last_bot_event_before_the_person_wrote(tracker)
    return None if event is None else (getattr(event, "metadata", None) or {}).get("utter_action")


def after_an_outcome(said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]) -> str:
    """More answers right after the screening's outcome: noted, and who to tell if anything
    changes (a seizure, the DTs), not the offer of the same questions again."""
    if said not in AFTER_AN_OUTCOME or MORE_TOLD_AFTER_AN_OUTCOME not in responses:
        return said
    last = _last_bot_action_before_the_person_wrote(tracker)
    if last not in OUTCOME_REPLIES:
        return said
    text = str((tracker.latest_message.text if tracker.latest_message else "") or "")
    if (
        HISTORY_TOLD_AFTER_AN_OUTCOME in responses
        and screening_answers.read_emergency(text).past & PAST_WITHDRAWAL_SIGNS
    ):
        # "yeah i had a seizure 2 yrs ago when i tried quitting" right after "detox first"
        # (blind v25, read in round 31: "if anything changes, like a seizure..." to someone
        # who had just told one): what a past seizure or the DTs means, and who to tell
        return HISTORY_TOLD_AFTER_AN_OUTCOME
    return MORE_TOLD_AFTER_AN_OUTCOME


SIGNS_TOLD_AFTER_IOP_MAY_FIT = "utter_screening_signs_told_after"
IOP_MAY_FIT = "utter_screening_iop_may_fit"


def _last_outcome(tracker: DialogueStateTracker) -> str | None:
    """The screening outcome said last in this session, if any."""
    for event in reversed(tracker.events):
        if getattr(event, "type_name", None) == "session_started":
            return None
        if getattr(event, "type_name", None) == "bot":
            name = (getattr(event, "metadata", None) or {}).get("utter_action")
            if name in OUTCOME_REPLIES:
                return str(name)
    return None


def outcome_after_signs_told(
    said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]
) -> str:
    """Withdrawal signs told after "IOP may be a good fit" change the answer: detox first
    may be safer, call today (self role-play round 38: the same outcome four times)."""
    if (
        said not in AFTER_AN_OUTCOME | {IOP_MAY_FIT}
        or SIGNS_TOLD_AFTER_IOP_MAY_FIT not in responses
    ):
        return said
    if _last_outcome(tracker) != IOP_MAY_FIT:
        return said
    text = str((tracker.latest_message.text if tracker.latest_message else "") or "")
    return SIGNS_TOLD_AFTER_IOP_MAY_FIT if screening_answers.parse_symptoms(text) else said


PAUSED_CALLBACK_NOTE = "utter_callback_paused"


def paused_callback_note(
    said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]
) -> str | None:
    """After "no" to the check-in asked inside a callback request ("whenever. if im still around
    lol", then "no not like that, i just work a lot"; blind v24, read in round 30): the
    request was paused, not saved; say how to finish it. Its answers are kept."""
    if said != "utter_crisis_checkin_no" or PAUSED_CALLBACK_NOTE not in responses:
        return None
    started = tracker.get_slot("callback_phone") or tracker.get_slot("callback_use_caller_number")
    return PAUSED_CALLBACK_NOTE if started and not tracker.get_slot("callback_request_id") else None


NUMBER_QUESTION = "utter_ask_callback_phone"
NUMBER_QUESTION_FOR_SOMEONE_ELSE = "utter_ask_callback_phone_someone_else"


def number_question(said: str, tracker: DialogueStateTracker, responses: Dict[str, Any]) -> str:
    """The call-back number question worded for the person to be called when the request
    was for someone else ("can your help line call HER directly?", family role-play round
    37: "Sure, I can ask our help line to call you")."""
    if said != NUMBER_QUESTION or NUMBER_QUESTION_FOR_SOMEONE_ELSE not in responses:
        return said
    for event in reversed(tracker.events):
        if getattr(event, "type_name", None) == "user":
            text = str(getattr(event, "text", "") or "")
            if form_answers.asks_to_call_someone_else(text):
                return NUMBER_QUESTION_FOR_SOMEONE_ELSE
        elif getattr(event, "type_name", None) == "active_loop" and not getattr(
            event, "name", None
        ):
            break  # only the request that started this form counts
    return said


class LanguageNLG(TemplatedNaturalLanguageGenerator):
    """Rasa's templated generator, narrowed to the conversation's language first."""

    def __init__(
        self,
        endpoint_config: EndpointConfig | None = None,
        domain: Domain | None = None,
        responses: Dict[str, List[Dict[str, Any]]] | None = None,
    ) -> None:
        all_responses = responses if responses is not None else (domain.responses if domain else {})
        super().__init__(all_responses)
        self._source: Any = None
        self._tables: Dict[str, Dict[str, List[Dict[str, Any]]]] = {}

    def by_language(self, language: str) -> Dict[str, List[Dict[str, Any]]]:
        """The responses narrowed to ``language``, rebuilt when Rasa swaps ``responses``.

        The agent creates the generator before a model is loaded and then assigns the
        model's responses to ``self.responses`` (rasa.core.agent), so the tables follow it.
        """
        if self._source is not self.responses:
            self._tables = {
                lang: {name: for_language(v, lang) for name, v in self.responses.items()}
                for lang in (ENGLISH, SPANISH)
            }
            self._source = self.responses
        return self._tables[language]

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> Dict[str, Any] | None:
        """Rasa's generation, except that a program answer just given is not said again
        word for word (``repeats``)."""
        # a more fitting answer first ("how would i know its happening" right after the overdose
        # answer: the signs, not its follow-up; role-play round 22)
        said = outcome_after_signs_told(
            instead_for(utter_action, tracker, self.responses), tracker, self.responses
        )
        said = after_an_outcome(said, tracker, self.responses)
        said = for_a_teen(said, tracker.events, self.responses)
        said = opening_after_stopping(said, tracker.events, self.responses)
        said = number_question(said, tracker, self.responses)
        if not _gate_reason(tracker):
            said = fitted_safety_answer(said, tracker.events, self.responses)
        if said == utter_action and _gate_reason(tracker) not in ANSWERED_EVEN_IF_REPEATED:
            said = instead_of_a_repeat(
                utter_action,
                reversed(tracker.events),
                self.responses,
                str(tracker.get_slot(SLOT) or ENGLISH),
            )
        note = note_for(utter_action, tracker, self.responses)
        if note and said != utter_action:
            # the answer was just given: its note alone, not "that's the main thing I know"
            # ("¿le van a dar mi información a ICE?" three ways, Spanish role-play round 19),
            # in its own words when it names what the answer said (round 37: "Esa protección")
            alone = NOTES_SAID_ALONE.get(note, "")
            said, note = (alone if alone in self.responses else note), None
        reply = await super().generate(said, tracker, output_channel, **kwargs)
        if reply and said != utter_action:
            reply = {**reply, SAID_AS: said}
        again = SAID_SHORTER_AGAIN.get(said, "")
        if again in self.responses and _said_just_before(reply, tracker):
            # "where do I take her right now" after the same care answer three times (family
            # role-play round 35): a shorter reply that says it again in other words
            said = again
            reply = await super().generate(said, tracker, output_channel, **kwargs)
        # "shorter pls" once holds for the rest of the conversation (texter role-play round 37)
        language = str(tracker.get_slot(SLOT) or ENGLISH)
        reply = short_if_asked(said, reply, tracker.events, language)
        if reply:
            reply = {**reply, SAID_IN: language}
        extras = (
            note,
            second_answer(said, tracker, self.responses),
            veterans_note(said, tracker.events, self.responses),
            childhelp_note(tracker.events, self.responses),
            teen_note(said, list(tracker.events), self.responses),
            hide_note(said, list(tracker.events), self.responses),
            drug_class_note(said, list(tracker.events), self.responses),
            mixing_note(said, list(tracker.events), bool(tracker.active_loop_name), self.responses),
            paused_callback_note(said, tracker, self.responses),
        )
        said_this_turn = _bot_texts_since_the_person_wrote(tracker)
        for extra in extras if said not in NO_NOTES_AFTER else ():
            if extra and reply and isinstance(reply.get("text"), str):
                more = await super().generate(extra, tracker, output_channel, **kwargs)
                text = more.get("text") if more else None
                # once a turn: "is lorazepam a benzo?" as a first message had the note after
                # the disclaimer and again after the answer (round 24 widget check)
                if isinstance(text, str) and not any(text in t for t in said_this_turn):
                    # named in the bot event's metadata (Rasa keeps a reply's other keys
                    # there): the console and the conversation checks see every answer given
                    also_said = [*reply.get(ALSO_SAID, []), extra]
                    reply = {**reply, "text": f"{reply['text']}\n\n{text}", ALSO_SAID: also_said}
        if reply and isinstance(reply.get("text"), str):
            # a program fact left empty until confirmed ({hours}) leaves a gap or a
            # leading space behind ("{address} {hours} Call...")
            reply["text"] = re.sub(r" {2,}", " ", reply["text"]).strip()
        return reply

    def _random_response_for(
        self, utter_action: str, output_channel: str, filled_slots: Dict[str, Any]
    ) -> Dict[str, Any] | None:
        """Rasa's choice among the variations of the conversation's language."""
        language = SPANISH if filled_slots.get(SLOT) == SPANISH else ENGLISH
        table = self.by_language(language)
        variations = table.get(utter_action) or []
        slots = with_category_fallback(variations, filled_slots)
        chooser = TemplatedNaturalLanguageGenerator(
            {utter_action: most_specific(variations, slots)}
        )
        response = chooser._random_response_for(utter_action, output_channel, slots)
        if response is not None:
            response = dict(response)
            spanish = language == SPANISH and any(
                is_spanish(v) for v in self.responses.get(utter_action, [])
            )
            response["language"] = SPANISH if spanish else ENGLISH
        return response
