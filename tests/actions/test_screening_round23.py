"""Round 23 (blind v17 and es-v8, read): how long is not when, and a seizure told early."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.screening import ValidateDetoxScreeningForm, history_answer
from tests.actions.test_screening import asked, outcome


def test_how_long_someone_has_used_leaves_when_last_to_be_asked() -> None:
    """blind v17: "every day for like 3 yrs" to the prescribed question filled "last used
    over a month ago", and a daily Xanax user with shakes got "IOP may fit"."""
    form = ValidateDetoxScreeningForm()
    slots = {"screening_substances": ["benzodiazepine"], "requested_slot": "screening_prescribed"}
    result = form.validate_screening_prescribed(
        "every day for like 3 yrs",
        CollectingDispatcher(),
        asked("screening_prescribed", 1, "every day for like 3 yrs", slots),
        {},
    )
    assert result["screening_frequency"] == "daily"
    assert "screening_last_use" not in result


def test_daily_benzos_this_morning_with_shakes_is_detox_first() -> None:
    slots = {
        "screening_for": "self",
        "screening_recent_care": "no",
        "screening_substances": ["benzodiazepine"],
        "screening_frequency": "daily",
        "screening_last_use": "today",
        "screening_prescribed": "unknown",
        "screening_symptoms": ["anxiety", "insomnia", "shakes"],
        "screening_complicated_history": "no",
    }
    assert outcome(slots)[0] == "utter_screening_detox_first"


def test_a_seizure_told_to_the_pregnancy_question_answers_the_seizure_question() -> None:
    """blind v17: "yeah he had a seizure last year when he ran out of bars" was a yes to
    "could you be pregnant?" (and the outcome was the pregnancy one)."""
    form = ValidateDetoxScreeningForm()
    text = "yeah he had a seizure last year when he ran out of bars"
    slots = {
        "screening_substances": ["opioid", "benzodiazepine"],
        "requested_slot": "screening_pregnant",
    }
    result = form.validate_screening_pregnant(
        text, CollectingDispatcher(), asked("screening_pregnant", 1, text, slots), {}
    )
    assert result["screening_pregnant"] is None
    assert result["screening_complicated_history"] == "yes"


def test_a_plain_yes_to_the_pregnancy_question_is_still_one() -> None:
    form = ValidateDetoxScreeningForm()
    slots = {"screening_substances": ["opioid"], "requested_slot": "screening_pregnant"}
    result = form.validate_screening_pregnant(
        "yes im 14 weeks",
        CollectingDispatcher(),
        asked("screening_pregnant", 1, "yes im 14 weeks", slots),
        {},
    )
    assert result["screening_pregnant"] == "yes"


def test_seizures_in_the_persons_words() -> None:
    assert history_answer("yes i had a seizure in march when i ran out") == "yes"
    assert history_answer("no seizures") == "no"
    assert history_answer("no nunca he tenido convulsiones") == "no"
    assert history_answer("no never") is None


JUST_OUT_OF_DETOX = {
    "screening_for": "other",
    "screening_recent_care": "yes",
    "screening_care_30_days": "yes",
    "screening_use_since_care": "no",
    "screening_substances": ["alcohol"],
    "screening_frequency": "daily",
    "screening_last_use": "days",
    "screening_symptoms": ["shakes"],
    "screening_complicated_history": "no",
}


def test_symptoms_just_after_detox_are_checked_today_not_detox_again() -> None:
    """family role-play round 23: a husband home a day from a 5-day alcohol detox, still
    shaky, got "detox before IOP looks like the safer path" four times."""
    response, events = outcome(JUST_OUT_OF_DETOX)
    assert response == "utter_screening_helpline"
    assert events["screening_note"] == "after_detox_symptoms"


def test_used_again_after_detox_with_symptoms_is_still_detox_first() -> None:
    response, _ = outcome(JUST_OUT_OF_DETOX | {"screening_use_since_care": "yes"})
    assert response == "utter_screening_detox_first"
