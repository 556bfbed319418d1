"""The detox-first screening form: validation of each answer, then the outcome.

The decision itself is made by ``iop_assistant.triage`` (pure rules, no Rasa);
this module only turns what the person typed or tapped into the answers the
rules need, asks only what the decision still needs, and says the outcome.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from iop_assistant import form_answers, substances, triage
from iop_assistant.topics import FAQ_INTENTS

FORM = "detox_screening_form"
UNKNOWN = "unknown"
EMERGENCY_PREFIX = "emergency:"
FAQ_MIN_CONFIDENCE = 0.6
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
DETAIL_SLOTS = (
    "screening_prescribed",
    "screening_frequency",
    "screening_last_use",
    "screening_symptoms",
    "screening_complicated_history",
)

# Asked only after a "yes" to recent higher care: when, then any use since.
CARE_FOLLOW_UPS = ("screening_care_30_days", "screening_use_since_care")

OUTCOME_RESPONSES = {
    triage.Outcome.EMERGENCY: "utter_crisis",
    triage.Outcome.DETOX_FIRST: "utter_screening_detox_first",
    triage.Outcome.IOP_MAY_FIT: "utter_screening_iop_may_fit",
    triage.Outcome.HELPLINE: "utter_screening_helpline",
}


def is_question(text: str) -> bool:
    """Worded as a question back ("wait how many days a week is it?", "is it evenings?")."""
    cleaned = " ".join(str(text or "").lower().split())
    return cleaned.endswith("?") or bool(_QUESTION_START.match(cleaned))


def answered_faq(
    dispatcher: CollectingDispatcher, tracker: Tracker, min_confidence: float = FAQ_MIN_CONFIDENCE
) -> bool:
    """A program question asked mid-form is answered; the form then asks again."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    if intent.get("name") in FAQ_INTENTS and intent.get("confidence", 0) >= min_confidence:
        dispatcher.utter_message(response=f"utter_{intent['name']}")
        return True
    return False


def times_said_since_start(tracker: Tracker, form: str, response: str) -> int:
    """How often ``response`` was said since ``form`` last started (to stop re-asking)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == form:
            break
        if (
            event.get("event") == "bot"
            and (event.get("metadata") or {}).get("utter_action") == response
        ):
            count += 1
    return count


def read_answer(
    slot: str, answer: Any, unsure: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> Dict[str, Any]:
    """The parsed answer; or, when there is none, an FAQ answer and the question again
    (slot left empty); or else "unknown", so an unclear reply never loops. A question
    back about the program is answered first, even when its words parse as an answer."""
    text = str((tracker.latest_message or {}).get("text") or "")
    if is_question(text) and answered_faq(dispatcher, tracker, QUESTION_FAQ_MIN_CONFIDENCE):
        return {slot: None}
    if answer not in (None, UNKNOWN):
        return {slot: answer}
    if answered_faq(dispatcher, tracker):
        return {slot: None}
    return {slot: unsure}


def yes_no_unknown(text: Any) -> str:
    """ "yes" / "no" / "unknown" for a yes-no question."""
    answer = triage.parse_yes_no(str(text or ""))
    return {True: "yes", False: "no"}.get(answer, UNKNOWN)


def substance_categories(tracker: Tracker, text: str) -> List[str]:
    """Categories from the spaCy SUBSTANCE entities, else from the words of the lexicon."""
    names = [
        e.get("value")
        for e in (tracker.latest_message or {}).get("entities") or []
        if e.get("entity") == "SUBSTANCE"
    ]
    found = substances.categories(names) if names else substances.categories_in_text(text)
    return sorted(found)


def symptoms_answer(text: str) -> List[str] | None:
    """Withdrawal symptoms (+ emergency ones marked), ["none"], or None when unsure."""
    emergencies = [f"{EMERGENCY_PREFIX}{e}" for e in sorted(triage.parse_emergency(text))]
    named = triage.parse_symptoms(text)
    if not named:
        yes_no = triage.parse_yes_no(text)
        named = (
            {"reported"} if yes_no is True else {triage.NO_SYMPTOMS} if yes_no is False else set()
        )
    if not named and not emergencies:
        return None
    return sorted(named) + emergencies


class ValidateDetoxScreeningForm(FormValidationAction):
    """Reads each answer (button or free text) and skips questions the decision doesn't need."""

    def name(self) -> str:
        return "validate_detox_screening_form"

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
        no_withdrawal_risk = used is not None and set(used) <= triage.LOW_RISK
        long_ago = tracker.get_slot("screening_last_use") == "months"
        skip = set(DETAIL_SLOTS) if no_withdrawal_risk else set()
        if long_ago:
            skip |= {"screening_symptoms", "screening_complicated_history"}
        if tracker.get_slot("screening_recent_care") != "yes":
            skip |= set(CARE_FOLLOW_UPS)
        elif tracker.get_slot("screening_care_30_days") != "yes":
            skip.add("screening_use_since_care")
        if not set(used or ()) & triage.PRESCRIBABLE:
            skip.add("screening_prescribed")
        return [slot for slot in domain_slots if slot not in skip]

    def validate_screening_for(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = form_answers.parse_screening_for(str(value or ""))
        if answer is not None:
            return {"screening_for": answer}
        if answered_faq(dispatcher, tracker):
            return {"screening_for": None}
        if times_said_since_start(tracker, FORM, "utter_screening_for_unclear"):
            return {"screening_for": "self"}  # asked twice: the questions work either way
        dispatcher.utter_message(response="utter_screening_for_unclear")
        return {"screening_for": None}

    def validate_screening_recent_care(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = yes_no_unknown(value)
        when = triage.parse_last_use(str(value or ""))
        if when is not None and answer != "no":
            # "yes, detox 2 years ago": answered, and the time says whether it was recent
            return {
                "screening_recent_care": "yes",
                "screening_care_30_days": form_answers.care_within_30_days(str(value)),
            }
        return read_answer("screening_recent_care", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_care_30_days(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = form_answers.care_within_30_days(str(value or ""))
        return read_answer("screening_care_30_days", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_use_since_care(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = form_answers.used_since_care(str(value or ""))
        return read_answer("screening_use_since_care", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_prescribed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        named = tracker.get_slot("screening_substances") or []
        answer = form_answers.parse_prescribed(str(value or ""), named)
        return read_answer("screening_prescribed", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_substances(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = str(value or "")
        found = substance_categories(tracker, text)
        if not found and form_answers.is_no_use(text):
            return {"screening_substances": []}
        if form_answers.is_unsure(text):
            # "no idea", "not sure what": unknown (the help line), or more than was named
            return {"screening_substances": sorted(set(found) | {"other"}) if found else [UNKNOWN]}
        return read_answer("screening_substances", found or None, ["other"], dispatcher, tracker)

    def validate_screening_frequency(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = triage.parse_frequency(str(value or ""))
        return read_answer("screening_frequency", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_last_use(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = triage.parse_last_use(str(value or ""))
        return read_answer("screening_last_use", answer, UNKNOWN, dispatcher, tracker)

    def validate_screening_symptoms(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = symptoms_answer(str(value or ""))
        return read_answer("screening_symptoms", answer, [UNKNOWN], dispatcher, tracker)

    def validate_screening_complicated_history(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = yes_no_unknown(value)
        return read_answer("screening_complicated_history", answer, UNKNOWN, dispatcher, tracker)


def _known(value: Any) -> Any:
    return None if value in (None, UNKNOWN, [UNKNOWN]) else value


def _yes(value: Any) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def _recent_care(tracker: Tracker) -> bool | None:
    """Higher care that ended in the last 30 days: yes only when both answers say so."""
    care = _yes(tracker.get_slot("screening_recent_care"))
    if care is not True:
        return care
    return _yes(tracker.get_slot("screening_care_30_days"))


def answers_from(tracker: Tracker) -> triage.ScreeningAnswers:
    """The form's slots as the triage rules' input (unknown stays None)."""
    used = _known(tracker.get_slot("screening_substances"))
    prescribed = _known(tracker.get_slot("screening_prescribed"))
    symptoms = _known(tracker.get_slot("screening_symptoms"))
    emergencies = {
        s.removeprefix(EMERGENCY_PREFIX) for s in symptoms or [] if s.startswith(EMERGENCY_PREFIX)
    }
    withdrawal = (
        None
        if symptoms is None
        else {s for s in symptoms if not s.startswith(EMERGENCY_PREFIX)} or None
    )
    return triage.ScreeningAnswers(
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
    )


# The one safety point each outcome's reply variation is chosen by (slot screening_note);
# the variations live in domain.yml, the notes in triage.safety_notes().
NOTE_PRIORITY = {
    triage.Outcome.DETOX_FIRST: (triage.NOTE_WITHDRAWAL_NOW,),
    triage.Outcome.IOP_MAY_FIT: (triage.NOTE_SEDATIVES,),
    triage.Outcome.HELPLINE: (triage.NOTE_PRESCRIBED,),
    triage.Outcome.EMERGENCY: (),
}


def primary_note(outcome: triage.Outcome, notes: Tuple[str, ...]) -> str | None:
    """The note the outcome's reply variation must carry, or None for the plain reply."""
    return next((n for n in NOTE_PRIORITY[outcome] if n in notes), None)


class ActionScreeningOutcome(Action):
    """Says the outcome and records it (slots) for staff."""

    def name(self) -> str:
        return "action_screening_outcome"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        answers = answers_from(tracker)
        decision = triage.decide(answers)
        notes = triage.safety_notes(answers, decision)
        note = primary_note(decision.outcome, notes)
        events: List[EventType] = [SlotSet("screening_note", note)]
        if decision.outcome is triage.Outcome.EMERGENCY:
            # the crisis reply's withdrawal wording, not the overdose or suicide one
            events.append(SlotSet("crisis_category", "withdrawal"))
        dispatcher.utter_message(response=OUTCOME_RESPONSES[decision.outcome])
        if triage.NOTE_PRESCRIBED in notes and note != triage.NOTE_PRESCRIBED:
            dispatcher.utter_message(response="utter_screening_prescribed_note")
        return events + [
            SlotSet("screening_outcome", decision.outcome.value),
            SlotSet("screening_reasons", list(decision.reasons)),
        ]
