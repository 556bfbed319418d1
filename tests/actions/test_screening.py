"""The screening form's validation and outcome, with rasa-sdk's Tracker and CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import (
    ActionScreeningOutcome,
    ValidateDetoxScreeningForm,
    answers_from,
    symptoms_answer,
)
from iop_assistant import triage

FORM_SLOTS = [
    "screening_for",
    "screening_recent_care",
    "screening_substances",
    "screening_frequency",
    "screening_last_use",
    "screening_symptoms",
    "screening_complicated_history",
]


def tracker(
    slots: Dict[str, Any],
    text: str = "",
    intent: str = "affirm",
    confidence: float = 0.9,
    entities: List[dict] | None = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities or [],
    }
    events = [{"event": "user", "text": text, "parse_data": latest}]
    return Tracker(
        "screen",
        slots,
        latest,
        events,
        False,
        None,
        {"name": "detox_screening_form"},
        "action_listen",
    )


def validate(slot: str, text: str, slots: Dict[str, Any] | None = None, **kwargs):
    dispatcher = CollectingDispatcher()
    form = ValidateDetoxScreeningForm()
    method = getattr(form, f"validate_{slot}")
    result = method(text, dispatcher, tracker(slots or {}, text, **kwargs), {})
    return result[slot], [m.get("response") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("For me", "self"),
        ("me", "self"),
        ("its for myself", "self"),
        ("For someone else", "other"),
        ("my son", "other"),
        ("asking for my husband", "other"),
        ("my best friend", "other"),
    ],
)
def test_who_it_is_for(text, expected):
    assert validate("screening_for", text)[0] == expected


@pytest.mark.parametrize(
    "text,entities,expected",
    [
        (
            "xanax bars mostly",
            [{"entity": "SUBSTANCE", "value": "xanax"}, {"entity": "SUBSTANCE", "value": "bars"}],
            ["benzodiazepine"],
        ),
        (
            "fent and percs",
            [{"entity": "SUBSTANCE", "value": "fent"}, {"entity": "SUBSTANCE", "value": "percs"}],
            ["opioid"],
        ),
        ("alcohol", None, ["alcohol"]),
        ("benzos", None, ["benzodiazepine"]),
        ("opioids", None, ["opioid"]),
        ("vodka, and some weed", None, ["alcohol", "cannabis"]),
        ("something else", None, ["other"]),
        ("bath salts i think", None, ["other"]),
        ("none", None, []),
    ],
)
def test_substances_become_categories(text, entities, expected):
    assert validate("screening_substances", text, entities=entities)[0] == expected


def test_program_question_mid_form_is_answered_and_asked_again():
    value, responses = validate(
        "screening_frequency",
        "how long is the program",
        intent="ask_program_length",
        confidence=0.93,
    )
    assert value is None
    assert responses == ["utter_ask_program_length"]


def test_unclear_answer_is_unknown_not_a_loop():
    value, responses = validate(
        "screening_frequency", "hmm its complicated", intent="deny", confidence=0.4
    )
    assert value == "unknown" and responses == []


@pytest.mark.parametrize(
    "slot,text,expected",
    [
        ("screening_frequency", "every day", "daily"),
        ("screening_frequency", "most days", "most_days"),
        ("screening_frequency", "about once a week", "weekly"),
        ("screening_last_use", "this morning", "today"),
        ("screening_last_use", "over a month ago", "months"),
        ("screening_recent_care", "Yes", "yes"),
        ("screening_recent_care", "nope", "no"),
        ("screening_recent_care", "Not sure", "unknown"),
        ("screening_complicated_history", "yeah i had a seizure once", "yes"),
    ],
)
def test_answers(slot, text, expected):
    assert validate(slot, text)[0] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Yes", ["reported"]),
        ("No", ["none"]),
        ("the shakes and sweats", ["shakes", "sweats"]),
        ("Not sure", None),
    ],
)
def test_symptoms_answer(text, expected):
    assert symptoms_answer(text) == expected


def test_symptoms_answer_marks_emergencies():
    answer = symptoms_answer("im having chest pain right now")
    assert "emergency:chest_pain" in answer


def required(slots):
    return asyncio.run(
        ValidateDetoxScreeningForm().required_slots(
            FORM_SLOTS, CollectingDispatcher(), tracker(slots), {}
        )
    )


def test_only_what_the_decision_needs_is_asked():
    assert required({}) == FORM_SLOTS
    assert required({"screening_substances": ["cannabis"]}) == FORM_SLOTS[:3]
    assert "screening_symptoms" not in required({"screening_last_use": "months"})
    assert required({"screening_symptoms": ["emergency:seizure"]}) == []


def outcome(slots):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionScreeningOutcome().run(dispatcher, tracker(slots), {}))
    return dispatcher.messages[0]["response"], {e["name"]: e["value"] for e in events}


DAILY_ALCOHOL = {
    "screening_for": "self",
    "screening_recent_care": "no",
    "screening_substances": ["alcohol"],
    "screening_frequency": "daily",
    "screening_last_use": "today",
    "screening_symptoms": ["shakes"],
    "screening_complicated_history": "no",
}


def test_outcome_detox_first():
    response, slots = outcome(DAILY_ALCOHOL)
    assert response == "utter_screening_detox_first"
    assert slots["screening_outcome"] == "detox_first"
    assert slots["screening_reasons"]


def test_outcome_iop_may_fit_after_recent_detox():
    response, slots = outcome(
        DAILY_ALCOHOL | {"screening_recent_care": "yes", "screening_symptoms": ["none"]}
    )
    assert response == "utter_screening_iop_may_fit"
    assert slots["screening_outcome"] == "iop_may_fit"


def test_outcome_helpline_when_unsure():
    response, _ = outcome(
        {
            "screening_for": "self",
            "screening_recent_care": "unknown",
            "screening_substances": ["other"],
            "screening_frequency": "unknown",
            "screening_last_use": "unknown",
            "screening_symptoms": ["unknown"],
            "screening_complicated_history": "unknown",
        }
    )
    assert response == "utter_screening_helpline"


def test_outcome_emergency_is_the_crisis_reply():
    response, slots = outcome(DAILY_ALCOHOL | {"screening_symptoms": ["emergency:seizure"]})
    assert response == "utter_crisis"
    assert slots["screening_outcome"] == "emergency"


def test_answers_from_slots():
    answers = answers_from(tracker(DAILY_ALCOHOL | {"screening_for": "other"}))
    assert answers == triage.ScreeningAnswers(
        for_self=False,
        substances={"alcohol"},
        frequency="daily",
        last_use="today",
        withdrawal_symptoms={"shakes"},
        emergency_symptoms_now=set(),
        past_complicated_withdrawal=False,
        recent_higher_care=False,
    )
