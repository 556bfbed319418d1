"""A bare "k" to a yes-or-no screening question is asked about, not taken as a yes.

Texter role-play round 38: "k" to "is any of it prescribed?" gave the outcome for a
prescribed medicine to someone who buys pills off the street.
"""

from __future__ import annotations

import pytest

from tests.actions.test_screening import validate


@pytest.mark.parametrize("text", ["k", "ok", "Okay.", "kk", "mk"])
@pytest.mark.parametrize(
    "slot",
    [
        "screening_prescribed",
        "screening_symptoms",
        "screening_complicated_history",
        "screening_pregnant",
    ],
)
def test_an_acknowledgement_is_asked_about(slot: str, text: str) -> None:
    answer, said = validate(slot, text, {"screening_substances": ["opioid"]})
    assert answer is None
    assert said == ["utter_screening_yes_or_no"]


@pytest.mark.parametrize("text", ["ya", "yes", "yep", "1"])
def test_a_yes_is_still_a_yes(text: str) -> None:
    answer, said = validate("screening_symptoms", text, {"screening_substances": ["opioid"]})
    assert answer and answer != "unknown"
    assert "utter_screening_yes_or_no" not in said


def test_a_question_that_is_not_yes_or_no_is_not_asked_about() -> None:
    """ "ok" to "how often do you use?" is read as that question reads it."""
    answer, said = validate("screening_frequency", "ok", {"screening_substances": ["opioid"]})
    assert "utter_screening_yes_or_no" not in said
