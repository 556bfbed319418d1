"""Round 22 (blind v16 and es-v7, read): the screening answered in the person's order."""

from __future__ import annotations

from typing import Any, Dict

from rasa_sdk.executor import CollectingDispatcher

from actions.screening import ValidateDetoxScreeningForm
from tests.actions.test_screening import asked, tracker


def test_a_question_is_asked_at_most_twice_while_the_others_are_answered() -> None:
    """blind v16 a-47: "is any of it prescribed?" four times while a daughter answered how
    often, when and which symptoms; the second time it is let go as "don't know"."""
    form = ValidateDetoxScreeningForm()
    slots = {
        "screening_substances": ["alcohol", "benzodiazepine"],
        "screening_frequency": "daily",
        "requested_slot": "screening_prescribed",
    }
    result = form.validate_screening_prescribed(
        "this afternoon",
        CollectingDispatcher(),
        asked("screening_prescribed", 2, "this afternoon", slots),
        {},
    )
    assert result["screening_prescribed"] == "unknown"
    assert result["screening_last_use"]


def test_an_early_answer_is_said_to_be_noted_before_the_question_again() -> None:
    form = ValidateDetoxScreeningForm()
    dispatcher = CollectingDispatcher()
    slots = {"screening_substances": ["opioid"], "requested_slot": "screening_prescribed"}
    result = form.validate_screening_prescribed(
        "everyday several times",
        dispatcher,
        asked("screening_prescribed", 1, "everyday several times", slots),
        {},
    )
    assert result == {"screening_prescribed": None, "screening_frequency": "daily"}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_screening_noted"]


def test_a_yes_with_withdrawal_symptoms_is_not_a_prescription() -> None:
    """blind v16 a-26: "ya i get dope sick..." to the prescribed question from a fentanyl
    user was saved as prescribed opioids."""
    form = ValidateDetoxScreeningForm()
    text = "ya i get dope sick if i go more than half a day. throwing up sweats cramps"
    slots = {"screening_substances": ["opioid"], "requested_slot": "screening_prescribed"}
    result = form.validate_screening_prescribed(
        text, CollectingDispatcher(), asked("screening_prescribed", 1, text, slots), {}
    )
    assert result["screening_prescribed"] is None
    assert result["screening_symptoms"]


def test_a_yes_naming_the_prescription_is_still_one() -> None:
    form = ValidateDetoxScreeningForm()
    text = "yes my doctor prescribes it, i get shaky if i miss a dose"
    slots = {"screening_substances": ["benzodiazepine"], "requested_slot": "screening_prescribed"}
    result = form.validate_screening_prescribed(
        text, CollectingDispatcher(), asked("screening_prescribed", 1, text, slots), {}
    )
    assert result["screening_prescribed"] == ["benzodiazepine"]


def test_a_program_question_at_the_first_question_is_answered() -> None:
    """blind v16 a-01: "how much does it cost, he's still on our blue cross plan" was taken
    as "for someone else" and the cost question was never answered."""
    form = ValidateDetoxScreeningForm()
    dispatcher = CollectingDispatcher()
    text = "how much does it cost, he's still on our blue cross plan"
    slots: Dict[str, Any] = {"requested_slot": "screening_for"}
    result = form.validate_screening_for(
        text, dispatcher, tracker(slots, text, intent="ask_cost_insurance", confidence=0.8), {}
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_ask_cost_insurance"]
    assert result == {"screening_for": "other"}


def test_spanish_who_it_is_for() -> None:
    form = ValidateDetoxScreeningForm()
    # "nunca he ido a rehab" is their own history told ahead: for them, and the care
    # question answered (round 25, blind v19: such answers were asked again)
    for text, expected in (("pa mi", "self"), ("nel, nunca he ido a rehab ni nada", "self")):
        result = form.validate_screening_for(
            text,
            CollectingDispatcher(),
            tracker({"requested_slot": "screening_for"}, text, intent="deny"),
            {},
        )
        assert result["screening_for"] == expected, text
