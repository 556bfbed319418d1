"""Round 27 (blind v21 and es-v12, read): the screening asks nothing it does not need.

Five blind conversations told the morning shakes of someone who drinks every day and
then read the seizure question instead of the answer: with daily drinking and the
shakes the answer is detox first whatever happened before.
"""

from __future__ import annotations

from tests.actions.test_screening import asked_next, outcome

DAILY_DRINKER_WITH_SHAKES = {
    "screening_for": "other",
    "screening_recent_care": "no",
    "screening_substances": ["alcohol"],
    "screening_frequency": "daily",
    "screening_last_use": "today",
    "screening_symptoms": ["shakes", "sweats"],
    "screening_drinks": 12.0,
}


def test_no_history_question_once_the_answer_is_detox_first() -> None:
    slots = dict(DAILY_DRINKER_WITH_SHAKES)
    assert asked_next(slots) is None
    response, _ = outcome(slots)
    assert response == "utter_screening_detox_first"


def test_history_is_still_asked_when_it_can_change_the_outcome() -> None:
    weekly = DAILY_DRINKER_WITH_SHAKES | {
        "screening_frequency": "weekly",
        "screening_symptoms": ["none"],
        "screening_drinks": 3.0,
    }
    assert asked_next(weekly) == "screening_complicated_history"


def test_history_is_asked_while_how_much_is_unknown() -> None:
    """One or two drinks with the shakes could make the history matter, so it is asked in
    its place (the CI rehearsal: the drinks question came first, then the history anyway)."""
    slots = {k: v for k, v in DAILY_DRINKER_WITH_SHAKES.items() if k != "screening_drinks"}
    assert asked_next(slots) == "screening_complicated_history"


def test_history_is_asked_before_the_symptoms_are_known() -> None:
    slots = {k: v for k, v in DAILY_DRINKER_WITH_SHAKES.items() if k != "screening_symptoms"}
    assert asked_next(slots) == "screening_symptoms"


def test_texting_shorthand_for_times_is_read() -> None:
    """ "got out of detox last wk" (blind v21, SMS: the care question was asked again)."""
    from actions.screening import care_told
    from iop_assistant.screening_answers import parse_last_use

    assert care_told("got out of detox last wk. can u check if im good to start") == {
        "screening_recent_care": "yes",
        "screening_care_30_days": "yes",
    }
    assert parse_last_use("last nite") == "today"
    assert parse_last_use("2 wks ago") == "weeks"


def test_symptoms_told_at_the_history_question_are_symptoms() -> None:
    """ "cuando no toma le tiemblan las manos" (blind es-v12): not a "no" to the history."""
    from tests.actions.test_screening import validate

    slots = DAILY_DRINKER_WITH_SHAKES | {"screening_symptoms": ["unknown"], "language": "es"}
    result, said = validate(
        "screening_complicated_history",
        "cuando no toma le tiemblan las manos y suda mucho en la noche",
        slots,
    )
    assert result is None and said == ["utter_screening_noted"]


def test_no_she_hasnt_answers_the_care_question() -> None:
    """Blind v21 (SMS): "no she hasnt" was taken for who it is for, and asked three times."""
    from tests.actions.test_screening import validate

    result, _ = validate("screening_recent_care", "no she hasnt", {"screening_for": "other"})
    assert result == "no"
